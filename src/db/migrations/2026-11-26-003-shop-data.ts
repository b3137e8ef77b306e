import type { Kysely } from "kysely";

// Shop data: shops, imports (with what each changed, for roll-back), orders and their lines,
// refunds, customers, daily visitors, daily rollups for the dashboard, saved column mappings.
// Money is integer fen (bigint: a shop's GMV over years passes 2^31 fen); instants are UTC text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: import("kysely").ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");

  await db.schema
    .createTable("shops")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("customer_identity", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("shops_pk", ["workspace_id", "id"])
    .addUniqueConstraint("shops_name_uq", ["workspace_id", "name"])
    .execute();

  await db.schema
    .createTable("order_uploads")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull()) // base64: the same column type on both dialects
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("order_uploads_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("order_imports")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("platform", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("files", "text", (c) => c.notNull()) // JSON: name, encoding, detected format and version, rows
    .addColumn("status", "text", (c) => c.notNull()) // committed | rolled_back
    .addColumn("orders", "integer", (c) => c.notNull())
    .addColumn("line_items", "integer", (c) => c.notNull())
    .addColumn("created", "integer", (c) => c.notNull())
    .addColumn("updated", "integer", (c) => c.notNull())
    .addColumn("skipped", "integer", (c) => c.notNull())
    .addColumn("refunds", "integer", (c) => c.notNull())
    .addColumn("visitor_days", "integer", (c) => c.notNull())
    .addColumn("warnings", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("rolled_back_at", "text")
    .addColumn("rolled_back_by", "text")
    .addPrimaryKeyConstraint("order_imports_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("order_imports_shop_idx")
    .on("order_imports")
    .columns(["workspace_id", "shop_id", "id"])
    .execute();

  // What an import did to each record: the state before it (null when it created the record).
  await db.schema
    .createTable("order_import_changes")
    .addColumn("workspace_id", "text", ws)
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull()) // order | refund | visitors
    .addColumn("entity_key", "text", (c) => c.notNull())
    .addColumn("before", "text")
    .addPrimaryKeyConstraint("order_import_changes_pk", [
      "workspace_id",
      "import_id",
      "entity",
      "entity_key",
    ])
    .execute();
  await db.schema
    .createIndex("order_import_changes_key_idx")
    .on("order_import_changes")
    .columns(["workspace_id", "entity", "entity_key"])
    .execute();

  await db.schema
    .createTable("orders")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("platform_order_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("raw_status", "text", (c) => c.notNull())
    .addColumn("placed_at", "text")
    .addColumn("paid_at", "text")
    .addColumn("paid_date", "text") // the payment's calendar date in the workspace's time zone
    .addColumn("shipped_at", "text")
    .addColumn("completed_at", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("total_fen", "bigint", (c) => c.notNull())
    .addColumn("goods_fen", "bigint", (c) => c.notNull())
    .addColumn("shipping_fen", "bigint", (c) => c.notNull())
    .addColumn("discount_fen", "bigint", (c) => c.notNull())
    .addColumn("refund_fen", "bigint", (c) => c.notNull()) // the larger of the export's own refund column and linked successful refunds
    .addColumn("own_refund_fen", "bigint", (c) => c.notNull())
    .addColumn("item_count", "integer", (c) => c.notNull())
    .addColumn("customer_key", "text")
    .addColumn("buyer_ref", "text")
    .addColumn("buyer_name", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("recipient", "text")
    .addColumn("country", "text")
    .addColumn("province", "text")
    .addColumn("province_code", "text")
    .addColumn("city", "text")
    .addColumn("district", "text")
    .addColumn("address", "text")
    .addColumn("zip", "text")
    .addColumn("tracking_no", "text")
    .addColumn("carrier", "text")
    .addColumn("raw", "text", (c) => c.notNull()) // JSON: the source rows, header → cell
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("orders_pk", ["workspace_id", "id"])
    .addUniqueConstraint("orders_platform_uq", ["workspace_id", "shop_id", "platform_order_id"])
    .execute();
  await db.schema
    .createIndex("orders_paid_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "paid_date"])
    .execute();
  await db.schema
    .createIndex("orders_customer_idx")
    .on("orders")
    .columns(["workspace_id", "shop_id", "customer_key"])
    .execute();

  await db.schema
    .createTable("order_items")
    .addColumn("workspace_id", "text", ws)
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("line_no", "integer", (c) => c.notNull())
    .addColumn("sub_order_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("sku", "text")
    .addColumn("product_id", "text")
    .addColumn("variant", "text")
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("unit_price_fen", "bigint")
    .addColumn("total_fen", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("order_items_pk", ["workspace_id", "order_id", "line_no"])
    .execute();

  await db.schema
    .createTable("refunds")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("platform_refund_id", "text", (c) => c.notNull())
    .addColumn("platform_order_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("raw_status", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("kind", "text")
    .addColumn("requested_at", "text")
    .addColumn("completed_at", "text")
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("refunds_pk", ["workspace_id", "id"])
    .addUniqueConstraint("refunds_platform_uq", ["workspace_id", "shop_id", "platform_refund_id"])
    .execute();
  await db.schema
    .createIndex("refunds_order_idx")
    .on("refunds")
    .columns(["workspace_id", "shop_id", "platform_order_id"])
    .execute();

  await db.schema
    .createTable("customers")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("customer_key", "text", (c) => c.notNull())
    .addColumn("display", "text")
    .addColumn("first_paid_date", "text")
    .addColumn("last_paid_date", "text")
    .addColumn("paid_orders", "integer", (c) => c.notNull())
    .addColumn("paid_fen", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("customers_pk", ["workspace_id", "shop_id", "customer_key"])
    .execute();

  await db.schema
    .createTable("shop_visitors")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("visitors", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_visitors_pk", ["workspace_id", "shop_id", "date"])
    .execute();

  // Rollups, rebuilt for the days an import touches, so the dashboard reads O(days) rows.
  await db.schema
    .createTable("shop_daily_stats")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("paid_orders", "integer", (c) => c.notNull())
    .addColumn("gmv_fen", "bigint", (c) => c.notNull())
    .addColumn("items", "integer", (c) => c.notNull())
    .addColumn("refunded_orders", "integer", (c) => c.notNull())
    .addColumn("refund_fen", "bigint", (c) => c.notNull())
    .addColumn("buyers", "integer", (c) => c.notNull())
    .addColumn("new_customers", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_daily_stats_pk", ["workspace_id", "shop_id", "date"])
    .execute();

  await db.schema
    .createTable("shop_daily_products")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("product_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("sales_fen", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_daily_products_pk", [
      "workspace_id",
      "shop_id",
      "date",
      "product_key",
    ])
    .execute();

  await db.schema
    .createTable("shop_daily_provinces")
    .addColumn("workspace_id", "text", ws)
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("province", "text", (c) => c.notNull())
    .addColumn("paid_orders", "integer", (c) => c.notNull())
    .addColumn("gmv_fen", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("shop_daily_provinces_pk", [
      "workspace_id",
      "shop_id",
      "date",
      "province",
    ])
    .execute();

  await db.schema
    .createTable("column_mappings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("shop_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("column_mappings_pk", ["workspace_id", "id"])
    .addUniqueConstraint("column_mappings_name_uq", ["workspace_id", "shop_id", "name"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "column_mappings",
    "shop_daily_provinces",
    "shop_daily_products",
    "shop_daily_stats",
    "shop_visitors",
    "customers",
    "refunds",
    "order_items",
    "orders",
    "order_import_changes",
    "order_imports",
    "order_uploads",
    "shops",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
