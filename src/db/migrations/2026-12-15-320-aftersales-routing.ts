import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// Routing after-sales cases to the customer-service people (docs/AFTERSALES.md, "Routing"): the
// workspace's rules, and what routing last did with each case (who got it by which rule, or the
// reason nobody could). See src/db/tables/aftersales-routing.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const req = (c: ColumnDefinitionBuilder) => c.notNull();
  const list = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo("[]");
  const map = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo("{}");

  await db.schema
    .createTable("aftersales_routing")
    .addColumn("workspace_id", "text", ws)
    .addColumn("strategy", "text", (c) => c.notNull().defaultTo("least_open_work"))
    .addColumn("vip_members", "text", list)
    .addColumn("vip_customers", "text", list)
    .addColumn("high_amount_fen", "bigint")
    .addColumn("high_amount_members", "text", list)
    .addColumn("override_fallback", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("queues", "text", map)
    .addColumn("skills_by_type", "text", map)
    .addColumn("minutes_by_type", "text", map)
    .addColumn("last_assigned", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", req)
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("aftersales_routing_pk", ["workspace_id"])
    .execute();

  await db.schema
    .createTable("aftersales_case_routing")
    .addColumn("workspace_id", "text", ws)
    .addColumn("case_id", "text", req)
    .addColumn("member_id", "text")
    .addColumn("rule", "text")
    .addColumn("reason", "text")
    .addColumn("estimated_minutes", "integer", req)
    .addColumn("routed_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_case_routing_pk", ["workspace_id", "case_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("aftersales_case_routing").execute();
  await db.schema.dropTable("aftersales_routing").execute();
}
