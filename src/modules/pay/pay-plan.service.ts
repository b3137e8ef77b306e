// Pay plans: created from a definition or a shipped template, changed only by adding a version
// with an effective date (never inside a locked period), assigned to a department or a member,
// exported and imported as the documented JSON file (docs/PAY.md).
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, type Locale, type Message } from "../../core/messages/index.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import { ROLES } from "../../core/limits.js";
import { addDays } from "../../core/calendar/date.js";
import { compilePlan, type PayPlanDefinition } from "../../core/pay/plan.js";
import { PAY_PLAN_TEMPLATES, templatePlan } from "../../core/pay/templates.js";
import type { Executor } from "../../db/database.js";
import type { Selectable } from "kysely";
import type { DB } from "../../db/schema.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { payFieldError, payNotFound, payStale } from "./pay-errors.js";
import { PayRepository } from "./pay.repository.js";

type VersionRow = Selectable<DB["payPlanVersions"]>;
type AssignmentRow = Selectable<DB["payPlanAssignments"]>;

export const presentVersion = (v: VersionRow) => ({
  id: v.id,
  number: v.number,
  effectiveFrom: v.effectiveFrom,
  definition: JSON.parse(v.definition) as PayPlanDefinition,
  createdAt: v.createdAt,
});
const presentAssignment = (a: AssignmentRow) => ({
  id: a.id,
  targetType: a.targetType,
  targetId: a.targetId,
  effectiveFrom: a.effectiveFrom,
});

/** Validates a definition; refusals name every field, prefixed by where the definition sits in the request. */
export function checkDefinition(def: PayPlanDefinition, at = "definition") {
  let r: ReturnType<typeof compilePlan>;
  try {
    r = compilePlan(def);
  } catch {
    // A rule of the wrong shape (e.g. bands that are not a list): refuse rather than fail.
    throw fail("invalid", "pay.plan.wrong_shape", undefined, {
      fields: [fieldError(at, "pay.plan.wrong_shape_field")],
    });
  }
  if (!r.ok)
    throw fail(
      "invalid",
      "pay.plan.problems",
      { count: r.errors.length },
      { fields: r.errors.map((e) => ({ ...e, field: `${at}.${e.field}` })) },
    );
  return r.plan;
}

/** The version in force on a date: the latest whose effective date is on or before it. */
export function versionOn<T extends { effectiveFrom: string; number?: number; createdAt?: string }>(
  versions: T[],
  date: string,
): T | undefined {
  // Later effective date wins; on the same date, the later version (or assignment) wins.
  return versions
    .filter((v) => v.effectiveFrom <= date)
    .sort(
      (a, b) =>
        a.effectiveFrom.localeCompare(b.effectiveFrom) ||
        (a.number ?? 0) - (b.number ?? 0) ||
        (a.createdAt ?? "").localeCompare(b.createdAt ?? ""),
    )
    .at(-1);
}

/**
 * The plan versions that govern a member over a month, in date order: the most specific assignment
 * in force on each day (the member's own, their role's, their department's) and that plan's version
 * in force on that day. A new segment starts where an assignment or a version takes effect; days
 * without a plan belong to no segment. docs/PAY.md "A version effective mid-month".
 */
export function planSegments(
  m: { id: string; role: string; departmentId: string | null },
  assignments: AssignmentRow[],
  versions: VersionRow[],
  from: string,
  to: string,
): { from: string; to: string; version: VersionRow }[] {
  const on = (day: string) => {
    const pick = (type: "member" | "role" | "department", id: string | null) =>
      versionOn(
        assignments.filter((a) => a.targetType === type && a.targetId === id),
        day,
      );
    const assignment =
      pick("member", m.id) ?? pick("role", m.role) ?? pick("department", m.departmentId);
    return assignment
      ? versionOn(
          versions.filter((v) => v.planId === assignment.planId),
          day,
        )
      : undefined;
  };
  const starts = [
    ...new Set([
      from,
      ...[...assignments, ...versions]
        .map((x) => x.effectiveFrom)
        .filter((d) => d > from && d <= to),
    ]),
  ].sort();
  const out: { from: string; to: string; version: VersionRow }[] = [];
  let open: { from: string; version: VersionRow | undefined } | null = null;
  const close = (end: string) => {
    if (open?.version) out.push({ from: open.from, to: end, version: open.version });
  };
  for (const day of starts) {
    const version = on(day);
    if (open && open.version?.id === version?.id) continue;
    if (open) close(addDays(day, -1));
    open = { from: day, version };
  }
  close(to);
  return out;
}

