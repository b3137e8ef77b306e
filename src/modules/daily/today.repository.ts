// What Today reads and writes: the members whose days are shown, their capacity and leaves, the
// workspace calendar, the plan tasks on a day, work logs and the member's own items. Every method
// takes the workspace id first and filters by it.
import { OPEN_STATES } from "../../core/aftersales/cases.js";
import type { Executor } from "../../db/database.js";
import type { DayItem, WorkLog } from "../../db/schema.js";

export interface MemberRef {
  id: string;
  name: string;
  departmentId: string | null;
}

export type DayItemPatch = Partial<Pick<DayItem, "title" | "date" | "estimateHours" | "doneAt">>;

export class TodayRepository {
  constructor(private readonly db: Executor) {}

  // Members -----------------------------------------------------------------------------------

  member(workspaceId: string, memberId: string): Promise<MemberRef | undefined> {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
  }

  /** Active members by name, of one department when given. */
  activeMembers(workspaceId: string, departmentId?: string): Promise<MemberRef[]> {
    let q = this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId"])
      .where("workspaceId", "=", workspaceId)
      .where("status", "=", "active")
      .orderBy("name");
    if (departmentId) q = q.where("departmentId", "=", departmentId);
    return q.execute();
  }

  /** The member's own working week and hours (null: the workspace's). */
  memberHours(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("members")
      .select(["hoursPerDay", "workweek"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirstOrThrow();
  }

  leavesOn(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("leaves")
      .select(["startDate", "endDate"])
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("startDate", "<=", date)
      .where("endDate", ">=", date)
      .execute();
  }

  /** The workspace's working week and hours with its holidays and make-up workdays. */
  async calendar(workspaceId: string) {
    const w = await this.db
      .selectFrom("workspaces")
      .select(["workweek", "hoursPerDay"])
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    const days = await this.db
      .selectFrom("calendarDays")
      .select(["date", "kind"])
      .where("workspaceId", "=", workspaceId)
      .execute();
    return { workweek: w.workweek, hoursPerDay: w.hoursPerDay, days };
  }

  // Plan tasks --------------------------------------------------------------------------------

  task(workspaceId: string, taskId: string) {
    return this.db
      .selectFrom("planTasks")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .executeTakeFirst();
  }

  /** Tasks with their plan's name, as Today shows them. */
  tasksWithPlan(workspaceId: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("planTasks as t")
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
      )
      .select([
        "t.id",
        "t.planId",
        "p.name as planName",
        "t.name",
        "t.status",
        "t.remainingHours",
        "t.effortHours",
        "t.deadline",
        "t.version",
        "t.priority",
      ])
      .where("t.workspaceId", "=", workspaceId)
      .where("t.id", "in", taskIds)
      .execute();
  }

  /** Names and statuses of tasks (the week and team views). */
  taskNames(workspaceId: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("planTasks")
      .select(["id", "name", "status"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "in", taskIds)
      .execute();
  }

  /** Marks a task done with no remaining work. */
  async finishTask(workspaceId: string, taskId: string, version: number, at: string) {
    await this.db
      .updateTable("planTasks")
      .set({ status: "done", doneAt: at, remainingHours: 0, version: version + 1, updatedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .execute();
  }

  /** A task not started yet is in progress once hours are logged on it. */
  async startTask(workspaceId: string, taskId: string) {
    await this.db
      .updateTable("planTasks")
      .set({ status: "in_progress" })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .where("status", "=", "todo")
      .execute();
  }

  /** The work a task still needs (0: done). */
  async setRemaining(
    workspaceId: string,
    taskId: string,
    remainingHours: number,
    version: number,
    at: string,
  ) {
    await this.db
      .updateTable("planTasks")
      .set({
        remainingHours,
        status: remainingHours === 0 ? "done" : "in_progress",
        doneAt: remainingHours === 0 ? at : null,
        version: version + 1,
        updatedAt: at,
      })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .execute();
  }

  /** Was the task allocated to the member on or after a date? */
  async scheduledSince(workspaceId: string, memberId: string, taskId: string, since: string) {
    const row = await this.db
      .selectFrom("allocations")
      .select("taskId")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("taskId", "=", taskId)
      .where("date", ">=", since)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Hours of the task allocated to the member on a date. */
  async plannedHours(workspaceId: string, memberId: string, taskId: string, date: string) {
    const rows = await this.db
      .selectFrom("allocations")
      .select("hours")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("taskId", "=", taskId)
      .where("date", "=", date)
      .execute();
    return rows.reduce((s, a) => s + a.hours, 0);
  }

  // Work logs ---------------------------------------------------------------------------------

  logsOn(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("workLogs")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date)
      .execute();
  }

  /** Hours the member logged on a date (on one task when given). */
  async hoursOn(workspaceId: string, memberId: string, date: string, taskId?: string) {
    let q = this.db
      .selectFrom("workLogs")
      .select("hours")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date);
    if (taskId !== undefined) q = q.where("taskId", "=", taskId);
    return (await q.execute()).reduce((s, l) => s + l.hours, 0);
  }

  /** Has the member ever logged hours on the task? */
  async hasLogged(workspaceId: string, memberId: string, taskId: string) {
    const row = await this.db
      .selectFrom("workLogs")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("taskId", "=", taskId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Everything logged on each task, by anyone, ever. */
  async loggedTotals(workspaceId: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) return new Map<string, number>();
    const rows = await this.db
      .selectFrom("workLogs")
      .select(["taskId", (eb) => eb.fn.sum<number>("hours").as("hours")])
      .where("workspaceId", "=", workspaceId)
      .where("taskId", "in", taskIds)
      .groupBy("taskId")
      .execute();
    return new Map(rows.map((t) => [t.taskId, Number(t.hours)]));
  }

  async insertLog(log: WorkLog): Promise<void> {
    await this.db.insertInto("workLogs").values(log).execute();
  }

  // Items (inbox and unplanned work) ----------------------------------------------------------

  item(workspaceId: string, id: string) {
    return this.db
      .selectFrom("dayItems")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  itemsOn(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("dayItems")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "=", date)
      .orderBy("id")
      .execute();
  }

  /** Undone items not planned for a day yet. */
  inbox(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("dayItems")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("date", "is", null)
      .where("doneAt", "is", null)
      .orderBy("id")
      .execute();
  }

  async insertItem(item: DayItem): Promise<void> {
    await this.db.insertInto("dayItems").values(item).execute();
  }

  /** Updates only when the stored version matches; false when it was stale. */
  async updateItem(workspaceId: string, id: string, version: number, patch: DayItemPatch) {
    const r = await this.db
      .updateTable("dayItems")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The open after-sales cases assigned to a member, soonest due first (no deadline last). */
  async openCases(workspaceId: string, memberId: string) {
    const rows = await this.db
      .selectFrom("aftersalesCases")
      .select([
        "id",
        "platformCaseId",
        "platformOrderId",
        "platform",
        "type",
        "state",
        "dueAt",
        "openedAt",
        "version",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("assigneeMemberId", "=", memberId)
      .where("state", "in", [...OPEN_STATES])
      .limit(500)
      .execute();
    const key = (r: (typeof rows)[number]) => `${r.dueAt ?? "9999"}|${r.openedAt}|${r.id}`;
    return rows
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map((r) => ({ ...r, version: Number(r.version) }));
  }

  /** Deletes an item and the hours logged on it. */
  async deleteItem(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("workLogs")
      .where("workspaceId", "=", workspaceId)
      .where("itemId", "=", id)
      .execute();
    await this.db
      .deleteFrom("dayItems")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}
