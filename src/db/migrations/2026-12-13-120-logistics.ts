import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// Logistics (物流): the workspace's carriers and their rate cards (versioned by valid-from date),
// per-SKU locations and weights, parcels (orders of one shop to one recipient, or part of an order)
// in batches, every pack-station scan, saved mappings for tracking and bill files and the per-shop
// write-back templates, imported carrier bills and their waybill lines. Weights are integer grams,
// sizes integer millimetres, money integer fen (see src/db/tables/logistics.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const req = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("carriers")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("code", "text", req)
    .addColumn("name", "text", req)
    .addColumn("codes", "text", req)
    .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("platforms", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", req)
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("carriers_pk", ["workspace_id", "id"])
    .addUniqueConstraint("carriers_code_uq", ["workspace_id", "code"])
    .execute();

  await db.schema
    .createTable("rate_cards")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("carrier_id", "text", req)
    .addColumn("valid_from", "text", req)
    .addColumn("card", "text", req)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("rate_cards_pk", ["workspace_id", "id"])
    .addUniqueConstraint("rate_cards_valid_uq", ["workspace_id", "carrier_id", "valid_from"])
    .execute();

  await db.schema
    .createTable("sku_settings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("sku", "text", req)
    .addColumn("location", "text")
    .addColumn("weight_g", "integer")
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("sku_settings_pk", ["workspace_id", "sku"])
    .execute();

  await db.schema
    .createTable("ship_batches")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("number", "text", req)
    .addColumn("status", "text", req)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addColumn("printed_at", "text")
    .addColumn("handed_over_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("ship_batches_pk", ["workspace_id", "id"])
    .addUniqueConstraint("ship_batches_number_uq", ["workspace_id", "number"])
    .execute();

  await db.schema
    .createTable("parcels")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("shop_id", "text", req)
    .addColumn("batch_id", "text")
    .addColumn("status", "text", req)
    .addColumn("carrier_id", "text")
    .addColumn("waybill_no", "text")
    .addColumn("waybill_source", "text")
    .addColumn("weight_g", "integer")
    .addColumn("weight_source", "text")
    .addColumn("length_mm", "integer")
    .addColumn("width_mm", "integer")
    .addColumn("height_mm", "integer")
    .addColumn("province", "text")
    .addColumn("packed_by", "text")
    .addColumn("packed_at", "text")
    .addColumn("shipped_at", "text")
    .addColumn("cost_fen", "bigint")
    .addColumn("cost_card_id", "text")
    .addColumn("cost_formula", "text")
    .addColumn("exported_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", req)
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("parcels_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("parcels_batch_idx")
    .on("parcels")
    .columns(["workspace_id", "batch_id"])
    .execute();
  await db.schema
    .createIndex("parcels_waybill_idx")
    .on("parcels")
    .columns(["workspace_id", "waybill_no"])
    .execute();
  await db.schema
    .createIndex("parcels_shipped_idx")
    .on("parcels")
    .columns(["workspace_id", "shipped_at"])
    .execute();
  await db.schema
    .createIndex("parcels_packer_idx")
    .on("parcels")
    .columns(["workspace_id", "packed_by", "packed_at"])
    .execute();

  await db.schema
    .createTable("parcel_orders")
    .addColumn("workspace_id", "text", ws)
    .addColumn("parcel_id", "text", req)
    .addColumn("order_id", "text", req)
    .addPrimaryKeyConstraint("parcel_orders_pk", ["workspace_id", "parcel_id", "order_id"])
    .execute();
  await db.schema
    .createIndex("parcel_orders_order_idx")
    .on("parcel_orders")
    .columns(["workspace_id", "order_id"])
    .execute();

  await db.schema
    .createTable("parcel_items")
    .addColumn("workspace_id", "text", ws)
    .addColumn("parcel_id", "text", req)
    .addColumn("order_id", "text", req)
    .addColumn("line_no", "integer", req)
    .addColumn("quantity", "integer", req)
    .addPrimaryKeyConstraint("parcel_items_pk", [
      "workspace_id",
      "parcel_id",
      "order_id",
      "line_no",
    ])
    .execute();

  await db.schema
    .createTable("scan_events")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("member_id", "text", req)
    .addColumn("at", "text", req)
    .addColumn("code", "text", req)
    .addColumn("parcel_id", "text")
    .addColumn("outcome", "text", req)
    .addColumn("message", "text", req)
    .addPrimaryKeyConstraint("scan_events_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("scan_events_member_idx")
    .on("scan_events")
    .columns(["workspace_id", "member_id", "at"])
    .execute();

  await db.schema
    .createTable("logistics_mappings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("kind", "text", req)
    .addColumn("shop_id", "text")
    .addColumn("platform", "text")
    .addColumn("name", "text", req)
    .addColumn("mapping", "text", req)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", req)
    .addColumn("updated_at", "text", req)
    .addPrimaryKeyConstraint("logistics_mappings_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("carrier_bills")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("carrier_id", "text", req)
    .addColumn("file_name", "text", req)
    .addColumn("period", "text")
    .addColumn("lines", "integer", req)
    .addColumn("billed_fen", "bigint", req)
    .addColumn("computed_fen", "bigint", req)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("carrier_bills_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("carrier_bill_lines")
    .addColumn("workspace_id", "text", ws)
    .addColumn("bill_id", "text", req)
    .addColumn("line_no", "integer", req)
    .addColumn("waybill_no", "text", req)
    .addColumn("weight_g", "integer")
    .addColumn("fee_fen", "bigint", req)
    .addColumn("parcel_id", "text")
    .addColumn("computed_fen", "bigint")
    .addColumn("status", "text", req)
    .addPrimaryKeyConstraint("carrier_bill_lines_pk", ["workspace_id", "bill_id", "line_no"])
    .execute();

  await db.schema
    .createTable("logistics_settings")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().primaryKey().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("parcel_seconds", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", req)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "logistics_settings",
    "carrier_bill_lines",
    "carrier_bills",
    "logistics_mappings",
    "scan_events",
    "parcel_items",
    "parcel_orders",
    "parcels",
    "ship_batches",
    "sku_settings",
    "rate_cards",
    "carriers",
  ])
    await db.schema.dropTable(t).execute();
}
