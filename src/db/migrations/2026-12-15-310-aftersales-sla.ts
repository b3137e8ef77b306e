import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// After-sales SLA clocks (docs/AFTERSALES.md, "SLA"): the workspace's policies per case type and
// platform (targets in working minutes, the at-risk share in per mille), its shift hours, and the
// alerts sent per case, clock and state (so an alert never goes out twice, across sweeps and
// instances). See src/db/tables/aftersales-sla.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const req = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("aftersales_sla_policies")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("sort_order", "integer", req)
    .addColumn("name", "text", req)
    .addColumn("case_types", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("platforms", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("first_response_minutes", "integer")
    .addColumn("decision_minutes", "integer")
    .addColumn("resolution_minutes", "integer")
    .addColumn("at_risk_permille", "integer", (c) => c.notNull().defaultTo(800))
    .addPrimaryKeyConstraint("aftersales_sla_policies_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("aftersales_sla_settings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shift_start", "text", req)
    .addColumn("shift_end", "text", req)
    .addColumn("breaks", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_sla_settings_pk", ["workspace_id"])
    .execute();

  await db.schema
    .createTable("aftersales_sla_alerts")
    .addColumn("workspace_id", "text", ws)
    .addColumn("case_id", "text", req)
    .addColumn("clock", "text", req)
    .addColumn("state", "text", req)
    .addColumn("sent_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_sla_alerts_pk", [
      "workspace_id",
      "case_id",
      "clock",
      "state",
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["aftersales_sla_alerts", "aftersales_sla_settings", "aftersales_sla_policies"])
    await db.schema.dropTable(t).execute();
}
