import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkAbstractSchedule,
  checkTeamSchedule,
  parsePlanFile,
  parsePsplib,
  type AbstractPlan,
  type AbstractResult,
  type TeamPlan,
  type TeamResult,
} from "../../core/engine/index.js";
import { scheduleCommand } from "./schedule.js";

const dir = mkdtempSync(path.join(tmpdir(), "dayclear-schedule-"));
const psplib = path.resolve(import.meta.dirname, "../../../../shared/data/psplib/j30/j301_1.sm");

function capture(): { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((out += String(chunk)), true),
  );
  vi.spyOn(process.stderr, "write").mockImplementation(
    (chunk: string | Uint8Array) => ((err += String(chunk)), true),
  );
  return { out: () => out, err: () => err };
}

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

const teamPlan = {
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
    { id: "m2", name: "李四", skills: { copy: 2 } },
  ],
  tasks: [
    { id: "t0", name: "文案", effortHours: 6, skill: "copy" },
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
};

afterEach(() => vi.restoreAllMocks());

describe("dayclear schedule", () => {
  it("schedules a team plan to stdout in result format v1", async () => {
    const io = capture();
    const code = await scheduleCommand(write("team.json", teamPlan), {});
    expect(code).toBe(0);
    const result = JSON.parse(io.out()) as TeamResult;
    expect(result).toMatchObject({
      format: "dayclear.schedule/v1",
      mode: "team",
      finish: "2026-11-03",
      unscheduled: [],
    });
    expect(result.tasks.find((t) => t.id === "t1")).toMatchObject({
      assignee: "m1",
      start: "2026-11-02",
      finish: "2026-11-03",
      late: false,
    });
    expect(result.allocations).toContainEqual({
      member: "m1",
      date: "2026-11-02",
      task: "t1",
      hours: 8,
    });
    const parsed = parsePlanFile(teamPlan);
    expect(parsed.ok && checkTeamSchedule(parsed.plan as TeamPlan, result)).toEqual([]);
  });

  it("schedules an abstract plan with a search budget into --out", async () => {
    const plan = {
      format: "dayclear.plan/v1",
      mode: "abstract",
      resources: [{ id: "R1", capacity: 12 }],
      tasks: [
        { id: "1", duration: 0, demands: {}, predecessors: [] },
        { id: "2", duration: 8, demands: { R1: 4 }, predecessors: ["1"] },
        { id: "3", duration: 4, demands: { R1: 10 }, predecessors: ["1"] },
        { id: "4", duration: 0, demands: {}, predecessors: ["2", "3"] },
      ],
    };
    const out = path.join(dir, "abstract-result.json");
    const io = capture();
    expect(
      await scheduleCommand(write("abstract.json", plan), { out, effort: "200", seed: "7" }),
    ).toBe(0);
    expect(io.out()).toBe("");
    const result = JSON.parse(readFileSync(out, "utf8")) as AbstractResult;
    expect(result).toMatchObject({
      format: "dayclear.schedule/v1",
      mode: "abstract",
      makespan: 12,
      lowerBound: 8,
    });
    expect(checkAbstractSchedule(plan as AbstractPlan, result)).toEqual([]);
  });

  it.skipIf(!existsSync(psplib))("schedules a PSPLIB .sm file directly", async () => {
    const io = capture();
    expect(await scheduleCommand(psplib, { effort: "1000" })).toBe(0);
    const result = JSON.parse(io.out()) as AbstractResult;
    expect(result.tasks).toHaveLength(32);
    expect(result.makespan).toBeGreaterThanOrEqual(43); // j301_1's optimum
    expect(result.makespan).toBeLessThanOrEqual(44);
    expect(checkAbstractSchedule(parsePsplib(readFileSync(psplib, "utf8")), result)).toEqual([]);
  });

  it("exits 1 naming the task and field for an invalid plan, and for a cycle with its path", async () => {
    const bad = {
      ...teamPlan,
      tasks: [
        { id: "t1", effortHours: -2 },
        { id: "t2", effortHours: 1, dependsOn: [{ task: "t9" }] },
      ],
    };
    let io = capture();
    expect(await scheduleCommand(write("bad.json", bad), { lang: "en" })).toBe(1);
    expect(io.out()).toBe("");
    expect(io.err()).toContain(
      'tasks[0].effortHours: task "t1": effortHours must be greater than 0, got -2',
    );
    expect(io.err()).toContain(
      'tasks[1].dependsOn[0].task: task "t2": dependsOn[0] names unknown task "t9"',
    );
    vi.restoreAllMocks();
    const cyclic = {
      ...teamPlan,
      tasks: [
        { id: "a", effortHours: 1, dependsOn: ["b"] },
        { id: "b", effortHours: 1, dependsOn: ["a"] },
      ],
    };
    io = capture();
    expect(await scheduleCommand(write("cycle.json", cyclic), { lang: "en" })).toBe(1);
    expect(io.err()).toMatch(/dependency cycle: (a → b → a|b → a → b)/);
  });

  it("rejects a bad --effort, broken JSON and a missing file", async () => {
    const io = capture();
    const en = { lang: "en" };
    expect(await scheduleCommand(write("ok.json", teamPlan), { ...en, effort: "lots" })).toBe(1);
    expect(await scheduleCommand(write("broken.json", "{ not json"), en)).toBe(1);
    expect(await scheduleCommand(path.join(dir, "missing.json"), en)).toBe(2);
    expect(io.err()).toMatch(/--effort must be "quick" or a positive whole number/);
    expect(io.err()).toMatch(/not valid JSON/);
    expect(io.err()).toMatch(/cannot read .*missing\.json: ENOENT/);
  });

  it("says a plan's problems in the CLI's language (--lang, else LANG)", async () => {
    const bad = {
      ...teamPlan,
      tasks: [
        { id: "t1", effortHours: -2 },
        { id: "t2", effortHours: 1, dependsOn: [{ task: "t9" }] },
      ],
    };
    const file = write("bad-zh.json", bad);
    let io = capture();
    expect(await scheduleCommand(file, { lang: "zh-CN" })).toBe(1);
    expect(io.err()).toBe(
      `dayclear schedule: ${file} 不是有效的计划（2 处问题）：\n` +
        "  tasks[0].effortHours: 任务“t1”：effortHours 必须大于 0，实际为 -2\n" +
        "  tasks[1].dependsOn[0].task: 任务“t2”：dependsOn[0] 指向不存在的任务“t9”\n",
    );
    vi.restoreAllMocks();
    const env = { ...process.env };
    try {
      Object.assign(process.env, { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" });
      io = capture();
      expect(await scheduleCommand(file, { effort: "很多" })).toBe(1);
      expect(io.err()).toBe(
        "dayclear schedule: --effort 必须是 quick 或表示排程次数的正整数，实际为“很多”\n",
      );
    } finally {
      process.env = env;
    }
  });

  it("schedules what it can and notes on stderr, in the CLI's language, what it could not place and why", async () => {
    const plan = {
      ...teamPlan,
      tasks: [
        // 文案 starts on Wednesday, yet two hours of 主图设计 (which waits for it) were done on Monday.
        { ...teamPlan.tasks[0], earliestStart: "2026-11-04" },
        teamPlan.tasks[1],
        { id: "t2", name: "视频剪辑", effortHours: 4, skill: "video" },
        { id: "t3", name: "上架", effortHours: 2, dependsOn: ["t2"] },
      ],
      pinned: [{ member: "m1", date: "2026-11-02", task: "t1", hours: 2 }],
    };
    const file = write("partial.json", plan);
    let io = capture();
    expect(await scheduleCommand(file, { lang: "zh-CN" })).toBe(0);
    const result = JSON.parse(io.out()) as TeamResult;
    // The result file keeps its English reasons and warnings, and carries the codes.
    expect(result.unscheduled).toEqual([
      {
        task: "t2",
        reason: 'no member has skill "video" at level ≥ 1',
        code: "schedule.no_skill",
        params: { skill: "video", level: 1 },
      },
      {
        task: "t3",
        reason: 'waits for task "t2", which could not be scheduled',
        code: "schedule.waits",
        params: { task: "t2" },
      },
    ]);
    expect(result.warnings).toEqual([
      'task "t1": pinned work already done does not follow its dependencies as they are now; only its remaining work is placed after them',
    ]);
    expect(result.notices).toEqual([
      { code: "plans.engine.pinned_out_of_order", params: { task: "t1" } },
    ]);
    expect(io.err()).toBe(
      "dayclear schedule: 2 项任务无法排程：\n" +
        "  t2 (视频剪辑): 没有在职成员具备技能“video”（等级 ≥ 1）：请给某人添加该技能、降低等级要求或换一个技能。\n" +
        "  t3 (上架): 要等“t2”完成，而它没能排上。\n" +
        "dayclear schedule: 注意：任务“t1”：已完成的固定工作与现在的依赖关系不一致，只把剩余工作排在依赖之后\n",
    );
    vi.restoreAllMocks();
    io = capture();
    expect(await scheduleCommand(file, { lang: "en" })).toBe(0);
    expect(io.err()).toContain("dayclear schedule: 2 task(s) could not be scheduled:\n");
    expect(io.err()).toContain('dayclear schedule: note: task "t1": pinned work already done');
  });

  it("says why a PSPLIB file cannot be read in the CLI's language", async () => {
    // Job 1 names a successor 9 in a file of 3 jobs.
    const sm = [
      "jobs (incl. supersource/sink ):  3",
      "  - renewable                 :  1   R",
      "PRECEDENCE RELATIONS:",
      "jobnr.    #modes  #successors   successors",
      "   1        1          1           9",
      "   2        1          1           3",
      "   3        1          0",
      "REQUESTS/DURATIONS:",
      "jobnr. mode duration  R 1",
      "   1      1     0       0",
      "   2      1     4       1",
      "   3      1     0       0",
      "RESOURCEAVAILABILITIES:",
      "  R 1",
      "    2",
    ].join("\n");
    const file = write("broken.sm", sm);
    let io = capture();
    expect(await scheduleCommand(file, { lang: "zh-CN" })).toBe(1);
    expect(io.err()).toBe(
      `dayclear schedule: ${file}: PSPLIB：第 5 行，工序 1 的后继 9 不是工序\n`,
    );
    vi.restoreAllMocks();
    io = capture();
    expect(await scheduleCommand(file, { lang: "en" })).toBe(1);
    expect(io.err()).toBe(
      `dayclear schedule: ${file}: PSPLIB: job 1: successor 9 is not a job (line 5)\n`,
    );
    vi.restoreAllMocks();
    io = capture();
    expect(await scheduleCommand(write("empty.sm", "nothing here"), { lang: "zh-CN" })).toBe(1);
    expect(io.err()).toContain("PSPLIB：缺少“jobs”或“renewable”表头行");
    expect(io.out()).toBe("");
  });
});
