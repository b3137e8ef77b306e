import type { Actor } from "../../core/actor.js";
import { notFound } from "../../core/errors.js";
import { toPage } from "../shared/common.schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";

/** In-app notifications: a member sees only their own. */
export class NotificationService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: { limit?: number; cursor?: string; unread?: boolean }) {
    const limit = q.limit ?? 50;
    let query = this.deps.db
      .selectFrom("notifications")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .orderBy("id", "desc")
      .limit(limit + 1);
    if (q.cursor) query = query.where("id", "<", q.cursor);
    if (q.unread) query = query.where("readAt", "is", null);
    const page = toPage(await query.execute(), limit, (n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt,
      createdAt: n.createdAt,
    }));
    const unread = await this.deps.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .where("readAt", "is", null)
      .executeTakeFirstOrThrow();
    return { ...page, unread: unread.n };
  }

  async markRead(actor: Actor, id: string | "all"): Promise<void> {
    let q = this.deps.db
      .updateTable("notifications")
      .set({ readAt: nowIso(this.deps) })
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .where("readAt", "is", null);
    if (id !== "all") q = q.where("id", "=", id);
    const r = await q.executeTakeFirst();
    if (id !== "all" && Number(r.numUpdatedRows) === 0) {
      const exists = await this.deps.db
        .selectFrom("notifications")
        .select("id")
        .where("workspaceId", "=", actor.workspaceId)
        .where("memberId", "=", actor.memberId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!exists) throw notFound("Notification");
    }
  }
}
