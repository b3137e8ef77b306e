import type { Insertable, Updateable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

type ReportInsert = Omit<Insertable<DB["dailyReports"]>, "workspaceId">;
type ReportPatch = Omit<Updateable<DB["dailyReports"]>, "workspaceId" | "id" | "memberId" | "date">;

/** Daily reports and their comments, and what a report's draft reads from the day's data. */
export class ReportRepository {
  constructor(private readonly db: Executor) {}

  find(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("dailyReports")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date)
      .executeTakeFirst();
  }

  async insert(workspaceId: string, row: ReportInsert): Promise<void> {
    await this.db
      .insertInto("dailyReports")
      .values({ ...row, workspaceId })
      .execute();
  }

  async update(workspaceId: string, id: string, patch: ReportPatch): Promise<void> {
    await this.db
      .updateTable("dailyReports")
      .set(patch)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** The reports of some members on one date (who has submitted). */
  statusOn(workspaceId: string, date: string, memberIds: readonly string[]) {
    if (memberIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("dailyReports")
      .select(["memberId", "status", "submittedAt", "acknowledgedBy"])
      .where("workspaceId", "=", workspaceId)
      .where("date", "=", date)
      .where("memberId", "in", memberIds)
      .execute();
  }

  /** A member's reports between two dates, newest first. */
  history(workspaceId: string, memberId: string, from: string, to: string) {
    return this.db
      .selectFrom("dailyReports")
      .select(["id", "date", "status", "submittedAt", "acknowledgedBy", "blockers", "helpNeeded"])
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date", "desc")
      .execute();
  }

  comments(workspaceId: string, reportId: string) {
    return this.db
      .selectFrom("reportComments as c")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "c.workspaceId").onRef("m.id", "=", "c.authorMemberId"),
      )
      .select(["c.id", "c.authorMemberId", "m.name as authorName", "c.body", "c.createdAt"])
      .where("c.workspaceId", "=", workspaceId)
      .where("c.reportId", "=", reportId)
      .orderBy("c.id")
      .execute();
  }

  async addComment(
    workspaceId: string,
    row: Omit<Insertable<DB["reportComments"]>, "workspaceId">,
  ): Promise<void> {
    await this.db
      .insertInto("reportComments")
      .values({ ...row, workspaceId })
      .execute();
  }

  // What the draft reads.

  /** The member's role and department (whose numbers their report carries). */
  member(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("members")
      .select(["role", "departmentId"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
  }

  async hasShops(workspaceId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("shops")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .limit(1)
      .executeTakeFirst();
    return !!row;
  }

  /** The member's scheduled work on a date, with task and plan names. */
  scheduledOn(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("allocations as a")
      .innerJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "a.workspaceId").onRef("t.id", "=", "a.taskId"),
      )
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
      )
      .select(["a.taskId", "a.hours", "t.name as title", "p.name as planName"])
      .where("a.workspaceId", "=", workspaceId)
      .where("a.memberId", "=", memberId)
      .where("a.date", "=", date)
      .execute();
  }

  /** The member's work logs on a date, with the task's or item's title. */
  logsOn(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("workLogs as l")
      .leftJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "l.workspaceId").onRef("t.id", "=", "l.taskId"),
      )
      .leftJoin("dayItems as i", (j) =>
        j.onRef("i.workspaceId", "=", "l.workspaceId").onRef("i.id", "=", "l.itemId"),
      )
      .select(["l.taskId", "l.itemId", "l.hours", "t.name as taskName", "i.title as itemTitle"])
      .where("l.workspaceId", "=", workspaceId)
      .where("l.memberId", "=", memberId)
      .where("l.date", "=", date)
      .execute();
  }

  /** The member's finished items (the caller picks those finished on the local date). */
  itemsDone(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("dayItems")
      .select(["id", "title", "doneAt"])
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("doneAt", "is not", null)
      .execute();
  }

  /** The state of some tasks, with their plan's name. */
  tasks(workspaceId: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("planTasks as t")
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
      )
      .select([
        "t.id",
        "t.name",
        "t.status",
        "t.doneAt",
        "t.remainingHours",
        "t.effortHours",
        "p.name as planName",
      ])
      .where("t.workspaceId", "=", workspaceId)
      .where("t.id", "in", taskIds)
      .execute();
  }

  timeZone(workspaceId: string) {
    return this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
  }
}
