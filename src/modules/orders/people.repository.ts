// The members and departments shop and CS data are read by: names for display, who is in which
// department (attributed sales and CS totals roll up the department tree), and whether a member
// exists in the workspace (attribution rules, an order's owner). Reads only; the org module writes.
import type { Executor } from "../../db/database.js";

export class PeopleRepository {
  constructor(private readonly db: Executor) {}

  /** Every member's department (null: none), for rolling numbers up the department tree. */
  memberDepartments(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "departmentId"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** The department tree: each department's parent. */
  departmentParents(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .select(["id", "parentId"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** Members for a summary, by name. */
  membersByName(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "status"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }

  /** Departments for a summary, in the org page's order (`sortOrder`, then name) or by name. */
  departments(workspaceId: string, order: "sortOrder" | "name") {
    let q = this.db
      .selectFrom("departments")
      .select(["id", "name"])
      .where("workspaceId", "=", workspaceId);
    if (order === "sortOrder") q = q.orderBy("sortOrder");
    return q.orderBy("name").execute();
  }

  /** Whether the member belongs to the workspace. */
  async exists(workspaceId: string, memberId: string): Promise<boolean> {
    const m = await this.db
      .selectFrom("members")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    return m !== undefined;
  }
}
