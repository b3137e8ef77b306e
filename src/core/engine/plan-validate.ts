// Plan file format v1: validation of untrusted JSON into a typed plan with defaults filled in.
// Every problem is reported with its JSON path, the task (or member) and the field.

import { isIsoDate } from "../calendar/date.js";
import { buildCsr, findCycle } from "./graph.js";
import { english, got, msg, what, type Message } from "./messages.js";
import { IssueList, isObject, type Json } from "./plan-reader.js";
import { buildTeamNetwork, findTeamCycle } from "./team-network.js";
import { MAX_PEOPLE, readCapacityFields } from "./plan-validate-capacity.js";
import {
  DEPENDENCY_TYPES,
  PLAN_FORMAT,
  type AbstractPlan,
  type AbstractResource,
  type AbstractTask,
  type Allocation,
  type Dependency,
  type DependencyType,
  type Plan,
  type PlanIssue,
  type TeamMember,
  type TeamPlan,
  type TeamTask,
} from "./types.js";

export type ValidationResult<P> = { ok: true; plan: P } | { ok: false; issues: PlanIssue[] };

export interface ValidateOptions {
  /** Report dependency cycles as issues (default true). The scheduler turns them into `unscheduled` instead. */
  cycles?: boolean;
}

/** Validate a parsed plan file (team or abstract). */
export function validatePlan(
  input: unknown,
  options: ValidateOptions = {},
): ValidationResult<Plan> {
  if (!isObject(input))
    return {
      ok: false,
      issues: [issue("", msg("plans.file.plan_not_object", { got: got(input) }))],
    };
  if (input.format !== PLAN_FORMAT) {
    const problem = msg("plans.file.bad_format", { format: PLAN_FORMAT, got: got(input.format) });
    return { ok: false, issues: [issue("format", problem, "format")] };
  }
  if (input.mode === "team") return validateTeamPlan(input, options);
  if (input.mode === "abstract") return validateAbstractPlan(input, options);
  const problem = msg("plans.file.bad_mode", { got: got(input.mode) });
  return { ok: false, issues: [issue("mode", problem, "mode")] };
}

/** An issue of the whole file (no task). */
function issue(path: string, problem: Message, field?: string): PlanIssue {
  return {
    path,
    ...(field === undefined ? {} : { field }),
    message: english(problem),
    code: problem.code,
    params: problem.params ?? {},
  };
}

function ids<T>(
  list: IssueList,
  items: unknown[],
  path: string,
  kind: (id: string) => Message,
  read: (o: Json, p: string, id: string) => T,
): { items: T[]; index: Map<string, number> } {
  const out: T[] = [];
  const index = new Map<string, number>();
  items.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(raw)) {
      list.add(p, msg("plans.file.item_not_object", { path: p, got: got(raw) }));
      return;
    }
    const idv = raw.id;
    const id =
      typeof idv === "string" && idv.length > 0 ? idv : typeof idv === "number" ? String(idv) : "";
    if (!id)
      list.add(`${p}.id`, msg("plans.file.no_id", { path: p, got: got(idv) }), undefined, "id");
    else if (index.has(id))
      list.add(
        `${p}.id`,
        msg("plans.file.id_twice", {
          what: kind(id),
          first: `${path}[${index.get(id)}]`,
          second: p,
        }),
        id,
        "id",
      );
    else index.set(id, out.length);
    out.push(read(raw, p, id));
  });
  return { items: out, index };
}

