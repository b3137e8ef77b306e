import type { Executor } from "../../db/database.js";

/** Members' secret iCalendar feeds (one per member; the token is stored hashed). */
export class CalendarFeedRepository {
  constructor(private readonly db: Executor) {}

  get(workspaceId: string, memberId: string) {
    return this.db
      .selectFrom("calendarFeeds")
      .select("createdAt")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .executeTakeFirst();
  }

  /** Creates the member's feed or replaces its token (the old URL stops working). */
  async put(workspaceId: string, memberId: string, tokenHash: string, createdAt: string) {
    await this.db
      .insertInto("calendarFeeds")
      .values({ workspaceId, memberId, tokenHash, createdAt })
      .onConflict((oc) =>
        oc.columns(["workspaceId", "memberId"]).doUpdateSet({ tokenHash, createdAt }),
      )
      .execute();
  }

  async remove(workspaceId: string, memberId: string): Promise<void> {
    await this.db
      .deleteFrom("calendarFeeds")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .execute();
  }

  /**
   * The active member a secret URL belongs to, with the languages to write the feed in. The one
   * lookup across workspaces: the token itself says which workspace it is.
   */
  byTokenHash(tokenHash: string) {
    return this.db
      .selectFrom("calendarFeeds as f")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "f.workspaceId").onRef("m.id", "=", "f.memberId"),
      )
      .innerJoin("users as u", "u.id", "m.userId")
      .innerJoin("workspaces as w", "w.id", "f.workspaceId")
      .select([
        "f.workspaceId",
        "f.memberId",
        "m.name",
        "u.locale as userLocale",
        "w.locale as workspaceLocale",
      ])
      .where("f.tokenHash", "=", tokenHash)
      .where("m.status", "=", "active")
      .executeTakeFirst();
  }

  /** Names of tasks and their plans, for the feed's events. */
  taskNames(workspaceId: string, taskIds: readonly string[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("planTasks as t")
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
      )
      .select(["t.id", "t.name", "p.name as planName"])
      .where("t.workspaceId", "=", workspaceId)
      .where("t.id", "in", taskIds)
      .execute();
  }
}
