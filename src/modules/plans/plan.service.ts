import type { Actor } from "../../core/actor.js";
import { WorkCalendar } from "../../core/calendar/calendar.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import type { Locale } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import { rolledUpStates } from "../../core/plans/signals.js";
import { freezeBaseline } from "../../core/progress/baseline.js";
import {
  findBuiltinTemplate,
  BUILTIN_TEMPLATES,
  startOffset,
  templateLeadDays,
  type PlanTemplate,
  type TemplateTask,
} from "../../core/plans/templates.js";
import type { Executor } from "../../db/database.js";
import type { Plan, PlanTask, TaskDependency } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizePlans } from "./plan.policy.js";
import { presentPlan, presentTask } from "./plan.presenter.js";
import { PlanRepository } from "./plan.repository.js";
import type { CreatePlanInput, UpdatePlanInput } from "./plan.schema.js";
import { ScheduleRepository } from "./schedule.repository.js";
import { depsByTask, ScheduleService } from "./schedule.service.js";

const planNotFound = () => fail("not_found", "plans.not_found", { what: msg("plans.entity.plan") });
const launchBeforeStart = () =>
  fail("invalid", "plans.launch_before_start", undefined, {
    fields: [fieldError("launchDate", "plans.launch_before_start")],
  });

export class PlanService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async list(actor: Actor, q: { limit: number; cursor?: string; status?: Plan["status"] }) {
    const repo = new PlanRepository(this.deps.db);
    const rows = await repo.list(actor.workspaceId, q);
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const [tasks, schedule] = await Promise.all([
      repo.tasksOf(
        actor.workspaceId,
        page.map((p) => p.id),
      ),
      this.schedule.current(actor.workspaceId),
    ]);
    return {
      items: page.map((p) => presentPlan(p, tasks, schedule)),
      nextCursor: more ? page[page.length - 1]!.id : null,
    };
  }

  /** 404 unless the plan is in the actor's workspace (without reading its tasks). */
  async ensureExists(actor: Actor, id: string): Promise<void> {
    if (!(await new PlanRepository(this.deps.db).getById(actor.workspaceId, id)))
      throw planNotFound();
  }

  async get(actor: Actor, id: string) {
    const repo = new PlanRepository(this.deps.db);
    const plan = await repo.getById(actor.workspaceId, id);
    if (!plan) throw planNotFound();
    const [tasks, deps, schedule, logs] = await Promise.all([
      repo.tasksOf(actor.workspaceId, [id]),
      repo.depsOf(actor.workspaceId, [id]),
      this.schedule.current(actor.workspaceId),
      repo.logsOfPlan(actor.workspaceId, id),
    ]);
    const depsOf = depsByTask(deps);
    const states = rolledUpStates(tasks);
    const actuals = new Map<string, { loggedHours: number; actualStart: string | null }>();
    for (const l of logs) {
      if (!l.taskId) continue;
      const a = actuals.get(l.taskId) ?? { loggedHours: 0, actualStart: null };
      a.loggedHours = Math.round((a.loggedHours + l.hours) * 100) / 100;
      if (!a.actualStart || l.date < a.actualStart) a.actualStart = l.date;
      actuals.set(l.taskId, a);
    }
    return {
      plan: presentPlan(plan, tasks, schedule),
      tasks: tasks.map((t) =>
        presentTask(t, depsOf.get(t.id) ?? [], actuals.get(t.id), states.get(t.id)),
      ),
      // The spans the Gantt draws; what earned value reads of it is served by the progress module.
      baseline: plan.baseline
        ? Object.fromEntries(
            Object.entries(
              JSON.parse(plan.baseline) as Record<string, { start: string; finish: string }>,
            ).map(([taskId, b]) => [taskId, { start: b.start, finish: b.finish }]),
          )
        : null,
    };
  }

  async create(actor: Actor, input: CreatePlanInput) {
    authorizePlans(actor, "plans.plan.create");
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const today = await this.schedule.today(trx, actor.workspaceId);
      const ownerMemberId = input.ownerMemberId ?? actor.memberId;
      await this.checkOwner(trx, actor.workspaceId, ownerMemberId);
      const plan: Plan = {
        workspaceId: actor.workspaceId,
        id: newId(),
        name: input.name.trim(),
        kind: input.kind ?? "project",
        description: input.description ?? null,
        ownerMemberId,
        status: input.status ?? "active",
        startDate: input.startDate ?? today,
        launchDate: input.launchDate ?? null,
        baseline: null,
        baselineAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      if (plan.launchDate && plan.launchDate < plan.startDate) throw launchBeforeStart();
      await new PlanRepository(trx).create(plan);
      await audit(trx, actor, at, {
        action: "plan.create",
        entityType: "plan",
        entityId: plan.id,
        message: msg("audit.plan.create", { plan: plan.name, planId: plan.id }),
      });
      return plan.id;
    });
    return (await this.get(actor, id)).plan;
  }

  async update(actor: Actor, id: string, input: UpdatePlanInput) {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new PlanRepository(trx);
      const current = await repo.getById(actor.workspaceId, id);
      if (!current) throw planNotFound();
      authorizePlans(actor, "plans.plan.edit", current);
      if (input.ownerMemberId) await this.checkOwner(trx, actor.workspaceId, input.ownerMemberId);
      const { version, ...rest } = input;
      const start = rest.startDate ?? current.startDate;
      const launch = rest.launchDate === undefined ? current.launchDate : rest.launchDate;
      if (launch && launch < start) throw launchBeforeStart();
      const at = nowIso(this.deps);
      const updated = await repo.update(actor.workspaceId, id, version, {
        ...rest,
        ...(rest.name && { name: rest.name.trim() }),
        updatedAt: at,
      });
      if (!updated)
        throw fail(
          "conflict",
          "plans.stale_version",
          { what: msg("plans.entity.plan"), current: current.version },
          { extra: { currentVersion: current.version } },
        );
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
    return (await this.get(actor, id)).plan;
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new PlanRepository(trx);
      const current = await repo.getById(actor.workspaceId, id);
      if (!current) throw planNotFound();
      authorizePlans(actor, "plans.plan.delete", current);
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "plan.delete",
        entityType: "plan",
        entityId: id,
        message: msg("audit.plan.delete", { plan: current.name, planId: id }),
      });
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
  }

  /**
   * Freezes the plan's current schedule as its baseline, drawn under the Gantt bars and measured
   * against by earned value (core/progress/baseline.ts: spans, effort, hours per member, days).
   */
  async setBaseline(actor: Actor, id: string) {
    const repo = new PlanRepository(this.deps.db);
    const plan = await repo.getById(actor.workspaceId, id);
    if (!plan) throw planNotFound();
    authorizePlans(actor, "plans.plan.edit", plan);
    const schedule = await this.schedule.forPlan(actor.workspaceId, id);
    const [tasks, deps, logs, today] = await Promise.all([
      repo.tasksOf(actor.workspaceId, [id]),
      repo.depsOf(actor.workspaceId, [id]),
      repo.logsOfPlan(actor.workspaceId, id),
      this.schedule.today(this.deps.db, actor.workspaceId),
    ]);
    const baseline = freezeBaseline({ tasks, schedule, logs, deps, today });
    await new PlanRepository(this.deps.db).setBaseline(
      actor.workspaceId,
      id,
      JSON.stringify(baseline),
      nowIso(this.deps),
    );
    return (await this.get(actor, id)).plan;
  }

  async templates(actor: Actor, locale: Locale) {
    const saved = await new PlanRepository(this.deps.db).templates(actor.workspaceId);
    return [
      ...BUILTIN_TEMPLATES.map((t) => ({
        id: t.id,
        name: t.name[locale],
        kind: t.kind,
        builtin: true,
        taskCount: t.tasks.length,
      })),
      ...saved.map((t) => {
        const body = JSON.parse(t.body) as PlanTemplate;
        return {
          id: t.id,
          name: t.name,
          kind: body.kind,
          builtin: false,
          taskCount: body.tasks.length,
        };
      }),
    ];
  }

  /** A plan from a template, its tasks placed backwards from the launch date, scheduled at once. */
  async fromTemplate(
    actor: Actor,
    input: {
      templateId: string;
      name?: string;
      launchDate: string;
      startDate?: string;
      locale?: Locale;
    },
  ) {
    authorizePlans(actor, "plans.plan.create");
    const saved = findBuiltinTemplate(input.templateId)
      ? null
      : await new PlanRepository(this.deps.db).getTemplate(actor.workspaceId, input.templateId);
    const template =
      findBuiltinTemplate(input.templateId) ??
      (saved ? (JSON.parse(saved.body) as PlanTemplate) : undefined);
    if (!template)
      throw fail("invalid", "plans.no_template", undefined, {
        fields: [fieldError("templateId", "plans.no_template")],
      });
    const locale = input.locale ?? "zh-CN";
    const { id, outcome } = await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const today = await this.schedule.today(trx, actor.workspaceId);
      if (input.launchDate < (input.startDate ?? today)) throw launchBeforeStart();
      const repo = new PlanRepository(trx);
      const w = await new ScheduleRepository(trx).calendar(actor.workspaceId);
      const days = w.days;
      const cal = new WorkCalendar({
        workweek: JSON.parse(w.workweek) as number[],
        hoursPerDay: w.hoursPerDay,
        holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
        extraWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
      });
      const launch = cal.isWorkday(input.launchDate)
        ? input.launchDate
        : cal.previousWorkday(input.launchDate);
      // Placed back from the launch: the plan begins when its playbook must (never before today).
      const lead = templateLeadDays(template, w.hoursPerDay);
      const leadStart = cal.subtractWorkdays(launch, lead);
      const startDate = input.startDate ?? (leadStart > today ? leadStart : today);
      const skills = await repo.skills(actor.workspaceId);
      const skillId = (s?: TemplateTask["skill"]) =>
        s ? (skills.find((k) => k.name === s["zh-CN"] || k.name === s.en)?.id ?? null) : null;
      const clamp = (d: string) => (d < startDate ? startDate : d);
      // A task's start from the launch, kept where it still holds anything back (in the plan, after today).
      const futureStart = (d: string) => (d >= startDate && d > today ? d : null);
      const plan: Plan = {
        workspaceId: actor.workspaceId,
        id: newId(),
        name: input.name?.trim() || saved?.name || template.name[locale],
        kind: template.kind,
        description: null,
        ownerMemberId: actor.memberId,
        status: "active",
        startDate,
        launchDate: input.launchDate,
        baseline: null,
        baselineAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.create(plan);
      const ids = new Map(template.tasks.map((t) => [t.key, newId()]));
      const parents = new Set(template.tasks.filter((t) => t.parent).map((t) => t.parent!));
      const tasks: PlanTask[] = template.tasks.map((t, i) => ({
        workspaceId: actor.workspaceId,
        id: ids.get(t.key)!,
        planId: plan.id,
        parentId: t.parent ? (ids.get(t.parent) ?? null) : null,
        sortOrder: i,
        name: t.name[locale],
        effortHours: parents.has(t.key) || t.milestone ? 0 : (t.effortHours ?? 8),
        skillId: skillId(t.skill),
        minLevel: t.minLevel ?? null,
        assigneeMemberId: null,
        priority: t.priority ?? 500,
        earliestStart:
          parents.has(t.key) || t.milestone
            ? null
            : futureStart(cal.subtractWorkdays(launch, startOffset(t, lead))),
        deadline:
          t.dueBefore !== undefined ? clamp(cal.subtractWorkdays(launch, t.dueBefore)) : null,
        milestone: t.milestone ? 1 : 0,
        optional: 0,
        deferred: 0,
        status: "todo",
        remainingHours: null,
        doneAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      }));
      await repo.createTasks(tasks);
      const deps: TaskDependency[] = template.tasks.flatMap((t) =>
        (t.dependsOn ?? [])
          .filter((d) => ids.has(d.key))
          .map((d) => ({
            workspaceId: actor.workspaceId,
            planId: plan.id,
            taskId: ids.get(t.key)!,
            predecessorId: ids.get(d.key)!,
            type: d.type ?? "FS",
            lagDays: d.lagDays ?? 0,
          })),
      );
      await repo.insertDeps(deps);
      await audit(trx, actor, at, {
        action: "plan.create",
        entityType: "plan",
        entityId: plan.id,
        message: msg("audit.plan.create_from_template", {
          plan: plan.name,
          planId: plan.id,
          template: saved?.name ?? template.name[locale],
        }),
      });
      return { id: plan.id, outcome: await this.schedule.replan(trx, actor.workspaceId, actor) };
    });
    this.schedule.committed(outcome);
    return this.get(actor, id);
  }

  /** Saves a plan's tasks as a template, each placed relative to the plan's launch (or last deadline). */
  async saveAsTemplate(actor: Actor, id: string, name: string) {
    const repo = new PlanRepository(this.deps.db);
    const plan = await repo.getById(actor.workspaceId, id);
    if (!plan) throw planNotFound();
    authorizePlans(actor, "plans.template.save");
    const [tasks, deps, schedule] = await Promise.all([
      repo.tasksOf(actor.workspaceId, [id]),
      repo.depsOf(actor.workspaceId, [id]),
      this.schedule.forPlan(actor.workspaceId, id),
    ]);
    const [skills, w] = await Promise.all([
      repo.skills(actor.workspaceId),
      new ScheduleRepository(this.deps.db).calendar(actor.workspaceId),
    ]);
    const days = w.days;
    const anchor = plan.launchDate ?? schedule.finish;
    const cal = new WorkCalendar({
      workweek: JSON.parse(w.workweek) as number[],
      holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
      extraWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
    });
    const before = (d: string | null) =>
      d ? Math.max(0, cal.countWorkdays(d, anchor) - 1) : undefined;
    const key = (taskId: string) => `t${tasks.findIndex((t) => t.id === taskId)}`;
    // Each task keeps its place before the launch: its earliest start, else where it was scheduled.
    const scheduledStart = new Map(schedule.tasks.map((t) => [t.id, t.start]));
    const startOf = (t: PlanTask) =>
      t.milestone === 1 || tasks.some((c) => c.parentId === t.id)
        ? null
        : (t.earliestStart ?? scheduledStart.get(t.id) ?? null);
    const body: PlanTemplate = {
      id: "",
      name: { "zh-CN": name, en: name },
      kind: plan.kind,
      tasks: tasks.map((t) => {
        const skill = skills.find((s) => s.id === t.skillId)?.name;
        return {
          key: key(t.id),
          name: { "zh-CN": t.name, en: t.name },
          ...(t.parentId && { parent: key(t.parentId) }),
          effortHours: t.effortHours,
          ...(skill && { skill: { "zh-CN": skill, en: skill } }),
          ...(t.minLevel !== null && { minLevel: t.minLevel }),
          priority: t.priority,
          ...(t.deadline && { dueBefore: before(t.deadline) }),
          ...(startOf(t) && { startBefore: before(startOf(t)) }),
          ...(t.milestone === 1 && { milestone: true }),
          dependsOn: deps
            .filter((d) => d.taskId === t.id)
            .map((d) => ({ key: key(d.predecessorId), type: d.type, lagDays: d.lagDays })),
        };
      }),
    };
    const templateId = newId();
    await repo.createTemplate({
      workspaceId: actor.workspaceId,
      id: templateId,
      name: name.trim(),
      body: JSON.stringify(body),
      createdAt: nowIso(this.deps),
    });
    return {
      id: templateId,
      name: name.trim(),
      kind: plan.kind,
      builtin: false,
      taskCount: tasks.length,
    };
  }

  private async checkOwner(trx: Executor, workspaceId: string, memberId: string): Promise<void> {
    if (!(await new PlanRepository(trx).isActiveMember(workspaceId, memberId)))
      throw fail("invalid", "plans.owner_inactive", undefined, {
        fields: [fieldError("ownerMemberId", "plans.owner_inactive")],
      });
  }
}
