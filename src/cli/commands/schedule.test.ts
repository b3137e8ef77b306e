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
    expect(await scheduleCommand(write("bad.json", bad), {})).toBe(1);
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
    expect(await scheduleCommand(write("cycle.json", cyclic), {})).toBe(1);
    expect(io.err()).toMatch(/dependency cycle: (a → b → a|b → a → b)/);
  });

  it("rejects a bad --effort, broken JSON and a missing file", async () => {
    const io = capture();
    expect(await scheduleCommand(write("ok.json", teamPlan), { effort: "lots" })).toBe(1);
    expect(await scheduleCommand(write("broken.json", "{ not json"), {})).toBe(1);
    expect(await scheduleCommand(path.join(dir, "missing.json"), {})).toBe(2);
    expect(io.err()).toMatch(/--effort must be "quick" or a positive whole number/);
    expect(io.err()).toMatch(/not valid JSON/);
    expect(io.err()).toMatch(/cannot read .*missing\.json: ENOENT/);
  });
});
