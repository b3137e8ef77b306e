// Quality cases (docs/AFTERSALES.md, "Quality cases"): when one SKU gathers the workspace's number of
// quality cases (core/aftersales/quality.ts: 质量问题, 与描述不符, 破损 → 运营; 色差, 尺码 → 设计) within its
// rolling window, ONE task is opened for the department whose work it is, through the plans'
// own services (PlanService, TaskService: validated, saved and re-planned like any task), on the
// owner's authority; the engine gives it to the department's people by its skill (else its lead).
// While that task is open no second one is opened for the SKU — the SKU's claim (a primary key,
// insert or nothing) lets one check of two at the same moment open it — and the cases it counted
// count for no later task. Checked after every routing run (new cases committed) and when the threshold
// changes. The threshold is read by everyone and set by the owner and the customer_service leads.
import type { Actor } from "../../core/actor.js";
import {
  DEFAULT_QUALITY_THRESHOLD,
  QUALITY_LIMITS,
  qualityAlerts,
  qualityDepartment,
  type QualityAlert,
  type QualityCase,
  type QualityDepartment,
  type QualityThreshold,
} from "../../core/aftersales/quality.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, pickLocale, renderMessage, type Locale } from "../../core/messages/index.js";
import { effectiveFunction } from "../../core/org/rights.js";
import { notify } from "../daily/notifications.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { PlanService } from "../plans/plan.service.js";
import { TaskService } from "../plans/task.service.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CareRepository } from "./care.repository.js";

/** The hours a quality task is planned with (the department re-estimates it in the plan). */
export const QUALITY_TASK_HOURS = 2;
/** How far back the task list reads (the longest window there is). */
const LIST_DAYS = 90;

/** A claim whose task was not opened within this long is given up (its check failed or stopped). */
const CLAIM_STALE_MS = 10 * 60_000;

const DAY = 86_400_000;
const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(iso) - days * DAY).toISOString();

export interface QualityCheck {
  /** Tasks opened by this check, one per SKU. */
  opened: { sku: string; taskId: string; department: QualityDepartment; caseIds: string[] }[];
}

export async function thresholdOf(repo: CareRepository, workspaceId: string) {
  const row = await repo.settings(workspaceId);
  return row && row.qualityVersion > 0
    ? {
        threshold: { minCases: row.qualityMinCases, windowDays: row.qualityWindowDays },
        version: row.qualityVersion,
      }
    : { threshold: DEFAULT_QUALITY_THRESHOLD, version: 0 };
}

