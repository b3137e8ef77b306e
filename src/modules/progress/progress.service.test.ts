// Progress control (issue 12): a plan's earned value and its daily history, on both databases, on a
// small plan whose figures are worked out by hand below.
//
// The plan (workspace calendar Mon–Fri, everyone 8 h a day), baseline frozen Monday 2026-11-02:
//   t1 主图设计 16 h, 设计专员                    → baseline Mon 02, Tue 03 (8 h a day)
//   t2 详情页   16 h, 设计专员, FS after t1       → baseline Wed 04, Thu 05
//   t3 上架      8 h, 运营专员, FS after t2       → baseline Thu 05 (FS lag 0: the successor may
//                                                   start on the day its predecessor finishes)
//   BAC = 40 h; cumulative PV: Mon 8, Tue 16, Wed 24, Thu 40.
// What happens: Mon the designer logs 8 h on t1; Tue logs 8 h more and checks t1 off (done: 100 %);
// Wed logs 4 h on t2 and says it needs 16 h more (t2 is 4 / (4 + 16) = 20 % complete). A task
// added after the baseline, t4 直播脚本 6 h for 运营专员, gets 2 h on Wed.
//
// Status date Wed 2026-11-04 (asked for on Thursday):
//   PV = 24;  EV = 16 × 100 % + 16 × 20 % + 8 × 0 % = 19.2;  AC = 8 + 8 + 4 = 20
//   SV = EV − PV = −4.8;  CV = EV − AC = −0.8;  SPI = 19.2 / 24 = 0.8;  CPI = 19.2 / 20 = 0.96
//   EAC = BAC / CPI = 41.6667;  EAC(SPI×CPI) = AC + (BAC − EV) / (CPI × SPI) = 20 + 20.8 / 0.768
//   = 47.0833;  ETC = EAC − AC = 21.6667;  VAC = BAC − EAC = −1.6667;  TCPI = (40 − 19.2) / (40 − 20)
//   = 1.04
//   ES: the last day whose cumulative PV ≤ 19.2 is Tue (16) → ES = 2; AT = 3 (Mon–Wed);
//   SPI(t) = 2 / 3; forecast = 4 planned days / SPI(t) = 6 working days from Mon 02 → Mon 11-09.
//   Per person: 设计专员 BAC 32, PV 24, EV 19.2, AC 20; 运营专员 BAC 8, PV 0, EV 0, AC 0, so SPI and
//   CPI are 0 / 0: undefined (null). Departments 设计 and 运营 are the same as their one member.
//   t4 is counted apart: 1 task, 6 h, EV = 6 × 2 / (2 + 4) = 2, AC = 2 (not in the plan's AC).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import {
  buildShopTeam,
  buildWorkspace,
  frozenClock,
  services,
} from "../../../test/helpers/factories.js";

const at = (date: string) => `${date}T01:00:00Z`; // 09:00 in Shanghai

