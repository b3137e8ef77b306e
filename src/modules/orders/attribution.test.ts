// Sales attribution on both databases: rules give imported orders an owner, rule changes
// re-attribute at once, an owner set by hand survives re-imports and rule changes, a locked pay
// month never changes, and person/department commissions and unattributed pools read the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure, outcomeKind } from "../../../test/helpers/errors.js";
import {
  buildMember,
  buildShopTeam,
  frozenClock,
  services,
} from "../../../test/helpers/factories.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { renderMessage, type Locale, type Message } from "../../core/messages/index.js";

/** A statement line's sources as a reader sees them in a language. */
const sourceTexts = (locale: Locale, l: { sources: readonly { code: string }[] }) =>
  l.sources.map((m) => renderMessage(locale, m as Message));

const f = (file: string, bytes: Uint8Array) => ({ file, bytes });
// 901 paid 10-01 189.00 (1 item QD-001-M); 902 paid 10-01 1,299.00 (CS-002-L, KZ-003-32); 903 unpaid; 904 paid 10-02 88.00, refunded 88.00.
const MEMOS = {
  "3515313147329357901": "客服:小美 KF01",
  "3515313147329357902": "客服：小美",
  "3515313147329357904": "ＫＦ０２ 退款",
};
const taobao = (memos: Record<string, string> = MEMOS) => [
  f("ExportOrderList202610.csv", fx.taobaoOrders(memos)),
  f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
];
const OCT = { from: "2026-10-01", to: "2026-10-31" };

