import type { Kysely } from "kysely";

// Plans, their tasks and dependencies, the workspace's current schedule and its allocations, and
// the daily loop: work logs, inbox items, recurring duties, reports, comments, notes,
// notifications and calendar feeds. Every table leads with workspace_id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("plans")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("owner_member_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("launch_date", "text")
    .addColumn("baseline", "text")
    .addColumn("baseline_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plans_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("plan_tasks")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("effort_hours", "real", (c) => c.notNull())
    .addColumn("skill_id", "text")
    .addColumn("min_level", "integer")
    .addColumn("assignee_member_id", "text")
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("earliest_start", "text")
    .addColumn("deadline", "text")
    .addColumn("milestone", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("remaining_hours", "real")
    .addColumn("done_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_tasks_pk", ["workspace_id", "id"])
    .addForeignKeyConstraint(
      "plan_tasks_plan_fk",
      ["workspace_id", "plan_id"],
      "plans",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("plan_tasks_plan_idx")
    .on("plan_tasks")
    .columns(["workspace_id", "plan_id", "sort_order"])
    .execute();

  await db.schema
    .createTable("task_dependencies")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("predecessor_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("lag_days", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_dependencies_pk", ["workspace_id", "task_id", "predecessor_id"])
    .addForeignKeyConstraint(
      "task_dependencies_task_fk",
      ["workspace_id", "task_id"],
      "plan_tasks",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "task_dependencies_pred_fk",
      ["workspace_id", "predecessor_id"],
      "plan_tasks",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("schedules")
    .addColumn("workspace_id", "text", (c) =>
      c.primaryKey().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("today", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("allocations")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("hours", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("allocations_pk", ["workspace_id", "member_id", "date", "task_id"])
    .execute();
  await db.schema
    .createIndex("allocations_plan_idx")
    .on("allocations")
    .columns(["workspace_id", "plan_id", "date"])
    .execute();

  await db.schema
    .createTable("work_logs")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("task_id", "text")
    .addColumn("item_id", "text")
    .addColumn("hours", "real", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("work_logs_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("work_logs_member_idx")
    .on("work_logs")
    .columns(["workspace_id", "member_id", "date"])
    .execute();
  await db.schema
    .createIndex("work_logs_task_idx")
    .on("work_logs")
    .columns(["workspace_id", "task_id"])
    .execute();

  await db.schema
    .createTable("day_items")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("estimate_hours", "real")
    .addColumn("done_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("day_items_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("day_items_member_idx")
    .on("day_items")
    .columns(["workspace_id", "member_id", "date"])
    .execute();

  await db.schema
    .createTable("duties")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("weekdays", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("duties_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("daily_reports")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("blockers", "text")
    .addColumn("help_needed", "text")
    .addColumn("note", "text")
    .addColumn("submitted_at", "text")
    .addColumn("acknowledged_by", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("daily_reports_pk", ["workspace_id", "id"])
    .addUniqueConstraint("daily_reports_member_date_uq", ["workspace_id", "member_id", "date"])
    .execute();

  await db.schema
    .createTable("report_comments")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("report_id", "text", (c) => c.notNull())
    .addColumn("author_member_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_comments_pk", ["workspace_id", "id"])
    .addForeignKeyConstraint(
      "report_comments_report_fk",
      ["workspace_id", "report_id"],
      "daily_reports",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("notes")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("author_member_id", "text", (c) => c.notNull())
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notes_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("notes_target_idx")
    .on("notes")
    .columns(["workspace_id", "target_type", "target_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notifications_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("notifications_member_idx")
    .on("notifications")
    .columns(["workspace_id", "member_id", "id"])
    .execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("calendar_feeds_pk", ["workspace_id", "member_id"])
    .execute();

  await db.schema
    .createTable("plan_templates")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_templates_pk", ["workspace_id", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "plan_templates",
    "calendar_feeds",
    "notifications",
    "notes",
    "report_comments",
    "daily_reports",
    "duties",
    "day_items",
    "work_logs",
    "allocations",
    "schedules",
    "task_dependencies",
    "plan_tasks",
    "plans",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
