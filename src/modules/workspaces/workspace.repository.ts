import type { Executor } from "../../db/database.js";
import type { Workspace } from "../../db/schema.js";

export interface CalendarDayRow {
  date: string;
  kind: "holiday" | "workday";
  name: string;
}

export class WorkspaceRepository {
  constructor(private readonly db: Executor) {}

  async create(w: Workspace): Promise<void> {
    await this.db.insertInto("workspaces").values(w).execute();
  }

  getById(id: string) {
    return this.db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** The workspace's stored schedule is out of date: the next read re-plans. */
  async markScheduleStale(workspaceId: string): Promise<void> {
    await this.db
      .updateTable("schedules")
      .set({ today: "" })
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Updates only when the stored version matches; returns the new row or undefined when stale. */
  async update(
    id: string,
    version: number,
    patch: Partial<Omit<Workspace, "id" | "version" | "createdAt">>,
  ) {
    return this.db
      .updateTable("workspaces")
      .set({ ...patch, version: version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  count() {
    return this.db
      .selectFrom("workspaces")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
  }

  /** Workspaces whose id or name is the given text (the CLI names a workspace either way). */
  findByIdOrName(key: string) {
    return this.db
      .selectFrom("workspaces")
      .select(["id", "name"])
      .where((eb) => eb.or([eb("id", "=", key), eb("name", "=", key)]))
      .execute();
  }

  findDemo() {
    return this.db
      .selectFrom("workspaces")
      .selectAll()
      .where("isDemo", "=", 1)
      .orderBy("createdAt")
      .executeTakeFirst();
  }

  countNonDemo() {
    return this.db
      .selectFrom("workspaces")
      .where("isDemo", "=", 0)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
  }

  listCalendarDays(workspaceId: string, from?: string, to?: string) {
    let q = this.db
      .selectFrom("calendarDays")
      .select(["date", "kind", "name"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("date");
    if (from) q = q.where("date", ">=", from);
    if (to) q = q.where("date", "<=", to);
    return q.execute();
  }

  async upsertCalendarDays(workspaceId: string, days: CalendarDayRow[]): Promise<void> {
    for (let i = 0; i < days.length; i += 200) {
      const chunk = days.slice(i, i + 200).map((d) => ({ workspaceId, ...d }));
      await this.db
        .insertInto("calendarDays")
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(["workspaceId", "date"]).doUpdateSet((eb) => ({
            kind: eb.ref("excluded.kind"),
            name: eb.ref("excluded.name"),
          })),
        )
        .execute();
    }
  }

  async deleteCalendarDay(workspaceId: string, date: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("calendarDays")
      .where("workspaceId", "=", workspaceId)
      .where("date", "=", date)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async deleteCalendarYears(workspaceId: string, years: number[]): Promise<void> {
    for (const y of years) {
      await this.db
        .deleteFrom("calendarDays")
        .where("workspaceId", "=", workspaceId)
        .where("date", ">=", `${y}-01-01`)
        .where("date", "<=", `${y}-12-31`)
        .execute();
    }
  }
}
