// Sales attribution (业绩归属): the rules that give orders an owner, an owner set by hand, and
// attributed sales per member, department and "nobody" — what person- and department-scope
// commissions, unattributed pools and attributed-sales goals are computed from.
import type { Actor } from "../../core/actor.js";
import { newId } from "../../core/ids.js";
import { formatMoney } from "../../core/money.js";
import {
  attribute,
  normalizeRulePattern,
  type AttributionKind,
} from "../../core/orders/attribution.js";
import { DepartmentTree } from "../../core/org/tree.js";
import { msg, type Message } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import type { AttributionRulesTable } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import {
  Attribution,
  AttributionRepository,
  memberNames,
  type OwnerSales,
} from "./attribution.repository.js";
import { OrderRepository } from "./order.repository.js";
import { presentOrder } from "./orders.presenter.js";
import { shopOf } from "./shop.service.js";
import { authorizeShop } from "./shop.access.js";
import { PeopleRepository } from "./people.repository.js";
import { badField, notFoundIn, staleRecord } from "./refusals.js";
import { refuseLockedMonths } from "../pay/locked-month.js";
import { StatsRepository } from "./stats.repository.js";

/** A rule's kind as the audit log names it. */
const ruleKind = (kind: string): Message =>
  msg(
    kind === "memo" || kind === "salesRef" || kind === "sku" || kind === "shop"
      ? `audit.attribution.kind.${kind}`
      : "audit.attribution.kind.memo",
  );

const NONE: OwnerSales = { ownerMemberId: "", paidOrders: 0, gmvFen: 0, refundFen: 0, items: 0 };
const add = (a: OwnerSales, b: OwnerSales): OwnerSales => ({
  ownerMemberId: a.ownerMemberId,
  paidOrders: a.paidOrders + b.paidOrders,
  gmvFen: a.gmvFen + b.gmvFen,
  refundFen: a.refundFen + b.refundFen,
  items: a.items + b.items,
});

/** Attributed sales of a period, by member, department (sub-departments included) and nobody. */
export class AttributedSales {
  private constructor(
    private readonly rows: Map<string, OwnerSales>,
    private readonly memberDept: Map<string, string | null>,
    private readonly tree: DepartmentTree,
  ) {}

  static async load(
    db: Executor,
    workspaceId: string,
    range: { from: string; to: string; shopIds?: readonly string[] },
  ): Promise<AttributedSales> {
    const people = new PeopleRepository(db);
    const [rows, members, departments] = await Promise.all([
      new AttributionRepository(db).sales(workspaceId, range.from, range.to, range.shopIds),
      people.memberDepartments(workspaceId),
      people.departmentParents(workspaceId),
    ]);
    return new AttributedSales(
      new Map(rows.map((r) => [r.ownerMemberId, r])),
      new Map(members.map((m) => [m.id, m.departmentId])),
      new DepartmentTree(departments),
    );
  }

  member(memberId: string): OwnerSales {
    return this.rows.get(memberId) ?? { ...NONE, ownerMemberId: memberId };
  }
  get unattributed(): OwnerSales {
    return this.rows.get("") ?? NONE;
  }
  get total(): OwnerSales {
    return [...this.rows.values()].reduce(add, NONE);
  }

  department(departmentId: string): OwnerSales {
    const ids = this.tree.subtree(departmentId);
    let sum = { ...NONE, ownerMemberId: departmentId };
    for (const [memberId, dept] of this.memberDept)
      if (dept && ids.has(dept)) sum = add(sum, this.member(memberId));
    return sum;
  }
}

export const presentSales = (s: OwnerSales) => ({
  paidOrders: s.paidOrders,
  gmv: formatMoney(s.gmvFen),
  netGmv: formatMoney(s.gmvFen - s.refundFen),
  items: s.items,
});

export class AttributionService {
  constructor(private readonly deps: ServiceDeps) {}

  private async present(db: Executor, workspaceId: string, rules: AttributionRulesTable[]) {
    const names = await memberNames(db, workspaceId);
    return rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      pattern: r.pattern,
      shopId: r.shopId,
      memberId: r.memberId,
      memberName: names.get(r.memberId) ?? "",
      position: r.position,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  async listRules(actor: Actor) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    return {
      items: await this.present(
        this.deps.db,
        actor.workspaceId,
        await new AttributionRepository(this.deps.db).rules(actor.workspaceId),
      ),
      nextCursor: null,
    };
  }