export class PayPlanService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The shipped templates: department and name as messages, the plan as one made now in `locale`. */
  templates(locale: Locale = "zh-CN") {
    return PAY_PLAN_TEMPLATES.map((t) => ({
      id: t.id,
      department: msg(t.department),
      name: msg(t.name),
      plan: templatePlan(t, locale),
    }));
  }

  /** The actor as the pay policy sees them (the departments they manage, through this handle). */
  private async policy(db: Executor, actor: Actor): Promise<PolicyActor> {
    return policyActor(actor, await new PayRepository(db).departments(actor.workspaceId));
  }
  private async check(actor: Actor, action: "pay.plan.read" | "pay.plan.manage"): Promise<void> {
    if (!can(await this.policy(this.deps.db, actor), action))
      throw fail(
        "forbidden",
        action === "pay.plan.read" ? "pay.forbidden.plans_read" : "pay.forbidden.plans_manage",
      );
  }

  async list(actor: Actor) {
    await this.check(actor, "pay.plan.read");
    const repo = new PayRepository(this.deps.db);
    const [plans, versions, assignments] = await Promise.all([
      repo.listPlans(actor.workspaceId),
      repo.versions(actor.workspaceId),
      repo.assignments(actor.workspaceId),
    ]);
    return plans.map((p) =>
      this.present(
        p,
        versions.filter((v) => v.planId === p.id),
        assignments.filter((a) => a.planId === p.id),
      ),
    );
  }

  async get(actor: Actor, id: string) {
    const repo = new PayRepository(this.deps.db);
    const p = await repo.getPlan(actor.workspaceId, id);
    if (!p) throw payNotFound("plan");
    await this.check(actor, "pay.plan.read");
    return this.present(
      p,
      await repo.versions(actor.workspaceId, [id]),
      (await repo.assignments(actor.workspaceId)).filter((a) => a.planId === id),
    );
  }

  private present(
    p: Selectable<DB["payPlans"]>,
    versions: VersionRow[],
    assignments: AssignmentRow[],
  ) {
    return {
      id: p.id,
      name: p.name,
      version: p.version,
      versions: versions.map(presentVersion),
      assignments: assignments.map(presentAssignment),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }

  async create(
    actor: Actor,
    input: { definition?: PayPlanDefinition; templateId?: string; effectiveFrom: string },
    /** From a template: the language the plan's name is written in (then the owner's text). */
    locale: Locale = "zh-CN",
  ) {
    await this.check(actor, "pay.plan.manage");
    let def = input.definition;
    if (input.templateId !== undefined) {
      const t = PAY_PLAN_TEMPLATES.find((x) => x.id === input.templateId);
      if (!t)
        throw payFieldError("templateId", "pay.plan.no_template", {
          templates: PAY_PLAN_TEMPLATES.map((x) => x.id),
        });
      def = templatePlan(t, locale);
    }
    if (!def || (input.definition && input.templateId))
      throw payFieldError("definition", "pay.plan.definition_or_template");
    checkDefinition(def);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      await this.checkEffective(repo, actor.workspaceId, input.effectiveFrom);
      const at = nowIso(this.deps);
      const plan = {
        workspaceId: actor.workspaceId,
        id: newId(),
        name: def.name.trim(),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.createPlan(plan);
      const v = {
        workspaceId: actor.workspaceId,
        id: newId(),
        planId: plan.id,
        number: 1,
        effectiveFrom: input.effectiveFrom,
        definition: JSON.stringify(def),
        createdBy: actor.memberId,
        createdAt: at,
      };
      await repo.addVersion(v);
      await audit(trx, actor, at, {
        action: "pay_plan.create",
        entityType: "pay_plan",
        entityId: plan.id,
        message: msg("audit.pay_plan.create", { plan: plan.name, from: input.effectiveFrom }),
        after: { ...plan, definition: def, effectiveFrom: input.effectiveFrom },
      });
      return this.presentById(trx, actor.workspaceId, plan.id);
    });
  }

  /** A change is a new version from its effective date; earlier periods keep the rules they had. */
  async addVersion(
    actor: Actor,
    id: string,
    input: { version: number; effectiveFrom: string; definition: PayPlanDefinition },
  ) {
    await this.check(actor, "pay.plan.manage");
    checkDefinition(input.definition);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const p = await repo.getPlan(actor.workspaceId, id);
      if (!p) throw payNotFound("plan");
      await this.checkEffective(repo, actor.workspaceId, input.effectiveFrom);
      const versions = await repo.versions(actor.workspaceId, [id]);
      const at = nowIso(this.deps);
      const bumped = await repo.bumpPlan(actor.workspaceId, id, input.version, {
        name: input.definition.name.trim(),
        updatedAt: at,
      });
      if (!bumped) throw payStale("plan", p.version);
      const number = Math.max(0, ...versions.map((v) => v.number)) + 1;
      await repo.addVersion({
        workspaceId: actor.workspaceId,
        id: newId(),
        planId: id,
        number,
        effectiveFrom: input.effectiveFrom,
        definition: JSON.stringify(input.definition),
        createdBy: actor.memberId,
        createdAt: at,
      });
      await audit(trx, actor, at, {
        action: "pay_plan.version",
        entityType: "pay_plan",
        entityId: id,
        message: msg("audit.pay_plan.version", {
          plan: bumped.name,
          version: number,
          from: input.effectiveFrom,
        }),
        before: versionOn(versions, input.effectiveFrom)
          ? JSON.parse(versionOn(versions, input.effectiveFrom)!.definition)
          : null,
        after: input.definition,
      });
      return this.presentById(trx, actor.workspaceId, id);
    });
  }

  async assign(
    actor: Actor,
    id: string,
    input: {
      targetType: "department" | "member" | "role";
      targetId: string;
      effectiveFrom: string;
    },
  ) {
    await this.check(actor, "pay.plan.manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const p = await repo.getPlan(actor.workspaceId, id);
      if (!p) throw payNotFound("plan");
      let target: Message;
      if (input.targetType === "role") {
        const role = ROLES.find((r) => r === input.targetId);
        if (!role) throw payFieldError("targetId", "pay.assign.bad_role", { roles: [...ROLES] });
        target = msg("pay.target.role", { role: msg(`org.role.${role}`) });
      } else if (input.targetType === "member") {
        const m = await repo.member(actor.workspaceId, input.targetId);
        if (!m) throw payFieldError("targetId", "pay.assign.no_member");
        target = msg("pay.target.member", { name: m.name });
      } else {
        const d = await repo.department(actor.workspaceId, input.targetId);
        if (!d) throw payFieldError("targetId", "pay.assign.no_department");
        target = msg("pay.target.department", { name: d.name });
      }
      await this.checkEffective(repo, actor.workspaceId, input.effectiveFrom);
      const at = nowIso(this.deps);
      const row = {
        workspaceId: actor.workspaceId,
        id: newId(),
        planId: id,
        targetType: input.targetType,
        targetId: input.targetId,
        effectiveFrom: input.effectiveFrom,
        createdBy: actor.memberId,
        createdAt: at,
      };
      await repo.addAssignment(row);
      await audit(trx, actor, at, {
        action: "pay_plan.assign",
        entityType: "pay_plan",
        entityId: id,
        message: msg("audit.pay_plan.assign", {
          plan: p.name,
          target,
          targetId: input.targetId,
          from: input.effectiveFrom,
        }),
        after: row,
      });
      return this.presentById(trx, actor.workspaceId, id);
    });
  }

  /** The JSON file of the version in force on a date (default: the latest). */
  async exportPlan(actor: Actor, id: string, on?: string): Promise<PayPlanDefinition> {
    const plan = await this.get(actor, id);
    const v = on ? versionOn(plan.versions, on) : plan.versions.at(-1);
    if (!v) throw payFieldError("on", "pay.plan.no_version_on");
    return v.definition;
  }

  private async checkEffective(
    repo: PayRepository,
    workspaceId: string,
    effectiveFrom: string,
  ): Promise<void> {
    const locked = await repo.lockedThrough(workspaceId);
    if (locked && effectiveFrom <= locked)
      throw payFieldError("effectiveFrom", "pay.plan.effective_locked", {
        date: effectiveFrom,
        locked,
      });
  }

  private async presentById(db: Executor, workspaceId: string, id: string) {
    const repo = new PayRepository(db);
    const p = (await repo.getPlan(workspaceId, id))!;
    return this.present(
      p,
      await repo.versions(workspaceId, [id]),
      (await repo.assignments(workspaceId)).filter((a) => a.planId === id),
    );
  }
}
