import { sql, type Kysely } from "kysely";

// A member's after-sales queue in its own order (issue 11, docs/BENCHMARKS.md "After-sales and
// customers"): the queue sorts by the deadline (none last: coalesce with the far date the reader
// uses, cases.repository.ts NO_DUE), the opening and the id. With this index a member's first page
// is read in that order and stops at the page's end, instead of sorting all of the member's open
// cases (5,000 each over 100,000 open cases). Both dialects index the same expression. Numbered
// 440, after the 430 of 2026-12-16.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index aftersales_cases_queue_idx on aftersales_cases
    (workspace_id, assignee_member_id, (coalesce(due_at, '9999-12-31T23:59:59.999Z')), opened_at, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("aftersales_cases_queue_idx").execute();
}
