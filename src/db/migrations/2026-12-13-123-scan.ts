import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// Logistics part "scan": which step of the pack station a scan was (the slip, the waybill, a waybill
// typed by hand), so the figures read from scan_events (parcels packed, per-parcel time, wrong
// shipments stopped) count each parcel once; and the write-back files with the lines they carried
// (order, carrier as the platform names it, waybill), so the platform's next order export can be
// checked against what Dayclear sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  const req = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .alterTable("scan_events")
    .addColumn("step", "text", (c) => c.notNull().defaultTo("waybill"))
    .execute();
  await db.schema
    .createIndex("scan_events_parcel_idx")
    .on("scan_events")
    .columns(["workspace_id", "parcel_id"])
    .execute();
  // Which parcels carry an order, answered from the index alone: without it SQLite (no statistics)
  // reads every parcel_orders row of the workspace through the primary key instead.
  await db.schema
    .createIndex("parcel_orders_order_cover_idx")
    .on("parcel_orders")
    .columns(["workspace_id", "order_id", "parcel_id"])
    .execute();
  await db.schema
    .createIndex("orders_platform_id_idx")
    .on("orders")
    .columns(["workspace_id", "platform_order_id"])
    .execute();

  await db.schema
    .createTable("writeback_files")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("id", "text", req)
    .addColumn("shop_id", "text", req)
    .addColumn("platform", "text", req)
    .addColumn("file_name", "text", req)
    .addColumn("format", "text", req)
    .addColumn("batch_id", "text")
    .addColumn("from_date", "text")
    .addColumn("to_date", "text")
    .addColumn("lines", "integer", req)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("writeback_files_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("writeback_files_shop_idx")
    .on("writeback_files")
    .columns(["workspace_id", "shop_id", "created_at"])
    .execute();

  await db.schema
    .createTable("writeback_lines")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("file_id", "text", req)
    .addColumn("line_no", "integer", req)
    .addColumn("parcel_id", "text", req)
    .addColumn("order_id", "text", req)
    .addColumn("platform_order_id", "text", req)
    .addColumn("carrier_id", "text")
    .addColumn("carrier_name", "text", req)
    .addColumn("waybill_no", "text", req)
    .addColumn("sent_at", "text", req)
    .addPrimaryKeyConstraint("writeback_lines_pk", ["workspace_id", "file_id", "line_no"])
    .execute();
  await db.schema
    .createIndex("writeback_lines_order_idx")
    .on("writeback_lines")
    .columns(["workspace_id", "order_id", "sent_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("writeback_lines").execute();
  await db.schema.dropTable("writeback_files").execute();
  await db.schema.dropIndex("orders_platform_id_idx").execute();
  await db.schema.dropIndex("parcel_orders_order_cover_idx").execute();
  await db.schema.dropIndex("scan_events_parcel_idx").execute();
  await db.schema.alterTable("scan_events").dropColumn("step").execute();
}
