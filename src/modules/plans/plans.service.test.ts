import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTeamSchedule } from "../../core/engine/checker/team-check.js";
import { scheduleTeam } from "../../core/engine/team/schedule.js";
import { renderMessage } from "../../core/messages/index.js";
import type { StoredSchedule } from "./schedule.service.js";
import { isDutyTask } from "../../core/plans/team-plan.js";
import type { Services } from "../../server/services.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

/** The stored schedule is what the engine gives for the plan file: anyone can re-run it. */
async function expectReproducibleAndValid(s: Services, workspaceId: string) {
  const file = await s.schedule.planFile(workspaceId);
  const rerun = scheduleTeam(file, { effort: "quick" });
  expect(checkTeamSchedule(file, rerun)).toEqual([]);
  const stored = await s.schedule.current(workspaceId);
  const key = (a: { member: string; date: string; task: string; hours: number }) =>
    `${a.member}|${a.date}|${a.task}|${a.hours}`;
  expect(stored.allocations.map(key).sort()).toEqual(
    rerun.allocations
      .filter((a) => !a.task.startsWith("duty:"))
      .map(key)
      .sort(),
  );
  // Nothing was logged: no task keeps pinned work, so the schedule is what a fresh plan file gives.
  const fresh = scheduleTeam(
    { ...file, pinned: file.pinned.filter((p) => isDutyTask(p.task)) },
    { effort: "quick" },
  );
  expect(stored.allocations.map(key).sort()).toEqual(
    fresh.allocations
      .filter((a) => !isDutyTask(a.task))
      .map(key)
      .sort(),
  );
  expect(stored.unscheduled.map((u) => u.task).sort()).toEqual(
    fresh.unscheduled
      .map((u) => u.task)
      .filter((t) => !isDutyTask(t))
      .sort(),
  );
}

