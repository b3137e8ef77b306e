import type { Executor } from "../../db/database.js";
import type { Department } from "../../db/schema.js";

export class DepartmentRepository {
  constructor(private readonly db: Executor) {}

  list(workspaceId: string) {
    return this.db
      .selectFrom("departments")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("sortOrder")
      .orderBy("id")
      .execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("departments")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async create(d: Department): Promise<void> {
    await this.db.insertInto("departments").values(d).execute();
  }

  update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<
      Pick<
        Department,
        "name" | "parentId" | "leadMemberId" | "sortOrder" | "function" | "updatedAt"
      >
    >,
  ) {
    return this.db
      .updateTable("departments")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("departments")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async clearLead(workspaceId: string, memberId: string, now: string): Promise<void> {
    await this.db
      .updateTable("departments")
      .set((eb) => ({ leadMemberId: null, version: eb("version", "+", 1), updatedAt: now }))
      .where("workspaceId", "=", workspaceId)
      .where("leadMemberId", "=", memberId)
      .execute();
  }
}
