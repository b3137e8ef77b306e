import type { Kysely } from "kysely";

// Progress control (issue 12): one earned-value snapshot per plan and day, so each measure has a
// history (S-curves, SPI/CPI trends). Written once a day by the snapshot sweep (the day that just
// ended; idempotent: the primary key), or reconstructed from the logs for days the sweep missed.
// Hours and ratios are double precision (PostgreSQL's `real` keeps only 6 digits).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("evm_snapshots")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    // "daily": taken by the sweep the morning after; "reconstructed": worked out later from logs.
    .addColumn("source", "text", (c) => c.notNull())
    // The baseline measured against (re-baselining starts a new series).
    .addColumn("baseline_at", "text", (c) => c.notNull())
    .addColumn("bac", "double precision", (c) => c.notNull())
    .addColumn("pv", "double precision", (c) => c.notNull())
    .addColumn("ev", "double precision", (c) => c.notNull())
    .addColumn("ac", "double precision", (c) => c.notNull())
    .addColumn("spi", "double precision")
    .addColumn("cpi", "double precision")
    .addColumn("es", "double precision", (c) => c.notNull())
    .addColumn("at", "double precision", (c) => c.notNull())
    .addColumn("spi_t", "double precision")
    .addColumn("es_finish", "text")
    // The engine's forecast finish when the snapshot was taken (null when reconstructed).
    .addColumn("engine_finish", "text")
    .addColumn("baseline_finish", "text")
    .addColumn("deadline", "text")
    .addColumn("outside_tasks", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outside_effort", "double precision", (c) => c.notNull().defaultTo(0))
    // JSON: {people: {memberId|"": [bac, pv, ev, ac]}, departments: {id: [bac, pv, ev, ac]}}.
    .addColumn("breakdown", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("evm_snapshots_pk", ["workspace_id", "plan_id", "date"])
    .addForeignKeyConstraint(
      "evm_snapshots_plan_fk",
      ["workspace_id", "plan_id"],
      "plans",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("evm_snapshots").execute();
}
