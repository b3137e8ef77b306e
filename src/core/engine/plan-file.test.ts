import { describe, expect, it } from "vitest";
import { LOCALES, renderMessage } from "../messages/index.js";
import { parsePlanFile } from "./plan-file.js";
import type { PlanIssue } from "./types.js";

const base = {
  format: "dayclear.plan/v1",
  mode: "team",
  start: "2026-11-02",
  calendar: {
    workweek: [1, 2, 3, 4, 5],
    hoursPerDay: 8,
    holidays: ["2026-01-01"],
    extraWorkdays: ["2026-01-04"],
  },
  members: [
    { id: "m1", name: "张三", skills: { design: 3 }, hoursPerDay: 8, daysOff: ["2026-11-05"] },
  ],
};

function issues(tasks: unknown[], extra: Record<string, unknown> = {}): PlanIssue[] {
  const r = parsePlanFile({ ...base, tasks, ...extra });
  if (r.ok) throw new Error("expected the plan to be rejected");
  return r.issues;
}

describe("plan file v1", () => {
  it("accepts the example from the spec and fills defaults", () => {
    const r = parsePlanFile(
      JSON.stringify({
        ...base,
        tasks: [
          { id: "t0", name: "文案", effortHours: 4, skill: "design" },
          {
            id: "t1",
            name: "主图设计",
            effortHours: 12,
            skill: "design",
            minLevel: 2,
            assignee: null,
            priority: 500,
            earliestStart: null,
            deadline: "2026-11-10",
            dependsOn: [{ task: "t0", type: "FS", lagDays: 0 }],
          },
        ],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.plan.mode !== "team") return;
    expect(r.plan.tasks[0]).toMatchObject({
      priority: 500,
      dependsOn: [],
      parent: null,
      minLevel: null,
      deadline: null,
    });
    expect(r.plan.members[0]).toMatchObject({ workweek: null, hoursPerDay: 8 });
  });

  it("names the task and field for an unknown dependency, negative effort and self-dependency", () => {
    const found = issues([
      { id: "a", effortHours: -3 },
      { id: "b", effortHours: 2, dependsOn: [{ task: "nope" }] },
      { id: "c", effortHours: 2, dependsOn: [{ task: "c" }] },
      { id: "d", effortHours: 0 },
      { id: "e", effortHours: 1, deadline: "2026-02-30", dependsOn: [{ task: "a", type: "XX" }] },
    ]);
    const text = found.map((i) => i.message);
    expect(text).toContain('task "a": effortHours must be greater than 0, got -3');
    expect(text).toContain('task "b": dependsOn[0] names unknown task "nope"');
    expect(text).toContain('task "c": dependsOn[0] names the task itself');
    expect(text).toContain('task "d": effortHours must be greater than 0, got 0');
    expect(found.find((i) => i.task === "e" && i.field === "deadline")?.message).toMatch(
      /YYYY-MM-DD/,
    );
    expect(found.find((i) => i.task === "e" && i.field === "type")?.message).toMatch(
      /FS, SS, FF, SF/,
    );
    expect(found.find((i) => i.task === "a")?.path).toBe("tasks[0].effortHours");
  });

  it("reports a cycle with its path", () => {
    const found = issues([
      { id: "a", effortHours: 1, dependsOn: [{ task: "c" }] },
      { id: "b", effortHours: 1, dependsOn: ["a"] },
      { id: "c", effortHours: 1, dependsOn: [{ task: "b", type: "SS", lagDays: 1 }] },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^dependency cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/,
    );
  });

  it("rejects unknown members, duplicate ids, bad skills and a dependency on one's own summary", () => {
    const found = issues(
      [
        { id: "p", name: "package" },
        { id: "a", effortHours: 1, parent: "p", assignee: "ghost" },
        { id: "a", effortHours: 1 },
        { id: "b", effortHours: 1, parent: "p", dependsOn: [{ task: "p" }] },
      ],
      { members: [{ id: "m1", skills: { design: 9 } }] },
    );
    const text = found.map((i) => i.message).join("\n");
    expect(text).toMatch(/member "m1": skills.design must be a level 1..5, got 9/);
    expect(text).toMatch(/task "a": id is used twice/);
    expect(text).toMatch(/task "a": assignee names unknown member "ghost"/);
  });

  it("flags a dependency on the task's own summary", () => {
    const found = issues([
      { id: "p", name: "package" },
      { id: "b", effortHours: 1, parent: "p", dependsOn: [{ task: "p" }] },
    ]);
    expect(found[0]!.message).toBe('task "b": dependsOn[0] names its own summary task "p"');
  });

  it("validates abstract plans: unknown resource, demand over capacity, cycle", () => {
    const bad = parsePlanFile({
      format: "dayclear.plan/v1",
      mode: "abstract",
      resources: [{ id: "R1", capacity: 4 }],
      tasks: [
        { id: "1", duration: 2, demands: { R1: 5 }, predecessors: [] },
        { id: "2", duration: -1, demands: { R9: 1 }, predecessors: ["1", "7"] },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.issues.map((i) => i.message);
    expect(text).toContain('task "1": demands.R1 = 5 exceeds the resource\'s capacity 4');
    expect(text).toContain('task "2": duration must be at least 0, got -1');
    expect(text).toContain('task "2": demands names unknown resource "R9"');
    expect(text).toContain('task "2": predecessors[1] names unknown task "7"');
    const cyc = parsePlanFile({
      format: "dayclear.plan/v1",
      mode: "abstract",
      resources: [],
      tasks: [
        { id: "1", duration: 1, predecessors: ["2"] },
        { id: "2", duration: 1, predecessors: ["1"] },
      ],
    });
    expect(cyc.ok ? "" : cyc.issues[0]!.message).toMatch(/dependency cycle: (1 → 2 → 1|2 → 1 → 2)/);
  });

  it("rejects wrong format, mode and broken JSON", () => {
    expect(parsePlanFile("{").ok).toBe(false);
    const wrong = parsePlanFile({ format: "dayclear.plan/v2" });
    expect(wrong.ok ? "" : wrong.issues[0]!.message).toMatch(/format must be "dayclear.plan\/v1"/);
    const mode = parsePlanFile({ format: "dayclear.plan/v1", mode: "solo" });
    expect(mode.ok ? "" : mode.issues[0]!.message).toMatch(/mode must be "team" or "abstract"/);
  });

  it("gives every problem a message code whose English is the issue's message and which reads in Chinese", () => {
    const found = [
      ...issues(
        [
          { id: "a", effortHours: -3, deadline: "soon" },
          { id: "b", effortHours: 1, dependsOn: [{ task: "nope" }, { task: "a", type: "XX" }] },
          { id: "c", parent: "c" },
        ],
        { calendar: { workweek: [9] }, pinned: [{ member: "ghost", date: "2026-11-02" }] },
      ),
      ...(() => {
        const r = parsePlanFile("{ not json");
        return r.ok ? [] : r.issues;
      })(),
    ];
    expect(found.length).toBeGreaterThan(6);
    for (const i of found) {
      const m = { code: i.code, params: i.params };
      expect(renderMessage("en", m)).toBe(i.message);
      for (const locale of LOCALES) expect(renderMessage(locale, m)).not.toMatch(/\{\w+\}/);
    }
    const zh = (field: string) =>
      found
        .filter((i) => i.path === field)
        .map((i) => renderMessage("zh-CN", { code: i.code, params: i.params }));
    expect(zh("tasks[0].effortHours")).toEqual(["任务“a”：effortHours 必须大于 0，实际为 -3"]);
    expect(zh("tasks[0].deadline")).toEqual([
      '任务“a”：deadline 必须是 YYYY-MM-DD 格式的日期或 null，实际为 "soon"',
    ]);
    expect(zh("tasks[1].dependsOn[1].type")).toEqual([
      '任务“b”的 dependsOn[1]：type 必须是 FS、SS、FF、SF 之一，实际为 "XX"',
    ]);
    expect(zh("calendar.workweek")).toEqual([
      "日历：workweek 必须是 ISO 星期几的列表，1（周一）… 7（周日），实际为 [9]",
    ]);
    expect(zh("pinned[0].task")).toContain("pinned[0]：task 必须是非空文本，实际为 空");
    expect(zh("pinned[0].member")).toEqual(["pinned[0]：member 指向不存在的成员“ghost”"]);
    expect(zh("")).toEqual([expect.stringMatching(/^不是有效的 JSON：/)]);
  });
});
