import { sql, type Kysely } from "kysely";

// One open quality task per SKU, kept by the database (docs/AFTERSALES.md, "Quality cases"): a check
// claims the SKU — inserts (workspace, sku), the primary key, or nothing when it is taken — before it
// opens the task, so two checks at the same moment (two instances, two imports) open one task, not
// two. The claim holds the task's id once opened and is released when that task is done or
// deleted. The SKUs with a task still open get their claim here (one per SKU, the earliest task).
// Numbered 405, after the 361 of 2026-12-15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("aftersales_quality_claims")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("task_id", "text")
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("aftersales_quality_claims_pk", ["workspace_id", "sku"])
    .execute();
  await sql`insert into aftersales_quality_claims (workspace_id, sku, task_id, claimed_at)
    select q.workspace_id, q.sku, min(q.task_id), min(q.opened_at)
      from aftersales_quality_tasks q
      join plan_tasks t on t.workspace_id = q.workspace_id and t.id = q.task_id
     where t.status <> 'done'
     group by q.workspace_id, q.sku`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("aftersales_quality_claims").execute();
}