function readDependency(
  list: IssueList,
  raw: unknown,
  p: string,
  taskId: string,
): Dependency | null {
  if (typeof raw === "string") return { task: raw, type: "FS", lagDays: 0 };
  if (!isObject(raw)) {
    list.add(
      p,
      msg("plans.file.dependency_not_object", {
        id: taskId,
        at: p.slice(p.lastIndexOf("dependsOn")),
        got: got(raw),
      }),
      taskId,
      "dependsOn",
    );
    return null;
  }
  const type = (raw.type ?? "FS") as DependencyType;
  const lag = raw.lagDays ?? 0;
  // The common, valid case without building reader objects or message strings.
  if (
    typeof raw.task === "string" &&
    raw.task.length > 0 &&
    DEPENDENCY_TYPES.includes(type) &&
    typeof lag === "number" &&
    Number.isInteger(lag) &&
    Math.abs(lag) <= 3650
  ) {
    return { task: raw.task, type, lagDays: lag };
  }
  const at = p.slice(p.lastIndexOf("dependsOn"));
  const r = list.at(raw, p, msg("plans.file.what.task_at", { id: taskId, at }), taskId);
  const task = typeof raw.task === "number" ? String(raw.task) : r.string("task");
  if (!DEPENDENCY_TYPES.includes(type))
    r.fail("type", msg("plans.file.not_dependency_type", { got: got(raw.type) }));
  const lagDays = r.number("lagDays", { integer: true, fallback: 0, min: -3650, max: 3650 });
  return { task, type, lagDays };
}

type Maybe<T> = T | null | "invalid";

function optString(v: unknown): Maybe<string> {
  if (v === undefined || v === null) return null;
  return typeof v === "string" && v.length > 0 ? v : "invalid";
}

/**
 * The common case — a well-formed task — read without reader objects or message strings.
 * Returns null when anything is off, and the full reader then reports exactly what.
 */
function fastTask(o: Json, id: string): TeamTask | null {
  const name = optString(o.name);
  const skill = optString(o.skill);
  const assignee = optString(o.assignee);
  const parent = optString(o.parent);
  if (name === "invalid" || skill === "invalid" || assignee === "invalid" || parent === "invalid")
    return null;
  const effort = o.effortHours;
  if (
    effort !== undefined &&
    effort !== null &&
    (typeof effort !== "number" || !Number.isFinite(effort))
  )
    return null;
  const minLevel = o.minLevel ?? null;
  if (
    minLevel !== null &&
    !(Number.isInteger(minLevel) && (minLevel as number) >= 1 && (minLevel as number) <= 5)
  )
    return null;
  const priority = o.priority ?? 500;
  if (!(Number.isInteger(priority) && (priority as number) >= 1 && (priority as number) <= 1000))
    return null;
  const earliestStart = o.earliestStart ?? null;
  const deadline = o.deadline ?? null;
  if (
    (earliestStart !== null && !isIsoDate(earliestStart)) ||
    (deadline !== null && !isIsoDate(deadline))
  )
    return null;
  const deps = o.dependsOn ?? [];
  if (!Array.isArray(deps)) return null;
  const dependsOn: Dependency[] = [];
  for (const d of deps) {
    if (typeof d === "string" && d.length > 0) {
      dependsOn.push({ task: d, type: "FS", lagDays: 0 });
      continue;
    }
    if (!isObject(d) || typeof d.task !== "string" || d.task.length === 0) return null;
    const type = (d.type ?? "FS") as DependencyType;
    const lag = d.lagDays ?? 0;
    if (
      !DEPENDENCY_TYPES.includes(type) ||
      typeof lag !== "number" ||
      !Number.isInteger(lag) ||
      Math.abs(lag) > 3650
    )
      return null;
    dependsOn.push({ task: d.task, type, lagDays: lag });
  }
  const shared = sharing(o);
  if (!shared) return null;
  return {
    ...shared,
    id,
    name: name ?? id,
    effortHours: typeof effort === "number" ? effort : Number.NaN,
    skill,
    minLevel: minLevel as number | null,
    assignee,
    priority: priority as number,
    earliestStart: earliestStart as string | null,
    deadline: deadline as string | null,
    dependsOn,
    parent,
  };
}

/** The sharing fields of a well-formed task (only those present), or null when one is off. */
function sharing(o: Json): Pick<TeamTask, "maxPeople" | "minChunkHours" | "optional"> | null {
  const out: Pick<TeamTask, "maxPeople" | "minChunkHours" | "optional"> = {};
  // (optional: a file before issue 12's cut scope has none; only `true` is kept)
  if (o.optional !== undefined && o.optional !== null) {
    if (typeof o.optional !== "boolean") return null;
    if (o.optional) out.optional = true;
  }
  const k = o.maxPeople;
  if (k !== undefined && k !== null) {
    if (!(Number.isInteger(k) && (k as number) >= 1 && (k as number) <= MAX_PEOPLE)) return null;
    out.maxPeople = k as number;
  }
  const c = o.minChunkHours;
  if (c !== undefined && c !== null) {
    if (!(typeof c === "number" && c > 0 && c <= 24)) return null;
    out.minChunkHours = c;
  }
  return out;
}

