import type { Kysely } from "kysely";

// Customer-service performance (客服绩效): agent accounts of the chat tool linked to members, one
// row per account and day as the exports state it, and the imports that wrote them. A re-import
// replaces the (date, account) rows it holds: the primary key makes a duplicate impossible.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: import("kysely").ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  await db.schema
    .createTable("cs_accounts")
    .addColumn("workspace_id", "text", ws)
    .addColumn("account", "text", (c) => c.notNull()) // NFKC-normalised, e.g. 日清服饰:小美
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cs_accounts_pk", ["workspace_id", "account"])
    .execute();

  await db.schema
    .createTable("cs_imports")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("encoding", "text", (c) => c.notNull())
    .addColumn("days", "integer", (c) => c.notNull()) // account-day rows written
    .addColumn("replaced", "integer", (c) => c.notNull()) // of which replaced an earlier import's row
    .addColumn("accounts", "integer", (c) => c.notNull())
    .addColumn("from_date", "text", (c) => c.notNull())
    .addColumn("to_date", "text", (c) => c.notNull())
    .addColumn("warnings", "text", (c) => c.notNull()) // JSON array
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cs_imports_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("cs_agent_days")
    .addColumn("workspace_id", "text", ws)
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("inquirers", "integer", (c) => c.notNull())
    .addColumn("paying_inquirers", "integer", (c) => c.notNull())
    .addColumn("first_response_tenths", "integer") // null: no time that day
    .addColumn("avg_response_tenths", "integer")
    .addColumn("consultations", "integer") // null: the file has no 咨询人数 for the day
    .addColumn("received", "integer")
    .addColumn("sales_fen", "bigint")
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cs_agent_days_pk", ["workspace_id", "date", "account"])
    .execute();
  await db.schema
    .createIndex("cs_agent_days_member_idx")
    .on("cs_agent_days")
    .columns(["workspace_id", "member_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("cs_agent_days").execute();
  await db.schema.dropTable("cs_imports").execute();
  await db.schema.dropTable("cs_accounts").execute();
}
