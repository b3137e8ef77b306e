// Earned value for the reader: hours to two decimals, ratios to four, undefined ratios null (the web
// shows "—"), traffic lights at 1.0 and 0.9, and the slip's causes as messages with their params.
import { msg, type Message } from "../../core/messages/index.js";
import { trafficLight, type Evm } from "../../core/progress/earned-value.js";
import type { PlanEvm } from "../../core/progress/plan-evm.js";
import type { SlipAnalysis, SlipCause } from "../../core/progress/slip.js";
import type { PlanProgressFacts } from "./progress-facts.js";
import type { SnapshotRow } from "./progress.repository.js";

const h = (v: number) => Math.round(v * 100) / 100;
const r = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
const hn = (v: number | null) => (v === null ? null : h(v));

export function presentEvm(e: Evm) {
  return {
    bac: h(e.bac),
    pv: h(e.pv),
    ev: h(e.ev),
    ac: h(e.ac),
    sv: h(e.sv),
    cv: h(e.cv),
    spi: r(e.spi),
    cpi: r(e.cpi),
    csi: r(e.csi),
    eac: hn(e.eac),
    eacCombined: hn(e.eacCombined),
    etc: hn(e.etc),
    vac: hn(e.vac),
    tcpi: r(e.tcpi),
    es: e.es,
    at: e.at,
    spiT: r(e.spiT),
    plannedDays: e.plannedDays,
    forecastDays: r(e.forecastDays),
    forecastFinish: e.forecastFinish,
    baselineStart: e.baselineStart,
    baselineFinish: e.baselineFinish,
    lights: { spi: trafficLight(e.spi), cpi: trafficLight(e.cpi) },
  };
}

function causeMessage(
  c: SlipCause,
  task: (id: string) => string | Message,
  member: (id: string) => string | Message,
): Message {
  const d = c.detail;
  switch (c.kind) {
    case "started_late":
      return msg(
        d.started ? "progress.cause.started_late" : "progress.cause.started_late_not_yet",
        {
          task: task(c.taskId),
          plannedStart: d.plannedStart!,
          start: d.start!,
          days: c.days,
        },
      );
    case "dependency_added":
      return msg("progress.cause.dependency_added", {
        task: task(c.taskId),
        predecessor: task(String(d.predecessorId)),
        days: c.days,
      });
    case "absent":
      return msg("progress.cause.absent", {
        task: task(c.taskId),
        member: member(String(d.memberId)),
        leaveDays: d.leaveDays!,
        days: c.days,
      });
    case "effort_grew":
      return msg("progress.cause.effort_grew", {
        task: task(c.taskId),
        from: d.fromHours!,
        to: d.toHours!,
        days: c.days,
      });
    case "slower":
      return msg("progress.cause.slower", { task: task(c.taskId), days: c.days });
    case "task_added":
      return msg("progress.cause.task_added", { task: task(c.taskId), days: c.days });
  }
}

export function presentSlip(f: PlanProgressFacts, s: SlipAnalysis) {
  const names = new Map(f.tasks.map((t) => [t.id, t.name]));
  const people = new Map(f.members.map((m) => [m.id, m.name]));
  const task = (id: string): string | Message => names.get(id) ?? msg("progress.unknown_task");
  const member = (id: string): string | Message => people.get(id) ?? msg("progress.unknown_member");
  const summary: Message[] = [];
  if (s.slipDays > 0 && s.forecastFinish && s.baselineFinish)
    summary.push(
      msg("progress.slip.baseline", {
        forecast: s.forecastFinish,
        baselineFinish: s.baselineFinish,
        days: s.slipDays,
      }),
    );
  if (s.lateDays > 0 && s.forecastFinish && s.deadline)
    summary.push(
      msg("progress.slip.deadline", {
        forecast: s.forecastFinish,
        deadline: s.deadline,
        days: s.lateDays,
      }),
    );
  return {
    slipped: s.slipped,
    slipDays: s.slipDays,
    lateDays: s.lateDays,
    baselineFinish: s.baselineFinish,
    forecastFinish: s.forecastFinish,
    deadline: s.deadline,
    summary,
    chain: s.chain.map((id) => ({ taskId: id, name: names.get(id) ?? null })),
    causes: s.causes.map((c) => ({
      taskId: c.taskId,
      kind: c.kind,
      days: c.days,
      message: causeMessage(c, task, member),
    })),
  };
}

export function presentProgress(
  f: PlanProgressFacts,
  m: PlanEvm,
  engineFinish: string | null,
  slip: SlipAnalysis,
) {
  const members = new Map(f.members.map((x) => [x.id, x]));
  const departments = new Map(f.departments.map((d) => [d.id, d]));
  return {
    planId: f.plan.id,
    statusDate: m.statusDate,
    today: f.today,
    baselineAt: f.plan.baselineAt,
    deadline: f.plan.launchDate,
    forecasts: {
      earnedSchedule: m.plan.forecastFinish,
      engine: engineFinish,
      baselineFinish: m.plan.baselineFinish,
      deadline: f.plan.launchDate,
    },
    plan: presentEvm(m.plan),
    people: m.people.map((p) => ({
      memberId: p.id,
      name: p.id ? (members.get(p.id)?.name ?? null) : null,
      departmentId: p.id ? (members.get(p.id)?.departmentId ?? null) : null,
      evm: presentEvm(p.evm),
    })),
    departments: m.departments.map((d) => ({
      departmentId: d.id!,
      name: departments.get(d.id!)?.name ?? null,
      evm: presentEvm(d.evm),
    })),
    outsideBaseline: {
      tasks: m.plan.outsideBaseline.tasks,
      effortHours: h(m.plan.outsideBaseline.effortHours),
      ev: h(m.plan.outsideBaseline.ev),
      ac: h(m.plan.outsideBaseline.ac),
    },
    removedSinceBaseline: { tasks: m.removed.tasks, effortHours: h(m.removed.effortHours) },
    slip: presentSlip(f, slip),
  };
}

export function presentSnapshot(s: SnapshotRow) {
  return {
    date: s.date,
    source: s.source,
    baselineAt: s.baselineAt,
    bac: h(s.bac),
    pv: h(s.pv),
    ev: h(s.ev),
    ac: h(s.ac),
    spi: r(s.spi),
    cpi: r(s.cpi),
    es: s.es,
    at: s.at,
    spiT: r(s.spiT),
    esFinish: s.esFinish,
    engineFinish: s.engineFinish,
    baselineFinish: s.baselineFinish,
    deadline: s.deadline,
    outsideTasks: s.outsideTasks,
    /** [BAC, PV, EV, AC] by member ("" for nobody planned) and by department. */
    breakdown: JSON.parse(s.breakdown) as {
      people: Record<string, number[]>;
      departments: Record<string, number[]>;
    },
  };
}