export function validateTeamPlan(
  input: Json,
  options: ValidateOptions = {},
): ValidationResult<TeamPlan> {
  const list = new IssueList();
  const top = list.at(input, "plan", what.plan);
  const start = top.date("start");
  const calRaw = top.record("calendar");
  const cal = list.at(calRaw, "calendar", what.calendar);
  const calendar = {
    workweek: cal.weekdays("workweek") ?? [1, 2, 3, 4, 5],
    hoursPerDay: cal.number("hoursPerDay", { above: 0, max: 24, fallback: 8 }),
    holidays: cal.dateList("holidays"),
    extraWorkdays: cal.dateList("extraWorkdays"),
  };

  const members = ids<TeamMember>(
    list,
    top.array("members", true),
    "members",
    what.member,
    (o, p, id) => {
      const r = list.at(o, p, what.member(id));
      const skills: Record<string, number> = {};
      for (const [skill, level] of Object.entries(r.record("skills"))) {
        if (typeof level === "number" && Number.isInteger(level) && level >= 1 && level <= 5)
          skills[skill] = level;
        else r.fail(`skills.${skill}`, msg("plans.file.not_level", { got: got(level) }));
      }
      return {
        id,
        name: r.string("name", id),
        skills,
        hoursPerDay: r.nullableNumber("hoursPerDay", { above: 0, max: 24 }),
        workweek: r.weekdays("workweek"),
        daysOff: r.dateList("daysOff"),
      };
    },
  );

  const tasks = ids<TeamTask>(list, top.array("tasks", true), "tasks", what.task, (o, p, id) => {
    const fast = id ? fastTask(o, id) : null;
    if (fast) return fast;
    const r = list.at(o, p, what.task(id), id);
    const dependsOn: Dependency[] = [];
    r.array("dependsOn", false).forEach((d, k) => {
      const dep = readDependency(list, d, `${p}.dependsOn[${k}]`, id);
      if (dep) dependsOn.push(dep);
    });
    const maxPeople = r.nullableNumber("maxPeople", { integer: true, min: 1, max: MAX_PEOPLE });
    const minChunkHours = r.nullableNumber("minChunkHours", { above: 0, max: 24 });
    if (r.has("optional") && typeof o.optional !== "boolean")
      r.fail("optional", msg("plans.file.not_boolean", { got: got(o.optional) }));
    return {
      ...(o.optional === true && { optional: true }),
      ...(maxPeople === null ? {} : { maxPeople }),
      ...(minChunkHours === null ? {} : { minChunkHours }),
      id,
      name: r.string("name", id),
      effortHours: r.has("effortHours") ? r.number("effortHours", {}) : Number.NaN,
      skill: r.nullableString("skill"),
      minLevel: r.nullableNumber("minLevel", { integer: true, min: 1, max: 5 }),
      assignee: r.nullableString("assignee"),
      priority: r.number("priority", { integer: true, min: 1, max: 1000, fallback: 500 }),
      earliestStart: r.nullableDate("earliestStart"),
      deadline: r.nullableDate("deadline"),
      dependsOn,
      parent: typeof o.parent === "number" ? String(o.parent) : r.nullableString("parent"),
    };
  });

  const pinned: Allocation[] = [];
  top.array("pinned", false).forEach((raw, i) => {
    if (
      isObject(raw) &&
      typeof raw.member === "string" &&
      typeof raw.task === "string" &&
      isIsoDate(raw.date) &&
      typeof raw.hours === "number" &&
      raw.hours > 0 &&
      raw.hours <= 24
    ) {
      pinned.push({ member: raw.member, date: raw.date, task: raw.task, hours: raw.hours });
      return;
    }
    const p = `pinned[${i}]`;
    if (!isObject(raw)) return list.add(p, msg("plans.file.pin_not_object", { path: p }));
    const r = list.at(raw, p, what.path(p));
    pinned.push({
      member: r.string("member"),
      date: r.date("date"),
      task: r.string("task"),
      hours: r.number("hours", { above: 0, max: 24 }),
    });
  });

  const capacity = readCapacityFields(list, top, members.index);
  checkTeamReferences(list, members.index, tasks.items, tasks.index, pinned);
  if (list.issues.length === 0) {
    const net = buildTeamNetwork(tasks.items, tasks.index);
    for (const pr of net.problems)
      list.add(`tasks[${pr.task}].${pr.field}`, pr.problem, tasks.items[pr.task]!.id, pr.field);
    if (list.issues.length === 0 && options.cycles !== false) {
      const cycle = findTeamCycle(tasks.items, tasks.index, net);
      if (cycle) {
        const first = tasks.index.get(cycle[1]!) ?? 0;
        list.add(
          `tasks[${first}].dependsOn`,
          msg("plans.file.cycle", { path: cycle.join(" → ") }),
          cycle[1],
          "dependsOn",
        );
      }
    }
  }
  if (list.issues.length > 0) return { ok: false, issues: list.issues };
  return {
    ok: true,
    plan: {
      format: PLAN_FORMAT,
      mode: "team",
      start,
      calendar,
      members: members.items,
      tasks: tasks.items,
      pinned,
      ...capacity,
    },
  };
}

