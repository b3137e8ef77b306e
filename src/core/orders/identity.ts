// Which order is which across the files of one import. An order is its platform's own id where the
// export has one (Shopify `Id`, WooCommerce `Order ID`), else its number (订单编号): two orders of
// one number but different ids are two orders (Shopify numbers #1001 in every store), and the same
// id in several files is one order exported twice (overlapping date ranges), kept once in its
// latest state. What looks like several stores in one import is said, with the advice to give
// each store its own shop. Pure; holds a few numbers per order, so a streamed import of a million
// orders keeps it in memory.
import { problemAt } from "./problems.js";
import type { ImportWarning, ParsedOrder, Problem } from "./types.js";

/** How far an order had come when it was exported: a later copy has come at least as far. */
export interface OrderState {
  /** The export's own update time (ms), NaN without one. */
  updated: number;
  /** How many of its events (placed, paid, shipped, completed, cancelled) it has. */
  events: number;
  /** The time of its last event (ms), 0 without any. */
  last: number;
  refundFen: number;
  /** The file's place in the import: the later file wins when nothing else tells. */
  source: number;
}

const ms = (iso: string | null): number => (iso ? Date.parse(iso) : NaN);

export function orderState(o: ParsedOrder, source: number): OrderState {
  let events = 0,
    last = 0;
  for (const t of [o.placedAt, o.paidAt, o.shippedAt, o.completedAt, o.cancelledAt]) {
    if (!t) continue;
    events++;
    last = Math.max(last, ms(t));
  }
  return { updated: ms(o.updatedAt), events, last, refundFen: o.refundFen, source };
}

/**
 * Whether `next` is a later state of the order than `prev`: by the export's update time when both
 * copies have one; else the copy that has been through more (events, then the time of the last,
 * then a larger refund — refunds only grow); else the copy from the later file.
 */
export function isLater(prev: OrderState, next: OrderState): boolean {
  if (!Number.isNaN(prev.updated) && !Number.isNaN(next.updated) && prev.updated !== next.updated)
    return next.updated > prev.updated;
  if (prev.events !== next.events) return next.events > prev.events;
  if (prev.last !== next.last) return next.last > prev.last;
  if (prev.refundFen !== next.refundFen) return next.refundFen > prev.refundFen;
  return next.source >= prev.source;
}

/** What the import does with the copy of an order it keeps (set by the pipeline). */
export type Outcome = "created" | "updated" | "skipped";
const OUTCOMES: readonly (Outcome | null)[] = [null, "created", "updated", "skipped"];

export type Sighting =
  { kind: "first" | "later" | "earlier" } | { kind: "other_name"; problem: Problem };

/** A Float64Array, Int32Array or Uint8Array twice as long, the values kept. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The orders of one import, across its files (and the batches of a stream). An order takes a
 * slot: its key and number in maps and arrays of strings, its state in typed arrays — about 200
 * bytes of heap per order, so a streamed import of a million orders keeps it.
 */
export class OrderIdentities {
  private readonly slots = new Map<string, number>();
  private readonly names: string[] = [];
  /** Order number → the slot of the first order under it, -1 once it stood for two ids. */
  private readonly byName = new Map<string, number>();
  private readonly files = new Map<number, string>();
  private updated = new Float64Array(1024);
  private last = new Float64Array(1024);
  private refund = new Float64Array(1024);
  private source = new Int32Array(1024);
  private items = new Int32Array(1024);
  private events = new Uint8Array(1024);
  /** Bit 0: seen in more than one file; bits 1–2: the outcome (OUTCOMES). */
  private flags = new Uint8Array(1024);
  /** Orders found in more than one file, and the copies beyond the first. */
  merged = 0;
  copies = 0;
  /** Order numbers that stand for several orders (different ids), and one of them. */
  sharedNames = 0;
  sharedExample: string | null = null;
  readonly currencies = new Set<string>();

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** What the import does with the order's copy kept; null before it is planned. */
  outcome(key: string): Outcome | null {
    const i = this.slots.get(key);
    return i === undefined ? null : OUTCOMES[(this.flags[i]! >> 1) & 3]!;
  }

