import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type CycleRow = Selectable<DB["goalCycles"]>;
export type GoalRow = Selectable<DB["goals"]>;
export type AssessmentRow = Selectable<DB["goalAssessments"]>;
/** The organisation the goal rules read: members, and departments with their leads and functions. */
export interface GoalOrgRows {
  members: Awaited<ReturnType<GoalRepository["members"]>>;
  departments: Awaited<ReturnType<GoalRepository["departments"]>>;
}

/** Goal cycles, goals, their agreement history and assessments; always by workspace. */
export class GoalRepository {
  constructor(private readonly db: Executor) {}

  listCycles(workspaceId: string) {
    return this.db
      .selectFrom("goalCycles")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("startDate", "desc")
      .orderBy("id")
      .execute();
  }
  getCycle(workspaceId: string, id: string) {
    return this.db
      .selectFrom("goalCycles")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  async insertCycle(row: Insertable<DB["goalCycles"]>): Promise<void> {
    await this.db.insertInto("goalCycles").values(row).execute();
  }
  updateCycle(
    workspaceId: string,
    id: string,
    version: number,
    patch: Updateable<DB["goalCycles"]>,
  ) {
    return this.db
      .updateTable("goalCycles")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  listGoals(
    workspaceId: string,
    f: { cycleId?: string; cycleIds?: string[]; memberId?: string; departmentId?: string },
  ) {
    let q = this.db.selectFrom("goals").selectAll().where("workspaceId", "=", workspaceId);
    if (f.cycleId) q = q.where("cycleId", "=", f.cycleId);
    if (f.cycleIds) q = q.where("cycleId", "in", f.cycleIds.length ? f.cycleIds : [""]);
    if (f.memberId) q = q.where("memberId", "=", f.memberId);
    if (f.departmentId)
      q = q.where("departmentId", "=", f.departmentId).where("memberId", "is", null);
    return q.orderBy("createdAt").orderBy("id").execute();
  }
  getGoal(workspaceId: string, id: string) {
    return this.db
      .selectFrom("goals")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  async insertGoal(row: Insertable<DB["goals"]>): Promise<void> {
    await this.db.insertInto("goals").values(row).execute();
  }
  updateGoal(workspaceId: string, id: string, version: number, patch: Updateable<DB["goals"]>) {
    return this.db
      .updateTable("goals")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }
  async deleteGoal(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("goals")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  agreements(workspaceId: string, goalId: string) {
    return this.db
      .selectFrom("goalAgreements")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("goalId", "=", goalId)
      .orderBy("agreementNo")
      .execute();
  }
  async insertAgreement(row: Insertable<DB["goalAgreements"]>): Promise<void> {
    await this.db.insertInto("goalAgreements").values(row).execute();
  }

  getAssessment(workspaceId: string, cycleId: string, memberId: string) {
    return this.db
      .selectFrom("goalAssessments")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("cycleId", "=", cycleId)
      .where("memberId", "=", memberId)
      .executeTakeFirst();
  }
  assessments(workspaceId: string, f: { cycleId?: string; memberId?: string }) {
    let q = this.db
      .selectFrom("goalAssessments")
      .selectAll()
      .where("workspaceId", "=", workspaceId);
    if (f.cycleId) q = q.where("cycleId", "=", f.cycleId);
    if (f.memberId) q = q.where("memberId", "=", f.memberId);
    return q.execute();
  }
  async insertAssessment(row: Insertable<DB["goalAssessments"]>): Promise<void> {
    await this.db.insertInto("goalAssessments").values(row).execute();
  }
  updateAssessment(
    workspaceId: string,
    cycleId: string,
    memberId: string,
    version: number,
    patch: Updateable<DB["goalAssessments"]>,
  ) {
    return this.db
      .updateTable("goalAssessments")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("cycleId", "=", cycleId)
      .where("memberId", "=", memberId)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  members(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "role", "departmentId", "status"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }
  departments(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "name", "parentId", "leadMemberId", "function"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }
  shopIds(workspaceId: string) {
    return this.db
      .selectFrom("shops")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .execute();
  }
  timeZone(workspaceId: string) {
    return this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
  }
}
