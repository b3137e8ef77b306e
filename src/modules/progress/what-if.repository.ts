// The what-ifs' reads and writes: the plan with its version, what its revision is made of (its
// tasks' versions and its dependencies), and the edits an applied option makes. Every method takes
// the workspace id and filters by it.
import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { MemberOvertimeTable, WhatifApplicationsTable } from "../../db/schema.js";

export class WhatIfRepository {
  constructor(private readonly db: Executor) {}

  plan(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("plans")
      .select(["id", "name", "status", "ownerMemberId", "launchDate", "version"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", planId)
      .executeTakeFirst();
  }

  /** The plan's tasks and dependencies, in a stable order (the plan's revision is made of them). */
  async parts(workspaceId: string, planId: string) {
    const [tasks, deps] = await Promise.all([
      this.db
        .selectFrom("planTasks")
        .select(["id", "version", "assigneeMemberId", "optional", "deferred"])
        .where("workspaceId", "=", workspaceId)
        .where("planId", "=", planId)
        .orderBy("id")
        .execute(),
      this.db
        .selectFrom("taskDependencies")
        .select(["taskId", "predecessorId", "type", "lagDays"])
        .where("workspaceId", "=", workspaceId)
        .where("planId", "=", planId)
        .orderBy("taskId")
        .orderBy("predecessorId")
        .execute(),
    ]);
    return { tasks, deps };
  }

  async assign(
    workspaceId: string,
    taskId: string,
    memberId: string | null,
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable("planTasks")
      .set((eb) => ({
        assigneeMemberId: memberId,
        version: eb("version", "+", 1),
        updatedAt: at,
      }))
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .execute();
  }

  async relink(
    workspaceId: string,
    taskId: string,
    predecessorId: string,
    lagDays: number,
    at: string,
    type: "FS" | "SS" | "FF" | "SF" = "SS",
  ): Promise<void> {
    await this.db
      .updateTable("taskDependencies")
      .set({ type, lagDays })
      .where("workspaceId", "=", workspaceId)
      .where("taskId", "=", taskId)
      .where("predecessorId", "=", predecessorId)
      .execute();
    await this.db
      .updateTable("planTasks")
      .set((eb) => ({ version: eb("version", "+", 1), updatedAt: at }))
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .execute();
  }

  /** Defers an optional task (cut from the schedule) or brings it back. */
  async setDeferred(workspaceId: string, taskId: string, deferred: boolean, at: string) {
    await this.db
      .updateTable("planTasks")
      .set((eb) => ({
        deferred: deferred ? 1 : 0,
        version: eb("version", "+", 1),
        updatedAt: at,
      }))
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", taskId)
      .execute();
  }

  async recordApplication(row: Insertable<WhatifApplicationsTable>): Promise<void> {
    await this.db.insertInto("whatifApplications").values(row).execute();
  }

  application(workspaceId: string, planId: string, id: string) {
    return this.db
      .selectFrom("whatifApplications")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** The plan's latest applied what-if not undone, if any. */
  lastApplication(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("whatifApplications")
      .select(["id", "revision", "appliedAt", "finishBefore", "finishAfter"])
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .where("undoneAt", "is", null)
      .orderBy("appliedAt", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /** Marks the application undone, once: false when it already was. */
  async markUndone(workspaceId: string, id: string, by: string | null, at: string) {
    const r = await this.db
      .updateTable("whatifApplications")
      .set({ undoneAt: at, undoneBy: by })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("undoneAt", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async setFinishAfter(workspaceId: string, id: string, finish: string | null): Promise<void> {
    await this.db
      .updateTable("whatifApplications")
      .set({ finishAfter: finish })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async addOvertime(rows: Insertable<MemberOvertimeTable>[]): Promise<void> {
    if (rows.length) await this.db.insertInto("memberOvertime").values(rows).execute();
  }

  async removeOvertime(workspaceId: string, applicationId: string): Promise<void> {
    await this.db
      .deleteFrom("memberOvertime")
      .where("workspaceId", "=", workspaceId)
      .where("applicationId", "=", applicationId)
      .execute();
  }

  /** Moves the plan to the next version if it is still at `version`; false when it is not. */
  async bumpPlan(workspaceId: string, planId: string, version: number, at: string) {
    const r = await this.db
      .updateTable("plans")
      .set({ version: version + 1, updatedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", planId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
