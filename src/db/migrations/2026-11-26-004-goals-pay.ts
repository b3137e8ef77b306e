import type { ColumnDefinitionBuilder, Kysely } from "kysely";

// Goals and pay: goal cycles, goals (with their agreement history), self-assessments and reviews;
// pay plans with immutable versions and effective dates, their assignments to roles or members,
// pay runs and the statements they computed, and adjustments carried into later runs.
// Money is integer fen (bigint); scores are integer hundredths; JSON is text.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ws = (c: ColumnDefinitionBuilder) =>
    c.notNull().references("workspaces.id").onDelete("cascade");
  const nn = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable("goal_cycles")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("name", "text", nn)
    .addColumn("kind", "text", nn) // month | quarter | custom
    .addColumn("start_date", "text", nn)
    .addColumn("end_date", "text", nn)
    .addColumn("version", "integer", nn)
    .addColumn("created_at", "text", nn)
    .addColumn("updated_at", "text", nn)
    .addPrimaryKeyConstraint("goal_cycles_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("goals")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("cycle_id", "text", nn)
    .addColumn("member_id", "text")
    .addColumn("department_id", "text") // exactly one is set
    .addColumn("title", "text", nn)
    .addColumn("weight", "integer", nn)
    .addColumn("target", "text", nn)
    .addColumn("unit", "text", nn)
    .addColumn("metric", "text", nn) // JSON: {kind:"manual"} | {kind:"kpi", kpi, shopIds}
    .addColumn("status", "text", nn) // draft | proposed | agreed | returned
    .addColumn("status_comment", "text")
    .addColumn("agreement_no", "integer", nn)
    .addColumn("actual", "text")
    .addColumn("self_score", "integer")
    .addColumn("self_comment", "text")
    .addColumn("lead_score", "integer")
    .addColumn("lead_comment", "text")
    .addColumn("created_by", "text")
    .addColumn("version", "integer", nn)
    .addColumn("created_at", "text", nn)
    .addColumn("updated_at", "text", nn)
    .addPrimaryKeyConstraint("goals_pk", ["workspace_id", "id"])
    .execute();
  await db.schema
    .createIndex("goals_cycle_idx")
    .on("goals")
    .columns(["workspace_id", "cycle_id"])
    .execute();

  // Every agreed state of a goal, so a renegotiated goal keeps its history.
  await db.schema
    .createTable("goal_agreements")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("goal_id", "text", nn)
    .addColumn("agreement_no", "integer", nn)
    .addColumn("snapshot", "text", nn)
    .addColumn("agreed_by", "text")
    .addColumn("agreed_at", "text", nn)
    .addPrimaryKeyConstraint("goal_agreements_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("goal_assessments")
    .addColumn("workspace_id", "text", ws)
    .addColumn("cycle_id", "text", nn)
    .addColumn("member_id", "text", nn)
    .addColumn("report", "text")
    .addColumn("submitted_at", "text")
    .addColumn("review_comment", "text")
    .addColumn("reviewed_by", "text")
    .addColumn("reviewed_at", "text")
    .addColumn("final_score", "integer") // hundredths, fixed when reviewed
    .addColumn("version", "integer", nn)
    .addPrimaryKeyConstraint("goal_assessments_pk", ["workspace_id", "cycle_id", "member_id"])
    .execute();

  await db.schema
    .createTable("pay_plans")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("name", "text", nn)
    .addColumn("version", "integer", nn)
    .addColumn("created_at", "text", nn)
    .addColumn("updated_at", "text", nn)
    .addPrimaryKeyConstraint("pay_plans_pk", ["workspace_id", "id"])
    .execute();

  // Rule versions are never updated: a change is a new row with its effective date.
  await db.schema
    .createTable("pay_plan_versions")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("plan_id", "text", nn)
    .addColumn("number", "integer", nn)
    .addColumn("effective_from", "text", nn)
    .addColumn("definition", "text", nn)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", nn)
    .addPrimaryKeyConstraint("pay_plan_versions_pk", ["workspace_id", "id"])
    .addUniqueConstraint("pay_plan_versions_uq", ["workspace_id", "plan_id", "number"])
    .execute();

  await db.schema
    .createTable("pay_plan_assignments")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("plan_id", "text", nn)
    .addColumn("target_type", "text", nn) // department (the job: 运营, 客服 …) | member
    .addColumn("target_id", "text", nn) // a department id or a member id
    .addColumn("effective_from", "text", nn)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", nn)
    .addPrimaryKeyConstraint("pay_plan_assignments_pk", ["workspace_id", "id"])
    .execute();

  await db.schema
    .createTable("pay_runs")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("period", "text", nn) // YYYY-MM
    .addColumn("from_date", "text", nn)
    .addColumn("to_date", "text", nn)
    .addColumn("status", "text", nn) // draft | locked
    .addColumn("inputs", "text", nn) // JSON: entered values per member
    .addColumn("total_fen", "bigint", nn)
    .addColumn("computed_at", "text", nn)
    .addColumn("created_by", "text")
    .addColumn("locked_by", "text")
    .addColumn("locked_at", "text")
    .addColumn("version", "integer", nn)
    .addColumn("created_at", "text", nn)
    .addPrimaryKeyConstraint("pay_runs_pk", ["workspace_id", "id"])
    .addUniqueConstraint("pay_runs_period_uq", ["workspace_id", "period"])
    .execute();

  await db.schema
    .createTable("pay_statements")
    .addColumn("workspace_id", "text", ws)
    .addColumn("run_id", "text", nn)
    .addColumn("member_id", "text", nn)
    .addColumn("department_id", "text")
    .addColumn("plan_version_id", "text")
    .addColumn("total_fen", "bigint", nn)
    .addColumn("lines", "text", nn)
    .addPrimaryKeyConstraint("pay_statements_pk", ["workspace_id", "run_id", "member_id"])
    .execute();

  // A correction to a locked period: paid in the next run that is computed.
  await db.schema
    .createTable("pay_adjustments")
    .addColumn("workspace_id", "text", ws)
    .addColumn("id", "text", nn)
    .addColumn("member_id", "text", nn)
    .addColumn("amount_fen", "bigint", nn)
    .addColumn("reason", "text", nn)
    .addColumn("run_id", "text") // the run that pays it (set when that run is locked)
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", nn)
    .addPrimaryKeyConstraint("pay_adjustments_pk", ["workspace_id", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "pay_adjustments",
    "pay_statements",
    "pay_runs",
    "pay_plan_assignments",
    "pay_plan_versions",
    "pay_plans",
    "goal_assessments",
    "goal_agreements",
    "goals",
    "goal_cycles",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
