import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

/** The scheduled goal reminders' bookkeeping: which workspaces to sweep, which reminders went out. */
export class GoalReminderRepository {
  constructor(private readonly db: Executor) {}

  /** Every workspace with its time zone: the sweep is the one reader across tenants. */
  workspaces() {
    return this.db.selectFrom("workspaces").select(["id", "timeZone"]).orderBy("id").execute();
  }

  /** The reminders already sent on a local date, as "memberId/cycleId". */
  async sentOn(workspaceId: string, localDate: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom("goalRemindersSent")
      .select(["memberId", "cycleId"])
      .where("workspaceId", "=", workspaceId)
      .where("localDate", "=", localDate)
      .execute();
    return new Set(rows.map((r) => `${r.memberId}/${r.cycleId}`));
  }

  /** Records a reminder as sent; false when it already was (by another sweep or instance). */
  async markSent(row: Insertable<DB["goalRemindersSent"]>): Promise<boolean> {
    const r = await this.db
      .insertInto("goalRemindersSent")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
