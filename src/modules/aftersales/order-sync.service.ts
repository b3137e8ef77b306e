// Cases from what the order imports already carry (docs/AFTERSALES.md, "Where cases come from"):
// every committed order import not yet read is read once, oldest first —
//   - each refund record it created or changed (Taobao 退款报表, Pinduoduo 售后单 read with the
//     orders) is a case keyed by the platform's refund id, the same key its after-sales export uses,
//     so both sources make one case; its type and state through the platform's code maps;
//   - each order it created or changed with a refund of its own (退款金额, Refunded Amount …) and no
//     case yet is a refunded case keyed `order:<order key>`; the platform's case, when it arrives,
//     adopts it;
//   - cases that named one of its orders before the order was imported are linked to it.
// Runs as the system right after an order import commits (ImportService, its own unit of work
// after the import's transaction), before an after-sales import, and from the server's minute
// sweep (`sweep`: imports committed by another process, or whose sync failed or never ran after
// the commit) — never while the queue is read. A rolled-back import that was read before keeps its
// cases (people may have worked them).
import type { Actor } from "../../core/actor.js";
import { caseState, caseType, type StateTarget } from "../../core/aftersales/platform-codes.js";
import { msg } from "../../core/messages/index.js";
import type { RefundsTable } from "../../db/schema.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CaseSourceRepository, type CaseOrder } from "./case-sources.repository.js";
import { caseEvent, planCreate, planUpdate, type CasePlan, type Incoming } from "./case-upsert.js";
import { planCounts, writePlans, writtenIds } from "./case-write.js";
import { publishSla, refreshSla, type SlaOutcome } from "./sla-clocks.js";
import { makeDueFollowups } from "./followups-generate.js";
import { routeNewCases } from "./routing.service.js";
import { CaseRepository } from "./cases.repository.js";

/** Order imports read per transaction (a history of thousands is read over a few). */
const IMPORTS_PER_SYNC = 20;

const refundTarget = (r: RefundsTable, platform: string): StateTarget =>
  caseState(platform, r.rawStatus) ??
  (r.status === "succeeded"
    ? { state: "resolved", outcome: "refunded" }
    : r.status === "closed"
      ? { state: "closed" }
      : { state: "new" });

