import { sql, type Kysely } from "kysely";

// After-sales cases first seen already past a step (imported waiting for the buyer, say) from a
// source that gives no time for that step: the SLA clocks of those steps are not measured
// (docs/AFTERSALES.md, "Cases first seen part-way"). Such a case stored before this migration has
// the step's instant equal to its own creation (the import's time stood in for it): those clocks
// are marked not measured too, so an old imported case stops reading as breached.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("aftersales_cases").addColumn("sla_unmeasured", "text").execute();
  await sql`update aftersales_cases set sla_unmeasured = nullif(concat_ws(',',
      case when first_response_at = created_at then 'firstResponse' end,
      case when decided_at = created_at then 'decision' end,
      case when resolved_at = created_at then 'resolution' end), '')
    where source <> 'manual'
      and (first_response_at = created_at or decided_at = created_at or resolved_at = created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("aftersales_cases").dropColumn("sla_unmeasured").execute();
}
