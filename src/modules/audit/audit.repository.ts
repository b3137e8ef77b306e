import type { Executor } from "../../db/database.js";
import { newId } from "../../core/ids.js";

export interface AuditInput {
  workspaceId: string;
  actorMemberId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The entry as a stored message (storeMessage); rows written before codes hold English text. */
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

  /** A member's name as it is now (for the audit message), or null. */
  async memberName(workspaceId: string, memberId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("members")
      .select("name")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    return row?.name ?? null;
  }

  /** A department's name as it is now (for the audit message), or null. */
  async departmentName(workspaceId: string, departmentId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("departments")
      .select("name")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", departmentId)
      .executeTakeFirst();
    return row?.name ?? null;
  }

  /** Every member's and department's name as it is now (for entries written before messages). */
  async namesNow(workspaceId: string) {
    const [members, departments] = await Promise.all([
      this.db
        .selectFrom("members")
        .select(["id", "name"])
        .where("workspaceId", "=", workspaceId)
        .execute(),
      this.db
        .selectFrom("departments")
        .select(["id", "name"])
        .where("workspaceId", "=", workspaceId)
        .execute(),
    ]);
    return {
      members: new Map(members.map((m) => [m.id, m.name])),
      departments: new Map(departments.map((d) => [d.id, d.name])),
    };
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