export class QualityService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The threshold (the defaults, version 0, while none is saved) and the tasks of the last 90 days. */
  async get(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    const repo = new CareRepository(this.deps.db);
    const { threshold, version } = await thresholdOf(repo, actor.workspaceId);
    const tasks = await repo.tasksSince(
      actor.workspaceId,
      daysBefore(nowIso(this.deps), LIST_DAYS),
    );
    return {
      ...threshold,
      version,
      isDefault: version === 0,
      defaults: DEFAULT_QUALITY_THRESHOLD,
      tasks: tasks.map((t) => ({
        id: t.id,
        sku: t.sku,
        department: t.department as QualityDepartment,
        planId: t.planId,
        taskId: t.taskId,
        taskName: t.taskName ?? null,
        /** todo | in_progress | done; null when the task was deleted from its plan. */
        taskStatus: t.taskStatus ?? null,
        assigneeMemberId: t.assigneeMemberId ?? null,
        caseIds: JSON.parse(t.caseIds) as string[],
        caseCount: Number(t.caseCount),
        counts: { operations: Number(t.operationsCount), design: Number(t.designCount) },
        minCases: Number(t.minCases),
        windowDays: Number(t.windowDays),
        openedAt: t.openedAt,
      })),
    };
  }

  /** Sets the threshold (with `version`, 0 the first time; 409 stale), audited, then checks at once. */
  async put(actor: Actor, input: QualityThreshold & { version: number }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const bad = (["minCases", "windowDays"] as const).filter((k) => {
      const [min, max] = QUALITY_LIMITS[k];
      return !Number.isInteger(input[k]) || input[k] < min || input[k] > max;
    });
    if (bad.length)
      throw fail("invalid", "aftersales.quality.threshold_invalid", undefined, {
        fields: bad.map((k) =>
          fieldError(k, "aftersales.quality.threshold_invalid", {
            min: QUALITY_LIMITS[k][0],
            max: QUALITY_LIMITS[k][1],
          }),
        ),
      });
    const ws = actor.workspaceId;
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new CareRepository(trx);
      const at = nowIso(this.deps);
      const current = await thresholdOf(repo, ws);
      const ok = await repo.putSettings(
        ws,
        "quality",
        input.version,
        { qualityMinCases: input.minCases, qualityWindowDays: input.windowDays },
        at,
        actor.memberId,
      );
      if (!ok)
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("aftersales.quality.entity"), current: current.version },
          { extra: { currentVersion: current.version } },
        );
      await audit(trx, actor, at, {
        action: "aftersales.quality.update",
        entityType: "workspace",
        entityId: ws,
        message: msg("audit.aftersales.quality_changed", {
          count: input.minCases,
          days: input.windowDays,
        }),
        before: current.threshold,
        after: { minCases: input.minCases, windowDays: input.windowDays },
      });
    });
    await checkQualityCases(this.deps, ws);
    return this.get(actor);
  }
}

/**
 * Opens one task per SKU whose quality cases reach the threshold and that has no task open; the
 * cases an earlier task counted are left out. Runs as the system on the owner's authority.
 */
export async function checkQualityCases(
  deps: ServiceDeps,
  workspaceId: string,
): Promise<QualityCheck> {
  const repo = new CareRepository(deps.db);
  const now = nowIso(deps);
  const { threshold } = await thresholdOf(repo, workspaceId);
  const since = daysBefore(now, threshold.windowDays);
  const candidates = await repo.candidates(workspaceId, since);
  const quality = candidates.flatMap((c) => {
    const d = qualityDepartment(c.platform, c.reason);
    return d ? [{ ...c, department: d }] : [];
  });
  if (quality.length < threshold.minCases) return { opened: [] };
  const earlier = await repo.tasksSince(workspaceId, daysBefore(since, 1));
  const counted = new Set(earlier.flatMap((t) => JSON.parse(t.caseIds) as string[]));
  const fresh = quality.filter((c) => !counted.has(c.id));
  const skus = await repo.skus(workspaceId, fresh);
  const cases: QualityCase[] = fresh.flatMap((c) =>
    (skus.get(c.id) ?? []).map((sku) => ({
      id: c.id,
      sku,
      department: c.department,
      openedAt: c.openedAt,
    })),
  );
  // The claims of tasks done or deleted since go back; a SKU's claim is what keeps two checks at the
  // same moment from opening two tasks (each claims before it opens; one of them gets it).
  await repo.releaseClaims(workspaceId, new Date(Date.parse(now) - CLAIM_STALE_MS).toISOString());
  const open = await repo.openSkus(workspaceId);
  const alerts = qualityAlerts(cases, threshold, now).filter((a) => !open.has(a.sku));
  const opened: QualityCheck["opened"] = [];
  // A case about two SKUs counts for the first SKU's task only.
  const taken = new Set<string>();
  for (const alert of alerts) {
    const ids = alert.caseIds.filter((id) => !taken.has(id));
    if (ids.length < threshold.minCases) continue;
    if (!(await repo.claim(workspaceId, alert.sku, now))) continue;
    let taskId: string | null = null;
    try {
      taskId = await openTask(deps, workspaceId, { ...alert, caseIds: ids }, threshold);
    } finally {
      if (!taskId) await repo.unclaim(workspaceId, alert.sku);
    }
    if (!taskId) continue;
    for (const id of ids) taken.add(id);
    opened.push({ sku: alert.sku, taskId, department: alert.department, caseIds: ids });
  }
  return { opened };
}

