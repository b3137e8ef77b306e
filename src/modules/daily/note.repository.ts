// Notes with their author's name. Day notes are private to their author, so every read that could
// return someone else's notes takes the reader and leaves their day notes out.
import type { Executor } from "../../db/database.js";
import type { Note } from "../../db/schema.js";

export type NoteWithAuthor = Note & { authorName: string };
export type NotePatch = Partial<Pick<Note, "title" | "body">>;

export class NoteRepository {
  constructor(private readonly db: Executor) {}

  private withAuthor() {
    return this.db
      .selectFrom("notes as n")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "n.workspaceId").onRef("m.id", "=", "n.authorMemberId"),
      )
      .selectAll("n")
      .select("m.name as authorName");
  }

  /**
   * The notes a reader may see (everyone's task and plan notes, their own day notes), newest
   * first, one more than `limit` (the page's cursor); `q` matches title or body, ignoring case.
   */
  listReadable(
    workspaceId: string,
    readerMemberId: string,
    q: {
      targetType?: Note["targetType"];
      targetId?: string;
      q?: string;
      limit: number;
      cursor?: string;
    },
  ): Promise<NoteWithAuthor[]> {
    let query = this.withAuthor()
      .where("n.workspaceId", "=", workspaceId)
      .where((eb) =>
        eb.or([eb("n.targetType", "!=", "day"), eb("n.authorMemberId", "=", readerMemberId)]),
      )
      .orderBy("n.id", "desc")
      .limit(q.limit + 1);
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
    return query.execute();
  }

  get(workspaceId: string, id: string): Promise<NoteWithAuthor | undefined> {
    return this.withAuthor()
      .where("n.workspaceId", "=", workspaceId)
      .where("n.id", "=", id)
      .executeTakeFirst();
  }

  async insert(note: Note): Promise<void> {
    await this.db.insertInto("notes").values(note).execute();
  }

  /** Updates only when the stored version matches; false when it was stale. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    patch: NotePatch & { updatedAt: string },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("notes")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("notes")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Does the task or plan a note would be attached to exist in the workspace? */
  async targetExists(workspaceId: string, type: "task" | "plan", id: string): Promise<boolean> {
    const found = await this.db
      .selectFrom(type === "task" ? "planTasks" : "plans")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return found !== undefined;
  }
}
