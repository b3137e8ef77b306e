// Shop data for the packing-work suites: a Shopify export of N orders (paid, waiting or fulfilled),
// and the rows the pack station writes when a packer ships a parcel or is stopped by a wrong one.
import type { Database } from "../../src/db/database.js";
import { newId } from "../../src/core/ids.js";
import { SHOPIFY_HEADERS } from "../fixtures/orders/build.js";

/** A Shopify order export (UTF-8): `count` orders paid at `paidAt` (UTC), fulfilled at `fulfilledAt` when given. */
export function shopifyExport(
  rows: { count: number; paidAt: string; fulfilledAt?: string; prefix: string }[],
): Uint8Array {
  const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
  const lines = [SHOPIFY_HEADERS.join(",")];
  let id = 0;
  for (const r of rows)
    for (let i = 1; i <= r.count; i++) {
      id++;
      const v: Record<string, string> = {
        Name: `#${r.prefix}${i}`,
        Email: `buyer${r.prefix}${i}@example.com`,
        "Financial Status": "paid",
        "Paid at": stamp(r.paidAt),
        "Fulfillment Status": r.fulfilledAt ? "fulfilled" : "unfulfilled",
        "Fulfilled at": r.fulfilledAt ? stamp(r.fulfilledAt) : "",
        Currency: "CNY",
        Subtotal: "50.00",
        Shipping: "0.00",
        Taxes: "0.00",
        Total: "50.00",
        "Discount Amount": "0.00",
        "Created at": stamp(r.paidAt),
        "Lineitem quantity": "1",
        "Lineitem name": "Tea",
        "Lineitem price": "50.00",
        "Lineitem sku": "TEA-1",
        "Shipping Name": `Buyer ${r.prefix}${i}`,
        "Shipping City": "Hangzhou",
        "Shipping Country": "CN",
        "Refunded Amount": "0.00",
        Id: `${r.prefix}${String(id).padStart(6, "0")}`,
      };
      lines.push(SHOPIFY_HEADERS.map((h) => v[h] ?? "").join(","));
    }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

/**
 * Parcels a member packed and shipped at the pack station: a parcel row (packed_by, packed_at) and
 * its ok scan at step waybill, `gapSeconds` apart — what the pack station writes (part scan).
 */
export async function packedParcels(
  database: Database,
  workspaceId: string,
  o: { memberId: string; shopId: string; start: string; count: number; gapSeconds: number },
): Promise<void> {
  const t0 = Date.parse(o.start);
  for (let i = 0; i < o.count; i++) {
    const at = new Date(t0 + i * o.gapSeconds * 1000).toISOString();
    const id = newId();
    await database.db
      .insertInto("parcels")
      .values({
        workspaceId,
        id,
        shopId: o.shopId,
        batchId: null,
        status: "shipped",
        carrierId: null,
        waybillNo: `YT${String(Date.parse(at)).slice(-10)}${i}`,
        waybillSource: "scan",
        weightG: null,
        weightSource: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        province: null,
        packedBy: o.memberId,
        packedAt: at,
        shippedAt: at,
        costFen: null,
        costCardId: null,
        costFormula: null,
        exportedAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await database.db
      .insertInto("scanEvents")
      .values({
        workspaceId,
        id: newId(),
        memberId: o.memberId,
        at,
        code: `YT${i}`,
        parcelId: id,
        outcome: "ok",
        step: "waybill",
        message: JSON.stringify({ code: "legacy.text", params: { text: "ok" } }),
      })
      .execute();
  }
}

/** Scans the pack station stopped as the wrong parcel. */
export async function wrongParcelScans(
  database: Database,
  workspaceId: string,
  o: { memberId: string; at: string; count: number },
): Promise<void> {
  for (let i = 0; i < o.count; i++)
    await database.db
      .insertInto("scanEvents")
      .values({
        workspaceId,
        id: newId(),
        memberId: o.memberId,
        at: new Date(Date.parse(o.at) + i * 60_000).toISOString(),
        code: `WRONG${i}`,
        parcelId: null,
        outcome: "wrong_parcel",
        step: "slip",
        message: JSON.stringify({ code: "legacy.text", params: { text: "wrong" } }),
      })
      .execute();
}