function refundRaw(r: RefundsTable): Record<string, string> {
  try {
    const v = JSON.parse(r.raw) as unknown;
    return typeof v === "object" && v !== null ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** What a sync read: order imports, and the cases it made and changed. */
export interface SyncCounts {
  imports: number;
  created: number;
  updated: number;
}

export interface OrderSyncSweepResult extends SyncCounts {
  /** Workspaces that had order imports not read yet. */
  workspaces: number;
  failed: { workspaceId: string; error: string }[];
}

const systemOf = (workspaceId: string): Actor => ({
  userId: "",
  memberId: "",
  workspaceId,
  role: "member",
  departmentId: null,
  via: "system",
});

export class OrderSyncService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Reads the workspace's order imports not read yet; answers how many cases it made and changed. */
  async sync(actor: Actor): Promise<SyncCounts> {
    return this.syncWorkspace(actor.workspaceId);
  }

  /**
   * Every order import of the workspace not read yet, IMPORTS_PER_SYNC per transaction; then the
   * new cases are routed and the 好评回访 calls that came due are made, once.
   */
  async syncWorkspace(ws: string): Promise<SyncCounts> {
    const total = { imports: 0, created: 0, updated: 0 };
    const sources = new CaseSourceRepository(this.deps.db);
    // A cheap look first: most calls find nothing to read and open no transaction.
    while ((await sources.unsyncedImports(ws, 1)).length > 0) {
      const round = await this.batch(ws);
      total.imports += round.imports;
      total.created += round.created;
      total.updated += round.updated;
      // Another sync at the same moment claimed what was left: its cases are its to write.
      if (round.imports === 0) break;
    }
    if (total.created > 0) await routeNewCases(this.deps, ws);
    // The order imports read may hold deliveries and finished refunds: 好评回访 calls due now.
    if (total.imports > 0) await makeDueFollowups(this.deps, ws);
    if (total.created + total.updated > 0)
      this.deps.events?.publish(ws, { type: "aftersales.cases.changed" });
    return total;
  }

  /**
   * The server's sweep: every workspace with committed order imports not read yet (one query when
   * there are none) is synced, each on its own; a workspace that fails is reported and tried again
   * at the next sweep (its imports stay unread: the failed transaction's claims rolled back).
   */
  async sweep(): Promise<OrderSyncSweepResult> {
    const result: OrderSyncSweepResult = {
      workspaces: 0,
      imports: 0,
      created: 0,
      updated: 0,
      failed: [],
    };
    for (const ws of await new CaseSourceRepository(this.deps.db).workspacesWithUnsyncedImports()) {
      try {
        const r = await this.syncWorkspace(ws);
        result.workspaces++;
        result.imports += r.imports;
        result.created += r.created;
        result.updated += r.updated;
      } catch (err) {
        result.failed.push({
          workspaceId: ws,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return result;
  }

  /** Up to IMPORTS_PER_SYNC of the oldest imports not read yet, in one transaction. */
  private async batch(ws: string): Promise<SyncCounts> {
    const total = { imports: 0, created: 0, updated: 0 };
    const written: string[] = [];
    let sla: SlaOutcome | undefined;
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const sources = new CaseSourceRepository(trx);
      for (const imp of await sources.unsyncedImports(ws, IMPORTS_PER_SYNC)) {
        // Another sync at the same moment took it (the import's own, the sweep's, an after-sales
        // import's): its cases are theirs to write.
        if (!(await sources.claimSync(ws, imp.id, at))) continue;
        const counts = await this.one(trx, ws, imp.id, imp.shopId, at, written);
        await sources.setSyncCounts(ws, imp.id, counts);
        total.imports++;
        total.created += counts.created;
        total.updated += counts.updated;
      }
      if (total.created + total.updated > 0)
        await audit(trx, systemOf(ws), at, {
          action: "aftersales.sync",
          entityType: "workspace",
          entityId: ws,
          message: msg("audit.aftersales.sync", { created: total.created, updated: total.updated }),
        });
      sla = await refreshSla(trx, ws, written, at);
    });
    publishSla(this.deps, sla);
    return total;
  }

  private async one(
    trx: Executor,
    ws: string,
    importId: string,
    shopId: string,
    at: string,
    written: string[],
  ) {
    const sources = new CaseSourceRepository(trx);
    const repo = new CaseRepository(trx);
    const shop = (await sources.shops(ws, [shopId]))[0];
    if (!shop) return { created: 0, updated: 0 };
    const changes = await sources.importChanges(ws, importId);
    const refundIds = changes.filter((c) => c.entity === "refund").map((c) => c.entityKey);
    const orderKeys = changes.filter((c) => c.entity === "order").map((c) => c.entityKey);
    const refunds = await sources.refunds(ws, shopId, refundIds);
    const touched = await sources.ordersByKeys(ws, shopId, orderKeys);
    const byNumber = await sources.ordersByNumbers(
      ws,
      shopId,
      refunds.map((r) => r.platformOrderId),
    );
    for (const o of touched) byNumber.set(o.platformOrderId, o);

    const plans: CasePlan[] = [];
    const orderCaseKeys = [...byNumber.values()].map((o) => `order:${o.orderKey}`);
    const existing = new Map(
      (await repo.byKeys(ws, shopId, [...refundIds, ...orderCaseKeys])).map((c) => [c.caseKey, c]),
    );
    const withCases = new Set(
      (
        await repo.ofOrders(
          ws,
          touched.map((o) => o.id),
        )
      ).map((c) => c.orderId),
    );
    const lines = new Map<string, Awaited<ReturnType<CaseRepository["lines"]>>>();
    for (const l of await repo.lines(
      ws,
      [...existing.values()].map((c) => c.id),
    ))
      lines.set(l.caseId, [...(lines.get(l.caseId) ?? []), l]);
    const put = (i: Incoming) => {
      // A refund record adopts the case its order's own refund made before.
      const synthetic = i.order ? existing.get(`order:${i.order.orderKey}`) : undefined;
      const stored = existing.get(i.caseKey) ?? (i.source === "refund" ? synthetic : undefined);
      if (stored && stored === synthetic && i.source === "refund")
        existing.delete(`order:${i.order!.orderKey}`);
      plans.push(
        stored
          ? planUpdate(stored, lines.get(stored.id) ?? [], i, at, null)
          : planCreate(ws, i, at, null),
      );
      if (i.order) withCases.add(i.order.id);
    };
    for (const r of refunds) {
      const order = byNumber.get(r.platformOrderId) ?? null;
      const raw = refundRaw(r);
      put({
        caseKey: r.platformRefundId,
        platformCaseId: r.platformRefundId,
        source: "refund",
        platform: shop.platform,
        shopId,
        platformOrderId: r.platformOrderId,
        order,
        type: (r.kind ? caseType(shop.platform, r.kind) : null) ?? "refund_only",
        platformType: r.kind,
        target: refundTarget(r, shop.platform),
        platformState: r.rawStatus || null,
        goodsState: raw["货物状态"] ?? null,
        reason: r.reason,
        requestedFen: r.amountFen,
        refundFen: r.status === "succeeded" ? r.amountFen : null,
        currency: order?.currency ?? shop.currency,
        openedAt: r.requestedAt ?? r.completedAt ?? at,
        updatedAt: null,
        completedAt: r.completedAt,
        deadlineAt: null,
        returnWaybill: null,
        returnCarrier: null,
        lines:
          raw["宝贝标题"] || raw["商品名称"]
            ? [
                {
                  title: raw["宝贝标题"] ?? raw["商品名称"]!,
                  sku: raw["商家编码"] ?? null,
                  quantity: 1,
                },
              ]
            : [],
        raw,
        file: null,
      });
    }
    for (const o of touched) {
      const key = `order:${o.orderKey}`;
      if (o.ownRefundFen <= 0 || (withCases.has(o.id) && !existing.has(key))) continue;
      put(orderRefund(o, key, shop, at));
    }
    // Cases that named these orders before they were imported.
    for (const c of await repo.unlinked(
      ws,
      shopId,
      touched.map((o) => o.platformOrderId),
    )) {
      const o = byNumber.get(c.platformOrderId!);
      if (!o || plans.some((p) => p.kind !== "create" && p.id === c.id)) continue;
      plans.push({
        kind: "update",
        id: c.id,
        version: c.version,
        fields: { orderId: o.id, customerKey: o.customerKey, updatedAt: at },
        lines: null,
        events: [
          caseEvent(
            ws,
            c.id,
            at,
            "linked",
            msg("case.history.linked", { order: o.platformOrderId }),
          ),
        ],
        pause: {},
      });
    }
    await writePlans(repo, ws, plans);
    written.push(...writtenIds(plans));
    const counts = planCounts(plans);
    return { created: counts.created, updated: counts.updated };
  }
}

/** A refund only the order carries: the platform refunded it, so the case is resolved. */
function orderRefund(
  o: CaseOrder,
  key: string,
  shop: { platform: string; currency: string },
  at: string,
): Incoming {
  const when = o.cancelledAt ?? o.completedAt ?? o.shippedAt ?? o.paidAt ?? at;
  return {
    caseKey: key,
    platformCaseId: null,
    source: "order",
    platform: shop.platform,
    shopId: o.shopId,
    platformOrderId: o.platformOrderId,
    order: o,
    type: "refund_only",
    platformType: null,
    target: { state: "resolved", outcome: "refunded" },
    platformState: null,
    goodsState: null,
    reason: null,
    requestedFen: o.ownRefundFen,
    refundFen: o.ownRefundFen,
    currency: o.currency || shop.currency,
    openedAt: when,
    updatedAt: when,
    completedAt: when,
    deadlineAt: null,
    returnWaybill: null,
    returnCarrier: null,
    lines: [],
    raw: { order: o.platformOrderId, refund: o.ownRefundFen },
    file: null,
  };
}
