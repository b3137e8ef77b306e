import type { Kysely } from "kysely";

// Logistics part "cost": what a carrier bill's reconciliation keeps beside each line — the parcel's
// weight when it was reconciled, how many rows of the file the line adds up, the earlier bill that
// already charged the waybill — and the weight tolerance the bill was checked with. Indexes for the
// reads of the part: bill lines by parcel (a parcel charged again by a later bill), wrong-parcel
// scans by time, parcels by the time they were packed (parcels per packer per day).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("carrier_bills")
    .addColumn("tolerance_g", "integer", (c) => c.notNull().defaultTo(100))
    .execute();
  await db.schema.alterTable("carrier_bills").addColumn("encoding", "text").execute();
  await db.schema.alterTable("carrier_bill_lines").addColumn("our_weight_g", "integer").execute();
  await db.schema
    .alterTable("carrier_bill_lines")
    .addColumn("file_rows", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("carrier_bill_lines").addColumn("duplicate_of", "text").execute();
  await db.schema
    .createIndex("carrier_bill_lines_parcel_idx")
    .on("carrier_bill_lines")
    .columns(["workspace_id", "parcel_id"])
    .execute();
  await db.schema
    .createIndex("carrier_bills_created_idx")
    .on("carrier_bills")
    .columns(["workspace_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("scan_events_outcome_idx")
    .on("scan_events")
    .columns(["workspace_id", "outcome", "at"])
    .execute();
  await db.schema
    .createIndex("parcels_packed_idx")
    .on("parcels")
    .columns(["workspace_id", "packed_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("parcels_packed_idx").execute();
  await db.schema.dropIndex("scan_events_outcome_idx").execute();
  await db.schema.dropIndex("carrier_bills_created_idx").execute();
  await db.schema.dropIndex("carrier_bill_lines_parcel_idx").execute();
  await db.schema.alterTable("carrier_bill_lines").dropColumn("duplicate_of").execute();
  await db.schema.alterTable("carrier_bill_lines").dropColumn("file_rows").execute();
  await db.schema.alterTable("carrier_bill_lines").dropColumn("our_weight_g").execute();
  await db.schema.alterTable("carrier_bills").dropColumn("encoding").execute();
  await db.schema.alterTable("carrier_bills").dropColumn("tolerance_g").execute();
}
