import type { Executor } from "../../db/database.js";
import type { Invitation } from "../../db/schema.js";

export class InvitationRepository {
  constructor(private readonly db: Executor) {}

  async create(i: Invitation): Promise<void> {
    await this.db.insertInto("invitations").values(i).execute();
  }

  listPending(workspaceId: string, now: string) {
    return this.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("acceptedAt", "is", null)
      .where("expiresAt", ">", now)
      .orderBy("id", "desc")
      .execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  /** Token lookup is the one query not scoped by workspace: the token itself names it. */
  findByTokenHash(tokenHash: string) {
    return this.db
      .selectFrom("invitations as i")
      .innerJoin("workspaces as w", "w.id", "i.workspaceId")
      .selectAll("i")
      .select("w.name as workspaceName")
      .where("i.tokenHash", "=", tokenHash)
      .executeTakeFirst();
  }

  async markAccepted(workspaceId: string, id: string, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable("invitations")
      .set({ acceptedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("acceptedAt", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("invitations")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}
