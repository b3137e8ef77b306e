// The progress module's reads and writes: what earned value is computed from (a plan, its tasks,
// dependencies and logs, the people, leaves and calendar) and the daily snapshots. Every method
// takes the workspace id and filters by it.
import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB, EvmSnapshotsTable } from "../../db/schema.js";

export type SnapshotRow = EvmSnapshotsTable;

export class ProgressRepository {
  constructor(private readonly db: Executor) {}

  plan(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("plans")
      .select([
        "id",
        "name",
        "status",
        "ownerMemberId",
        "startDate",
        "launchDate",
        "baseline",
        "baselineAt",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", planId)
      .executeTakeFirst();
  }

  tasks(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("planTasks")
      .select([
        "id",
        "parentId",
        "name",
        "effortHours",
        "assigneeMemberId",
        "milestone",
        "status",
        "remainingHours",
        "doneAt",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .orderBy("sortOrder")
      .orderBy("id")
      .execute();
  }

  deps(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("taskDependencies")
      .select(["taskId", "predecessorId"])
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .execute();
  }

  /** Hours logged on the plan's tasks, by whom and when. */
  logs(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("workLogs as l")
      .innerJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "l.workspaceId").onRef("t.id", "=", "l.taskId"),
      )
      .select(["l.taskId", "l.memberId", "l.date", "l.hours"])
      .where("l.workspaceId", "=", workspaceId)
      .where("t.planId", "=", planId)
      .execute();
  }

  /** Everyone, active or not (a former member's hours still count), with their department. */
  members(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "role", "departmentId", "hoursPerDay"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("id")
      .execute();
  }

  departments(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "name", "parentId", "leadMemberId"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("id")
      .execute();
  }

  leaves(workspaceId: string, from: string) {
    return this.db
      .selectFrom("leaves")
      .select(["memberId", "startDate", "endDate"])
      .where("workspaceId", "=", workspaceId)
      .where("endDate", ">=", from)
      .execute();
  }

  /** The workspace's calendar and time zone. */
  async workspace(workspaceId: string) {
    const [w, days] = await Promise.all([
      this.db
        .selectFrom("workspaces")
        .select(["workweek", "hoursPerDay", "timeZone"])
        .where("id", "=", workspaceId)
        .executeTakeFirst(),
      this.db
        .selectFrom("calendarDays")
        .select(["date", "kind"])
        .where("workspaceId", "=", workspaceId)
        .execute(),
    ]);
    return w ? { ...w, days } : undefined;
  }

  /**
   * Active plans with a baseline that people of `memberIds` own or have tasks in (a lead's
   * department's plans, for the lead's daily report), by name; at most `limit`.
   */
  plansOfMembers(workspaceId: string, memberIds: string[], limit: number) {
    if (!memberIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom("plans as p")
      .select(["p.id", "p.name"])
      .where("p.workspaceId", "=", workspaceId)
      .where("p.status", "=", "active")
      .where("p.baseline", "is not", null)
      .where((eb) =>
        eb.or([
          eb("p.ownerMemberId", "in", memberIds),
          eb.exists(
            eb
              .selectFrom("planTasks as t")
              .select("t.id")
              .whereRef("t.workspaceId", "=", "p.workspaceId")
              .whereRef("t.planId", "=", "p.id")
              .where("t.assigneeMemberId", "in", memberIds),
          ),
        ]),
      )
      .orderBy("p.name")
      .orderBy("p.id")
      .limit(limit)
      .execute();
  }

  /** The latest snapshot's date of a plan (null when none). */
  async lastSnapshotDate(workspaceId: string, planId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("evmSnapshots")
      .select("date")
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .orderBy("date", "desc")
      .limit(1)
      .executeTakeFirst();
    return row?.date ?? null;
  }

  snapshots(workspaceId: string, planId: string, from: string, to: string) {
    return this.db
      .selectFrom("evmSnapshots")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .execute();
  }

  /** Writes the snapshots not yet written (a day already there is kept); returns how many. */
  async insertSnapshots(rows: Insertable<DB["evmSnapshots"]>[]): Promise<number> {
    let written = 0;
    for (const row of rows) {
      const r = await this.db
        .insertInto("evmSnapshots")
        .values(row)
        .onConflict((oc) => oc.columns(["workspaceId", "planId", "date"]).doNothing())
        .executeTakeFirst();
      written += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return written;
  }
}
