// Corrective actions as what-ifs over the real engine, on both databases.
//
// Mon–Fri, 8 h a day, today Monday 2026-11-02. Plan 上新 (owner 运营专员), deadline Tue 11-03:
//   主图设计 16 h then 详情页 16 h (FS), both for 设计专员, skill of 设计 (everyone there level 3):
//   Mon–Tue and Wed–Thu → finish Thu 11-05, two workdays late.
// Alone, giving 详情页 to 设计主管 (free, not on the plan) lets it start Tue, the day 主图设计
// finishes (FS lag 0) → Tue–Wed, finish Wed 11-04. Fast-tracking 详情页 (start-to-start, lag
// ⌊(2 − 1) / 2⌋ = 0) gains nothing while one person does both. Together: 详情页 Mon–Tue by 设计主管
// beside 主图设计 → Tue 11-03, on time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`corrective actions as what-ifs on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T01:00:00Z");
    let team: Awaited<ReturnType<typeof buildShopTeam>>;
    let person: (name: string) => (typeof team.people)[number];
    let planId: string;
    let ids: { t1: string; t2: string };

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      team = await buildShopTeam(s);
      person = (name) => team.people.find((p) => p.name === name)!;
      const design = team.departments.find((d) => d.name === "设计")!;
      const skillId = team.skills.find((k) => k.departmentId === design.id)!.id;
      const designer = person("设计专员").memberId;
      const plan = await s.plans.create(team.owner, {
        name: "上新",
        ownerMemberId: person("运营专员").memberId,
        startDate: "2026-11-02",
        launchDate: "2026-11-03",
      });
      planId = plan.id;
      const t1 = (
        await s.tasks.create(team.owner, planId, {
          name: "主图设计",
          effortHours: 16,
          skillId,
          assigneeMemberId: designer,
        })
      ).task.id;
      const t2 = (
        await s.tasks.create(team.owner, planId, {
          name: "详情页",
          effortHours: 16,
          skillId,
          assigneeMemberId: designer,
          dependsOn: [{ taskId: t1, type: "FS", lagDays: 0 }],
        })
      ).task.id;
      ids = { t1, t2 };
    });
    afterAll(async () => tdb.cleanup());

    const finishNow = async () =>
      (await s.schedule.forPlan(team.owner.workspaceId, planId)).tasks
        .map((t) => t.finish)
        .sort()
        .pop();

    it("lets only who may edit the plan ask, and answers another plan id with 404", async () => {
      const err = await failure(s.whatIfs.propose(person("设计专员").actor, planId));
      expect(err).toMatchObject({ kind: "forbidden", coded: { code: "plans.edit_forbidden" } });
      const missing = await failure(
        s.whatIfs.propose(team.owner, "0190c0de-0000-7000-8000-000000000000"),
      );
      expect(missing?.kind).toBe("not_found");
    });

    it("scores the options on a copy and finds the combination that meets the deadline, writing nothing", async () => {
      expect(await finishNow()).toBe("2026-11-05");
      const r = await s.whatIfs.propose(person("客服主管").actor, planId);
      expect(r).toMatchObject({ finish: "2026-11-05", lateDays: 2, deadline: "2026-11-03" });
      const lead = person("设计主管").memberId;
      const add = r.options.find(
        (o) =>
          o.kind === "add_person" &&
          o.changes[0]!.kind === "assign" &&
          o.changes[0]!.taskId === ids.t2,
      )!;
      expect(add.changes).toEqual([{ kind: "assign", taskId: ids.t2, memberId: lead }]);
      expect(add.score).toMatchObject({
        finish: "2026-11-04",
        daysGained: 1,
        meetsDeadline: false,
        hoursMoved: 16,
      });
      expect(add.score.affectedMembers.map((m) => m.name).sort()).toEqual(
        ["设计专员", "设计主管"].sort(),
      );
      const ft = r.options.find((o) => o.kind === "fast_track")!;
      expect(ft.score).toMatchObject({ finish: "2026-11-05", daysGained: 0 });
      expect(ft.risk?.code).toBe("progress.whatif.overlap_risk");
      expect(r.options.some((o) => o.kind === "overtime" && o.applicable)).toBe(true);
      expect(r.notes.map((n) => n.code)).toContain("progress.whatif.no_optional_flag");
      expect(r.best).toMatchObject({
        applicable: true,
        score: { finish: "2026-11-03", daysGained: 2, meetsDeadline: true },
      });
      expect(r.best!.changes).toEqual(
        expect.arrayContaining([
          { kind: "assign", taskId: ids.t2, memberId: lead },
          { kind: "overlap", taskId: ids.t2, predecessorId: ids.t1, lagDays: 0 },
        ]),
      );
      expect(r.runs).toBeLessThanOrEqual(40);
      // Nothing was written: the schedule and the plan's revision are as they were.
      expect(await finishNow()).toBe("2026-11-05");
      expect((await s.whatIfs.propose(team.owner, planId)).revision).toBe(r.revision);
    });

    it("applies the best combination as one audited edit whose re-plan gives the predicted finish", async () => {
      const r = await s.whatIfs.propose(team.owner, planId);
      // A task not marked optional cannot be cut.
      const refused = await failure(
        s.whatIfs.apply(team.owner, planId, {
          revision: r.revision,
          changes: [{ kind: "defer", taskId: ids.t1 }],
        }),
      );
      expect(refused).toMatchObject({ kind: "invalid" });
      expect(refused?.fields?.[0]).toMatchObject({
        field: "changes.0.taskId",
        code: "progress.whatif.not_optional",
      });
      // A member who is not the plan's owner may not apply.
      expect(
        (
          await failure(
            s.whatIfs.apply(person("设计专员").actor, planId, {
              revision: r.revision,
              changes: r.best!.changes,
            }),
          )
        )?.kind,
      ).toBe("forbidden");

      const applied = await s.whatIfs.apply(person("运营专员").actor, planId, {
        revision: r.revision,
        changes: r.best!.changes,
      });
      expect(applied).toMatchObject({ finish: r.best!.score.finish, meetsDeadline: true });
      expect(await finishNow()).toBe("2026-11-03");
      const tasks = (await s.plans.get(team.owner, planId)).tasks;
      const t2 = tasks.find((t) => t.id === ids.t2)!;
      expect(t2.assigneeMemberId).toBe(person("设计主管").memberId);
      expect(t2.dependsOn).toEqual([{ taskId: ids.t1, type: "SS", lagDays: 0 }]);
      const log = await s.audit.list(team.owner, { limit: 5 }, "en");
      expect(log.items[0]).toMatchObject({ action: "plan.whatif_apply", entityId: planId });

      // The options were computed on the plan before: applying them again is refused (409).
      const stale = await failure(
        s.whatIfs.apply(team.owner, planId, { revision: r.revision, changes: r.best!.changes }),
      );
      expect(stale).toMatchObject({ kind: "conflict", coded: { code: "progress.whatif.stale" } });
      // On time now: no option gains anything, and none is proposed as the best.
      const after = await s.whatIfs.propose(team.owner, planId);
      expect(after).toMatchObject({ finish: "2026-11-03", lateDays: 0 });
    });
  });
}
