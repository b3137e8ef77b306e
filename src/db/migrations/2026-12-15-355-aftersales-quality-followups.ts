import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// Quality cases and 好评回访 follow-ups (docs/AFTERSALES.md, "Quality cases" and "Follow-ups"): the
// workspace's threshold and follow-up rules, the tasks quality cases opened (one per SKU while it is
// open), and the follow-up items with their outcomes. See src/db/tables/aftersales-care.ts. Numbered
// 355 (a number ending in 5, after 347 and 349 taken the same day) so it does not collide.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const req = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("aftersales_care_settings")
    .addColumn("workspace_id", "text", ws)
    .addColumn("quality_min_cases", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("quality_window_days", "integer", (c) => c.notNull().defaultTo(7))
    .addColumn("quality_version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("followup_rules", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("rules_version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", req)
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("aftersales_care_settings_pk", ["workspace_id"])
    .execute();

  await db.schema
    .createTable("aftersales_quality_tasks")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("sku", "text", req)
    .addColumn("department", "text", req)
    .addColumn("department_id", "text")
    .addColumn("plan_id", "text", req)
    .addColumn("task_id", "text", req)
    .addColumn("case_ids", "text", req)
    .addColumn("case_count", "integer", req)
    .addColumn("operations_count", "integer", req)
    .addColumn("design_count", "integer", req)
    .addColumn("min_cases", "integer", req)
    .addColumn("window_days", "integer", req)
    .addColumn("opened_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_quality_tasks_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("aftersales_quality_tasks_sku")
    .on("aftersales_quality_tasks")
    .columns(["workspace_id", "sku", "opened_at"])
    .execute();

  await db.schema
    .createTable("aftersales_followups")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", req)
    .addColumn("rule_id", "text", req)
    .addColumn("rule_name", "text", req)
    .addColumn("source_key", "text", req)
    .addColumn("shop_id", "text", req)
    .addColumn("order_id", "text")
    .addColumn("case_id", "text")
    .addColumn("platform_order_id", "text")
    .addColumn("due_date", "text", req)
    .addColumn("member_id", "text")
    .addColumn("script", "text", req)
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("outcome", "text")
    .addColumn("turned_good", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("complaint_case_id", "text")
    .addColumn("note", "text")
    .addColumn("done_at", "text")
    .addColumn("done_date", "text")
    .addColumn("done_by", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("aftersales_followups_pk", ["workspace_id", "id"])
    .addUniqueConstraint("aftersales_followups_source", ["workspace_id", "rule_id", "source_key"])
    .execute();
  await db.schema
    .createIndex("aftersales_followups_member")
    .on("aftersales_followups")
    .columns(["workspace_id", "member_id", "state", "due_date"])
    .execute();
  await db.schema
    .createIndex("aftersales_followups_done")
    .on("aftersales_followups")
    .columns(["workspace_id", "turned_good", "done_date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("aftersales_followups").execute();
  await db.schema.dropTable("aftersales_quality_tasks").execute();
  await db.schema.dropTable("aftersales_care_settings").execute();
}
