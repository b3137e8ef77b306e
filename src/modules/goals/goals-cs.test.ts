// Goals bound to customer-service KPIs read the imported CS data: a member goal the member's, a
// department goal its members' (sub-departments included); response times are lower-is-better.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, services } from "../../../test/helpers/factories.js";
import { AJIE, qianniuCsv, XIAOMEI } from "../../../test/fixtures/cs/build.js";

for (const dialect of DIALECTS) {
  describe(`customer-service goals on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("fills conversion and response-time goals of a member and of a department from the CS data", async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const agent = person("客服专员");
      const csDept = t.departments.find((d) => d.name === "客服")!;
      // A sub-team under 客服: its member's data counts for 客服 too.
      const night = await s.departments.create(t.owner, { name: "夜班", parentId: csDept.id });
      const lead = person("客服主管");
      const fresh = await s.members.get(t.owner, lead.memberId);
      await s.members.update(t.owner, lead.memberId, {
        version: fresh.version,
        departmentId: night.id,
      });
      await s.cs.setAccounts(t.owner, {
        accounts: [
          { account: XIAOMEI, memberId: agent.memberId },
          { account: AJIE, memberId: lead.memberId },
        ],
      });
      await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv());

      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      const goal = (input: {
        memberId?: string;
        departmentId?: string;
        kpi: "inquiryConversion" | "firstResponse" | "averageResponse";
        target: string;
        weight: number;
      }) =>
        s.goals.createGoal(t.owner, {
          cycleId: cycle.id,
          memberId: input.memberId,
          departmentId: input.departmentId,
          title: input.kpi,
          weight: input.weight,
          target: input.target,
          metric: { kind: "kpi", kpi: input.kpi },
        });
      const conv = await goal({
        memberId: agent.memberId,
        kpi: "inquiryConversion",
        target: "60",
        weight: 50,
      });
      const first = await goal({
        memberId: agent.memberId,
        kpi: "firstResponse",
        target: "15",
        weight: 50,
      });
      // 小美: 38 ÷ 60 = 63.33 %; first response 13.7 s, below the 15 s target: lower is better, achievement 15 ÷ 13.7.
      expect(conv).toMatchObject({
        actual: "63.33",
        unit: "unit.percent",
        better: "higher",
        actualSource: "kpi",
      });
      expect(conv.achievement).toBeCloseTo(63.33 / 60, 4);
      expect(first).toMatchObject({ actual: "13.7", unit: "unit.second", better: "lower" });
      expect(first.achievement).toBeCloseTo(15 / 13.7, 4);
      // 客服 with 夜班 under it: both members, 58 of 100 = 58.00 %, average response 30.6 s.
      const dept = await goal({
        departmentId: csDept.id,
        kpi: "inquiryConversion",
        target: "60",
        weight: 100,
      });
      expect(dept).toMatchObject({ actual: "58.00" });
      const nightAvg = await goal({
        departmentId: night.id,
        kpi: "averageResponse",
        target: "40",
        weight: 100,
      });
      expect(nightAvg).toMatchObject({ actual: "36.9", better: "lower" });
      // Someone without CS data has no actual (not zero).
      const ops = await goal({
        memberId: person("运营专员").memberId,
        kpi: "averageResponse",
        target: "30",
        weight: 100,
      });
      expect(ops).toMatchObject({ actual: null, actualSource: "none", achievement: null });
    });
  });
}
