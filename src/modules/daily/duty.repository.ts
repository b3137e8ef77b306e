// Recurring duties: read by Today and the engine (they take the member's capacity), written by the
// member, their lead or the owner.
import type { Executor } from "../../db/database.js";
import type { Duty } from "../../db/schema.js";

export class DutyRepository {
  constructor(private readonly db: Executor) {}

  /** The workspace's duties (one member's when given), by start time. */
  list(workspaceId: string, memberId?: string) {
    let q = this.db
      .selectFrom("duties")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("startTime");
    if (memberId) q = q.where("memberId", "=", memberId);
    return q.execute();
  }

  get(workspaceId: string, id: string) {
    return this.db
      .selectFrom("duties")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async insert(duty: Duty): Promise<void> {
    await this.db.insertInto("duties").values(duty).execute();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("duties")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}
