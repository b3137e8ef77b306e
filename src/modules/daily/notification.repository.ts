import type { Insertable, Selectable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

export type NotificationRow = Selectable<DB["notifications"]>;

/** The notifications table: a member reads and marks only their own. */
export class NotificationRepository {
  constructor(private readonly db: Executor) {}

  /** A member's notifications, newest first, one more than `limit` (the page's cursor). */
  list(
    workspaceId: string,
    memberId: string,
    q: { limit: number; cursor?: string; unread?: boolean },
  ) {
    let query = this.db
      .selectFrom("notifications")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .orderBy("id", "desc")
      .limit(q.limit + 1);
    if (q.cursor) query = query.where("id", "<", q.cursor);
    if (q.unread) query = query.where("readAt", "is", null);
    return query.execute();
  }

  async unreadCount(workspaceId: string, memberId: string): Promise<number> {
    const r = await this.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("readAt", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Marks one unread notification (or all) read; returns how many changed. */
  async markRead(
    workspaceId: string,
    memberId: string,
    id: string | "all",
    at: string,
  ): Promise<number> {
    let q = this.db
      .updateTable("notifications")
      .set({ readAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("readAt", "is", null);
    if (id !== "all") q = q.where("id", "=", id);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async exists(workspaceId: string, memberId: string, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("notifications")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
    return !!row;
  }

  /** Writes notifications of one workspace (see `notify` in notifications.ts, the one writer). */
  async insert(
    workspaceId: string,
    rows: readonly Omit<Insertable<DB["notifications"]>, "workspaceId">[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto("notifications")
      .values(rows.map((r) => ({ ...r, workspaceId })))
      .execute();
  }
}
