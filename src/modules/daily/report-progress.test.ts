// A lead's daily report carries a line per active plan of their departments: the plan's SPI and
// its forecast finish (earned schedule and the engine's re-plan), as a message in the reader's
// language. Nobody else's report does. On both databases.
//
// The plan (Mon–Fri, 8 h a day), baseline frozen Monday 2026-11-02, deadline Mon 11-09:
//   主图设计 16 h and 详情页 16 h (FS) for 设计专员, 上架 8 h (FS) for 运营专员: PV Mon 8, Tue 16 …
// Monday the designer logs 8 h on 主图设计 (8 h remain); nothing on Tuesday. Status Tuesday 11-03:
//   PV = 16; EV = 16 × 8 / 16 = 8; SPI = 0.5 (red). ES = 1 (Mon's PV 8 ≤ 8), AT = 2, SPI(t) = 0.5,
//   forecast = 4 planned days / 0.5 = 8 working days from Mon 11-02 → Wed 2026-11-11.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

const at = (date: string) => `${date}T01:00:00Z`; // 09:00 in Shanghai

for (const dialect of DIALECTS) {
  describe(`a lead's daily report shows their plans' SPI and forecast on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock(at("2026-11-02"));
    let team: Awaited<ReturnType<typeof buildShopTeam>>;
    let person: (name: string) => (typeof team.people)[number];
    let planId: string;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      team = await buildShopTeam(s);
      person = (name) => team.people.find((p) => p.name === name)!;
      const designer = person("设计专员");
      const plan = await s.plans.create(team.owner, {
        name: "上新",
        ownerMemberId: person("运营主管").memberId,
        startDate: "2026-11-02",
        launchDate: "2026-11-09",
      });
      planId = plan.id;
      const task = async (name: string, effortHours: number, who: string, after?: string) =>
        (
          await s.tasks.create(team.owner, plan.id, {
            name,
            effortHours,
            assigneeMemberId: who,
            ...(after && { dependsOn: [{ taskId: after, type: "FS" as const, lagDays: 0 }] }),
          })
        ).task.id;
      const t1 = await task("主图设计", 16, designer.memberId);
      const t2 = await task("详情页", 16, designer.memberId, t1);
      await task("上架", 8, person("运营专员").memberId, t2);
      await s.plans.update(team.owner, planId, { version: plan.version, status: "active" });
      await s.plans.setBaseline(team.owner, planId);
      await s.today.log(designer.actor, { taskId: t1, hours: 8 });
      clock.set(at("2026-11-03"));
    });
    afterAll(async () => tdb.cleanup());

    it("gives the lead of a department working on the plan its SPI and both forecasts", async () => {
      const lead = person("设计主管");
      const engine = (await s.progress.get(team.owner, planId)).forecasts.engine;
      expect(engine).toMatch(/^2026-11-\d\d$/);
      const en = await s.reports.get(lead.actor, lead.memberId, "2026-11-03", "en");
      expect(en.draft.progress).toEqual([
        expect.objectContaining({
          planId,
          planName: "上新",
          spi: 0.5,
          light: "red",
          forecastFinish: "2026-11-11",
          engineFinish: engine,
          deadline: "2026-11-09",
          text: `“上新”: SPI 0.50, forecast finish 2026-11-11 (earned schedule) / ${engine} (re-plan), deadline 2026-11-09`,
        }),
      ]);
      const zh = await s.reports.get(lead.actor, lead.memberId, "2026-11-03", "zh-CN");
      expect(zh.draft.progress[0]!.text).toBe(
        `“上新”：SPI 0.50，预计完成 2026-11-11（挣值进度）/ ${engine}（重排），截止 2026-11-09`,
      );
      // The owner reading the lead's report sees the same lines.
      const byOwner = await s.reports.get(team.owner, lead.memberId, "2026-11-03", "en");
      expect(byOwner.draft.progress.map((p) => p.planId)).toEqual([planId]);
    });

    it("keeps the lines in the submitted report", async () => {
      const lead = person("运营主管"); // owns the plan, and 运营专员 works on it
      const saved = await s.reports.save(lead.actor, lead.memberId, "2026-11-03", { submit: true });
      expect(saved.status).toBe("submitted");
      expect(saved.draft.progress).toEqual([
        expect.objectContaining({ planId, spi: 0.5, forecastFinish: "2026-11-11" }),
      ]);
      const again = await s.reports.get(lead.actor, lead.memberId, "2026-11-03", "zh-CN");
      expect(again.draft.progress[0]!.text).toContain("SPI 0.50");
    });

    it("gives no line to a member, to the owner, or to a lead whose department has no part in it", async () => {
      for (const who of [person("设计专员"), person("客服主管")]) {
        const r = await s.reports.get(who.actor, who.memberId, "2026-11-03", "en");
        expect(r.draft.progress).toEqual([]);
      }
      const own = await s.reports.get(team.owner, team.owner.memberId, "2026-11-03", "en");
      expect(own.draft.progress).toEqual([]);
    });
  });
}