  /** Checks a rule's fields; returns the pattern as stored. */
  private async check(
    db: Executor,
    actor: Actor,
    r: { kind: AttributionKind; pattern: string; memberId: string; shopId: string | null },
  ): Promise<string> {
    if (!(await new PeopleRepository(db).exists(actor.workspaceId, r.memberId)))
      throw badField("memberId", "shop.no_such_member");
    if (r.shopId !== null)
      await shopOf(db, actor.workspaceId, r.shopId).catch(() => {
        throw badField("shopId", "shop.no_such_shop", { ids: [r.shopId!] });
      });
    if (r.kind === "shop" && r.shopId === null) throw badField("shopId", "shop.rule.shop_required");
    const pattern = normalizeRulePattern(r.kind, r.pattern);
    if (r.kind !== "shop" && pattern === "")
      throw badField("pattern", "shop.rule.pattern_required");
    return pattern;
  }

  private async change<T>(
    actor: Actor,
    work: (trx: Executor, repo: AttributionRepository, at: string) => Promise<T>,
  ): Promise<T & { reattributed: number }> {
    await authorizeShop(this.deps.db, actor, "shop.manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new AttributionRepository(trx);
      const out = await work(trx, repo, nowIso(this.deps));
      return { ...out, reattributed: await repo.reattribute(actor.workspaceId) };
    });
  }

  async createRule(
    actor: Actor,
    input: { kind: AttributionKind; pattern: string; memberId: string; shopId?: string | null },
  ) {
    return this.change(actor, async (trx, repo, at) => {
      const shopId = input.shopId ?? null;
      const pattern = await this.check(trx, actor, { ...input, shopId });
      const existing = await repo.rules(actor.workspaceId);
      const row: AttributionRulesTable = {
        workspaceId: actor.workspaceId,
        id: newId(),
        kind: input.kind,
        pattern,
        shopId,
        memberId: input.memberId,
        position: existing.length + 1,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.insertRule(row);
      await audit(trx, actor, at, {
        action: "attribution_rule.create",
        entityType: "attribution_rule",
        entityId: row.id,
        message: msg("audit.attribution_rule.create", {
          kind: ruleKind(row.kind),
          pattern: row.pattern,
          member: (await memberNames(trx, actor.workspaceId)).get(row.memberId) ?? "",
          memberId: row.memberId,
        }),
        after: row,
      });
      return { rule: (await this.present(trx, actor.workspaceId, [row]))[0]! };
    });
  }

  async updateRule(
    actor: Actor,
    id: string,
    input: {
      version: number;
      pattern?: string;
      memberId?: string;
      shopId?: string | null;
      position?: number;
    },
  ) {
    return this.change(actor, async (trx, repo, at) => {
      const before = await repo.getRule(actor.workspaceId, id);
      if (!before) throw notFoundIn("rule");
      if (before.version !== input.version) throw staleRecord("rule", before.version);
      const next = {
        kind: before.kind,
        pattern: input.pattern ?? before.pattern,
        memberId: input.memberId ?? before.memberId,
        shopId: input.shopId === undefined ? before.shopId : input.shopId,
      };
      const pattern = await this.check(trx, actor, next);
      if (
        !(await repo.updateRule(actor.workspaceId, id, before.version, {
          pattern,
          memberId: next.memberId,
          shopId: next.shopId,
          updatedAt: at,
        }))
      )
        throw staleRecord("rule", before.version);
      if (input.position !== undefined) {
        const ids = (await repo.rules(actor.workspaceId)).map((r) => r.id).filter((x) => x !== id);
        ids.splice(Math.min(input.position, ids.length + 1) - 1, 0, id);
        await repo.renumber(actor.workspaceId, ids);
      }
      const after = (await repo.getRule(actor.workspaceId, id))!;
      await audit(trx, actor, at, {
        action: "attribution_rule.update",
        entityType: "attribution_rule",
        entityId: id,
        message: msg("audit.attribution_rule.update", {
          kind: ruleKind(after.kind),
          pattern: after.pattern,
          position: after.position,
        }),
        before,
        after,
      });
      return { rule: (await this.present(trx, actor.workspaceId, [after]))[0]! };
    });
  }

  async deleteRule(actor: Actor, id: string) {
    return this.change(actor, async (trx, repo, at) => {
      const before = await repo.getRule(actor.workspaceId, id);
      if (!before) throw notFoundIn("rule");
      await repo.deleteRule(actor.workspaceId, id);
      await repo.renumber(
        actor.workspaceId,
        (await repo.rules(actor.workspaceId)).map((r) => r.id),
      );
      await audit(trx, actor, at, {
        action: "attribution_rule.delete",
        entityType: "attribution_rule",
        entityId: id,
        message: msg("audit.attribution_rule.delete", {
          kind: ruleKind(before.kind),
          pattern: before.pattern,
        }),
        before,
      });
      return {};
    });
  }

  /** Sets an order's owner by hand, or (null) hands it back to the rules. Refused for a month whose pay run is locked. */
  async setOwner(
    actor: Actor,
    orderId: string,
    input: { version: number; memberId: string | null },
  ) {
    await authorizeShop(this.deps.db, actor, "shop.manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new OrderRepository(trx);
      const o = await repo.getById(actor.workspaceId, orderId);
      if (!o) throw notFoundIn("order");
      if (o.version !== input.version) throw staleRecord("order", o.version);
      const ctx = await Attribution.load(trx, actor.workspaceId);
      await refuseLockedMonths(trx, actor.workspaceId, [o.paidDate]);
      const items = await repo.itemsOf(actor.workspaceId, [o.id]);
      let owner: { memberId: string | null; source: "rule" | "manual" | null };
      if (input.memberId === null) {
        const rule = attribute(ctx.rules, {
          shopId: o.shopId,
          sellerMemo: o.sellerMemo,
          salesRef: o.salesRef,
          skus: items.map((i) => i.sku),
        });
        owner = rule
          ? { memberId: rule.memberId, source: "rule" }
          : { memberId: null, source: null };
      } else {
        if (!(await new PeopleRepository(trx).exists(actor.workspaceId, input.memberId)))
          throw badField("memberId", "shop.no_such_member");
        owner = { memberId: input.memberId, source: "manual" };
      }
      const at = nowIso(this.deps);
      if (!(await repo.setOwner(actor.workspaceId, o.id, o.version, owner, at)))
        throw staleRecord("order", o.version);
      if (o.paidDate)
        await new StatsRepository(trx).rebuildOwnerDays(actor.workspaceId, o.shopId, [o.paidDate]);
      await audit(trx, actor, at, {
        action: "order.owner",
        entityType: "order",
        entityId: o.id,
        message: msg(
          owner.source === "manual" ? "audit.order.owner_manual" : "audit.order.owner_rules",
          {
            order: o.platformOrderId,
            member: owner.memberId
              ? ((await memberNames(trx, actor.workspaceId)).get(owner.memberId) ?? "")
              : msg("audit.nobody"),
            memberId: owner.memberId,
          },
        ),
        before: { ownerMemberId: o.ownerMemberId, ownerSource: o.ownerSource },
        after: owner,
      });
      const updated = (await repo.getById(actor.workspaceId, o.id))!;
      return presentOrder(updated, items, await memberNames(trx, actor.workspaceId));
    });
  }

  async summary(actor: Actor, q: { from: string; to: string; shopId?: string }) {
    await authorizeShop(this.deps.db, actor, "shop.orders.read");
    if (q.from > q.to) throw badField("to", "range.reversed");
    const db = this.deps.db;
    if (q.shopId) await shopOf(db, actor.workspaceId, q.shopId);
    const sales = await AttributedSales.load(db, actor.workspaceId, {
      from: q.from,
      to: q.to,
      shopIds: q.shopId ? [q.shopId] : undefined,
    });
    const people = new PeopleRepository(db);
    const [members, departments] = await Promise.all([
      people.membersByName(actor.workspaceId),
      people.departments(actor.workspaceId, "name"),
    ]);
    return {
      from: q.from,
      to: q.to,
      total: presentSales(sales.total),
      unattributed: presentSales(sales.unattributed),
      members: members
        .map((m) => ({
          memberId: m.id,
          name: m.name,
          departmentId: m.departmentId,
          s: sales.member(m.id),
          active: m.status === "active",
        }))
        .filter((m) => m.active || m.s.paidOrders > 0)
        .map((m) => ({
          memberId: m.memberId,
          name: m.name,
          departmentId: m.departmentId,
          ...presentSales(m.s),
        })),
      departments: departments.map((d) => ({
        departmentId: d.id,
        name: d.name,
        ...presentSales(sales.department(d.id)),
      })),
    };
  }
}