function checkTeamReferences(
  list: IssueList,
  memberIndex: Map<string, number>,
  tasks: TeamTask[],
  taskIndex: Map<string, number>,
  pinned: Allocation[],
): void {
  const isParent = new Set(tasks.map((t) => t.parent).filter((p): p is string => p !== null));
  tasks.forEach((t, i) => {
    const p = `tasks[${i}]`;
    const summary = isParent.has(t.id);
    if (!summary && !(t.effortHours > 0)) {
      const problem = msg("plans.file.not_above", {
        min: 0,
        got: Number.isNaN(t.effortHours) ? got(undefined) : t.effortHours,
      });
      list.add(
        `${p}.effortHours`,
        msg("plans.file.field", { what: what.task(t.id), field: "effortHours", problem }),
        t.id,
        "effortHours",
      );
    }
    if (summary && Number.isNaN(t.effortHours)) t.effortHours = 0;
    if (t.assignee !== null && !memberIndex.has(t.assignee))
      list.add(
        `${p}.assignee`,
        msg("plans.file.unknown_member", {
          what: what.task(t.id),
          field: "assignee",
          ref: t.assignee,
        }),
        t.id,
        "assignee",
      );
    if (t.minLevel !== null && t.skill === null)
      list.add(
        `${p}.minLevel`,
        msg("plans.file.level_without_skill", { id: t.id }),
        t.id,
        "minLevel",
      );
    if (t.parent !== null && !taskIndex.has(t.parent))
      list.add(
        `${p}.parent`,
        msg("plans.file.unknown_task", { what: what.task(t.id), field: "parent", ref: t.parent }),
        t.id,
        "parent",
      );
    if (t.parent === t.id)
      list.add(
        `${p}.parent`,
        msg("plans.file.names_itself", { what: what.task(t.id), field: "parent" }),
        t.id,
        "parent",
      );
    t.dependsOn.forEach((d, k) => {
      if (d.task === t.id)
        list.add(
          `${p}.dependsOn[${k}].task`,
          msg("plans.file.names_itself", { what: what.task(t.id), field: `dependsOn[${k}]` }),
          t.id,
          `dependsOn[${k}].task`,
        );
      else if (!taskIndex.has(d.task))
        list.add(
          `${p}.dependsOn[${k}].task`,
          msg("plans.file.unknown_task", {
            what: what.task(t.id),
            field: `dependsOn[${k}]`,
            ref: d.task,
          }),
          t.id,
          `dependsOn[${k}].task`,
        );
    });
  });
  pinned.forEach((a, i) => {
    if (!memberIndex.has(a.member))
      list.add(
        `pinned[${i}].member`,
        msg("plans.file.unknown_member", {
          what: what.path(`pinned[${i}]`),
          field: "member",
          ref: a.member,
        }),
        a.task,
        "member",
      );
    if (!taskIndex.has(a.task))
      list.add(
        `pinned[${i}].task`,
        msg("plans.file.unknown_task", {
          what: what.path(`pinned[${i}]`),
          field: "task",
          ref: a.task,
        }),
        a.task,
        "task",
      );
    else if (isParent.has(a.task))
      list.add(
        `pinned[${i}].task`,
        msg("plans.file.pin_summary", { path: `pinned[${i}]`, task: a.task }),
        a.task,
        "task",
      );
  });
}