for (const dialect of DIALECTS) {
  describe(`plans on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-10-12T02:00:00Z"); // Monday 10:00 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("creates a 双11 plan from the template, placed back from the launch date and scheduled into people's days", async () => {
      const team = await buildShopTeam(s);
      const detail = await s.plans.fromTemplate(team.owner, {
        templateId: "double11",
        launchDate: "2026-11-11",
      });
      expect(detail.tasks.length).toBe(23);
      const kv = detail.tasks.find((t) => t.name === "活动主视觉 KV")!;
      expect(kv.deadline).toBe("2026-10-16"); // 18 workdays before Wednesday 11-11
      const schedule = await s.schedule.forPlan(team.workspaceId, detail.plan.id);
      expect(schedule.format).toBe("dayclear.schedule/v1");
      expect(schedule.unscheduled).toEqual([]);
      const kvResult = schedule.tasks.find((t) => t.id === kv.id)!;
      const designers = team.people.filter((p) => p.department === "设计").map((p) => p.memberId);
      expect(designers).toContain(kvResult.assignee);
      expect(schedule.allocations.every((a) => a.date >= "2026-10-12")).toBe(true);
      expect(schedule.finish <= "2026-11-11").toBe(true);
      const golive = schedule.tasks.find(
        (t) => t.id === detail.tasks.find((x) => x.name === "上线检查")!.id,
      )!;
      expect(golive.start).toBe(golive.finish);
      expect(schedule.criticalPath.length).toBeGreaterThan(0);
      await expectReproducibleAndValid(s, team.workspaceId);
    });

    it("refuses bad tasks with the field and reason, and saves nothing", async () => {
      const team = await buildShopTeam(s);
      const plan = await s.plans.create(team.owner, { name: "上新" });
      const a = (await s.tasks.create(team.owner, plan.id, { name: "A", effortHours: 4 })).task;
      const b = (
        await s.tasks.create(team.owner, plan.id, {
          name: "B",
          effortHours: 4,
          dependsOn: [{ taskId: a.id }],
        })
      ).task;
      const cycle = await failure(
        s.tasks.update(team.owner, a.id, { version: a.version, dependsOn: [{ taskId: b.id }] }),
      );
      const cycleField = cycle?.fields[0];
      expect(cycleField).toMatchObject({
        field: "dependsOn",
        code: "plans.task.cycle",
        params: { path: "A → B → A" },
      });
      const cycleMessage = { code: cycleField!.code!, params: cycleField!.params };
      expect(renderMessage("en", cycleMessage)).toBe("This would make a cycle: A → B → A.");
      expect(renderMessage("zh-CN", cycleMessage)).toBe("这样会形成循环依赖：A → B → A。");
      expect(
        (await failure(s.tasks.create(team.owner, plan.id, { name: "C", effortHours: 0 })))
          ?.fields[0]?.field,
      ).toBe("effortHours");
      expect(
        (
          await failure(
            s.tasks.create(team.owner, plan.id, {
              name: "C",
              effortHours: 2,
              earliestStart: "2026-10-20",
              deadline: "2026-10-19",
            }),
          )
        )?.fields[0]?.field,
      ).toBe("deadline");
      expect(
        (
          await failure(
            s.tasks.create(team.owner, plan.id, {
              name: "C",
              effortHours: 2,
              dependsOn: [{ taskId: "no-such-task" }],
            }),
          )
        )?.fields[0]?.field,
      ).toBe("dependsOn.0.taskId");
      const other = await s.plans.create(team.owner, { name: "别的计划" });
      const x = (await s.tasks.create(team.owner, other.id, { name: "X", effortHours: 1 })).task;
      const elsewhere = (
        await failure(
          s.tasks.create(team.owner, plan.id, {
            name: "C",
            effortHours: 2,
            dependsOn: [{ taskId: x.id }],
          }),
        )
      )?.fields[0];
      expect(elsewhere?.code).toBe("plans.task.not_in_plan");
      expect(renderMessage("en", { code: elsewhere!.code! })).toBe(
        "There is no such task in this plan.",
      );
      expect(renderMessage("zh-CN", { code: elsewhere!.code! })).toBe("本计划里没有这项任务。");
      expect((await s.plans.get(team.owner, plan.id)).tasks.map((t) => t.name)).toEqual(["A", "B"]);
      const stale = await failure(
        s.tasks
          .update(team.owner, b.id, { version: b.version - 0, name: "B2" })
          .then(() => s.tasks.update(team.owner, b.id, { version: b.version, name: "B3" })),
      );
      expect(stale?.kind).toBe("conflict");
      expect(stale?.coded).toEqual({
        code: "plans.stale_version",
        params: { what: { code: "plans.entity.task" }, current: b.version + 1 },
      });
      expect(renderMessage("zh-CN", stale!.coded!)).toBe(
        `这个任务刚被别人改过（当前版本 ${b.version + 1}），请刷新后再试。`,
      );
      expect((await s.plans.get(team.owner, plan.id)).tasks.find((t) => t.id === b.id)!.name).toBe(
        "B2",
      );
    });

    it("keeps the scheduler's warnings as codes (with the task's id) that read in either language", async () => {
      const team = await buildShopTeam(s);
      const ops = team.people.find((p) => p.name === "运营专员")!;
      const plan = await s.plans.create(team.owner, { name: "上新" });
      const create = (name: string, extra: Record<string, unknown> = {}) =>
        s.tasks
          .create(team.owner, plan.id, {
            name,
            effortHours: 4,
            assigneeMemberId: ops.memberId,
            ...extra,
          })
          .then((r) => r.task);
      const copy = await create("文案", { earliestStart: "2026-10-14" });
      const banner = await create("主图");
      // Two hours of 主图 done today; then it is made to wait for 文案, which starts on Wednesday.
      await s.today.log(ops.actor, { taskId: banner.id, hours: 2 });
      const fresh = (await s.plans.get(team.owner, plan.id)).tasks.find((t) => t.id === banner.id)!;
      await s.tasks.update(team.owner, banner.id, {
        version: fresh.version,
        dependsOn: [{ taskId: copy.id }],
      });
      const schedule = (await s.schedule.forPlan(team.workspaceId, plan.id)) as StoredSchedule;
      const notice = schedule.notices!.find((n) => n.code === "plans.engine.pinned_out_of_order")!;
      expect(notice).toEqual({
        code: "plans.engine.pinned_out_of_order",
        params: { task: banner.id },
      });
      expect(renderMessage("zh-CN", notice)).toBe(
        `任务“${banner.id}”：已完成的固定工作与现在的依赖关系不一致，只把剩余工作排在依赖之后`,
      );
      expect(schedule.warnings).toContain(
        `task "${banner.id}": pinned work already done does not follow its dependencies as they are now; only its remaining work is placed after them`,
      );
    });

    it("lets members read plans but not change them", async () => {
      const team = await buildShopTeam(s);
      const plan = await s.plans.create(team.owner, { name: "计划" });
      const member = team.people.find((p) => p.name === "客服专员")!;
      expect(
        (await failure(s.tasks.create(member.actor, plan.id, { name: "x", effortHours: 1 })))?.kind,
      ).toBe("forbidden");
      const refused = await failure(s.plans.create(member.actor, { name: "x" }));
      expect(refused?.kind).toBe("forbidden");
      expect(refused?.coded?.code).toBe("plans.create_forbidden");
      expect(renderMessage("en", refused!.coded!)).toBe("Only the owner and leads create plans.");
      expect(renderMessage("zh-CN", refused!.coded!)).toBe("只有店主和主管可以创建计划。");
      expect((await s.plans.list(member.actor, { limit: 10 })).items.map((p) => p.id)).toContain(
        plan.id,
      );
    });

    it("keeps the schedule valid and reproducible after any sequence of edits (property)", async () => {
      const team = await buildShopTeam(s);
      const plan = await s.plans.create(team.owner, { name: "随机计划" });
      // …plus a skill nobody has, so edits can make a placed task one nobody qualifies for (finding 14).
      const skillIds = [
        ...team.skills.map((k) => k.id),
        (await s.skills.create(team.owner, { name: "无人会的技能" })).id,
      ];
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              op: fc.constantFrom("add", "add", "effort", "skill", "link", "delete"),
              hours: fc.integer({ min: 1, max: 30 }),
              skill: fc.integer({ min: 0, max: skillIds.length - 1 }),
              pick: fc.nat(),
              pick2: fc.nat(),
              deadline: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          async (ops) => {
            for (const op of ops) {
              const tasks = (await s.plans.get(team.owner, plan.id)).tasks;
              const t = tasks[op.pick % Math.max(1, tasks.length)];
              const u = tasks[op.pick2 % Math.max(1, tasks.length)];
              const deadline =
                op.deadline === null
                  ? null
                  : new Date(Date.parse("2026-10-12") + op.deadline * 86_400_000)
                      .toISOString()
                      .slice(0, 10);
              if (op.op === "add" || !t)
                await s.tasks.create(team.owner, plan.id, {
                  name: `T${op.pick}`,
                  effortHours: op.hours,
                  skillId: skillIds[op.skill]!,
                  deadline,
                });
              else if (op.op === "effort")
                await s.tasks.update(team.owner, t.id, {
                  version: t.version,
                  effortHours: op.hours,
                });
              else if (op.op === "skill")
                await s.tasks.update(team.owner, t.id, {
                  version: t.version,
                  skillId: op.hours % 4 === 0 ? null : skillIds[op.skill]!,
                });
              else if (op.op === "delete") await s.tasks.delete(team.owner, t.id);
              else if (u && u.id !== t.id)
                await failure(
                  s.tasks.update(team.owner, t.id, {
                    version: t.version,
                    dependsOn: [{ taskId: u.id, type: "FS", lagDays: 0 }],
                  }),
                );
            }
            await expectReproducibleAndValid(s, team.workspaceId);
          },
        ),
        { numRuns: 6, seed: 42 },
      );
    }, 120_000);
  });
}