for (const dialect of DIALECTS) {
  describe(`sales attribution on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    async function team() {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const order = async (owner: Actor, id: string) =>
        (await s.orders.list(owner, { limit: 50 })).items.find((o) => o.platformOrderId === id)!;
      return { ...t, person, order };
    }

    it("attributes imported orders by the seller's memo, re-attributes when rules change, and sums per member, department and nobody", async () => {
      const t = await team();
      const agent = t.person("客服专员");
      const lead = t.person("客服主管");
      const ops = t.person("运营专员");
      const first = await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "小美",
        memberId: agent.memberId,
      });
      expect(first).toMatchObject({
        reattributed: 0,
        rule: { kind: "memo", pattern: "小美", position: 1, memberName: "客服专员" },
      });
      await s.imports.importFiles(t.owner, { shopName: "天猫" }, taobao());
      expect((await t.order(t.owner, "3515313147329357901")).owner).toEqual({
        memberId: agent.memberId,
        name: "客服专员",
        source: "rule",
      });
      expect((await t.order(t.owner, "3515313147329357902")).owner).toMatchObject({
        memberId: agent.memberId,
      }); // full-width colon: NFKC
      expect((await t.order(t.owner, "3515313147329357904")).owner).toBeNull();
      let sum = await s.attribution.summary(t.owner, OCT);
      expect(sum.total).toEqual({ paidOrders: 3, gmv: "1576.00", netGmv: "1488.00", items: 5 });
      expect(sum.members.find((m) => m.memberId === agent.memberId)).toMatchObject({
        paidOrders: 2,
        gmv: "1488.00",
        netGmv: "1488.00",
        items: 4,
      });
      expect(sum.unattributed).toEqual({ paidOrders: 1, gmv: "88.00", netGmv: "0.00", items: 1 });
      expect(sum.departments.find((d) => d.name === "客服")).toMatchObject({
        paidOrders: 2,
        gmv: "1488.00",
      });

      // A full-width rule text matches a half-width memo and the other way round; the order changes owner at once.
      const kf02 = await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "kf02",
        memberId: lead.memberId,
      });
      expect(kf02.reattributed).toBe(1);
      // A SKU rule moved in front of the memo rules takes 902 (it holds CS-002-L) for 运营.
      const sku = await s.attribution.createRule(t.owner, {
        kind: "sku",
        pattern: "CS-002",
        memberId: ops.memberId,
      });
      expect(sku.reattributed).toBe(0); // last in line: 902 still matches "小美" first
      const moved = await s.attribution.updateRule(t.owner, sku.rule.id, {
        version: sku.rule.version,
        position: 1,
      });
      expect(moved).toMatchObject({ reattributed: 1, rule: { position: 1 } });
      expect(
        (await s.attribution.listRules(t.owner)).items.map((r) => [r.kind, r.position]),
      ).toEqual([
        ["sku", 1],
        ["memo", 2],
        ["memo", 3],
      ]);
      sum = await s.attribution.summary(t.owner, OCT);
      expect(sum.members.find((m) => m.memberId === ops.memberId)).toMatchObject({
        paidOrders: 1,
        gmv: "1299.00",
      });
      expect(sum.departments.find((d) => d.name === "客服")).toMatchObject({
        paidOrders: 2,
        gmv: "277.00",
        netGmv: "189.00",
      });
      expect(sum.unattributed.paidOrders).toBe(0);

      // By hand: 901 to 运营专员; deleting every rule leaves it there and sends the rest back to nobody.
      const o901 = await t.order(t.owner, "3515313147329357901");
      const set = await s.attribution.setOwner(t.owner, o901.id!, {
        version: o901.version,
        memberId: ops.memberId,
      });
      expect(set.owner).toEqual({ memberId: ops.memberId, name: "运营专员", source: "manual" });
      expect(
        await outcomeKind(
          s.attribution.setOwner(t.owner, o901.id!, { version: o901.version, memberId: null }),
        ),
      ).toBe("conflict"); // stale version
      for (const r of (await s.attribution.listRules(t.owner)).items)
        await s.attribution.deleteRule(t.owner, r.id);
      sum = await s.attribution.summary(t.owner, OCT);
      expect(sum.members.filter((m) => m.paidOrders > 0).map((m) => [m.name, m.gmv])).toEqual([
        ["运营专员", "189.00"],
      ]);
      expect(sum.unattributed).toMatchObject({ paidOrders: 2, gmv: "1387.00" });
      // A re-import with a changed memo keeps the hand-set owner.
      await s.imports.importFiles(
        t.owner,
        { shopName: "天猫" },
        taobao({ ...MEMOS, "3515313147329357901": "客服:阿杰" }),
      );
      expect((await t.order(t.owner, "3515313147329357901")).owner).toMatchObject({
        memberId: ops.memberId,
        source: "manual",
      });
      // Back to the rules (none now): nobody.
      const again = await t.order(t.owner, "3515313147329357901");
      expect(
        (
          await s.attribution.setOwner(t.owner, again.id!, {
            version: again.version,
            memberId: null,
          })
        ).owner,
      ).toBeNull();

      const trail = await s.audit.list(t.owner, { limit: 100 });
      expect(trail.items.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "attribution_rule.create",
          "attribution_rule.update",
          "attribution_rule.delete",
          "order.owner",
        ]),
      );
    });

    it("refuses bad rules and lets only the owner and 运营 leads change attribution; everyone reads it", async () => {
      const t = await team();
      const shop = await s.shops.create(t.owner, { name: "抖店", platform: "douyin" });
      const agent = t.person("客服专员");
      const field = async (p: Promise<unknown>) => (await failure(p))?.fields?.map((x) => x.field);
      expect(
        await field(
          s.attribution.createRule(t.owner, {
            kind: "memo",
            pattern: "  ",
            memberId: agent.memberId,
          }),
        ),
      ).toEqual(["pattern"]);
      expect(
        await field(
          s.attribution.createRule(t.owner, {
            kind: "shop",
            pattern: "",
            memberId: agent.memberId,
          }),
        ),
      ).toEqual(["shopId"]);
      expect(
        await field(
          s.attribution.createRule(t.owner, { kind: "memo", pattern: "x", memberId: "nobody" }),
        ),
      ).toEqual(["memberId"]);
      expect(
        await field(
          s.attribution.createRule(t.owner, {
            kind: "memo",
            pattern: "x",
            memberId: agent.memberId,
            shopId: "nope",
          }),
        ),
      ).toEqual(["shopId"]);
      expect(
        await field(s.attribution.summary(t.owner, { from: "2026-10-31", to: "2026-10-01" })),
      ).toEqual(["to"]);
      expect(
        await outcomeKind(
          s.attribution.createRule(agent.actor, {
            kind: "memo",
            pattern: "x",
            memberId: agent.memberId,
          }),
        ),
      ).toBe("forbidden");
      expect(
        await outcomeKind(
          s.attribution.createRule(t.person("客服主管").actor, {
            kind: "memo",
            pattern: "x",
            memberId: agent.memberId,
          }),
        ),
      ).toBe("forbidden");
      const byOpsLead = await s.attribution.createRule(t.person("运营主管").actor, {
        kind: "shop",
        pattern: "ignored",
        memberId: agent.memberId,
        shopId: shop.id,
      });
      expect(byOpsLead.rule).toMatchObject({ kind: "shop", pattern: "", shopId: shop.id });
      expect((await s.attribution.listRules(agent.actor)).items).toHaveLength(1);
      expect((await s.attribution.summary(agent.actor, OCT)).total.paidOrders).toBe(0);
      // Another workspace sees none of it and cannot touch it.
      const other = await buildShopTeam(s);
      expect((await s.attribution.listRules(other.owner)).items).toEqual([]);
      expect(await outcomeKind(s.attribution.deleteRule(other.owner, byOpsLead.rule.id))).toBe(
        "not_found",
      );
      const stranger = await buildMember(s, other.owner, { name: "外人" });
      expect(
        await field(
          s.attribution.updateRule(t.owner, byOpsLead.rule.id, {
            version: 1,
            memberId: stranger.member.id,
          }),
        ),
      ).toEqual(["memberId"]);
    });

    it("fills attributed-sales goals of a member and of a department from the orders", async () => {
      const t = await team();
      const agent = t.person("客服专员");
      await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "小美",
        memberId: agent.memberId,
      });
      await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "kf02",
        memberId: t.person("客服主管").memberId,
      });
      await s.imports.importFiles(t.owner, { shopName: "天猫" }, taobao());
      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      const mine = await s.goals.createGoal(t.owner, {
        cycleId: cycle.id,
        memberId: agent.memberId,
        title: "个人销售额",
        weight: 100,
        target: "2000",
        metric: { kind: "kpi", kpi: "attributedSales" },
      });
      const deptGoal = await s.goals.createGoal(t.owner, {
        cycleId: cycle.id,
        departmentId: t.departments.find((d) => d.name === "客服")!.id,
        title: "客服部销售额",
        weight: 100,
        target: "1000",
        metric: { kind: "kpi", kpi: "attributedSales" },
      });
      expect(mine).toMatchObject({ actual: "1488.00", unit: "unit.yuan", actualSource: "kpi" });
      expect(mine.achievement).toBeCloseTo(1488 / 2000, 6);
      expect(deptGoal).toMatchObject({ actual: "1576.00" });
    });

    it("pays person and department commissions and the unattributed pool from attributed sales; a locked month keeps its attribution", async () => {
      const t = await team();
      const agent = t.person("客服专员");
      await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "小美",
        memberId: agent.memberId,
      });
      await s.imports.importFiles(t.owner, { shopName: "天猫" }, taobao());
      const cs = await s.payPlans.create(t.owner, {
        templateId: "customer-service",
        effectiveFrom: "2026-10-01",
      });
      await s.payPlans.assign(t.owner, cs.id, {
        targetType: "department",
        targetId: t.departments.find((d) => d.name === "客服")!.id,
        effectiveFrom: "2026-10-01",
      });
      const run = await s.payRuns.compute(t.owner, { period: "2026-10" });
      const line = (memberId: string, code: string) =>
        run.statements.find((x) => x.memberId === memberId)!.lines.find((l) => l.code === code)!;
      // 1 % of 1,488.00 attributed to the agent = 14.88; the lead closed nothing.
      expect(line(agent.memberId, "attributed")).toMatchObject({
        amount: "14.88",
        sources: [{ code: "pay.src.attributed_member" }],
      });
      expect(sourceTexts("en", line(agent.memberId, "attributed"))).toEqual([
        expect.stringContaining(
          "sales attributed to 客服专员 2026-10-01…2026-10-31, all shops: 2 paid orders",
        ),
      ]);
      expect(sourceTexts("zh-CN", line(agent.memberId, "attributed"))).toEqual([
        expect.stringContaining(
          "归属 客服专员 的销售额 2026-10-01…2026-10-31，全部店铺：2 个付款订单",
        ),
      ]);
      expect(line(t.person("客服主管").memberId, "attributed").amount).toBe("0.00");
      // The pool: 1 % of the unattributed 88.00 = 0.88, shared by the two 客服 → 0.44 each.
      expect(line(agent.memberId, "cs-unattributed")).toMatchObject({
        amount: "0.44",
        sources: [{ code: "pay.src.unattributed" }],
      });
      expect(sourceTexts("en", line(agent.memberId, "cs-unattributed"))).toEqual([
        expect.stringContaining(
          "unattributed sales 2026-10-01…2026-10-31, all shops: 1 paid orders without an owner",
        ),
      ]);
      // The projection on 10-25 at a shop GMV of 10,000.00: her 1,488.00 of the shop's 1,576.00 keeps its share.
      const october = services(tdb.database, frozenClock("2026-10-25T02:00:00.000Z"));
      const projected = await october.payRuns.projection(t.owner, agent.memberId, "10000.00");
      const at = projected.atShopGmv!.statement!.lines.find((l) => l.code === "attributed")!;
      expect(at).toMatchObject({ amount: "94.42" }); // 9,441.62 × 1 %
      expect(sourceTexts("en", at)).toEqual([
        expect.stringContaining(
          "projected at the same share of the shop: 1,488.00 × 10,000.00 ÷ 1,576.00",
        ),
      ]);
      expect(projected.monthToDate.lines.find((l) => l.code === "attributed")!.amount).toBe(
        "14.88",
      );
      // An entered value overrides the data and the statement says both.
      const corrected = await s.payRuns.compute(t.owner, {
        period: "2026-10",
        version: run.version,
        inputs: [{ memberId: agent.memberId, key: "commission.attributed", value: "2000.00" }],
      });
      const fixed = corrected.statements
        .find((x) => x.memberId === agent.memberId)!
        .lines.find((l) => l.code === "attributed")!;
      expect(fixed).toMatchObject({ amount: "20.00" });
      expect(sourceTexts("en", fixed)).toEqual([
        expect.stringMatching(
          /^entered 2,?000\.00 \(instead of the shop data: 1,?488\.00, sales attributed to 客服专员/,
        ),
      ]);
      const locked = await s.payRuns.lock(t.owner, corrected.id, corrected.version);
      expect(locked.status).toBe("locked");
      // October is locked: a new rule leaves October's owners alone, and a hand change is refused.
      const later = await s.attribution.createRule(t.owner, {
        kind: "memo",
        pattern: "kf02",
        memberId: agent.memberId,
      });
      expect(later.reattributed).toBe(0);
      const o904 = await t.order(t.owner, "3515313147329357904");
      expect(o904.owner).toBeNull();
      expect(
        await outcomeKind(
          s.attribution.setOwner(t.owner, o904.id!, {
            version: o904.version,
            memberId: agent.memberId,
          }),
        ),
      ).toBe("conflict");
    });
  });
}
