import type { Kysely } from "kysely";

// Goal reminders: one row per person, local day and cycle a scheduled reminder went out for. The
// row is inserted (on conflict: nothing) in the transaction that writes the notification, so
// several server instances and repeated sweeps send each reminder once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("goal_reminders_sent")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("local_date", "text", (c) => c.notNull())
    .addColumn("cycle_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("goal_reminders_sent_pk", [
      "workspace_id",
      "member_id",
      "local_date",
      "cycle_id",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("goal_reminders_sent").execute();
}
