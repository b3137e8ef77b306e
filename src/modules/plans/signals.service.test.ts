// Issue 10, findings 14–16: the signals a planner reads agree with each other and with a fresh
// run of the plan file, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleTeam } from "../../core/engine/team/schedule.js";
import { lateTasks } from "../../core/plans/signals.js";
import { isDutyTask } from "../../core/plans/team-plan.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

const TODAY = "2026-10-12"; // Monday

for (const dialect of DIALECTS) {
  describe(`plan signals on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-10-12T02:00:00Z"); // Monday 10:00 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("unschedules a grid task, with its reason, once its skill is one nobody has — today's hours are not kept on whoever was free (14)", async () => {
      const team = await buildShopTeam(s);
      const plan = await s.plans.create(team.owner, { name: "上新" });
      const created = (
        await s.tasks.create(team.owner, plan.id, { name: "新任务", effortHours: 40 })
      ).task;
      const first = await s.schedule.forPlan(team.workspaceId, plan.id);
      const holder = first.tasks.find((t) => t.id === created.id)!.assignee!;
      expect(
        first.allocations.some(
          (a) => a.task === created.id && a.date === TODAY && a.member === holder,
        ),
      ).toBe(true);

      const live = await s.skills.create(team.owner, { name: "直播运营" });
      const res = await s.tasks.update(team.owner, created.id, {
        version: created.version,
        skillId: live.id,
      });
      expect(res.schedule.unscheduled).toBe(1);
      const after = await s.schedule.forPlan(team.workspaceId, plan.id);
      expect(after.allocations.filter((a) => a.task === created.id)).toEqual([]);
      expect(after.unscheduled).toEqual([
        expect.objectContaining({
          task: created.id,
          code: "schedule.no_skill",
          params: { skill: "直播运营", level: 1 },
        }),
      ]);
      const today = await s.today.range(team.owner, { from: TODAY, to: TODAY, memberId: holder });
      expect(JSON.stringify(today)).not.toContain(created.id);

      // The server's schedule is what a fresh plan file with the same task gives.
      const file = await s.schedule.planFile(team.workspaceId);
      expect(file.pinned.filter((p) => !isDutyTask(p.task))).toEqual([]);
      expect(scheduleTeam(file, { effort: "quick" }).unscheduled.map((u) => u.task)).toEqual([
        created.id,
      ]);
    });

    it("counts and lists a task made late by an effort change once, with its deadline and slip; summary rows roll up their subtasks (15)", async () => {
      const team = await buildShopTeam(s);
      const plan = await s.plans.create(team.owner, { name: "详情页" });
      const summary = (await s.tasks.create(team.owner, plan.id, { name: "设计", summary: true }))
        .task;
      const a = (
        await s.tasks.create(team.owner, plan.id, {
          name: "主图",
          effortHours: 4,
          parentId: summary.id,
        })
      ).task;
      const b = (
        await s.tasks.create(team.owner, plan.id, {
          name: "详情",
          effortHours: 8,
          parentId: summary.id,
          deadline: "2026-10-13",
        })
      ).task;
      expect((await s.plans.get(team.owner, plan.id)).plan.lateCount).toBe(0);

      const res = await s.tasks.update(team.owner, b.id, { version: b.version, effortHours: 40 });
      expect(res.schedule.late).toBeGreaterThanOrEqual(1);
      const detail = await s.plans.get(team.owner, plan.id);
      const schedule = await s.schedule.forPlan(team.workspaceId, plan.id);
      const late = lateTasks(schedule.tasks, detail.tasks);
      expect(late.find((l) => l.taskId === b.id)).toMatchObject({
        deadline: "2026-10-13",
        finish: "2026-10-16",
        lateDays: 3,
      });
      expect(detail.plan.lateCount).toBe(late.length);

      expect(detail.tasks.find((t) => t.id === summary.id)!.status).toBe("todo");
      await s.tasks.update(team.owner, a.id, { version: a.version, status: "in_progress" });
      expect(
        (await s.plans.get(team.owner, plan.id)).tasks.find((t) => t.id === summary.id)!.status,
      ).toBe("in_progress");
      const a2 = (await s.plans.get(team.owner, plan.id)).tasks.find((t) => t.id === a.id)!;
      const b2 = (await s.plans.get(team.owner, plan.id)).tasks.find((t) => t.id === b.id)!;
      await s.tasks.update(team.owner, a2.id, { version: a2.version, status: "done" });
      await s.tasks.update(team.owner, b2.id, { version: b2.version, status: "done" });
      const done = await s.plans.get(team.owner, plan.id);
      expect(done.tasks.find((t) => t.id === summary.id)!.status).toBe("done");
      expect(done.plan.doneCount).toBe(3);
    });

    it("places a 双11 plan 2.5 months out back from its launch: nothing before launch − its lead, nobody's today taken (16)", async () => {
      const team = await buildShopTeam(s);
      const detail = await s.plans.fromTemplate(team.owner, {
        templateId: "double11",
        launchDate: "2026-12-25",
      });
      // 31 workdays before Friday 25 December (the playbook's lead) is Thursday 12 November.
      expect(detail.plan.startDate).toBe("2026-11-12");
      const goal = detail.tasks.find((t) => t.name === "确定活动目标与预算")!;
      expect(goal.earliestStart).toBe("2026-11-12");
      expect(
        detail.tasks
          .filter((t) => !t.milestone && t.effortHours > 0)
          .every((t) => t.earliestStart !== null && t.earliestStart >= "2026-11-12"),
      ).toBe(true);
      const warmup = detail.tasks.find((t) => t.name === "预热期投放与优化")!;
      expect(warmup.earliestStart).toBe("2026-12-11"); // its own startBefore: 10 workdays
      const schedule = await s.schedule.forPlan(team.workspaceId, detail.plan.id);
      expect(schedule.unscheduled).toEqual([]);
      expect(schedule.allocations.filter((a) => a.date < "2026-11-12")).toEqual([]);
      expect(schedule.tasks.find((t) => t.id === goal.id)!.start).toBe("2026-11-12");
      expect(schedule.finish <= "2026-12-25").toBe(true);
      const ownerToday = await s.today.range(team.owner, {
        from: TODAY,
        to: "2026-11-11",
        memberId: team.owner.memberId,
      });
      expect(JSON.stringify(ownerToday)).not.toContain(detail.plan.id);
    });
  });
}
