import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { Allocation } from "../../core/engine/types.js";

export interface AllocationRow extends Allocation {
  planId: string;
}

export class ScheduleRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Takes the workspace's schedule lock for this transaction: the UPDATE holds the row on
   * PostgreSQL until commit, so concurrent re-plans of one workspace run one after the other.
   */
  async lock(workspaceId: string, today: string, at: string): Promise<{ version: number }> {
    const row = await this.db
      .updateTable("schedules")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("workspaceId", "=", workspaceId)
      .returning(["version"])
      .executeTakeFirst();
    if (row) return row;
    await this.db
      .insertInto("schedules")
      .values({ workspaceId, result: "null", today, computedAt: at, version: 1 })
      .onConflict((oc) => oc.column("workspaceId").doNothing())
      .execute();
    return { version: 1 };
  }

  /** Which schedule is stored (without the schedule itself, which can be large). */
  head(workspaceId: string) {
    return this.db
      .selectFrom("schedules")
      .select(["version", "today", "computedAt"])
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
  }

  async resultText(workspaceId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("schedules")
      .select("result")
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return row?.result ?? null;
  }

  async save(workspaceId: string, result: string, today: string, at: string): Promise<void> {
    await this.db
      .updateTable("schedules")
      .set({ result, today, computedAt: at })
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Stored overtime (applied what-ifs) of the given plans from `from` on, as engine capacity. */
  overtimeFrom(workspaceId: string, from: string, planIds: string[]) {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("memberOvertime")
      .select(["memberId", "date", "hours"])
      .where("workspaceId", "=", workspaceId)
      .where("date", ">=", from)
      .where("planId", "in", planIds)
      .orderBy("date")
      .orderBy("memberId")
      .orderBy("id")
      .execute();
  }

  allocationsOn(workspaceId: string, date: string) {
    return this.db
      .selectFrom("allocations")
      .select(["memberId as member", "date", "taskId as task", "hours", "planId"])
      .where("workspaceId", "=", workspaceId)
      .where("date", "=", date)
      .execute();
  }

  /**
   * Replaces the allocations from `today` on with `next`, touching only rows that changed. Today's
   * rows of tasks finished today stay: they are the record of what today's plan was.
   */
  async replaceFrom(
    workspaceId: string,
    today: string,
    next: AllocationRow[],
    finished: ReadonlySet<string> = new Set(),
  ): Promise<{ inserted: number; updated: number; deleted: number }> {
    const current = await this.db
      .selectFrom("allocations")
      .select(["memberId", "date", "taskId", "hours"])
      .where("workspaceId", "=", workspaceId)
      .where("date", ">=", today)
      .execute();
    const key = (m: string, d: string, t: string) => `${m}|${d}|${t}`;
    const have = new Map(current.map((r) => [key(r.memberId, r.date, r.taskId), r.hours]));
    const want = new Map(
      next.filter((a) => a.date >= today).map((a) => [key(a.member, a.date, a.task), a]),
    );
    const kept = (date: string, taskId: string) => date === today && finished.has(taskId);
    const deletes = current.filter(
      (r) => !want.has(key(r.memberId, r.date, r.taskId)) && !kept(r.date, r.taskId),
    );
    const inserts = [...want.values()].filter((a) => !have.has(key(a.member, a.date, a.task)));
    const updates = [...want.values()].filter(
      (a) =>
        have.has(key(a.member, a.date, a.task)) &&
        have.get(key(a.member, a.date, a.task)) !== a.hours &&
        !kept(a.date, a.task),
    );
    // Only the rows that changed, a few hundred to a statement: an edit that shifts a chain of
    // tasks moves some of the 28 days' rows, not all of them (rewriting them all cost ~8 ms of a
    // 2,000-task plan's edit). An updated row is deleted and inserted again with its new hours.
    const gone = [
      ...deletes.map((r) => ({ member: r.memberId, date: r.date, task: r.taskId })),
      ...updates,
    ];
    for (let i = 0; i < gone.length; i += 300) {
      const part = gone.slice(i, i + 300);
      await this.db
        .deleteFrom("allocations")
        .where("workspaceId", "=", workspaceId)
        .where(
          sql<boolean>`(member_id, date, task_id) in (values ${sql.join(
            part.map((r) => sql`(${r.member}, ${r.date}, ${r.task})`),
          )})`,
        )
        .execute();
    }
    const rows = [...inserts, ...updates];
    for (let i = 0; i < rows.length; i += 200) {
      await this.db
        .insertInto("allocations")
        .values(
          rows.slice(i, i + 200).map((a) => ({
            workspaceId,
            memberId: a.member,
            date: a.date,
            taskId: a.task,
            planId: a.planId,
            hours: a.hours,
          })),
        )
        .execute();
    }
    return { inserted: inserts.length, updated: updates.length, deleted: deletes.length };
  }

  /** Everything the engine needs about people: active members, skills by name, leaves, duties. */
  async people(workspaceId: string, today: string) {
    const [members, skills, leaves, duties] = await Promise.all([
      this.db
        .selectFrom("members")
        .select(["id", "name", "hoursPerDay", "workweek", "departmentId"])
        .where("workspaceId", "=", workspaceId)
        .where("status", "=", "active")
        .orderBy("id")
        .execute(),
      this.db
        .selectFrom("memberSkills as ms")
        .innerJoin("skills as s", (j) =>
          j.onRef("s.workspaceId", "=", "ms.workspaceId").onRef("s.id", "=", "ms.skillId"),
        )
        .select(["ms.memberId", "s.name", "ms.level"])
        .where("ms.workspaceId", "=", workspaceId)
        .execute(),
      this.db
        .selectFrom("leaves")
        .select(["memberId", "startDate", "endDate"])
        .where("workspaceId", "=", workspaceId)
        .where("endDate", ">=", today)
        .execute(),
      this.db.selectFrom("duties").selectAll().where("workspaceId", "=", workspaceId).execute(),
    ]);
    return { members, skills, leaves, duties };
  }

  /** The workspace's time zone (undefined: no such workspace). */
  async timeZone(workspaceId: string): Promise<string | undefined> {
    const w = await this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return w?.timeZone;
  }

  /** The workspace's working calendar: its week (JSON text), hours per day, holidays and make-up days. */
  async calendar(workspaceId: string) {
    const [w, days] = await Promise.all([
      this.db
        .selectFrom("workspaces")
        .select(["workweek", "hoursPerDay"])
        .where("id", "=", workspaceId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom("calendarDays")
        .select(["date", "kind"])
        .where("workspaceId", "=", workspaceId)
        .execute(),
    ]);
    return { workweek: w.workweek, hoursPerDay: w.hoursPerDay, days };
  }

  /** Hours logged on a date, by member and task (null: an item, not a task). */
  logsOn(workspaceId: string, date: string) {
    return this.db
      .selectFrom("workLogs")
      .select(["memberId", "taskId", "hours"])
      .where("workspaceId", "=", workspaceId)
      .where("date", "=", date)
      .execute();
  }

  /** Every member (active or not) with their department and hours: who leads whom. */
  members(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "hoursPerDay"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Each department's lead. */
  departmentLeads(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "leadMemberId"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Materialised allocations between two dates, for some members (none: nobody) or one plan. */
  allocationsBetween(
    workspaceId: string,
    q: { from: string; to: string; memberIds?: readonly string[]; planId?: string },
  ) {
    let query = this.db
      .selectFrom("allocations")
      .select(["memberId", "date", "taskId", "hours", "planId"])
      .where("workspaceId", "=", workspaceId)
      .where("date", ">=", q.from)
      .where("date", "<=", q.to)
      .orderBy("date");
    if (q.memberIds)
      query = q.memberIds.length
        ? query.where("memberId", "in", [...q.memberIds])
        : query.where("memberId", "=", "");
    if (q.planId) query = query.where("planId", "=", q.planId);
    return query.execute();
  }

  /** A planned day of past work (the demo's history): one allocation row as it was. */
  async insertAllocation(
    workspaceId: string,
    a: { memberId: string; date: string; taskId: string; planId: string; hours: number },
  ): Promise<void> {
    await this.db
      .insertInto("allocations")
      .values({ workspaceId, ...a })
      .execute();
  }

  logsOfPlans(workspaceId: string, planIds: string[]) {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("workLogs as l")
      .innerJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "l.workspaceId").onRef("t.id", "=", "l.taskId"),
      )
      .select(["l.memberId", "l.date", "l.taskId", "l.hours"])
      .where("l.workspaceId", "=", workspaceId)
      .where("t.planId", "in", planIds)
      .execute();
  }
}
