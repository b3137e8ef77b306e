// The demo shop's Review half on both databases: last month's goals final and its pay locked,
// computed from the demo's own data; this month's goals agreed; an adjustment waiting.
import { renderMessage, type Message } from "../../core/messages/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";

const fen = (s: string) => Math.round(Number(s) * 100);

for (const dialect of DIALECTS) {
  describe(`the demo shop's goals and pay on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-11-26T02:00:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    it(
      "opens with last month's goals final and pay locked, and this month's goals agreed",
      { timeout: 120_000 },
      async () => {
        const login = await s.demo.ensure();
        const members = await tdb.database.db
          .selectFrom("members")
          .selectAll()
          .where("workspaceId", "=", login.workspaceId)
          .execute();
        const actor = (name: string): Actor => {
          const m = members.find((x) => x.name === name)!;
          return {
            userId: m.userId ?? "",
            memberId: m.id,
            workspaceId: m.workspaceId,
            role: m.role,
            departmentId: m.departmentId,
            via: "session",
          };
        };
        const owner = actor("周晓明");

        const cycles = await s.goals.listCycles(owner);
        expect(cycles.map((c) => [c.name, c.phase])).toEqual(
          expect.arrayContaining([
            ["2026年10月", "ended"],
            ["2026年11月", "running"],
          ]),
        );
        const oct = await s.goals.getCycle(owner, cycles.find((c) => c.name === "2026年10月")!.id);
        expect(oct.people.filter((p) => p.finalScore !== null)).toHaveLength(members.length - 1); // everyone but the owner
        const nov = await s.goals.getCycle(owner, cycles.find((c) => c.name === "2026年11月")!.id);
        expect(
          nov.people
            .filter((p) => p.goals > 0)
            .every((p) => p.agreed === p.goals && p.weightTotal === 100),
        ).toBe(true);
        const deptGoals = await s.goals.listGoals(owner, { cycleId: nov.id });
        expect(
          deptGoals.items.filter((g) => g.departmentId !== null).map((g) => [g.title, g.status]),
        ).toHaveLength(4);
        expect(
          deptGoals.items
            .filter((g) => g.departmentId !== null)
            .every((g) => g.status === "agreed"),
        ).toBe(true);
        // 刘婷's attributed sales goal reads the orders her memo rule gives her.
        const liu = await s.goals.listGoals(actor("刘婷"), {
          cycleId: nov.id,
          memberId: actor("刘婷").memberId,
        });
        expect(liu.items.find((g) => g.title === "个人询单销售额")).toMatchObject({
          actualSource: "kpi",
          actual: expect.stringMatching(/^\d+\.\d\d$/),
        });

        const runs = await s.payRuns.list(owner, 10);
        expect(runs.items.map((r) => [r.period, r.status])).toEqual([["2026-10", "locked"]]);
        const run = await s.payRuns.get(owner, runs.items[0]!.id);
        expect(run.statements).toHaveLength(members.length - 1);
        expect(fen(run.total!)).toBe(run.statements.reduce((sum, x) => sum + fen(x.total), 0));
        const line = (name: string, code: string) =>
          run.statements.find((x) => x.memberName === name)!.lines.find((l) => l.code === code)!;
        // 何军 packed 3,420 parcels: 3,000 × 0.20 + 420 × 0.30 = 726.00; one wrong shipment −10.00.
        expect(line("何军", "parcels").amount).toBe("726.00");
        expect(line("何军", "wrong-shipment").amount).toBe("-10.00");
        // 运营 on the demo's own tiers: a few thousand yuan on ≈ 40万 of GMV, not the small-shop template's 12 %.
        expect(fen(line("林可", "shop-gmv").amount)).toBeGreaterThan(0);
        expect(fen(line("林可", "shop-gmv").amount)).toBeLessThanOrEqual(800_000);
        const en = (m: Message) => renderMessage("en", m);
        const zh = (m: Message) => renderMessage("zh-CN", m);
        expect(en(line("刘婷", "attributed").sources[0]!)).toMatch(
          /^sales attributed to 刘婷 2026-10-01…2026-10-31, all shops: \d+ paid orders$/,
        );
        expect(zh(line("刘婷", "attributed").sources[0]!)).toMatch(
          /^归属 刘婷 的销售额 2026-10-01…2026-10-31，全部店铺：\d+ 个付款订单$/,
        );
        expect(line("刘婷", "scorecard").sources.map(en).join(" ")).toContain(
          "CS data 2026-10-01…2026-10-31",
        );
        // The demo's line names are the templates' codes: each reader gets one language.
        expect(line("刘婷", "attributed").label).toEqual({ code: "pay.tpl.cs.attributed" });
        expect([en(line("何军", "parcels").label), zh(line("何军", "parcels").label)]).toEqual([
          "Parcels shipped",
          "发货计件",
        ]);
        const unread = await tdb.database.db
          .selectFrom("notifications")
          .select("kind")
          .where("workspaceId", "=", login.workspaceId)
          .where("readAt", "is", null)
          .where("kind", "like", "goal.%")
          .execute();
        expect(unread).toEqual([]); // the seeded history does not fill the bell
        const open = await s.payAdjustments.list(owner, { status: "open" });
        expect(open.items.map((a) => [a.memberName, a.amount])).toEqual([["赵磊", "120.00"]]);
      },
    );
  });
}
