import type { Kysely } from "kysely";

// Corrective actions that can be undone, overtime stored, optional tasks (issue 12; docs/PROGRESS.md
// "Corrective actions (what-ifs)"). See src/db/tables/whatif.ts.
//   - plan_tasks.optional: the task may be cut when the plan is late; plan_tasks.deferred: it was
//     cut (deferred out of the plan's scope): the engine leaves it out until it is brought back.
//   - whatif_applications: one row per applied what-if: its changes, what they replaced, the
//     plan's revision right after it (an undo needs the plan as it was left), and the undo.
//   - member_overtime: extra hours of a member on a date, kept by the applied what-if that added
//     them; the engine input uses them as overtime capacity (the plan file's `overtime` with
//     `useOvertime`). Undo deletes them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("plan_tasks")
    .addColumn("optional", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("plan_tasks")
    .addColumn("deferred", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("whatif_applications")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text", (c) => c.notNull())
    // JSON: the changes applied, and what each replaced (assignee, link, deferred flag).
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("before", "text", (c) => c.notNull())
    // The plan's revision right after applying: undo is refused once it changed.
    .addColumn("revision", "text", (c) => c.notNull())
    .addColumn("finish_before", "text")
    .addColumn("finish_after", "text")
    .addColumn("applied_by", "text")
    .addColumn("applied_at", "text", (c) => c.notNull())
    .addColumn("undone_by", "text")
    .addColumn("undone_at", "text")
    .addPrimaryKeyConstraint("whatif_applications_pk", ["workspace_id", "id"])
    .addForeignKeyConstraint(
      "whatif_applications_plan_fk",
      ["workspace_id", "plan_id"],
      "plans",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("whatif_applications_plan_idx")
    .on("whatif_applications")
    .columns(["workspace_id", "plan_id", "applied_at"])
    .execute();

  await db.schema
    .createTable("member_overtime")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("hours", "double precision", (c) => c.notNull())
    // The plan that asked for it and the applied what-if that added it (undo removes it).
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("application_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("member_overtime_pk", ["workspace_id", "id"])
    .addForeignKeyConstraint(
      "member_overtime_application_fk",
      ["workspace_id", "application_id"],
      "whatif_applications",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("member_overtime_date_idx")
    .on("member_overtime")
    .columns(["workspace_id", "date"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("member_overtime").execute();
  await db.schema.dropTable("whatif_applications").execute();
  await db.schema.alterTable("plan_tasks").dropColumn("deferred").execute();
  await db.schema.alterTable("plan_tasks").dropColumn("optional").execute();
}
