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
import { orderRefund, refundIncoming } from "./order-sync-cases.js";

/** Order imports read per transaction (a history of thousands is read over a few). */
const IMPORTS_PER_SYNC = 20;

/** An order import's orders read per page: memory holds a page, not the import. */
const ORDERS_PER_PAGE = 2000;

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
      sla = await refreshWritten(trx, ws, written, at);
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
    const counts = { created: 0, updated: 0 };
    const write = async (plans: CasePlan[]) => {
      await writePlans(repo, ws, plans);
      for (const id of writtenIds(plans)) written.push(id);
      const c = planCounts(plans);
      counts.created += c.created;
      counts.updated += c.updated;
    };
    /** The import's orders, a page at a time (a million-order import is never held at once). */
    const eachPage = async (fn: (orders: CaseOrder[]) => Promise<void>) => {
      for (let after: string | null = null; ;) {
        const keys = await sources.importChangeKeys(ws, importId, "order", after, ORDERS_PER_PAGE);
        if (keys.length === 0) return;
        await fn(await sources.ordersByKeys(ws, shopId, keys));
        if (keys.length < ORDERS_PER_PAGE) return;
        after = keys[keys.length - 1]!;
      }
    };

    // Its refund records first (few): each names its order by number, the import's own orders
    // standing for theirs.
    const refundIds: string[] = [];
    for (let after: string | null = null; ;) {
      const keys = await sources.importChangeKeys(ws, importId, "refund", after, ORDERS_PER_PAGE);
      refundIds.push(...keys);
      if (keys.length < ORDERS_PER_PAGE) break;
      after = keys[keys.length - 1]!;
    }
    const refunds = await sources.refunds(ws, shopId, refundIds);
    const byNumber = await sources.ordersByNumbers(
      ws,
      shopId,
      refunds.map((r) => r.platformOrderId),
    );
    const named = new Set(refunds.map((r) => r.platformOrderId));
    if (named.size)
      await eachPage(async (orders) => {
        for (const o of orders)
          if (named.has(o.platformOrderId)) byNumber.set(o.platformOrderId, o);
      });
    /** Orders given a case by a refund record, and the cases those plans update. */
    const refundOrders = new Set<string>();
    const refundUpdates = new Set<string>();
    if (refunds.length) {
      const orderOf = (r: RefundsTable) => byNumber.get(r.platformOrderId) ?? null;
      const plans: CasePlan[] = [];
      const put = await this.putter(repo, ws, shopId, at, plans, refundOrders, [
        ...refundIds,
        ...refunds.flatMap((r) => {
          const o = orderOf(r);
          return o ? [`order:${o.orderKey}`] : [];
        }),
      ]);
      for (const r of refunds) put(refundIncoming(r, orderOf(r), shop, shopId, at));
      for (const p of plans) if (p.kind !== "create") refundUpdates.add(p.id);
      await write(plans);
    }

    // Then its orders, a page at a time: an order's own refund is a case, and cases that named
    // these orders before they were imported are linked to them.
    await eachPage(async (orders) => {
      const refunded = orders.filter((o) => o.ownRefundFen > 0);
      const withCases = new Set(
        (
          await repo.ofOrders(
            ws,
            refunded.map((o) => o.id),
          )
        ).map((c) => c.orderId),
      );
      const plans: CasePlan[] = [];
      const keys = refunded.map((o) => `order:${o.orderKey}`);
      const existing = new Set<string>();
      const put = await this.putter(repo, ws, shopId, at, plans, withCases, keys, existing);
      for (const o of refunded) {
        const key = `order:${o.orderKey}`;
        if ((withCases.has(o.id) || refundOrders.has(o.id)) && !existing.has(key)) continue;
        put(orderRefund(o, key, shop, at));
      }
      const ofNumber = new Map(orders.map((o) => [o.platformOrderId, o]));
      for (const c of await repo.unlinked(
        ws,
        shopId,
        orders.map((o) => o.platformOrderId),
      )) {
        const o = ofNumber.get(c.platformOrderId!);
        if (
          !o ||
          refundUpdates.has(c.id) ||
          plans.some((p) => p.kind !== "create" && p.id === c.id)
        )
          continue;
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
      await write(plans);
    });
    return counts;
  }

  /**
   * What adds a case to `plans`: an update of the stored case of its key (read here, with their
   * keys into `storedKeys`), or a new one. A refund record adopts the case its order's own refund
   * made before. Orders given a case go into `withCases`.
   */
  private async putter(
    repo: CaseRepository,
    ws: string,
    shopId: string,
    at: string,
    plans: CasePlan[],
    withCases: Set<string | null>,
    keys: string[],
    storedKeys = new Set<string>(),
  ): Promise<(i: Incoming) => void> {
    const existing = new Map((await repo.byKeys(ws, shopId, keys)).map((c) => [c.caseKey, c]));
    for (const k of existing.keys()) storedKeys.add(k);
    const lines = new Map<string, Awaited<ReturnType<CaseRepository["lines"]>>>();
    for (const l of await repo.lines(
      ws,
      [...existing.values()].map((c) => c.id),
    ))
      lines.set(l.caseId, [...(lines.get(l.caseId) ?? []), l]);
    return (i: Incoming) => {
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
  }
}

/**
 * The clocks of the cases a sync wrote, ORDERS_PER_PAGE at a time: a million-order import writes
 * hundreds of thousands of cases, which are not read back at once.
 */
async function refreshWritten(
  trx: Executor,
  ws: string,
  written: string[],
  at: string,
): Promise<SlaOutcome> {
  const out: SlaOutcome = { workspaceId: ws, changed: 0, alerts: 0, events: [] };
  let casesChanged = false;
  for (let i = 0; i < written.length; i += ORDERS_PER_PAGE) {
    const r = await refreshSla(trx, ws, written.slice(i, i + ORDERS_PER_PAGE), at);
    out.changed += r.changed;
    out.alerts += r.alerts;
    for (const e of r.events) {
      if (e.type === "aftersales.cases.changed") {
        if (casesChanged) continue;
        casesChanged = true;
      }
      out.events.push(e);
    }
  }
  return out;
}
