// Links to, from and between summary tasks go through the summary's collector and gate nodes
// (team-network.ts), linear in the plan's size, and schedule exactly as the leaf × leaf links they
// stand for: the expanded form is the reference.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTeamSchedule } from "../checker/team-check.js";
import { validateTeamPlan } from "../plan-validate.js";
import { Rng } from "../rng.js";
import { buildTeamNetwork } from "../team-network.js";
import { generateTeamPlan } from "../testing/generate.js";
import type { DependencyType, TeamPlan, TeamResult, TeamTask } from "../types.js";
import { buildContext } from "./context.js";
import { runPass } from "./pass.js";
import { buildTeamResult } from "./result.js";
import { scheduleTeam } from "./schedule.js";

/** Quick pass on the linear network, or on the leaf × leaf expansion. */
function schedule(plan: TeamPlan, expandSummaryLinks: boolean): TeamResult {
  const checked = validateTeamPlan(plan as unknown as Record<string, unknown>, { cycles: false });
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const ctx = buildContext(checked.plan, checked.plan.start, 0, { expandSummaryLinks });
  return buildTeamResult(ctx, runPass(ctx), { schedules: 1, ms: 0 });
}

/** A generated plan with nested packages, a phase above some, and links to, from and between summaries. */
function summaryPlan(seed: number, members: number, cycles: boolean): TeamPlan {
  const rng = new Rng(seed * 31 + 7);
  const plan = generateTeamPlan({
    tasks: 10 + rng.int(60),
    members,
    seed,
    packageSize: [3, 5, 7][rng.int(3)]!,
    dependencies: [0.5, 1.2, 2][rng.int(3)]!,
  });
  const tasks = plan.tasks;
  const packages = tasks.filter((t) => t.id.startsWith("wp"));
  for (let k = 1; k < packages.length; k++)
    if (rng.next() < 0.3) packages[k]!.parent = packages[rng.int(k)]!.id;
  if (packages.length > 2 && rng.next() < 0.3) {
    tasks.push({
      ...packages[0]!,
      id: "phase",
      name: "phase",
      effortHours: 1,
      parent: null,
      dependsOn: [],
    });
    for (const p of packages) if (p.parent === null && rng.next() < 0.5) p.parent = "phase";
  }
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  const children = new Map<string, string[]>();
  for (const t of tasks)
    if (t.parent) children.set(t.parent, [...(children.get(t.parent) ?? []), t.id]);
  const leavesOf = (id: string): number[] =>
    children.has(id) ? children.get(id)!.flatMap(leavesOf) : [position.get(id)!];
  const above = (t: TeamTask): Set<string> => {
    const out = new Set<string>();
    for (let v = t.parent; v; v = byId.get(v)!.parent) out.add(v);
    return out;
  };
  const types: DependencyType[] = ["FS", "SS", "FF", "SF"];
  for (let l = rng.int(Math.max(2, tasks.length >> 2)); l > 0; l--) {
    const a = tasks[rng.int(tasks.length)]!;
    const b = tasks[rng.int(tasks.length)]!;
    if (a === b || above(a).has(b.id) || above(b).has(a.id)) continue;
    if (!children.has(a.id) && !children.has(b.id)) continue;
    if (!cycles && Math.max(...leavesOf(a.id)) >= Math.min(...leavesOf(b.id))) continue;
    if (b.dependsOn.some((d) => d.task === a.id)) continue;
    const lagDays = rng.next() < 0.3 ? rng.int(5) - 1 : 0;
    b.dependsOn.push({ task: a.id, type: types[rng.int(4)]!, lagDays });
  }
  return plan;
}

const twoPackages = (size: number, type: DependencyType): TeamPlan => {
  const plan = generateTeamPlan({ tasks: 2 * size, members: 6, seed: 5, packageSize: size });
  for (const t of plan.tasks) if (t.assignee === null) [t.skill, t.minLevel] = [null, null]; // anyone
  plan.tasks.find((t) => t.id === "wp2")!.dependsOn.push({ task: "wp1", type, lagDays: 1 });
  return plan;
};

describe("links to and from summary tasks", () => {
  it("are linear in the size of the summaries, not their product", () => {
    const plan = twoPackages(500, "FS");
    const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
    const links = plan.tasks.reduce((s, t) => s + t.dependsOn.length, 0);
    const linear = buildTeamNetwork(plan.tasks, index);
    const expanded = buildTeamNetwork(plan.tasks, index, { expand: true });
    expect(expanded.from.length).toBeGreaterThan(250_000); // 500 × 500 for the one link
    // each link once, each leaf of wp1 up to its collector, wp2's gate down to each of its leaves
    expect(linear.from.length).toBe(links + 1000);
    expect(linear.nodes).toBe(plan.tasks.length + 1);
  });

  it("schedule a large package after another as the leaf × leaf links do", () => {
    for (const type of ["FS", "SS", "FF", "SF"] as const) {
      const plan = twoPackages(60, type);
      const linear = schedule(plan, false);
      expect(linear).toEqual(schedule(plan, true));
      expect(checkTeamSchedule(plan, linear)).toEqual([]);
      if (type === "FS") {
        const finish1 = linear.tasks.find((t) => t.id === "wp1")!.finish;
        const start2 = linear.tasks.find((t) => t.id === "wp2")!.start;
        expect(start2 > finish1).toBe(true);
      }
    }
  });

  it("give the expanded form's schedule on random plans (nested summaries, every link type, lags)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (seed, members, cycles) => {
          const plan = summaryPlan(seed, members, cycles);
          const linear = schedule(plan, false);
          expect(linear).toEqual(schedule(plan, true));
          expect(checkTeamSchedule(plan, linear)).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("name the leaf a task waits for through a summary, as the expanded links do", () => {
    const plan = twoPackages(6, "FS");
    const leaf = plan.tasks.find((t) => t.parent === "wp1" && t.id !== "t1")!;
    [leaf.skill, leaf.minLevel, leaf.assignee] = ["nobody", 1, null];
    const linear = scheduleTeam(plan);
    const waits = linear.unscheduled.filter((u) => u.code === "schedule.waits");
    expect(waits.length).toBeGreaterThan(0);
    expect(linear.unscheduled).toEqual(schedule(plan, true).unscheduled);
    // every leaf of wp2 waits for wp1's first leaf (in plan order) that could not be placed
    const unplaced = new Set(linear.unscheduled.map((u) => u.task));
    const first = plan.tasks.find((t) => t.parent === "wp1" && unplaced.has(t.id))!;
    expect(first.id <= leaf.id || first.id === leaf.id).toBe(true);
    for (const t of plan.tasks.filter((x) => x.parent === "wp2"))
      expect(linear.unscheduled.find((u) => u.task === t.id)?.params).toEqual({ task: first.id });
  });
});
