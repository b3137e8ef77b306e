import type { Kysely } from "kysely";

// Goals module: a cycle is open or closed (closed cycles take no more changes), and a proposed
// goal remembers who proposed it, so only the other side may agree or send it back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("goal_cycles")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .execute();
  await db.schema.alterTable("goals").addColumn("proposed_by", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("goals").dropColumn("proposed_by").execute();
  await db.schema.alterTable("goal_cycles").dropColumn("status").execute();
}