for (const dialect of DIALECTS) {
  describe(`progress control on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock(at("2026-11-02"));
    let team: Awaited<ReturnType<typeof buildShopTeam>>;
    let person: (name: string) => { memberId: string; actor: Actor };
    let planId: string;
    let ids: Record<"t1" | "t2" | "t3" | "t4", string>;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      team = await buildShopTeam(s);
      person = (name) => team.people.find((p) => p.name === name)!;
      const designer = person("设计专员");
      const ops = person("运营专员");
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
      const t3 = await task("上架", 8, ops.memberId, t2);
      ids = { t1, t2, t3, t4: "" };
    });
    afterAll(async () => tdb.cleanup());

    it("refuses to measure a plan without a baseline with a code the reader can act on", async () => {
      for (const read of [
        () => s.progress.get(team.owner, planId),
        () => s.progress.history(team.owner, planId),
      ]) {
        const err = await failure(read());
        expect(err).toMatchObject({ kind: "conflict", coded: { code: "progress.no_baseline" } });
      }
    });

    it("measures the plan, its people and departments against the baseline on a status date", async () => {
      const designer = person("设计专员");
      const ops = person("运营专员");
      await s.plans.setBaseline(team.owner, planId);
      await s.today.log(designer.actor, { taskId: ids.t1, hours: 8 });
      clock.set(at("2026-11-03"));
      await s.today.checkOff(designer.actor, ids.t1, { hours: 8 });
      clock.set(at("2026-11-04"));
      await s.today.log(designer.actor, { taskId: ids.t2, hours: 4 });
      await s.today.remaining(designer.actor, ids.t2, 16);
      ids.t4 = (
        await s.tasks.create(team.owner, planId, {
          name: "直播脚本",
          effortHours: 6,
          assigneeMemberId: ops.memberId,
        })
      ).task.id;
      await s.today.log(ops.actor, { taskId: ids.t4, hours: 2 });
      clock.set(at("2026-11-05"));

      // Any member of the workspace may read a plan, so its progress too (here 客服专员).
      const r = await s.progress.get(person("客服专员").actor, planId, { date: "2026-11-04" });
      expect(r.statusDate).toBe("2026-11-04");
      expect(r.today).toBe("2026-11-05");
      expect(r.plan).toEqual({
        bac: 40,
        pv: 24,
        ev: 19.2,
        ac: 20,
        sv: -4.8,
        cv: -0.8,
        spi: 0.8,
        cpi: 0.96,
        csi: 0.768,
        eac: 41.67,
        eacCombined: 47.08,
        etc: 21.67,
        vac: -1.67,
        tcpi: 1.04,
        es: 2,
        at: 3,
        spiT: 0.6667,
        plannedDays: 4,
        forecastDays: 6,
        forecastFinish: "2026-11-09",
        baselineStart: "2026-11-02",
        baselineFinish: "2026-11-05",
        lights: { spi: "red", cpi: "amber" },
      });
      expect(r.forecasts).toMatchObject({
        earnedSchedule: "2026-11-09",
        baselineFinish: "2026-11-05",
        deadline: "2026-11-09",
      });
      expect(r.forecasts.engine).toMatch(/^2026-11-\d\d$/);
      expect(r.forecasts.engine! > "2026-11-05").toBe(true); // t2 grew to 20 h: the re-plan ends later

      const quad = (e: { bac: number; pv: number; ev: number; ac: number }) => [
        e.bac,
        e.pv,
        e.ev,
        e.ac,
      ];
      const byPerson = new Map(r.people.map((p) => [p.memberId, p]));
      expect(quad(byPerson.get(designer.memberId)!.evm)).toEqual([32, 24, 19.2, 20]);
      expect(byPerson.get(designer.memberId)!.evm).toMatchObject({ spi: 0.8, cpi: 0.96 });
      const opsEvm = byPerson.get(ops.memberId)!.evm;
      expect(quad(opsEvm)).toEqual([8, 0, 0, 0]);
      expect(opsEvm).toMatchObject({ spi: null, cpi: null, eac: null, lights: { spi: null } });
      expect(r.people.map((p) => p.name).sort()).toEqual(["设计专员", "运营专员"]);
      const byDepartment = new Map(r.departments.map((d) => [d.name, quad(d.evm)]));
      expect(Object.fromEntries(byDepartment)).toEqual({
        设计: [32, 24, 19.2, 20],
        运营: [8, 0, 0, 0],
      });
      expect(r.outsideBaseline).toEqual({ tasks: 1, effortHours: 6, ev: 2, ac: 2 });
      expect(r.removedSinceBaseline).toEqual({ tasks: 0, effortHours: 0 });
      // No ratio anywhere is NaN or infinite.
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    });

    it("counts a done task 100 % from the day it was checked off, and reads today by default", async () => {
      // Tue 03: t1 done that day → EV 16 = PV 16, AC 16: on plan, on cost.
      const tue = await s.progress.get(team.owner, planId, { date: "2026-11-03" });
      expect(tue.plan).toMatchObject({ pv: 16, ev: 16, ac: 16, spi: 1, cpi: 1, es: 2, at: 2 });
      // Mon 02: t1 half logged (8 of its 16 h) → EV 8 = PV 8.
      const mon = await s.progress.get(team.owner, planId, { date: "2026-11-02" });
      expect(mon.plan).toMatchObject({ pv: 8, ev: 8, ac: 8, spi: 1, cpi: 1 });
      // Thu 05 (today): PV is the whole BAC, EV and AC unchanged → SPI 19.2 / 40 = 0.48.
      const now = await s.progress.get(team.owner, planId);
      expect(now.statusDate).toBe("2026-11-05");
      expect(now.plan).toMatchObject({ pv: 40, ev: 19.2, ac: 20, spi: 0.48, at: 4 });
    });

    it("refuses a status date after today", async () => {
      const err = await failure(s.progress.get(team.owner, planId, { date: "2026-11-06" }));
      expect(err).toMatchObject({ kind: "invalid", coded: { code: "progress.future_date" } });
    });

    it("keeps a daily history: the missing days written once, in one go, and read back for the S-curve", async () => {
      const h = await s.progress.history(team.owner, planId);
      expect(h).toMatchObject({ from: "2026-11-02", to: "2026-11-05", today: "2026-11-05" });
      expect(h.bac).toBe(40);
      expect(h.planned).toEqual([
        { date: "2026-11-02", pv: 8 },
        { date: "2026-11-03", pv: 16 },
        { date: "2026-11-04", pv: 24 },
        { date: "2026-11-05", pv: 40 },
      ]);
      // Through yesterday: earlier days reconstructed from the logs, yesterday "daily" with the
      // engine's forecast; today is live, not stored (it changes during the day).
      expect(h.items.map((i) => [i.date, i.source, i.pv, i.ev, i.ac, i.spi, i.cpi])).toEqual([
        ["2026-11-02", "reconstructed", 8, 8, 8, 1, 1],
        ["2026-11-03", "reconstructed", 16, 16, 16, 1, 1],
        ["2026-11-04", "daily", 24, 19.2, 20, 0.8, 0.96],
      ]);
      expect(h.items[2]!.engineFinish).toMatch(/^2026-11-\d\d$/);
      expect(h.items[2]!.breakdown.people[person("设计专员").memberId]).toEqual([32, 24, 19.2, 20]);
      expect(h.live).toMatchObject({ date: "2026-11-05", pv: 40, ev: 19.2, ac: 20 });

      const count = async () =>
        (
          await tdb.database.db
            .selectFrom("evmSnapshots")
            .select("date")
            .where("planId", "=", planId)
            .execute()
        ).length;
      expect(await count()).toBe(3);
      await s.progress.history(team.owner, planId);
      expect(await count()).toBe(3); // idempotent per plan and day

      // A window of the history, and a window too long for one read.
      const part = await s.progress.history(team.owner, planId, {
        from: "2026-11-03",
        to: "2026-11-03",
      });
      expect(part.items.map((i) => i.date)).toEqual(["2026-11-03"]);
      expect(part.planned).toEqual([{ date: "2026-11-03", pv: 16 }]);
      expect(part.live).toBeNull();
      const long = await failure(
        s.progress.history(team.owner, planId, { from: "2025-01-01", to: "2026-11-05" }),
      );
      expect(long).toMatchObject({ kind: "invalid" });
    });

    it("writes yesterday's snapshot when the progress is read the next day, once", async () => {
      clock.set(at("2026-11-06")); // Friday: Thursday's figures are final
      const count = async () =>
        (
          await tdb.database.db
            .selectFrom("evmSnapshots")
            .select("date")
            .where("planId", "=", planId)
            .execute()
        ).length;
      expect(await count()).toBe(3);
      const r = await s.progress.get(person("设计专员").actor, planId);
      expect(r.statusDate).toBe("2026-11-06");
      expect(await count()).toBe(4);
      await s.progress.get(team.owner, planId);
      expect(await count()).toBe(4);
      const [thu] = (
        await s.progress.history(team.owner, planId, { from: "2026-11-05", to: "2026-11-05" })
      ).items;
      // Thursday: PV is the whole BAC (40), nothing more logged: EV 19.2, AC 20, SPI 0.48, with the
      // engine's forecast as it stood when written.
      expect(thu).toMatchObject({
        date: "2026-11-05",
        source: "daily",
        pv: 40,
        ev: 19.2,
        ac: 20,
        spi: 0.48,
        cpi: 0.96,
        engineFinish: r.forecasts.engine,
      });
    });

    it("does not show another workspace's plan (404)", async () => {
      const other = await buildWorkspace(s);
      for (const read of [
        () => s.progress.get(other.owner, planId),
        () => s.progress.history(other.owner, planId),
      ]) {
        expect(await failure(read())).toMatchObject({
          kind: "not_found",
          coded: { code: "plans.not_found" },
        });
      }
    });
  });
}
