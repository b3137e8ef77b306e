import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import type { Insertable } from "kysely";

/**
 * Pay plans, their immutable versions, assignments, runs, statements and adjustments, and what pay
 * reads of the rest of the workspace (members, departments, final goal scores); always by workspace.
 */
export class PayRepository {
  constructor(private readonly db: Executor) {}

  /** Active members (those a run computes), by id. */
  activeMembers(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "role", "status"])
      .where("workspaceId", "=", workspaceId)
      .where("status", "=", "active")
      .orderBy("id")
      .execute();
  }
  /** Every member (active or not): names and departments for statements and policies. */
  members(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "role"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }
  member(workspaceId: string, id: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "role"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  /** The departments: names for sources, the tree and leads for the policy. */
  departments(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "name", "parentId", "leadMemberId", "function"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }
  department(workspaceId: string, id: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "name"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  /** Final scores of the goal cycles ending in a period, in end-date order (a goal bonus reads the last). */
  finalGoalScores(workspaceId: string, from: string, to: string) {
    return this.db
      .selectFrom("goalAssessments as a")
      .innerJoin("goalCycles as c", (j) =>
        j.onRef("c.workspaceId", "=", "a.workspaceId").onRef("c.id", "=", "a.cycleId"),
      )
      .select(["a.memberId", "a.finalScore", "c.name", "c.endDate"])
      .where("a.workspaceId", "=", workspaceId)
      .where("c.endDate", ">=", from)
      .where("c.endDate", "<=", to)
      .where("a.finalScore", "is not", null)
      .orderBy("c.endDate")
      .execute();
  }

  /** The latest locked run: every date on or before its last day is closed (locked-month.ts). */
  latestLock(workspaceId: string) {
    return this.db
      .selectFrom("payRuns")
      .select(["id", "period", "toDate"])
      .where("workspaceId", "=", workspaceId)
      .where("status", "=", "locked")
      .orderBy("toDate", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  listPlans(workspaceId: string) {
    return this.db
      .selectFrom("payPlans")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("id")
      .execute();
  }
  getPlan(workspaceId: string, id: string) {
    return this.db
      .selectFrom("payPlans")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  async createPlan(row: Insertable<DB["payPlans"]>): Promise<void> {
    await this.db.insertInto("payPlans").values(row).execute();
  }
  bumpPlan(
    workspaceId: string,
    id: string,
    version: number,
    patch: { name?: string; updatedAt: string },
  ) {
    return this.db
      .updateTable("payPlans")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }
  versions(workspaceId: string, planIds?: string[]) {
    let q = this.db
      .selectFrom("payPlanVersions")
      .selectAll()
      .where("workspaceId", "=", workspaceId);
    if (planIds) q = q.where("planId", "in", planIds.length ? planIds : [""]);
    return q.orderBy("planId").orderBy("number").execute();
  }
  async addVersion(row: Insertable<DB["payPlanVersions"]>): Promise<void> {
    await this.db.insertInto("payPlanVersions").values(row).execute();
  }
  assignments(workspaceId: string) {
    return this.db
      .selectFrom("payPlanAssignments")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("effectiveFrom")
      .orderBy("id")
      .execute();
  }
  async addAssignment(row: Insertable<DB["payPlanAssignments"]>): Promise<void> {
    await this.db.insertInto("payPlanAssignments").values(row).execute();
  }

  /** The last day of the latest locked run: nothing on or before it may change. */
  async lockedThrough(workspaceId: string): Promise<string | null> {
    return (await this.latestLock(workspaceId))?.toDate ?? null;
  }
  listRuns(workspaceId: string, limit: number, cursor?: string) {
    let q = this.db.selectFrom("payRuns").selectAll().where("workspaceId", "=", workspaceId);
    if (cursor) q = q.where("period", "<", cursor);
    return q
      .orderBy("period", "desc")
      .limit(limit + 1)
      .execute();
  }
  getRun(workspaceId: string, id: string) {
    return this.db
      .selectFrom("payRuns")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  getRunByPeriod(workspaceId: string, period: string) {
    return this.db
      .selectFrom("payRuns")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("period", "=", period)
      .executeTakeFirst();
  }
  async createRun(row: Insertable<DB["payRuns"]>): Promise<void> {
    await this.db.insertInto("payRuns").values(row).execute();
  }
  updateRun(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<
      Pick<DB["payRuns"], "inputs" | "totalFen" | "computedAt" | "status" | "lockedBy" | "lockedAt">
    >,
  ) {
    return this.db
      .updateTable("payRuns")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "draft")
      .returningAll()
      .executeTakeFirst();
  }
  statements(workspaceId: string, runId: string) {
    return this.db
      .selectFrom("payStatements")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("runId", "=", runId)
      .orderBy("memberId")
      .execute();
  }
  async hasStatement(workspaceId: string, runId: string, memberId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("payStatements")
      .select("memberId")
      .where("workspaceId", "=", workspaceId)
      .where("runId", "=", runId)
      .where("memberId", "=", memberId)
      .executeTakeFirst();
    return row !== undefined;
  }
  async replaceStatements(
    workspaceId: string,
    runId: string,
    rows: Insertable<DB["payStatements"]>[],
  ): Promise<void> {
    await this.db
      .deleteFrom("payStatements")
      .where("workspaceId", "=", workspaceId)
      .where("runId", "=", runId)
      .execute();
    if (rows.length) await this.db.insertInto("payStatements").values(rows).execute();
  }
  /** Adjustments not yet paid by a locked run (or paid by this run). */
  openAdjustments(workspaceId: string, runId: string | null) {
    return this.db
      .selectFrom("payAdjustments")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where((eb) =>
        runId ? eb.or([eb("runId", "is", null), eb("runId", "=", runId)]) : eb("runId", "is", null),
      )
      .orderBy("id")
      .execute();
  }
  async addAdjustment(row: Insertable<DB["payAdjustments"]>): Promise<void> {
    await this.db.insertInto("payAdjustments").values(row).execute();
  }
  /**
   * Adjustments newest first (ids sort by time), with the member's name and the run that paid them.
   * Settled = paid by a locked run; open = everything else (no run yet, or a run still in draft).
   * `memberIds` limits the list to those members (an empty list matches nothing).
   */
  listAdjustments(
    workspaceId: string,
    q: {
      status: "open" | "settled" | "all";
      memberIds?: readonly string[];
      limit: number;
      cursor?: string;
    },
  ) {
    let query = this.db
      .selectFrom("payAdjustments as a")
      .leftJoin("payRuns as r", (j) =>
        j.onRef("r.workspaceId", "=", "a.workspaceId").onRef("r.id", "=", "a.runId"),
      )
      .leftJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "a.workspaceId").onRef("m.id", "=", "a.memberId"),
      )
      .select([
        "a.id",
        "a.memberId",
        "m.name as memberName",
        "a.amountFen",
        "a.reason",
        "a.runId",
        "r.period as runPeriod",
        "r.status as runStatus",
        "a.createdBy",
        "a.createdAt",
      ])
      .where("a.workspaceId", "=", workspaceId);
    if (q.status === "settled") query = query.where("r.status", "=", "locked");
    if (q.status === "open")
      query = query.where((eb) => eb.or([eb("r.id", "is", null), eb("r.status", "<>", "locked")]));
    if (q.memberIds)
      query = query.where("a.memberId", "in", q.memberIds.length ? [...q.memberIds] : [""]);
    if (q.cursor) query = query.where("a.id", "<", q.cursor);
    return query
      .orderBy("a.id", "desc")
      .limit(q.limit + 1)
      .execute();
  }
  /** Links exactly these adjustments to the run (they are on its statements); ones linked before and no longer on them are open again. */
  async linkAdjustments(workspaceId: string, runId: string, ids: string[]): Promise<void> {
    let unlink = this.db
      .updateTable("payAdjustments")
      .set({ runId: null })
      .where("workspaceId", "=", workspaceId)
      .where("runId", "=", runId);
    if (ids.length) unlink = unlink.where("id", "not in", ids);
    await unlink.execute();
    if (ids.length)
      await this.db
        .updateTable("payAdjustments")
        .set({ runId })
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
  }
}
