import { sql, type Kysely } from "kysely";
import { newId } from "../../core/ids.js";

// No waybill twice (docs/LOGISTICS.md "One waybill, one parcel"): a waybill number names one parcel
// of a workspace per carrier, now a unique index over the parcels that are not cancelled (a cancelled
// parcel — a merge or split undone — keeps its number for the record, and its orders may ship with
// it again). The services refused a second parcel for a number before (scan, typed, imported); this
// makes the database refuse it too, so two packers at once cannot both win.
//
// Duplicates already stored are **reported, not silently dropped**: for each workspace, carrier and
// number held by several parcels, the first (made earliest, then by id) keeps the number; the others
// lose it (waybill number and source cleared, nothing else changed — a shipped parcel stays shipped)
// and each gets an audit entry `logistics.waybill.duplicate_cleared` naming the number, its orders and
// the parcel that kept it, so the owner sees it in the audit log; the migration's log lists every one.

export const MIGRATION = "2026-12-15-330-waybill-unique";

interface Dup {
  workspaceId: string;
  carrierId: string;
  waybillNo: string;
}

interface ParcelRow {
  id: string;
  created_at: string;
}

/** One duplicate number found: the parcel that kept it and those that lost it. */
export interface WaybillDuplicate {
  workspaceId: string;
  carrierId: string;
  waybillNo: string;
  kept: string;
  cleared: string[];
}

const ordersOf = async (db: Kysely<unknown>, workspaceId: string, parcelId: string) =>
  (
    await sql<{ no: string }>`
      select o.platform_order_id as no from parcel_orders po
      join orders o on o.workspace_id = po.workspace_id and o.id = po.order_id
      where po.workspace_id = ${workspaceId} and po.parcel_id = ${parcelId}
      order by o.platform_order_id`.execute(db)
  ).rows.map((r) => r.no);

/** Finds the numbers held by several live parcels, keeps the first, clears and reports the others. */
export async function clearDuplicateWaybills(
  db: Kysely<unknown>,
  log: (line: string) => void,
  at: string = new Date().toISOString(),
): Promise<WaybillDuplicate[]> {
  const dups = (
    await sql<Dup>`
      select workspace_id as "workspaceId", carrier_id as "carrierId", waybill_no as "waybillNo"
      from parcels
      where waybill_no is not null and carrier_id is not null and status <> 'cancelled'
      group by workspace_id, carrier_id, waybill_no
      having count(*) > 1
      order by workspace_id, carrier_id, waybill_no`.execute(db)
  ).rows;
  const out: WaybillDuplicate[] = [];
  for (const d of dups) {
    const parcels = (
      await sql<ParcelRow>`
        select id, created_at from parcels
        where workspace_id = ${d.workspaceId} and carrier_id = ${d.carrierId}
          and waybill_no = ${d.waybillNo} and status <> 'cancelled'
        order by created_at, id`.execute(db)
    ).rows;
    const [kept, ...others] = parcels.map((p) => p.id);
    const keptOrders = await ordersOf(db, d.workspaceId, kept!);
    for (const id of others) {
      const orders = await ordersOf(db, d.workspaceId, id);
      await sql`
        update parcels set waybill_no = null, waybill_source = null
        where workspace_id = ${d.workspaceId} and id = ${id}`.execute(db);
      const summary = JSON.stringify({
        code: "audit.logistics.waybill_duplicate_cleared",
        params: {
          waybill: d.waybillNo,
          orders,
          keptOrders,
          actor: { code: "audit.actor.system" },
          actorId: null,
        },
      });
      await sql`
        insert into audit_log
          (workspace_id, id, actor_member_id, action, entity_type, entity_id, summary, before, after, at)
        values (${d.workspaceId}, ${newId()}, ${null}, ${"logistics.waybill.duplicate_cleared"},
          ${"parcel"}, ${id}, ${summary},
          ${JSON.stringify({ waybillNo: d.waybillNo, carrierId: d.carrierId, keptParcelId: kept })},
          ${JSON.stringify({ waybillNo: null })}, ${at})`.execute(db);
    }
    log(
      `${MIGRATION}: workspace ${d.workspaceId}: waybill ${d.waybillNo} (carrier ${d.carrierId}) ` +
        `was on ${parcels.length} parcels — kept on ${kept} (orders ${keptOrders.join(", ")}), ` +
        `cleared on ${others.join(", ")}`,
    );
    out.push({ ...d, kept: kept!, cleared: others });
  }
  if (out.length)
    log(`${MIGRATION}: ${out.length} waybill number(s) were on several parcels; see above.`);
  return out;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await clearDuplicateWaybills(db, (line) => console.warn(line));
  await db.schema
    .createIndex("parcels_waybill_unique")
    .on("parcels")
    .columns(["workspace_id", "carrier_id", "waybill_no"])
    .unique()
    .where(sql<boolean>`status <> 'cancelled'`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("parcels_waybill_unique").execute();
}
