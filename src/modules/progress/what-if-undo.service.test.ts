// Applied what-ifs undone, overtime stored, optional tasks cut (issue 12), on both databases.
//
// Mon–Fri, 8 h a day, today Monday 2026-11-02. Plan 上新 (owner 运营专员), deadline Tue 11-03:
//   主图设计 16 h then 详情页 16 h (FS), both for 设计专员 (设计, level 3): Mon–Tue and Wed–Thu →
//   finish Thu 11-05. The best combination (详情页 to 设计主管, started with 主图设计) → Tue 11-03.
// Plan 大促 (deadline Wed 11-04) for 设计主管 alone: 海报 24 h (Mon–Wed), the optional 视频 16 h
//   after it (Thu–Fri) and 上架 8 h after that (Mon 11-09). Deferring 视频 brings 上架 to Thu 11-05;
//   2 h overtime a day for 设计主管 Mon–Thu (10 h a day) brings 海报 to Wed 11-04 and so on.
// Who: the owner, 设计主管 (a lead: allowed, as the policy's planners) and 设计专员 (a member who
// does not own the plan: refused).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`what-ifs applied and undone on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T01:00:00Z");
    let team: Awaited<ReturnType<typeof buildShopTeam>>;
    let person: (name: string) => (typeof team.people)[number];
    let skillId: string;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      team = await buildShopTeam(s);
      person = (name) => team.people.find((p) => p.name === name)!;
      const design = team.departments.find((d) => d.name === "设计")!;
      skillId = team.skills.find((k) => k.departmentId === design.id)!.id;
    });
    afterAll(async () => tdb.cleanup());

    const finishOf = async (planId: string) =>
      (await s.schedule.forPlan(team.owner.workspaceId, planId)).tasks
        .map((t) => t.finish)
        .sort()
        .pop();

    /** A plan of tasks done one after another, each `[name, hours, assignee, optional?]`. */
    async function chain(
      name: string,
      launchDate: string,
      tasks: [string, number, string, boolean?][],
    ) {
      const plan = await s.plans.create(team.owner, {
        name,
        ownerMemberId: person("运营专员").memberId,
        startDate: "2026-11-02",
        launchDate,
      });
      const ids: string[] = [];
      for (const [taskName, effortHours, who, optional] of tasks) {
        const prev = ids[ids.length - 1];
        const task = await s.tasks.create(team.owner, plan.id, {
          name: taskName,
          effortHours,
          skillId,
          assigneeMemberId: person(who).memberId,
          ...(optional && { optional: true }),
          ...(prev && { dependsOn: [{ taskId: prev, type: "FS" as const, lagDays: 0 }] }),
        });
        ids.push(task.task.id);
      }
      return { planId: plan.id, ids };
    }

    it("undoes an applied combination: assignee and link back, audited, the finish as before; a member may not", async () => {
      const { planId, ids } = await chain("上新", "2026-11-03", [
        ["主图设计", 16, "设计专员"],
        ["详情页", 16, "设计专员"],
      ]);
      expect(await finishOf(planId)).toBe("2026-11-05");
      const lead = person("设计主管");
      const r = await s.whatIfs.propose(lead.actor, planId);
      const applied = await s.whatIfs.apply(lead.actor, planId, {
        revision: r.revision,
        changes: r.best!.changes,
      });
      expect(applied).toMatchObject({
        finish: "2026-11-03",
        finishBefore: "2026-11-05",
        meetsDeadline: true,
      });
      expect(await finishOf(planId)).toBe("2026-11-03");

      const member = await failure(
        s.whatIfs.undo(person("设计专员").actor, planId, applied.applicationId),
      );
      expect(member).toMatchObject({ kind: "forbidden", coded: { code: "plans.edit_forbidden" } });

      const undone = await s.whatIfs.undo(lead.actor, planId, applied.applicationId);
      expect(undone).toMatchObject({ finish: "2026-11-05", meetsDeadline: false });
      expect(await finishOf(planId)).toBe("2026-11-05");
      const tasks = (await s.plans.get(team.owner, planId)).tasks;
      const t2 = tasks.find((t) => t.id === ids[1])!;
      expect(t2.assigneeMemberId).toBe(person("设计专员").memberId);
      expect(t2.dependsOn).toEqual([{ taskId: ids[0], type: "FS", lagDays: 0 }]);
      const log = await s.audit.list(team.owner, { limit: 5 }, "en");
      expect(log.items[0]).toMatchObject({ action: "plan.whatif_undo", entityId: planId });
      expect(log.items[0]!.summary).toContain("undid corrective actions on the plan 上新");

      const twice = await failure(s.whatIfs.undo(team.owner, planId, applied.applicationId));
      expect(twice).toMatchObject({
        kind: "conflict",
        coded: { code: "progress.whatif.already_undone" },
      });
      // The options are the same again: the plan is as it was.
      const again = await s.whatIfs.propose(team.owner, planId);
      expect(again.best?.score.finish).toBe("2026-11-03");
      await s.plans.delete(team.owner, planId);
    });

    it("refuses to undo once the plan changed after the application (409)", async () => {
      const { planId, ids } = await chain("上新二", "2026-11-03", [
        ["主图设计", 16, "设计专员"],
        ["详情页", 16, "设计专员"],
      ]);
      const r = await s.whatIfs.propose(team.owner, planId);
      const applied = await s.whatIfs.apply(team.owner, planId, {
        revision: r.revision,
        changes: r.best!.changes,
      });
      const t1 = (await s.plans.get(team.owner, planId)).tasks.find((t) => t.id === ids[0])!;
      await s.tasks.update(team.owner, t1.id, { version: t1.version, effortHours: 12 });
      const stale = await failure(s.whatIfs.undo(team.owner, planId, applied.applicationId));
      expect(stale).toMatchObject({
        kind: "conflict",
        coded: { code: "progress.whatif.undo_stale" },
      });
      // The page no longer offers it.
      expect((await s.whatIfs.last(team.owner, planId)).last).toMatchObject({
        applicationId: applied.applicationId,
        undoable: false,
      });
      await s.plans.delete(team.owner, planId);
    });

    it("stores applied overtime as capacity: the re-plan gives the predicted finish, undo removes it", async () => {
      const { planId } = await chain("大促", "2026-11-04", [
        ["海报", 24, "设计主管"],
        ["视频", 16, "设计主管", true],
        ["上架", 8, "设计主管"],
      ]);
      expect(await finishOf(planId)).toBe("2026-11-09");
      const r = await s.whatIfs.propose(team.owner, planId);
      const overtime = r.options.find((o) => o.kind === "overtime")!;
      expect(overtime.applicable).toBe(true);
      expect(overtime.changes[0]).toMatchObject({
        kind: "overtime",
        memberId: person("设计主管").memberId,
        hoursPerDay: 2,
      });
      const applied = await s.whatIfs.apply(team.owner, planId, {
        revision: r.revision,
        changes: overtime.changes,
      });
      expect(applied.finish).toBe(overtime.score.finish);
      expect(applied.finish! < "2026-11-09").toBe(true);
      // The plan file the server schedules carries it, used.
      const file = await s.schedule.planFile(team.owner.workspaceId);
      expect(file.useOvertime).toBe(true);
      expect(file.overtime?.length).toBeGreaterThan(0);
      expect(new Set(file.overtime!.map((o) => o.member))).toEqual(
        new Set([person("设计主管").memberId]),
      );

      await s.whatIfs.undo(team.owner, planId, applied.applicationId);
      expect(await finishOf(planId)).toBe("2026-11-09");
      const after = await s.schedule.planFile(team.owner.workspaceId);
      expect(after.overtime).toBeUndefined();
      expect(after.useOvertime).toBeUndefined();
      await s.plans.delete(team.owner, planId);
    });

    it("cuts scope: defers an optional task on the critical path and brings it back on undo", async () => {
      const { planId, ids } = await chain("大促二", "2026-11-04", [
        ["海报", 24, "设计主管"],
        ["视频", 16, "设计主管", true],
        ["上架", 8, "设计主管"],
      ]);
      const tasks = (await s.plans.get(team.owner, planId)).tasks;
      expect(tasks.map((t) => t.optional)).toEqual([false, true, false]);
      const r = await s.whatIfs.propose(person("设计主管").actor, planId);
      const cut = r.options.find((o) => o.kind === "cut_scope")!;
      expect(cut.changes).toEqual([{ kind: "defer", taskId: ids[1] }]);
      expect(cut.score).toMatchObject({ finish: "2026-11-05", hoursCut: 16, daysGained: 2 });
      expect(r.notes.map((n) => n.code)).not.toContain("progress.whatif.no_optional_flag");
      // A member may not apply it.
      expect(
        (
          await failure(
            s.whatIfs.apply(person("设计专员").actor, planId, {
              revision: r.revision,
              changes: cut.changes,
            }),
          )
        )?.kind,
      ).toBe("forbidden");
      const applied = await s.whatIfs.apply(person("设计主管").actor, planId, {
        revision: r.revision,
        changes: cut.changes,
      });
      expect(applied.finish).toBe("2026-11-05");
      expect(await finishOf(planId)).toBe("2026-11-05");
      const video = (await s.plans.get(team.owner, planId)).tasks.find((t) => t.id === ids[1])!;
      expect(video).toMatchObject({ optional: true, deferred: true });

      await s.whatIfs.undo(person("设计主管").actor, planId, applied.applicationId);
      expect(await finishOf(planId)).toBe("2026-11-09");
      const back = (await s.plans.get(team.owner, planId)).tasks.find((t) => t.id === ids[1])!;
      expect(back).toMatchObject({ optional: true, deferred: false });
      await s.plans.delete(team.owner, planId);
    });

    it("brings a deferred task back when it is no longer optional (task patch), and refuses to undo after", async () => {
      const { planId, ids } = await chain("大促三", "2026-11-04", [
        ["海报", 24, "设计主管"],
        ["视频", 16, "设计主管", true],
        ["上架", 8, "设计主管"],
      ]);
      const r = await s.whatIfs.propose(team.owner, planId);
      const cut = r.options.find((o) => o.kind === "cut_scope")!;
      const applied = await s.whatIfs.apply(team.owner, planId, {
        revision: r.revision,
        changes: cut.changes,
      });
      expect(await finishOf(planId)).toBe("2026-11-05");
      const video = (await s.plans.get(team.owner, planId)).tasks.find((t) => t.id === ids[1])!;
      const patched = await s.tasks.update(team.owner, video.id, {
        version: video.version,
        optional: false,
      });
      expect(patched.task).toMatchObject({ optional: false, deferred: false });
      expect(await finishOf(planId)).toBe("2026-11-09");
      const stale = await failure(s.whatIfs.undo(team.owner, planId, applied.applicationId));
      expect(stale?.coded?.code).toBe("progress.whatif.undo_stale");
      await s.plans.delete(team.owner, planId);
    });

    it("property: on generated late plans, each option kind's predicted finish is the applied re-plan's, and undo gives back the finish before", async () => {
      const people = ["设计专员", "设计主管"];
      const taskArb = fc.record({
        hours: fc.integer({ min: 1, max: 6 }).map((n) => n * 4),
        who: fc.constantFrom(...people),
        optional: fc.boolean(),
        after: fc.option(fc.nat(), { nil: undefined }),
      });
      const seen = new Set<string>();
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(taskArb, { minLength: 2, maxLength: 5 }), async (spec) => {
          runs++;
          const plan = await s.plans.create(team.owner, {
            name: `生成 ${runs}`,
            startDate: "2026-11-02",
            launchDate: "2026-11-03",
          });
          try {
            const ids: string[] = [];
            for (const t of spec) {
              const pred = t.after !== undefined && ids.length ? ids[t.after % ids.length] : null;
              const task = await s.tasks.create(team.owner, plan.id, {
                name: `任务 ${ids.length + 1}`,
                effortHours: t.hours,
                skillId,
                assigneeMemberId: person(t.who).memberId,
                ...(t.optional && { optional: true }),
                ...(pred && { dependsOn: [{ taskId: pred, type: "FS" as const, lagDays: 0 }] }),
              });
              ids.push(task.task.id);
            }
            const first = await s.whatIfs.propose(team.owner, plan.id);
            const before = await finishOf(plan.id);
            expect(first.finish).toBe(before);
            const kinds = [...new Set(first.options.map((o) => o.kind))];
            const tries = [
              ...kinds.map((k) => ({
                kind: k as string,
                pick: (r: typeof first) => r.options.find((o) => o.kind === k),
              })),
              { kind: "best", pick: (r: typeof first) => r.best },
            ];
            for (const t of tries) {
              const r = await s.whatIfs.propose(team.owner, plan.id);
              const option = t.pick(r);
              if (!option) continue;
              seen.add(t.kind);
              const applied = await s.whatIfs.apply(team.owner, plan.id, {
                revision: r.revision,
                changes: option.changes,
              });
              expect(applied.finish, t.kind).toBe(option.score.finish);
              expect(await finishOf(plan.id)).toBe(option.score.finish);
              const undone = await s.whatIfs.undo(team.owner, plan.id, applied.applicationId);
              expect(undone.finish, `${t.kind} undone`).toBe(before);
              expect(await finishOf(plan.id)).toBe(before);
            }
          } finally {
            await s.plans.delete(team.owner, plan.id);
          }
        }),
        { numRuns: 8, seed: 12 },
      );
      // The generated plans met every kind that the cases allow, the new ones included.
      expect([...seen].sort()).toEqual(
        expect.arrayContaining(["cut_scope", "fast_track", "overtime"]),
      );
    }, 120_000);
  });
}
