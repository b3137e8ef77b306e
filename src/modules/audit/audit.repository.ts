import type { Executor } from "../../db/database.js";
import { newId } from "../../core/ids.js";

export interface AuditInput {
  workspaceId: string;
  actorMemberId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  at: string;
}

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(e: AuditInput): Promise<void> {
    await this.db
      .insertInto("auditLog")
      .values({
        workspaceId: e.workspaceId,
        id: newId(),
        actorMemberId: e.actorMemberId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        summary: e.summary,
        before: e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === undefined ? null : JSON.stringify(e.after),
        at: e.at,
      })
      .execute();
  }

  /** Newest first; the cursor is the last id seen (ids sort by time). */
  list(workspaceId: string, opts: { limit: number; cursor?: string; entityType?: string }) {
    let q = this.db
      .selectFrom("auditLog as a")
      .leftJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "a.workspaceId").onRef("m.id", "=", "a.actorMemberId"),
      )
      .where("a.workspaceId", "=", workspaceId)
      .selectAll("a")
      .select("m.name as actorName")
      .orderBy("a.id", "desc")
      .limit(opts.limit + 1);
    if (opts.cursor) q = q.where("a.id", "<", opts.cursor);
    if (opts.entityType) q = q.where("a.entityType", "=", opts.entityType);
    return q.execute();
  }
}
