// The queue's rules that need no database: who counts as the same recipient for a merge (合单), what
// a hand split must add up to, batch numbers (B20261207-01), the pick list's SKU totals and which
// items are gifts. Pure.
import { msg, type Message } from "../messages/index.js";

/** An order as a merge proposal compares it: the recipient exactly as the platform gives it. */
export interface MergeOrder {
  id: string;
  shopId: string;
  platformOrderId: string;
  buyerRef: string | null;
  recipient: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  /** Its ship-by time (the proposal is sorted by its earliest). */
  shipBy: string;
}

export interface MergeProposal {
  shopId: string;
  /** The orders to ship in one parcel, earliest ship-by first. */
  orderIds: string[];
  /** Why these orders go together: `logistics.queue.merge.same_buyer` or `…same_recipient`. */
  reason: Message;
  /** The earliest ship-by of its orders. */
  shipBy: string;
}

const clean = (s: string | null) => (s ?? "").normalize("NFKC").trim().replace(/\s+/g, " ");

/**
 * The destination as given — province, city, district and address — compared character for
 * character after trimming (a masked "周*" or "1******6198" is compared as the platform gives it);
 * null when the address line itself is missing.
 */
export function destinationOf(o: MergeOrder): string | null {
  const address = clean(o.address);
  if (address === "") return null;
  return [o.province, o.city, o.district].map(clean).join("|") + "|" + address;
}

/**
 * Merge proposals: orders of one shop to the same recipient.
 * - Same platform buyer id (the buyer's account) and the same destination, or the same buyer id
 *   where the export gives no address at all → `logistics.queue.merge.same_buyer`.
 * - Else the same name, phone and destination → `logistics.queue.merge.same_recipient`.
 * An order goes into at most one proposal (the buyer-id rule first); only groups of two or more are
 * proposed. Proposals come earliest ship-by first.
 */
export function proposeMerges(orders: readonly MergeOrder[]): MergeProposal[] {
  const groups = new Map<string, MergeOrder[]>();
  const add = (key: string, o: MergeOrder) => {
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  };
  const byBuyer = new Map<string, MergeOrder[]>();
  for (const o of orders) {
    const buyer = clean(o.buyerRef);
    if (buyer === "") continue;
    const key = `${o.shopId}\u0000${buyer}\u0000${destinationOf(o) ?? ""}`;
    const g = byBuyer.get(key);
    if (g) g.push(o);
    else byBuyer.set(key, [o]);
  }
  const taken = new Set<string>();
  const proposals: MergeProposal[] = [];
  const propose = (g: MergeOrder[], reason: Message) => {
    const sorted = [...g].sort(
      (a, b) => a.shipBy.localeCompare(b.shipBy) || a.id.localeCompare(b.id),
    );
    for (const o of sorted) taken.add(o.id);
    proposals.push({
      shopId: sorted[0]!.shopId,
      orderIds: sorted.map((o) => o.id),
      reason,
      shipBy: sorted[0]!.shipBy,
    });
  };
  for (const g of byBuyer.values())
    if (g.length >= 2)
      propose(
        g,
        msg("logistics.queue.merge.same_buyer", {
          buyer: clean(g[0]!.buyerRef),
          recipient: clean(g[0]!.recipient),
          count: g.length,
        }),
      );
  for (const o of orders) {
    if (taken.has(o.id)) continue;
    const name = clean(o.recipient);
    const phone = clean(o.phone);
    const dest = destinationOf(o);
    if (name === "" || phone === "" || dest === null) continue;
    add(`${o.shopId}\u0000${name}\u0000${phone}\u0000${dest}`, o);
  }
  for (const g of groups.values())
    if (g.length >= 2)
      propose(
        g,
        msg("logistics.queue.merge.same_recipient", {
          recipient: clean(g[0]!.recipient),
          phone: clean(g[0]!.phone),
          count: g.length,
        }),
      );
  return proposals.sort(
    (a, b) => a.shipBy.localeCompare(b.shipBy) || a.orderIds[0]!.localeCompare(b.orderIds[0]!),
  );
}

/** True when two orders may share a parcel by the same rules (the hand merge checks every pair against the first). */
export function sameRecipient(a: MergeOrder, b: MergeOrder): boolean {
  if (a.shopId !== b.shopId) return false;
  const ba = clean(a.buyerRef);
  const da = destinationOf(a);
  const db = destinationOf(b);
  if (ba !== "" && ba === clean(b.buyerRef) && da === db) return true;
  return (
    da !== null &&
    da === db &&
    clean(a.recipient) !== "" &&
    clean(a.recipient) === clean(b.recipient) &&
    clean(a.phone) !== "" &&
    clean(a.phone) === clean(b.phone)
  );
}

/** A line of an order and how many of it. */
export interface LineQty {
  lineNo: number;
  quantity: number;
}

/** What is wrong with a split, as field errors' paths and messages. */
export interface SplitProblem {
  field: string;
  message: Message;
}

/**
 * A hand split of one order's lines into parcels: at least two parcels, none empty, only the
 * order's lines, positive whole quantities, and every line's quantity used up exactly (nothing left
 * over, nothing counted twice).
 */
