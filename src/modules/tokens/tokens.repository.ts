import type { Executor } from "../../db/database.js";
import type { ApiToken } from "../../db/schema.js";
import { preparedQuery } from "../../db/prepared.js";
import { CALLER_COLUMNS } from "../auth/auth.repository.js";

export class TokenRepository {
  constructor(private readonly db: Executor) {}

  async create(t: ApiToken): Promise<void> {
    await this.db.insertInto("apiTokens").values(t).execute();
  }

  listForMember(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("apiTokens")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("revokedAt", "is", null)
      .orderBy("id", "desc")
      .execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("apiTokens")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async revoke(workspaceId: string, id: string, at: string): Promise<void> {
    await this.db
      .updateTable("apiTokens")
      .set({ revokedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Revokes every active token of the user's memberships, in all workspaces; returns how many. */
  async revokeAllOfUser(userId: string, at: string): Promise<number> {
    const r = await this.db
      .updateTable("apiTokens")
      .set({ revokedAt: at })
      .where("revokedAt", "is", null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("members as m")
            .select("m.id")
            .whereRef("m.workspaceId", "=", "apiTokens.workspaceId")
            .whereRef("m.id", "=", "apiTokens.memberId")
            .where("m.userId", "=", userId),
        ),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /**
   * The active token with this hash, as its caller (member, who must still be active, user and
   * workspace): one indexed lookup compiled once, the same cost as resolving a session cookie.
   */
  findActive(tokenHash: string) {
    return findTokenRow(this.db, { tokenHash });
  }

  async touch(workspaceId: string, id: string, at: string): Promise<void> {
    await this.db
      .updateTable("apiTokens")
      .set({ lastUsedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}

const findTokenRow = preparedQuery(["tokenHash"], (db, p) =>
  db
    .selectFrom("apiTokens as t")
    .innerJoin("members as m", (j) =>
      j.onRef("m.workspaceId", "=", "t.workspaceId").onRef("m.id", "=", "t.memberId"),
    )
    .innerJoin("users as u", "u.id", "m.userId")
    .innerJoin("workspaces as w", "w.id", "t.workspaceId")
    .where("t.tokenHash", "=", p.tokenHash)
    .where("t.revokedAt", "is", null)
    .where("m.status", "=", "active")
    .select(["t.id as sessionId", "t.lastUsedAt", ...CALLER_COLUMNS]),
);