export function validateAbstractPlan(
  input: Json,
  options: ValidateOptions = {},
): ValidationResult<AbstractPlan> {
  const list = new IssueList();
  const top = list.at(input, "plan", what.plan);
  const resources = ids<AbstractResource>(
    list,
    top.array("resources", true),
    "resources",
    what.resource,
    (o, p, id) => ({
      id,
      capacity: list.at(o, p, what.resource(id)).number("capacity", { integer: true, min: 0 }),
    }),
  );
  const tasks = ids<AbstractTask>(
    list,
    top.array("tasks", true),
    "tasks",
    what.task,
    (o, p, id) => {
      const r = list.at(o, p, what.task(id), id);
      const demands: Record<string, number> = {};
      for (const [res, q] of Object.entries(r.record("demands"))) {
        if (typeof q === "number" && Number.isInteger(q) && q >= 0) demands[res] = q;
        else r.fail(`demands.${res}`, msg("plans.file.not_demand", { got: got(q) }));
      }
      const predecessors = r
        .array("predecessors", false)
        .map((x) => (typeof x === "number" ? String(x) : typeof x === "string" ? x : ""));
      return {
        id,
        duration: r.number("duration", { integer: true, min: 0 }),
        demands,
        predecessors,
      };
    },
  );
  tasks.items.forEach((t, i) => {
    const p = `tasks[${i}]`;
    t.predecessors.forEach((q, k) => {
      const f = `predecessors[${k}]`;
      const task = what.task(t.id);
      if (q === t.id)
        list.add(`${p}.${f}`, msg("plans.file.names_itself", { what: task, field: f }), t.id, f);
      else if (!tasks.index.has(q))
        list.add(
          `${p}.${f}`,
          msg("plans.file.unknown_task", { what: task, field: f, ref: q }),
          t.id,
          f,
        );
    });
    for (const [res, q] of Object.entries(t.demands)) {
      const ri = resources.index.get(res);
      if (ri === undefined)
        list.add(
          `${p}.demands.${res}`,
          msg("plans.file.unknown_resource", { id: t.id, ref: res }),
          t.id,
          `demands.${res}`,
        );
      else if (q > resources.items[ri]!.capacity) {
        list.add(
          `${p}.demands.${res}`,
          msg("plans.file.over_capacity", {
            id: t.id,
            resource: res,
            demand: q,
            capacity: resources.items[ri]!.capacity,
          }),
          t.id,
          `demands.${res}`,
        );
      }
    }
  });
  if (list.issues.length === 0 && options.cycles !== false) {
    const from: number[] = [];
    const to: number[] = [];
    tasks.items.forEach((t, i) => {
      for (const q of t.predecessors) {
        from.push(tasks.index.get(q)!);
        to.push(i);
      }
    });
    const cycle = findCycle(tasks.items.length, buildCsr(tasks.items.length, from, to));
    if (cycle) {
      const path = cycle.map((i) => tasks.items[i]!.id);
      list.add(
        `tasks[${cycle[1]}].predecessors`,
        msg("plans.file.cycle", { path: path.join(" → ") }),
        path[1],
        "predecessors",
      );
    }
  }
  if (list.issues.length > 0) return { ok: false, issues: list.issues };
  return {
    ok: true,
    plan: { format: PLAN_FORMAT, mode: "abstract", resources: resources.items, tasks: tasks.items },
  };
}
