import type { Executor } from "../../db/database.js";
import type { Skill } from "../../db/schema.js";

export class SkillRepository {
  constructor(private readonly db: Executor) {}

  list(workspaceId: string) {
    return this.db
      .selectFrom("skills")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("createdAt")
      .orderBy("id")
      .execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("skills")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  getByName(workspaceId: string, name: string) {
    return this.db
      .selectFrom("skills")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("name", "=", name)
      .executeTakeFirst();
  }

  async create(s: Skill): Promise<void> {
    await this.db.insertInto("skills").values(s).execute();
  }

  async update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<Skill, "name" | "departmentId">>,
  ): Promise<void> {
    await this.db
      .updateTable("skills")
      .set(patch)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("skills")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}
