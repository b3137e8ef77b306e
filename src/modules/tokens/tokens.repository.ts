import type { Executor } from "../../db/database.js";
import type { ApiToken } from "../../db/schema.js";

export class TokenRepository {
  constructor(private readonly db: Executor) {}

  async create(t: ApiToken): Promise<void> {
    await this.db.insertInto("apiTokens").values(t).execute();
  }

  listForMember(workspaceId: string, memberId: string) {
    return this.db.selectFrom("apiTokens").selectAll().where("workspaceId", "=", workspaceId).where("memberId", "=", memberId)
      .where("revokedAt", "is", null).orderBy("id", "desc").execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db.selectFrom("apiTokens").selectAll().where("workspaceId", "=", workspaceId).where("id", "=", id).executeTakeFirst();
  }

  async revoke(workspaceId: string, id: string, at: string): Promise<void> {
    await this.db.updateTable("apiTokens").set({ revokedAt: at }).where("workspaceId", "=", workspaceId).where("id", "=", id).execute();
  }

  /** The active token with this hash, with its member (who must still be active). */
  findActive(tokenHash: string) {
    return this.db
      .selectFrom("apiTokens as t")
      .innerJoin("members as m", (j) => j.onRef("m.workspaceId", "=", "t.workspaceId").onRef("m.id", "=", "t.memberId"))
      .where("t.tokenHash", "=", tokenHash)
      .where("t.revokedAt", "is", null)
      .where("m.status", "=", "active")
      .select(["t.id", "t.workspaceId", "t.lastUsedAt", "m.id as memberId", "m.userId", "m.role", "m.departmentId"])
      .executeTakeFirst();
  }

  async touch(workspaceId: string, id: string, at: string): Promise<void> {
    await this.db.updateTable("apiTokens").set({ lastUsedAt: at }).where("workspaceId", "=", workspaceId).where("id", "=", id).execute();
  }
}