  setOutcome(key: string, outcome: Outcome): void {
    const i = this.slots.get(key);
    if (i !== undefined) this.flags[i] = (this.flags[i]! & 1) | (OUTCOMES.indexOf(outcome) << 1);
  }

  /** The line items of the order's copy planned. */
  lineItems(key: string): number {
    const i = this.slots.get(key);
    return i === undefined ? 0 : this.items[i]!;
  }

  setLineItems(key: string, n: number): void {
    const i = this.slots.get(key);
    if (i !== undefined) this.items[i] = n;
  }

  private stateAt(i: number): OrderState {
    return {
      updated: this.updated[i]!,
      events: this.events[i]!,
      last: this.last[i]!,
      refundFen: this.refund[i]!,
      source: this.source[i]!,
    };
  }

  private put(i: number, s: OrderState): void {
    if (i >= this.updated.length) {
      this.updated = grown(this.updated);
      this.last = grown(this.last);
      this.refund = grown(this.refund);
      this.source = grown(this.source);
      this.items = grown(this.items);
      this.events = grown(this.events);
      this.flags = grown(this.flags);
    }
    this.updated[i] = s.updated;
    this.events[i] = Math.min(s.events, 255);
    this.last[i] = s.last;
    this.refund[i] = s.refundFen;
    this.source[i] = s.source;
  }

  /**
   * Notes an order read from the file at `source` (its place in the import). A copy of an order
   * seen before is `later` (it replaces the copy kept: the state is updated here) or `earlier`
   * (dropped); the same id under another number is a problem (ids of two stores colliding).
   */
  add(o: ParsedOrder, source: number, file: string): Sighting {
    this.currencies.add(o.currency);
    if (!this.files.has(source)) this.files.set(source, file);
    const state = orderState(o, source);
    const i = this.slots.get(o.orderKey);
    if (i === undefined) {
      const slot = this.slots.size;
      this.slots.set(o.orderKey, slot);
      // The same string as the key when the order has no id of its own: no second copy kept.
      this.names.push(o.orderKey === o.platformOrderId ? o.orderKey : o.platformOrderId);
      this.put(slot, state);
      this.items[slot] = o.items.length;
      this.flags[slot] = 0;
      if (o.orderKey !== o.platformOrderId) {
        const first = this.byName.get(o.platformOrderId);
        if (first === undefined) this.byName.set(o.platformOrderId, slot);
        else if (first !== -1) {
          this.byName.set(o.platformOrderId, -1);
          this.sharedNames++;
          this.sharedExample ??= o.platformOrderId;
        }
      }
      return { kind: "first" };
    }
    if (this.names[i] !== o.platformOrderId)
      return {
        kind: "other_name",
        problem: problemAt(file, o.rows[0] ?? 1, "", "shop.order.id_other_name", {
          order: o.orderKey,
          name: o.platformOrderId,
          otherName: this.names[i]!,
          file: this.files.get(this.source[i]!) ?? "",
        }),
      };
    this.copies++;
    if ((this.flags[i]! & 1) === 0) {
      this.flags[i] = this.flags[i]! | 1;
      this.merged++;
    }
    if (!isLater(this.stateAt(i), state)) return { kind: "earlier" };
    this.put(i, state);
    return { kind: "later" };
  }

  /** What the reader is told once the import is read: copies merged, several stores, currencies. */
  warnings(): ImportWarning[] {
    const out: ImportWarning[] = [];
    if (this.copies > 0)
      out.push({
        code: "shop.warning.orders_merged",
        params: { orders: this.merged, copies: this.copies },
      });
    if (this.sharedNames > 0)
      out.push({
        code: "shop.warning.several_stores",
        params: { names: this.sharedNames, example: this.sharedExample ?? "" },
      });
    if (this.currencies.size > 1)
      out.push({
        code: "shop.warning.currencies_differ",
        params: { currencies: [...this.currencies].sort() },
      });
    return out;
  }
}

/** The problem of an order whose id is stored in the shop under another number. */
export const storedUnderOtherName = (o: ParsedOrder, storedName: string): Problem =>
  problemAt(o.file, o.rows[0] ?? 1, "", "shop.order.id_stored_other_name", {
    order: o.orderKey,
    name: o.platformOrderId,
    otherName: storedName,
  });
