import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import type { Locale } from "../../core/messages/index.js";
import { toPage } from "../shared/common.schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { NotificationRepository } from "./notification.repository.js";
import { presentNotification } from "./notifications.js";

/** In-app notifications: a member sees only their own, rendered in the reader's language. */
export class NotificationService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    q: { limit?: number; cursor?: string; unread?: boolean },
    locale: Locale = "zh-CN",
  ) {
    const repo = new NotificationRepository(this.deps.db);
    const limit = q.limit ?? 50;
    const rows = await repo.list(actor.workspaceId, actor.memberId, { ...q, limit });
    const page = toPage(rows, limit, (n) => presentNotification(n, locale));
    return { ...page, unread: await repo.unreadCount(actor.workspaceId, actor.memberId) };
  }

  async markRead(actor: Actor, id: string | "all"): Promise<void> {
    const repo = new NotificationRepository(this.deps.db);
    const changed = await repo.markRead(actor.workspaceId, actor.memberId, id, nowIso(this.deps));
    if (
      id !== "all" &&
      changed === 0 &&
      !(await repo.exists(actor.workspaceId, actor.memberId, id))
    )
      throw fail("not_found", "notification.not_found");
  }
}
