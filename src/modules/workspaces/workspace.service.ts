import type { Actor } from "../../core/actor.js";
import { CN_HOLIDAY_YEARS, cnHolidaysForYears } from "../../core/calendar/cn-holidays.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import type { Locale } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import {
  findOrgTemplate,
  type DepartmentTemplate,
  type OrgTemplateId,
} from "../../core/org/templates.js";
import type { Executor } from "../../db/database.js";
import type { Workspace } from "../../db/schema.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { can } from "../org/org.policy.js";
import { badField, notFoundIn, staleIn } from "../org/org.errors.js";
import { policyActor } from "../../core/policy.js";

/** Workspace settings are the owner's: the departments play no part in the decision. */
const mayManage = (actor: Actor) => can(policyActor(actor, []), "workspace.manage");
import { SkillRepository } from "../org/skill.repository.js";
import {
  announceScheduleChange,
  audit,
  markScheduleStale,
  nowIso,
  type ServiceDeps,
} from "../shared/context.js";
import { WorkspaceRepository } from "./workspace.repository.js";
import type { UpdateWorkspaceInput, WorkspaceDto } from "./workspace.schema.js";

export const presentWorkspace = (w: Workspace): WorkspaceDto => ({
  id: w.id,
  name: w.name,
  timeZone: w.timeZone,
  currency: w.currency,
  locale: w.locale as Locale,
  workweek: JSON.parse(w.workweek) as number[],
  hoursPerDay: w.hoursPerDay,
  orgTemplate: w.orgTemplate,
  isDemo: w.isDemo === 1,
  version: w.version,
  createdAt: w.createdAt,
});

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class WorkspaceService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Creates a workspace with China's official calendar seeded; the caller adds the owner. */
  async createIn(
    trx: Executor,
    input: { name: string; locale?: Locale; isDemo?: boolean },
    at: string,
  ): Promise<Workspace> {
    const w: Workspace = {
      id: newId(),
      name: input.name.trim(),
      timeZone: "Asia/Shanghai",
      currency: "CNY",
      locale: input.locale ?? "zh-CN",
      workweek: "[1,2,3,4,5]",
      hoursPerDay: 8,
      orgTemplate: null,
      isDemo: input.isDemo ? 1 : 0,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const repo = new WorkspaceRepository(trx);
    await repo.create(w);
    await repo.upsertCalendarDays(w.id, cnHolidaysForYears([...CN_HOLIDAY_YEARS]));
    return w;
  }

  async get(actor: Actor): Promise<WorkspaceDto> {
    const w = await new WorkspaceRepository(this.deps.db).getById(actor.workspaceId);
    if (!w) throw notFoundIn("workspace");
    return presentWorkspace(w);
  }

  async update(actor: Actor, input: UpdateWorkspaceInput): Promise<WorkspaceDto> {
    if (!mayManage(actor)) throw fail("forbidden", "org.workspace.settings_owner_only");
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
      throw badField("timeZone", "org.workspace.unknown_time_zone");
    if (input.workweek !== undefined && input.workweek.length === 0)
      throw badField("workweek", "org.workspace.empty_workweek");
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = new WorkspaceRepository(trx);
        const current = await repo.getById(actor.workspaceId);
        if (!current) throw notFoundIn("workspace");
        const at = nowIso(this.deps);
        const { version, workweek, ...rest } = input;
        const updated = await repo.update(actor.workspaceId, version, {
          ...rest,
          ...(workweek !== undefined && { workweek: JSON.stringify([...workweek].sort()) }),
          updatedAt: at,
        });
        if (!updated) throw staleIn("settings", current.version);
        await audit(trx, actor, at, {
          action: "workspace.update",
          entityType: "workspace",
          entityId: actor.workspaceId,
          message: msg("audit.workspace.update", { workspace: updated.name }),
          before: current,
          after: updated,
        });
        await markScheduleStale(trx, actor.workspaceId);
        return presentWorkspace(updated);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  async calendar(actor: Actor, year?: number) {
    const from = year ? `${year}-01-01` : undefined;
    const to = year ? `${year}-12-31` : undefined;
    const days = await new WorkspaceRepository(this.deps.db).listCalendarDays(
      actor.workspaceId,
      from,
      to,
    );
    return { officialYears: [...CN_HOLIDAY_YEARS], days };
  }

  async putCalendarDay(
    actor: Actor,
    date: string,
    day: { kind: "holiday" | "workday"; name: string },
  ) {
    if (!mayManage(actor)) throw fail("forbidden", "org.workspace.calendar_owner_only");
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      throw badField("date", "org.calendar.not_a_date");
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new WorkspaceRepository(trx);
      const before = (await repo.listCalendarDays(actor.workspaceId, date, date))[0];
      await repo.upsertCalendarDays(actor.workspaceId, [{ date, ...day }]);
      await audit(trx, actor, nowIso(this.deps), {
        action: "calendar.day.put",
        entityType: "calendar",
        entityId: date,
        message: msg(day.kind === "holiday" ? "audit.calendar.holiday" : "audit.calendar.workday", {
          date,
          name: day.name,
        }),
        before,
        after: { date, ...day },
      });
      await markScheduleStale(trx, actor.workspaceId);
    });
    announceScheduleChange(this.deps, actor.workspaceId);
    return { date, ...day };
  }

  async deleteCalendarDay(actor: Actor, date: string): Promise<void> {
    if (!mayManage(actor)) throw fail("forbidden", "org.workspace.calendar_owner_only");
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new WorkspaceRepository(trx);
      const before = (await repo.listCalendarDays(actor.workspaceId, date, date))[0];
      if (!before) throw notFoundIn("calendar_day");
      await repo.deleteCalendarDay(actor.workspaceId, date);
      await audit(trx, actor, nowIso(this.deps), {
        action: "calendar.day.delete",
        entityType: "calendar",
        entityId: date,
        message: msg("audit.calendar.normal", { date }),
        before,
      });
      await markScheduleStale(trx, actor.workspaceId);
    });
    announceScheduleChange(this.deps, actor.workspaceId);
  }

  /** Puts the official holiday data back for the given years, dropping local edits in them. */
  async resetCalendar(actor: Actor, years: number[]) {
    if (!mayManage(actor)) throw fail("forbidden", "org.workspace.calendar_owner_only");
    const unknown = years.filter((y) => !CN_HOLIDAY_YEARS.includes(y));
    if (unknown.length)
      throw fail(
        "invalid",
        "org.calendar.no_official_data",
        { years: unknown },
        {
          fields: [fieldError("years", "org.calendar.official_years", { years: CN_HOLIDAY_YEARS })],
        },
      );
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new WorkspaceRepository(trx);
      await repo.deleteCalendarYears(actor.workspaceId, years);
      await repo.upsertCalendarDays(actor.workspaceId, cnHolidaysForYears(years));
      await audit(trx, actor, nowIso(this.deps), {
        action: "calendar.reset",
        entityType: "calendar",
        entityId: null,
        message: msg("audit.calendar.reset", { years }),
      });
      await markScheduleStale(trx, actor.workspaceId);
    });
    announceScheduleChange(this.deps, actor.workspaceId);
    return this.calendar(actor);
  }

  /** Adds a template's departments and skills (names in the given language); existing ones are kept. */
  async applyTemplate(
    actor: Actor,
    templateId: OrgTemplateId,
    locale?: Locale,
  ): Promise<WorkspaceDto> {
    if (!mayManage(actor)) throw fail("forbidden", "org.workspace.template_owner_only");
    const template = findOrgTemplate(templateId);
    if (!template) throw badField("template", "org.workspace.unknown_template");
    return this.deps.db.transaction().execute(async (trx) => {
      const wsRepo = new WorkspaceRepository(trx);
      const w = await wsRepo.getById(actor.workspaceId);
      if (!w) throw notFoundIn("workspace");
      const lang = locale ?? (w.locale as Locale);
      const at = nowIso(this.deps);
      const deps = new DepartmentRepository(trx);
      const skills = new SkillRepository(trx);
      const existing = await deps.list(actor.workspaceId);
      const add = async (list: DepartmentTemplate[], parentId: string | null): Promise<void> => {
        for (const [i, d] of list.entries()) {
          const name = d.name[lang];
          let dep = existing.find((e) => e.name === name && e.parentId === parentId);
          if (!dep) {
            dep = {
              workspaceId: actor.workspaceId,
              id: newId(),
              parentId,
              name,
              leadMemberId: null,
              function: d.function ?? "none",
              sortOrder: i,
              version: 1,
              createdAt: at,
              updatedAt: at,
            };
            await deps.create(dep);
          }
          for (const s of d.skills) {
            if (!(await skills.getByName(actor.workspaceId, s[lang]))) {
              await skills.create({
                workspaceId: actor.workspaceId,
                id: newId(),
                name: s[lang],
                departmentId: dep.id,
                createdAt: at,
              });
            }
          }
          await add(d.children ?? [], dep.id);
        }
      };
      await add(template.departments, null);
      const updated = await wsRepo.update(actor.workspaceId, w.version, {
        orgTemplate: templateId,
        updatedAt: at,
      });
      await audit(trx, actor, at, {
        action: "workspace.template",
        entityType: "workspace",
        entityId: actor.workspaceId,
        message: msg("audit.workspace.template", {
          template: msg(`org.template.${template.id}`),
          templateId: template.id,
        }),
      });
      return presentWorkspace(updated ?? w);
    });
  }
}
