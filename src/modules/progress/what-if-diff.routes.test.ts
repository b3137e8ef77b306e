// Each corrective action's before/after Gantt over HTTP (issue 12), on both databases: which of
// the plan's tasks move, from which days to which, and who does them before and after — and the
// best combination's "after" is exactly the schedule the plan has once it is applied.
//
// Mon–Fri, 8 h a day, today Monday 2026-11-02. 主图设计 16 h then 详情页 16 h (FS) for 设计专员,
// deadline Tue 11-03: Mon–Tue and Wed–Thu, finish Thu 11-05. 设计主管 (level 3 too, on no plan):
//   giving 详情页 to 设计主管 alone: it starts Tue, the day 主图设计 finishes (FS lag 0, another
//   person) → Tue–Wed; 主图设计 does not move;
//   with the link overlapped as well (start-to-start, lag 0): 详情页 Mon–Tue beside 主图设计 → on time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock } from "../../../test/helpers/factories.js";
import {
  signupClient,
  startTestApp,
  type Client,
  type TestApp,
} from "../../../test/helpers/http.js";

interface Span {
  start: string;
  finish: string;
  assignees: { memberId: string; name: string | null }[];
}
interface Diff {
  moves: { taskId: string; name: string; before: Span | null; after: Span | null }[];
  total: number;
}
interface WhatIfs {
  revision: string;
  options: { id: string; kind: string; changes: unknown[]; diff: Diff }[];
  best: { changes: unknown[]; score: { finish: string }; diff: Diff } | null;
}

const span = (start: string, finish: string, ...names: string[]) => ({
  start,
  finish,
  assignees: names.map((name) => ({ memberId: expect.any(String), name })),
});

for (const dialect of DIALECTS) {
  describe(`what-if Gantt diffs on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    let planId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-02T01:00:00.000Z"));
      owner = (await signupClient(t.app, "ecommerce")).client;
      const design = (
        await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/departments")
      ).body.items.find((d) => d.name === "设计")!;
      const skill = (
        await owner.get<{ items: { id: string; departmentId: string | null }[] }>("/api/v1/skills")
      ).body.items.find((k) => k.departmentId === design.id)!;
      const member = async (name: string, email: string, role: "lead" | "member") =>
        (
          await owner.post<{ id: string }>("/api/v1/members", {
            name,
            email,
            password: "member-pass-1",
            role,
            departmentId: design.id,
            skills: [{ skillId: skill.id, level: 3 }],
          })
        ).body.id;
      ids.designer = await member("设计专员", `m-${dialect}@diff.test`, "member");
      ids.lead = await member("设计主管", `l-${dialect}@diff.test`, "lead");
      planId = (
        await owner.post<{ id: string }>("/api/v1/plans", {
          name: "双11 预热",
          startDate: "2026-11-02",
          launchDate: "2026-11-03",
        })
      ).body.id;
      const task = async (name: string, dependsOn: { taskId: string }[]) =>
        (
          await owner.post<{ task: { id: string } }>(`/api/v1/plans/${planId}/tasks`, {
            name,
            effortHours: 16,
            skillId: skill.id,
            assigneeMemberId: ids.designer,
            dependsOn,
          })
        ).body.task.id;
      ids.t1 = await task("主图设计", []);
      ids.t2 = await task("详情页", [{ taskId: ids.t1 }]);
    });
    afterAll(async () => t.close());

    it("lists, per option, the tasks that move with their days and people before and after", async () => {
      const res = await owner.post<WhatIfs>(`/api/v1/plans/${planId}/what-ifs`);
      expect(res.status).toBe(200);
      const give = res.body.options.find((o) => o.id === `assign:${ids.t2}:${ids.lead}`)!;
      expect(give.diff).toEqual({
        moves: [
          {
            taskId: ids.t2,
            name: "详情页",
            before: span("2026-11-04", "2026-11-05", "设计专员"),
            after: span("2026-11-03", "2026-11-04", "设计主管"),
          },
        ],
        total: 1,
      });
      expect(give.diff.moves[0]!.after!.assignees[0]!.memberId).toBe(ids.lead);
      // Every option says what it moves; a move always differs between before and after.
      for (const o of res.body.options) {
        expect(o.diff.total).toBeGreaterThanOrEqual(o.diff.moves.length);
        for (const m of o.diff.moves) expect(m.before).not.toEqual(m.after);
      }
      expect(res.body.best!.score.finish).toBe("2026-11-03");
      expect(res.body.best!.diff.moves).toEqual([
        {
          taskId: ids.t2,
          name: "详情页",
          before: span("2026-11-04", "2026-11-05", "设计专员"),
          after: span("2026-11-02", "2026-11-03", "设计主管"),
        },
      ]);
    });

    it("predicts the best combination's schedule exactly: applied, the plan's tasks sit where the diff said", async () => {
      const { revision, best } = (await owner.post<WhatIfs>(`/api/v1/plans/${planId}/what-ifs`))
        .body;
      const applied = await owner.post(`/api/v1/plans/${planId}/what-ifs/apply`, {
        revision,
        changes: best!.changes,
      });
      expect(applied.status).toBe(200);
      const schedule = (
        await owner.get<{
          tasks: { id: string; start: string; finish: string; assignee: string | null }[];
        }>(`/api/v1/plans/${planId}/schedule`)
      ).body;
      for (const m of best!.diff.moves) {
        const now = schedule.tasks.find((x) => x.id === m.taskId)!;
        expect([now.start, now.finish, now.assignee]).toEqual([
          m.after!.start,
          m.after!.finish,
          m.after!.assignees[0]!.memberId,
        ]);
      }
    });
  });
}
