// Notes (笔记) in Markdown on a day, a task or a plan. Stored as written; the web renders them with
// raw HTML disabled, so a note can never inject script or markup. Day notes are private to
// their author; task and plan notes are read by everyone in the workspace.
import type { Actor } from "../../core/actor.js";
import { forbidden, invalidField, notFound, staleVersion } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import type { Note } from "../../db/schema.js";
import { toPage } from "../shared/common.schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";

type Target = Note["targetType"];

export class NoteService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    q: { targetType?: Target; targetId?: string; q?: string; limit?: number; cursor?: string },
  ) {
    const limit = q.limit ?? 50;
    let query = this.deps.db
      .selectFrom("notes as n")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "n.workspaceId").onRef("m.id", "=", "n.authorMemberId"),
      )
      .selectAll("n")
      .select("m.name as authorName")
      .where("n.workspaceId", "=", actor.workspaceId)
      .where((eb) =>
        eb.or([eb("n.targetType", "!=", "day"), eb("n.authorMemberId", "=", actor.memberId)]),
      )
      .orderBy("n.id", "desc")
      .limit(limit + 1);
    if (q.targetType) query = query.where("n.targetType", "=", q.targetType);
    if (q.targetId) query = query.where("n.targetId", "=", q.targetId);
    if (q.cursor) query = query.where("n.id", "<", q.cursor);
    if (q.q) {
      // Case-insensitive on both dialects: compare lower-cased text with a lower-cased pattern.
      const pattern = `%${q.q.toLowerCase().replace(/[%_\\]/g, "")}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["n.body"]), "like", pattern),
          eb(eb.fn("lower", ["n.title"]), "like", pattern),
        ]),
      );
    }
    return toPage(await query.execute(), limit, present);
  }

  async create(
    actor: Actor,
    input: { targetType: Target; targetId: string; title?: string | null; body: string },
  ) {
    await this.checkTarget(actor, input.targetType, input.targetId);
    const at = nowIso(this.deps);
    const note: Note = {
      workspaceId: actor.workspaceId,
      id: newId(),
      authorMemberId: actor.memberId,
      targetType: input.targetType,
      targetId: input.targetId,
      title: input.title ?? null,
      body: input.body,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.db.insertInto("notes").values(note).execute();
    return this.get(actor, note.id);
  }

  async get(actor: Actor, id: string) {
    const row = await this.deps.db
      .selectFrom("notes as n")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "n.workspaceId").onRef("m.id", "=", "n.authorMemberId"),
      )
      .selectAll("n")
      .select("m.name as authorName")
      .where("n.workspaceId", "=", actor.workspaceId)
      .where("n.id", "=", id)
      .executeTakeFirst();
    if (!row || (row.targetType === "day" && row.authorMemberId !== actor.memberId))
      throw notFound("Note");
    return present(row);
  }

  async update(
    actor: Actor,
    id: string,
    input: { version: number; title?: string | null; body?: string },
  ) {
    const current = await this.get(actor, id);
    if (current.authorMemberId !== actor.memberId) throw forbidden("Only the author edits a note");
    const r = await this.deps.db
      .updateTable("notes")
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body }),
        version: input.version + 1,
        updatedAt: nowIso(this.deps),
      })
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw staleVersion("Note", current.version);
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const current = await this.get(actor, id);
    if (current.authorMemberId !== actor.memberId && actor.role !== "owner")
      throw forbidden("Only the author deletes a note");
    await this.deps.db
      .deleteFrom("notes")
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .execute();
  }

  private async checkTarget(actor: Actor, type: Target, id: string): Promise<void> {
    if (type === "day") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(id))
        throw invalidField("targetId", "A day note's target is a date YYYY-MM-DD");
      return;
    }
    const table = type === "task" ? "planTasks" : "plans";
    const found = await this.deps.db
      .selectFrom(table)
      .select("id")
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!found) throw invalidField("targetId", `No such ${type} in this workspace`);
  }
}

const present = (n: Note & { authorName: string }) => ({
  id: n.id,
  authorMemberId: n.authorMemberId,
  authorName: n.authorName,
  targetType: n.targetType,
  targetId: n.targetId,
  title: n.title,
  body: n.body,
  version: n.version,
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
});