async function openTask(
  deps: ServiceDeps,
  workspaceId: string,
  alert: QualityAlert,
  threshold: QualityThreshold,
): Promise<string | null> {
  const repo = new CareRepository(deps.db);
  const { owner, locale } = await repo.ownerAndLocale(workspaceId);
  if (!owner) return null;
  const system: Actor = {
    userId: owner.userId,
    memberId: owner.id,
    workspaceId,
    role: "owner",
    departmentId: owner.departmentId,
    via: "system",
  };
  // The plan and the task are named in the workspace's language (kept in it afterwards, like a plan
  // made from a template), from the message catalog.
  const lang: Locale = pickLocale(locale) ?? "zh-CN";
  const departments = await new DepartmentRepository(deps.db).list(workspaceId);
  const dept = departments.find((d) => effectiveFunction(departments, d.id) === alert.department);
  const people = dept ? await repo.departmentPeople(workspaceId, dept.id) : null;
  const label = msg(`org.function.${alert.department}`);

  let planId = dept ? await repo.lastPlan(workspaceId, dept.id) : null;
  if (!planId) {
    const plan = await new PlanService(deps).create(system, {
      name: renderMessage(lang, msg("aftersales.quality.plan_name", { department: label })),
      kind: "project",
      description: renderMessage(lang, msg("aftersales.quality.plan_description")),
      ownerMemberId: dept?.leadMemberId ?? owner.id,
      status: "active",
    });
    planId = plan.id;
  }
  // The engine gives the task to someone of the department who holds its first skill; without
  // one, to the department's lead (who hands it on), else to its first member.
  const skillId = people?.skills[0]?.id ?? null;
  const assignee = skillId
    ? null
    : (dept?.leadMemberId ?? people?.members[0]?.id ?? (dept ? null : owner.id));
  const count = alert.caseIds.length;
  const change = await new TaskService(deps).create(system, planId, {
    name: renderMessage(
      lang,
      msg(`aftersales.quality.task_name.${alert.department}`, {
        sku: alert.sku,
        count,
        days: threshold.windowDays,
      }),
    ).slice(0, 100),
    effortHours: QUALITY_TASK_HOURS,
    skillId,
    minLevel: skillId ? 1 : null,
    assigneeMemberId: assignee,
  });
  const taskId = change.task.id;
  const at = nowIso(deps);
  await deps.db.transaction().execute(async (trx) => {
    await new CareRepository(trx).claimed(workspaceId, alert.sku, taskId);
    await new CareRepository(trx).insertTask({
      workspaceId,
      id: newId(),
      sku: alert.sku,
      department: alert.department,
      departmentId: dept?.id ?? null,
      planId: planId!,
      taskId,
      caseIds: JSON.stringify(alert.caseIds),
      caseCount: count,
      operationsCount: alert.counts.operations,
      designCount: alert.counts.design,
      minCases: threshold.minCases,
      windowDays: threshold.windowDays,
      openedAt: at,
    });
    await audit(trx, system, at, {
      action: "aftersales.quality.task",
      entityType: "plan_task",
      entityId: taskId,
      message: msg("audit.aftersales.quality_task", {
        sku: alert.sku,
        count,
        department: label,
        task: taskId,
        taskId,
      }),
      after: { sku: alert.sku, caseIds: alert.caseIds, counts: alert.counts, planId },
    });
    const lead = dept?.leadMemberId;
    if (lead)
      await notify(
        trx,
        workspaceId,
        lead,
        {
          kind: "aftersales.quality",
          title: msg("aftersales.quality.notice", {
            sku: alert.sku,
            count,
            days: threshold.windowDays,
          }),
          link: `/plans/${planId}`,
        },
        at,
      );
  });
  return taskId;
}