export function checkSplit(
  lines: readonly LineQty[],
  parcels: readonly (readonly LineQty[])[],
): SplitProblem[] {
  const problems: SplitProblem[] = [];
  if (parcels.length < 2)
    problems.push({ field: "parcels", message: msg("logistics.queue.split.needs_two") });
  const want = new Map(lines.map((l) => [l.lineNo, l.quantity]));
  const got = new Map<number, number>();
  parcels.forEach((p, i) => {
    if (p.length === 0)
      problems.push({
        field: `parcels.${i}`,
        message: msg("logistics.queue.split.empty_parcel", { parcel: i + 1 }),
      });
    const seen = new Set<number>();
    p.forEach((l, j) => {
      const field = `parcels.${i}.${j}`;
      if (!want.has(l.lineNo))
        problems.push({
          field: `${field}.lineNo`,
          message: msg("logistics.queue.split.unknown_line", { line: l.lineNo }),
        });
      else if (seen.has(l.lineNo))
        problems.push({
          field: `${field}.lineNo`,
          message: msg("logistics.queue.split.line_twice", { line: l.lineNo, parcel: i + 1 }),
        });
      if (!Number.isInteger(l.quantity) || l.quantity < 1)
        problems.push({
          field: `${field}.quantity`,
          message: msg("logistics.queue.split.bad_quantity", { line: l.lineNo }),
        });
      seen.add(l.lineNo);
      got.set(l.lineNo, (got.get(l.lineNo) ?? 0) + l.quantity);
    });
  });
  if (problems.length) return problems;
  for (const [lineNo, quantity] of want) {
    const given = got.get(lineNo) ?? 0;
    if (given !== quantity)
      problems.push({
        field: "parcels",
        message: msg("logistics.queue.split.quantity_mismatch", {
          line: lineNo,
          quantity,
          given,
        }),
      });
  }
  return problems;
}

/**
 * The next batch number of a day: B + the workspace's date without dashes + "-" + a two-digit
 * sequence (B20261207-01, …-02; past 99 it grows to three digits).
 */
export function nextBatchNumber(date: string, taken: readonly string[]): string {
  const prefix = batchPrefix(date);
  let max = 0;
  for (const n of taken) {
    if (!n.startsWith(prefix)) continue;
    const seq = Number(n.slice(prefix.length));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return `${prefix}${String(max + 1).padStart(2, "0")}`;
}

export const batchPrefix = (date: string) => `B${date.replace(/-/g, "")}-`;

/** An item on a slip is a gift when it costs nothing: a zero unit price, or a zero line total. */
export const isGift = (line: { unitPriceFen: number | null; totalFen: number }): boolean =>
  line.unitPriceFen === 0 || (line.unitPriceFen === null && line.totalFen === 0);

/** One line of a pick list: a SKU (or, for lines without one, the title and variant) and how many. */
export interface PickLine {
  sku: string | null;
  title: string;
  variant: string | null;
  location: string | null;
  quantity: number;
  /** In how many parcels it goes. */
  parcels: number;
}

/**
 * SKU totals over the items of a batch: one line per SKU (lines without a SKU by title and
 * variant), sorted by location (those with none last), then SKU / title — the order a picker walks.
 */
export function pickList(
  items: readonly {
    parcelId: string;
    sku: string | null;
    title: string;
    variant: string | null;
    quantity: number;
  }[],
  locations: ReadonlyMap<string, string | null>,
): PickLine[] {
  const lines = new Map<string, PickLine & { parcelIds: Set<string> }>();
  for (const i of items) {
    const sku = i.sku && i.sku.trim() !== "" ? i.sku.trim() : null;
    const key = sku !== null ? `s\u0000${sku}` : `t\u0000${i.title}\u0000${i.variant ?? ""}`;
    let l = lines.get(key);
    if (!l) {
      l = {
        sku,
        title: i.title,
        variant: i.variant,
        location: sku !== null ? (locations.get(sku) ?? null) : null,
        quantity: 0,
        parcels: 0,
        parcelIds: new Set(),
      };
      lines.set(key, l);
    }
    l.quantity += i.quantity;
    l.parcelIds.add(i.parcelId);
  }
  return [...lines.values()]
    .map(({ parcelIds, ...l }) => ({ ...l, parcels: parcelIds.size }))
    .sort(
      (a, b) =>
        (a.location === null ? 1 : 0) - (b.location === null ? 1 : 0) ||
        (a.location ?? "").localeCompare(b.location ?? "", "en", { numeric: true }) ||
        (a.sku ?? "\uffff").localeCompare(b.sku ?? "\uffff", "en", { numeric: true }) ||
        a.title.localeCompare(b.title),
    );
}

/** Minutes east of UTC of a time zone at an instant (Asia/Shanghai: 480). */
function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const p: Record<string, number> = {};
  for (const x of parts) if (x.type !== "literal") p[x.type] = Number(x.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instants [from, to) of a calendar day in a time zone (a manifest's day). */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  const start = (d: string) => {
    const guess = Date.parse(`${d}T00:00:00.000Z`);
    // Two passes settle the offset at the local midnight itself (a zone that changed its clocks that day).
    let ms = guess - offsetMinutes(guess, timeZone) * 60_000;
    ms = guess - offsetMinutes(ms, timeZone) * 60_000;
    return new Date(ms).toISOString();
  };
  const next = new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { from: start(date), to: start(next) };
}
