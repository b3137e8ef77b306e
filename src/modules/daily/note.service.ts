// Notes (笔记) in Markdown on a day, a task or a plan. Stored as written; the web renders them with
// raw HTML disabled, so a note can never inject script or markup. Day notes are private to
// their author; task and plan notes are read by everyone in the workspace.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import type { PolicyActor } from "../../core/policy.js";
import type { Note } from "../../db/schema.js";
import { toPage } from "../shared/common.schema.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { dailyActor } from "./daily.access.js";
import { NoteRepository, type NoteWithAuthor } from "./note.repository.js";

type Target = Note["targetType"];

const targetError = (code: "daily.note.day_target" | "daily.note.no_task" | "daily.note.no_plan") =>
  fail("invalid", code, undefined, { fields: [fieldError("targetId", code)] });

export class NoteService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    q: { targetType?: Target; targetId?: string; q?: string; limit?: number; cursor?: string },
  ) {
    const limit = q.limit ?? 50;
    const rows = await new NoteRepository(this.deps.db).listReadable(
      actor.workspaceId,
      actor.memberId,
      { ...q, limit },
    );
    return toPage(rows, limit, present);
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
    await new NoteRepository(this.deps.db).insert(note);
    return this.get(actor, note.id);
  }

  async get(actor: Actor, id: string) {
    return present(await this.readable(actor, await dailyActor(this.deps.db, actor), id));
  }

  /** The note, if the reader may see it: someone else's day note is not found (it is private). */
  private async readable(actor: Actor, who: PolicyActor, id: string) {
    const row = await new NoteRepository(this.deps.db).get(actor.workspaceId, id);
    if (
      !row ||
      (row.targetType === "day" &&
        !can(who, "daily.note.read_day", { memberId: row.authorMemberId }))
    )
      throw fail("not_found", "daily.note.not_found");
    return row;
  }

  async update(
    actor: Actor,
    id: string,
    input: { version: number; title?: string | null; body?: string },
  ) {
    const who = await dailyActor(this.deps.db, actor);
    const current = await this.readable(actor, who, id);
    if (!can(who, "daily.note.edit", { memberId: current.authorMemberId }))
      throw fail("forbidden", "daily.note.author_edits");
    const updated = await new NoteRepository(this.deps.db).update(
      actor.workspaceId,
      id,
      input.version,
      {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body }),
        updatedAt: nowIso(this.deps),
      },
    );
    if (!updated)
      throw fail(
        "conflict",
        "daily.note.stale",
        { currentVersion: current.version },
        { extra: { currentVersion: current.version } },
      );
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const who = await dailyActor(this.deps.db, actor);
    const current = await this.readable(actor, who, id);
    if (!can(who, "daily.note.delete", { memberId: current.authorMemberId }))
      throw fail("forbidden", "daily.note.author_deletes");
    await new NoteRepository(this.deps.db).delete(actor.workspaceId, id);
  }

  private async checkTarget(actor: Actor, type: Target, id: string): Promise<void> {
    if (type === "day") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(id)) throw targetError("daily.note.day_target");
      return;
    }
    if (!(await new NoteRepository(this.deps.db).targetExists(actor.workspaceId, type, id)))
      throw targetError(type === "task" ? "daily.note.no_task" : "daily.note.no_plan");
  }
}

const present = (n: NoteWithAuthor) => ({
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
