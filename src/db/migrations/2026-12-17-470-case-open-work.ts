import { sql, type Kysely } from "kysely";

// Everyone's open after-sales work (issue 11, docs/BENCHMARKS.md "After-sales and customers"):
// routing, the engine's reservations and the lead's per-person queue count the open cases by
// assignee and type (routing.repository.ts `openCounts`). Without this index that count read every
// open case's table row for its type and looked up its routing record (~0.4 s of CPU over 100,000
// open cases on SQLite, twice per routing run). A partial index over the open cases only, so closed
// and resolved cases — most of a shop's cases over time — are not in it: the query names the same
// states as literals (OPEN_STATES, in this order), which is how both databases see the index fits.
// Numbered 470, after the 461 of 2026-12-17.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index aftersales_cases_open_work_idx on aftersales_cases
    (workspace_id, assignee_member_id, type)
    where state in ('new', 'in_progress', 'waiting_buyer', 'received', 'inspected')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("aftersales_cases_open_work_idx").execute();
}
