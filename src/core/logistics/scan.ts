// The pack station's rules (docs/LOGISTICS.md, part scan): what a scanned text is, which carrier a
// waybill number names by its pattern, and what stops a packer — an order refunded in full,
// cancelled, unpaid or already shipped, a parcel cancelled or already packed, a waybill that belongs
// to another parcel. Pure: the services, the tracking import and the web's pack station share it.
import type { Message, MessageCode, MessageParams } from "../messages/index.js";

/**
 * What a scan led to; stored in scan_events.outcome. `ok` at step waybill (or typed) is a parcel
 * shipped; at step slip, a slip accepted; at step return, a return parcel received (its after-sales
 * cases moved to received). `already_received` and `return_refused` are return scans only: the
 * cases had the parcel already, or a case that must not take it (ended, or a type whose goods do not
 * come back).
 */
export const SCAN_OUTCOMES = [
  "ok",
  "unknown",
  "ambiguous",
  "wrong_parcel",
  "already_shipped",
  "refunded",
  "cancelled",
  "unpaid",
  "invalid",
  "carrier_needed",
  "already_received",
  "return_refused",
] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/**
 * The outcomes that stop the packer: the parcel must not leave as it is. The pack station shows
 * them full-width in red with a sound and a vibration and waits for an explicit acknowledge; the
 * others (not a waybill, a carrier to choose, an order in several parcels) only ask for another scan.
 */
export const STOP_OUTCOMES: ReadonlySet<ScanOutcome> = new Set([
  "unknown",
  "wrong_parcel",
  "already_shipped",
  "refunded",
  "cancelled",
  "unpaid",
  "return_refused",
]);
export const stopsPacker = (o: ScanOutcome): boolean => STOP_OUTCOMES.has(o);

/** A scanned or typed code as stored and compared: NFKC, no spaces, upper case. */
export const normalizeCode = (text: string): string =>
  text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

/** The longest waybill number accepted (carriers' numbers are 10–20 characters; child waybills add a suffix). */
export const WAYBILL_MAX = 40;
const WAYBILL = /^[A-Z0-9][A-Z0-9-]{6,39}$/;

/** A waybill number (normalised) or null when the text cannot be one: 7–40 letters, digits and dashes. */
export function waybillNumber(text: string): string | null {
  const s = normalizeCode(text).replace(/^NO[:.]/, "");
  return WAYBILL.test(s) && /\d/.test(s) ? s : null;
}

/**
 * The carrier a waybill number names by its pattern, where that is unambiguous: SF Express numbers
 * start with SF, JD Logistics numbers with JD (JDV, JDX, JDA …). Numbers of digits only (中通, 圆通,
 * 韵达, 申通, 极兔 …) overlap between carriers: null, and the packer's or the parcel's carrier applies.
 */
export function carrierCodeFromWaybill(waybill: string): "SF" | "JD" | null {
  if (/^SF\d{9,}$/.test(waybill)) return "SF";
  if (/^JD[A-Z]{0,2}\d{8,}/.test(waybill)) return "JD";
  return null;
}

/** What the checks need of an order. */
export interface OrderFacts {
  platformOrderId: string;
  status: string;
  totalFen: number;
  refundFen: number;
  cancelledAt: string | null;
  shippedAt: string | null;
  trackingNo: string | null;
  carrier: string | null;
}

/** What the checks need of a parcel. */
export interface ParcelFacts {
  status: string;
  waybillNo: string | null;
  packedAt: string | null;
  shippedAt: string | null;
}

export interface Stop {
  outcome: ScanOutcome;
  message: Message;
}
const stop = (outcome: ScanOutcome, code: MessageCode, params: MessageParams): Stop => ({
  outcome,
  message: { code, params },
});

/** Refunded in full: the platform says refunded, or the refunds reach the order's total. */
export const refundedInFull = (o: OrderFacts): boolean =>
  o.status === "refunded" || (o.totalFen > 0 && o.refundFen >= o.totalFen);

/**
 * Why an order of the parcel must not ship, or null. Checked in this order: refunded in full,
 * cancelled, unpaid, shipped on the platform — unless the platform's waybill is the parcel's own
 * (Dayclear's write-back came back before the box left: the scan then only records the packing).
 */
export function orderStop(o: OrderFacts, parcel: ParcelFacts): Stop | null {
  const order = o.platformOrderId;
  if (refundedInFull(o))
    return stop("refunded", "scan.order_refunded", { order, refund: o.refundFen });
  if (o.status === "cancelled" || o.cancelledAt !== null)
    return stop("cancelled", "scan.order_cancelled", { order });
  if (o.status === "unpaid") return stop("unpaid", "scan.order_unpaid", { order });
  const platformShipped = o.status === "shipped" || o.status === "completed";
  if (platformShipped) {
    const same =
      parcel.waybillNo !== null &&
      o.trackingNo !== null &&
      normalizeCode(o.trackingNo) === normalizeCode(parcel.waybillNo);
    if (!same)
      return o.trackingNo
        ? stop("already_shipped", "scan.order_shipped", {
            order,
            waybill: o.trackingNo,
            carrier: o.carrier ?? "",
          })
        : stop("already_shipped", "scan.order_shipped_plain", { order });
  }
  return null;
}

/**
 * Why a parcel must not be packed, or null: cancelled, or shipped and packed already (a parcel
 * shipped by an imported waybill and never packed may still be scanned: the scan checks its waybill
 * and records the packer).
 */
export function parcelStop(
  p: ParcelFacts & { orders: readonly string[] },
  packer: string | null,
): Stop | null {
  if (p.status === "cancelled")
    return stop("cancelled", "scan.parcel_cancelled", { orders: [...p.orders] });
  if (p.status === "shipped" && p.packedAt !== null)
    return stop("already_shipped", "scan.parcel_shipped", {
      orders: [...p.orders],
      waybill: p.waybillNo ?? "",
      at: p.packedAt,
      packer: packer ?? "",
    });
  return null;
}

const minuteFormat = new Map<string, Intl.DateTimeFormat>();
/** An instant as the wall clock of a time zone shows it, to the minute: "2026-11-02 09:05" (for messages). */
export function localMinute(instant: string, timeZone: string): string {
  let f = minuteFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    minuteFormat.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
