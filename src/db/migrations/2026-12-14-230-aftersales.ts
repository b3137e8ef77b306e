import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// After-sales (售后, docs/AFTERSALES.md): cases with the platform's own type and state codes beside
// ours, their order lines, who did what when (history as message codes), the intervals a case
// waited for the buyer (the SLA clocks pause in them), the workspace's own entries of the
// per-platform code maps, saved import mappings, the workspace's after-sales settings, and which order imports have been turned into
// cases. Money is integer fen; instants ISO UTC text (see src/db/tables/aftersales.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const req = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("aftersales_cases")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("shop_id", "text", req)
    .addColumn("platform", "text", req)
    .addColumn("case_key", "text", req)
    .addColumn("platform_case_id", "text")
    .addColumn("source", "text", req)
    .addColumn("order_id", "text")
    .addColumn("platform_order_id", "text")
    .addColumn("customer_key", "text")
    .addColumn("type", "text", req)
    .addColumn("platform_type", "text")
    .addColumn("state", "text", req)
    .addColumn("resolution", "text")
    .addColumn("platform_state", "text")
    .addColumn("reason", "text")
    .addColumn("reason_code", "text")
    .addColumn("currency", "text", (c) => c.notNull().defaultTo("CNY"))
    .addColumn("requested_fen", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("refund_fen", "bigint")
    .addColumn("return_carrier", "text")
    .addColumn("return_waybill", "text")
    .addColumn("inspection", "text")
    .addColumn("inspection_note", "text")
    .addColumn("assignee_member_id", "text")
    .addColumn("opened_at", "text", req)
    .addColumn("first_response_at", "text")
    .addColumn("decided_at", "text")
    .addColumn("resolved_at", "text")
    .addColumn("platform_deadline_at", "text")
    .addColumn("due_at", "text")
    .addColumn("raw", "text")
    .addColumn("import_id", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_cases_pk", ["workspace_id", "id"])
    .addUniqueConstraint("aftersales_cases_key_uq", ["workspace_id", "shop_id", "case_key"])
    .execute();
  // A queue by state, soonest due first (nulls last by the reader); a member's own queue; the cases
  // of an order; a return parcel's waybill scanned at the pack station.
  await db.schema
    .createIndex("aftersales_cases_state_due_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "state", "due_at"])
    .execute();
  await db.schema
    .createIndex("aftersales_cases_assignee_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "assignee_member_id", "state", "due_at"])
    .execute();
  await db.schema
    .createIndex("aftersales_cases_order_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "order_id"])
    .execute();
  await db.schema
    .createIndex("aftersales_cases_platform_order_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "shop_id", "platform_order_id"])
    .execute();
  await db.schema
    .createIndex("aftersales_cases_waybill_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "return_waybill"])
    .execute();
  await db.schema
    .createIndex("aftersales_cases_opened_idx")
    .on("aftersales_cases")
    .columns(["workspace_id", "shop_id", "opened_at"])
    .execute();

  await db.schema
    .createTable("aftersales_case_lines")
    .addColumn("workspace_id", "text", ws)
    .addColumn("case_id", "text", req)
    .addColumn("line_no", "integer", req)
    .addColumn("order_line_no", "integer")
    .addColumn("title", "text", req)
    .addColumn("sku", "text")
    .addColumn("quantity", "integer", req)
    .addColumn("amount_fen", "bigint")
    .addPrimaryKeyConstraint("aftersales_case_lines_pk", ["workspace_id", "case_id", "line_no"])
    .execute();

  await db.schema
    .createTable("aftersales_case_events")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("case_id", "text", req)
    .addColumn("at", "text", req)
    .addColumn("actor_member_id", "text")
    .addColumn("kind", "text", req)
    .addColumn("from_state", "text")
    .addColumn("to_state", "text")
    .addColumn("message", "text", req)
    .addPrimaryKeyConstraint("aftersales_case_events_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("aftersales_case_events_case_idx")
    .on("aftersales_case_events")
    .columns(["workspace_id", "case_id", "at"])
    .execute();

  await db.schema
    .createTable("aftersales_case_pauses")
    .addColumn("workspace_id", "text", ws)
    .addColumn("case_id", "text", req)
    .addColumn("started_at", "text", req)
    .addColumn("ended_at", "text")
    .addPrimaryKeyConstraint("aftersales_case_pauses_pk", ["workspace_id", "case_id", "started_at"])
    .execute();

  await db.schema
    .createTable("aftersales_code_maps")
    .addColumn("workspace_id", "text", ws)
    .addColumn("platform", "text", req)
    .addColumn("kind", "text", req)
    .addColumn("code", "text", req)
    .addColumn("target", "text", req)
    .addColumn("outcome", "text")
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_code_maps_pk", [
      "workspace_id",
      "platform",
      "kind",
      "code",
    ])
    .execute();

  await db.schema
    .createTable("aftersales_mappings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("name", "text", req)
    .addColumn("mapping", "text", req)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", req)
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_mappings_pk", ["workspace_id", "id"])
    .addUniqueConstraint("aftersales_mappings_name_uq", ["workspace_id", "name"])
    .execute();

  await db.schema
    .createTable("aftersales_imports")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("shop_id", "text", req)
    .addColumn("format", "text", req)
    .addColumn("files", "text", req)
    .addColumn("rows", "integer", req)
    .addColumn("created", "integer", req)
    .addColumn("updated", "integer", req)
    .addColumn("unchanged", "integer", req)
    .addColumn("warnings", "text", req)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_imports_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("aftersales_settings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("inspect_before_refund", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_settings_pk", ["workspace_id"])
    .execute();

  await db.schema
    .createTable("aftersales_order_syncs")
    .addColumn("workspace_id", "text", ws)
    .addColumn("import_id", "text", req)
    .addColumn("created", "integer", req)
    .addColumn("updated", "integer", req)
    .addColumn("synced_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_order_syncs_pk", ["workspace_id", "import_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "aftersales_order_syncs",
    "aftersales_settings",
    "aftersales_imports",
    "aftersales_mappings",
    "aftersales_code_maps",
    "aftersales_case_pauses",
    "aftersales_case_events",
    "aftersales_case_lines",
    "aftersales_cases",
  ])
    await db.schema.dropTable(t).execute();
}
