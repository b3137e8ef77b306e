// What the demo's goals-and-pay seeding reads and writes outside the services it drives: the people
// with their departments' names, the departments, and the history's notifications marked read.
import type { Executor } from "../../db/database.js";

export class DemoGoalsPayRepository {
  constructor(private readonly db: Executor) {}

  /** Members with the name of their department ("" when none). */
  async people(workspaceId: string) {
    const rows = await this.db
      .selectFrom("members as m")
      .leftJoin("departments as d", (j) =>
        j.onRef("d.workspaceId", "=", "m.workspaceId").onRef("d.id", "=", "m.departmentId"),
      )
      .select(["m.id", "m.name", "m.role", "m.departmentId", "m.userId", "d.name as department"])
      .where("m.workspaceId", "=", workspaceId)
      .execute();
    return rows.map((r) => ({ ...r, userId: r.userId ?? "", department: r.department ?? "" }));
  }

  departments(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "name", "leadMemberId"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Marks the unread goal and pay notifications read (the history is read; the bell shows what comes next). */
  async markGoalAndPayNoticesRead(workspaceId: string, at: string): Promise<void> {
    await this.db
      .updateTable("notifications")
      .set({ readAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("readAt", "is", null)
      .where((eb) => eb.or([eb("kind", "like", "goal.%"), eb("kind", "like", "pay.%")]))
      .execute();
  }
}
