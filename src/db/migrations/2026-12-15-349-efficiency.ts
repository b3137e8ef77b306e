import type { Kysely } from "kysely";

// The workspace's efficiency table (issue 12; docs/ENGINE.md "Efficiency"): how fast each skill
// level works relative to level 3, read into the engine's input on every re-plan. One row per
// workspace; none means every level works at 1 (plans do not move). See src/db/tables/plans-efficiency.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workspace_efficiency")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("factors", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("workspace_efficiency_pk", ["workspace_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("workspace_efficiency").execute();
}
