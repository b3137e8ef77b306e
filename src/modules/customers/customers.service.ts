// Customers (客户, docs/CUSTOMERS.md): the list with RFM segments, one customer's page, the RFM
// map with its cut-offs, dormant customers and their export. The figures per customer come from one
// GROUP BY over the shop's paid orders (customers.repository.ts); the scores, segments, classes and
// the dormant order come from the pure core (core/customers/), so the API, the CLI and the core
// tests agree. Reading is customers.read, exporting customers.export (core/customers/policy.ts).
// Every read runs in one transaction, so its parts see one state of the orders.
import type { Actor } from "../../core/actor.js";
import { addDays, toEpochDay } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { rfmCard, CLASS_CODES, SEGMENT_CODES } from "../../core/customers/rfm-card.js";
import {
  CN_CLASSES,
  RF_GRID,
  RFM_SEGMENTS,
  rfmStats,
  scoreAgainst,
  scoreRfm,
  segmentSummaries,
  type RfmInput,
  type RfmResult,
  type RfmSegment,
  type RfmStats,
} from "../../core/customers/rfm.js";
import {
  DEFAULT_DORMANT_DAYS,
  dormantCustomers,
  dormantDefinition,
  repurchaseByCustomers,
  repurchaseByOrders,
} from "../../core/customers/repurchase.js";
import { fail } from "../../core/errors.js";
import { formatMoney } from "../../core/money.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { neutralizeFormula } from "../../core/orders/text.js";
import type { Executor } from "../../db/database.js";
import { shopOf } from "../orders/shop.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import { authorizeCustomers } from "./customers.access.js";
import { CustomersRepository, type CustomerAggregate } from "./customers.repository.js";
import { RfmSnapshotRepository } from "./rfm-snapshot.repository.js";

export const DEFAULT_WINDOW_DAYS = 365;
export const MAX_WINDOW_DAYS = 3660;
/** The most rows a dormant export holds (a bigger list: raise the days). */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE_ORDERS = 200;
const PAGE_CASES = 100;
/** Customers per read of the RFM computation (one query each, in key order). */
export const RFM_CHUNK = 50_000;
/** The progress of an RFM computation runs over this many steps: reading 90 %, scoring 10 %. */
const RFM_STEPS = 1000;
const RFM_READ_STEPS = 900;

export interface AnalysisQuery {
  shop: string;
  windowDays?: number;
  asOf?: string;
}

export interface RfmQuery extends AnalysisQuery {
  /** Compute even when the stored snapshot is current (the CLI does). */
  refresh?: boolean;
  /** The computation's progress: `done` of `total` steps (a bar's position). */
  onProgress?: (done: number, total: number) => void;
}

export type RfmReport = ReturnType<typeof rfmReport>;

/** The shop's RFM for a window and date: the population's cut-offs and centres, and its map. */
interface RfmSnapshot {
  shopId: string;
  asOf: string;
  window: { from: string; to: string; days: number };
  stats: RfmStats;
  report: RfmReport;
}

/** The RFM window of `days` days ending on the as-of date. */
const windowOf = (asOf: string, days: number) => ({
  from: addDays(asOf, -(days - 1)),
  to: asOf,
  days,
});

/** A customer's id in the API: the shop and the customer key, so it needs no stored id. */
export const customerId = (shopId: string, key: string) =>
  `${shopId}.${Buffer.from(key, "utf8").toString("base64url")}`;

function parseCustomerId(id: string): { shopId: string; key: string } | null {
  const dot = id.indexOf(".");
  if (dot <= 0 || dot === id.length - 1) return null;
  const key = Buffer.from(id.slice(dot + 1), "base64url").toString("utf8");
  return key ? { shopId: id.slice(0, dot), key } : null;
}

/** How the customer is told apart: the prefix of the key the import gave (customer-identity.ts). */
export function identityKind(key: string): "buyer_id" | "email" | "phone" | "address" | "order" {
  const p = key.slice(0, key.indexOf(":"));
  return p === "buyer"
    ? "buyer_id"
    : p === "email" || p === "phone" || p === "address"
      ? p
      : "order";
}

interface Analysis {
  shopId: string;
  asOf: string;
  window: { from: string; to: string; days: number };
  rows: CustomerAggregate[];
  /** rows[i] → its place among the scored (−1: no order in the window). */
  scoredIndex: Int32Array;
  input: RfmInput;
  result: RfmResult;
}

export class CustomersService {
  constructor(private readonly deps: ServiceDeps) {}

  private async asOfDate(db: Executor, actor: Actor, asOf?: string): Promise<string> {
    if (asOf) return asOf;
    const ws = await new WorkspaceRepository(db).getById(actor.workspaceId);
    return workspaceToday(this.deps.clock(), ws?.timeZone ?? "Asia/Shanghai");
  }

  /** Every customer of the shop up to the as-of date, scored over the window. */
  private async analyse(db: Executor, actor: Actor, q: AnalysisQuery): Promise<Analysis> {
    const shop = await shopOf(db, actor.workspaceId, q.shop);
    const asOf = await this.asOfDate(db, actor, q.asOf);
    const days = q.windowDays ?? DEFAULT_WINDOW_DAYS;
    const from = addDays(asOf, -(days - 1));
    const rows = await new CustomersRepository(db).aggregates(
      actor.workspaceId,
      shop.id,
      from,
      asOf,
    );
    const asOfDay = toEpochDay(asOf);
    const scoredIndex = new Int32Array(rows.length).fill(-1);
    let n = 0;
    for (let i = 0; i < rows.length; i++) if (rows[i]!.windowOrders > 0) scoredIndex[i] = n++;
    const recencyDays = new Int32Array(n);
    const frequency = new Int32Array(n);
    const monetaryFen = new Float64Array(n);
    for (let i = 0; i < rows.length; i++) {
      const k = scoredIndex[i]!;
      if (k < 0) continue;
      const r = rows[i]!;
      recencyDays[k] = asOfDay - toEpochDay(r.windowLastPaidDate!);
      frequency[k] = r.windowOrders;
      monetaryFen[k] = r.windowSpendFen;
    }
    const input = { recencyDays, frequency, monetaryFen };
    return {
      shopId: shop.id,
      asOf,
      window: { from, to: asOf, days },
      rows,
      scoredIndex,
      input,
      result: scoreRfm(input),
    };
  }

  private read<T>(actor: Actor, fn: (trx: Executor) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeCustomers(trx, actor, "customers.read");
      return fn(trx);
    });
  }

  /**
   * The shop's RFM for the window and date, from the stored snapshot while the shop's orders are
   * as they were when it was computed (else computed now and stored): every customer with a paid
   * order in the window, read in chunks of RFM_CHUNK in key order (window figures only, one row
   * per customer), then scored by the core.
   */
  private async snapshot(
    db: Executor,
    actor: Actor,
    q: RfmQuery,
    known?: { shopId: string },
  ): Promise<RfmSnapshot> {
    const ws = actor.workspaceId;
    const shop = known ? { id: known.shopId } : await shopOf(db, ws, q.shop);
    const asOf = await this.asOfDate(db, actor, q.asOf);
    const days = q.windowDays ?? DEFAULT_WINDOW_DAYS;
    const window = windowOf(asOf, days);
    const repo = new CustomersRepository(db);
    const snapshots = new RfmSnapshotRepository(db);
    const stamp = await repo.ordersStamp(ws, shop.id);
    if (!q.refresh) {
      const s = await snapshots.get(ws, shop.id, days, asOf);
      if (s && s.ordersStamp === stamp)
        return {
          shopId: shop.id,
          asOf,
          window,
          stats: JSON.parse(s.stats) as RfmStats,
          report: JSON.parse(s.report) as RfmReport,
        };
    }
    const progress = q.onProgress;
    // The read's progress: the window's orders read of all of them.
    const total = progress ? await repo.windowOrders(ws, shop.id, window.from, asOf) : 0;
    progress?.(0, RFM_STEPS);
    const asOfDay = toEpochDay(asOf);
    const dayOf = new Map<string, number>();
    const recency: number[] = [];
    const frequency: number[] = [];
    const monetary: number[] = [];
    let read = 0;
    for (let after = ""; ;) {
      const chunk = await repo.windowChunk(ws, shop.id, window.from, asOf, after, RFM_CHUNK);
      for (const c of chunk) {
        read += c.orders;
        let d = dayOf.get(c.lastPaidDate);
        if (d === undefined) dayOf.set(c.lastPaidDate, (d = asOfDay - toEpochDay(c.lastPaidDate)));
        recency.push(d);
        frequency.push(c.orders);
        monetary.push(c.spendFen);
      }
      if (total > 0)
        progress?.(
          Math.min(RFM_READ_STEPS, Math.floor((RFM_READ_STEPS * read) / total)),
          RFM_STEPS,
        );
      if (chunk.length < RFM_CHUNK) break;
      after = chunk[chunk.length - 1]!.customerKey;
    }
    const input = {
      recencyDays: Int32Array.from(recency),
      frequency: Int32Array.from(frequency),
      monetaryFen: Float64Array.from(monetary),
    };
    const result = scoreRfm(input, {
      onProgress: progress
        ? (done, all) =>
            progress(
              RFM_READ_STEPS + Math.floor(((RFM_STEPS - RFM_READ_STEPS) * done) / all),
              RFM_STEPS,
            )
        : undefined,
    });
    const report = rfmReport({ shopId: shop.id, asOf, window, input, result });
    const stats = rfmStats(result);
    await snapshots.put({
      workspaceId: ws,
      shopId: shop.id,
      windowDays: days,
      asOf,
      ordersStamp: stamp,
      customers: result.count,
      stats: JSON.stringify(stats),
      report: JSON.stringify(report),
      computedAt: nowIso(this.deps),
    });
    return { shopId: shop.id, asOf, window, stats, report };
  }

  /**
   * One entry per segment with its count and the cut-offs of its cells; the classes; the grid —
   * the stored snapshot while the shop's orders have not changed, else computed and stored.
   */
  async rfm(actor: Actor, q: RfmQuery) {
    return this.read(actor, async (trx) => (await this.snapshot(trx, actor, q)).report);
  }

  async list(
    actor: Actor,
    q: AnalysisQuery & { q?: string; segment?: RfmSegment; limit: number; cursor?: string },
  ) {
    return this.read(actor, async (trx) => {
      const a = await this.analyse(trx, actor, q);
      const needle = q.q?.trim().toLowerCase();
      const wanted = q.segment === undefined ? -1 : RFM_SEGMENTS.indexOf(q.segment);
      const picked: number[] = [];
      for (let i = 0; i < a.rows.length; i++) {
        const r = a.rows[i]!;
        if (wanted >= 0) {
          const k = a.scoredIndex[i]!;
          if (k < 0 || a.result.segment[k] !== wanted) continue;
        }
        if (
          needle &&
          !(r.display ?? "").toLowerCase().includes(needle) &&
          !r.customerKey.toLowerCase().includes(needle)
        )
          continue;
        picked.push(i);
      }
      // Most valuable first: spend in the window, then all-time spend, then the most recent.
      picked.sort((x, y) => {
        const a1 = a.rows[x]!;
        const b1 = a.rows[y]!;
        return (
          b1.windowSpendFen - a1.windowSpendFen ||
          b1.spendFen - a1.spendFen ||
          (a1.lastPaidDate < b1.lastPaidDate ? 1 : a1.lastPaidDate > b1.lastPaidDate ? -1 : 0) ||
          (a1.customerKey < b1.customerKey ? -1 : 1)
        );
      });
      const offset = q.cursor ? Number(q.cursor) : 0;
      const page = picked.slice(offset, offset + q.limit);
      return {
        asOf: a.asOf,
        window: a.window,
        total: picked.length,
        items: page.map((i) => listItem(a, i)),
        nextCursor: offset + q.limit < picked.length ? String(offset + q.limit) : null,
      };
    });
  }

  /** The customer page. 404 for an id of another workspace (or none at all). */
  async get(actor: Actor, id: string, q: Omit<AnalysisQuery, "shop">) {
    const parsed = parseCustomerId(id);
    if (!parsed) throw fail("not_found", "customers.not_found");
    return this.read(actor, async (trx) => {
      const repo = new CustomersRepository(trx);
      const ws = actor.workspaceId;
      const shop = await shopOf(trx, actor.workspaceId, parsed.shopId).catch(() => {
        throw fail("not_found", "customers.not_found");
      });
      const asOf = await this.asOfDate(trx, actor, q.asOf);
      const window = windowOf(asOf, q.windowDays ?? DEFAULT_WINDOW_DAYS);
      // The totals and the window's figures (the RFM card) in one read of the customer's orders.
      const found = await repo.totals(ws, shop.id, parsed.key, window);
      if (!found) throw fail("not_found", "customers.not_found");
      const { window: w, ...totals } = found;
      const orders = await repo.orders(ws, shop.id, parsed.key, PAGE_ORDERS);
      const cases = await repo.cases(ws, shop.id, parsed.key, PAGE_CASES);
      // The customer's scores against the shop's stored cut-offs (computed here when out of date).
      const a = await this.snapshot(trx, actor, { ...q, asOf, shop: shop.id }, { shopId: shop.id });
      const latest = orders[0]!;
      let card: ReturnType<typeof rfmCard> | null = null;
      if (w.orders > 0 && a.stats.count > 0) {
        const input = {
          recencyDays: [toEpochDay(a.asOf) - toEpochDay(w.lastPaidDate!)],
          frequency: [w.orders],
          monetaryFen: [w.spendFen],
        };
        card = rfmCard(scoreAgainst(a.stats, input), input, 0);
      }
      return {
        id,
        shopId: shop.id,
        shopName: shop.name,
        customerKey: parsed.key,
        identity: {
          kind: identityKind(parsed.key),
          shopIdentity: shop.customerIdentity,
          // As the platform gave it on the latest order: masked where the platform masks.
          buyerRef: latest.buyerRef,
          buyerName: latest.buyerName,
          email: latest.email,
          phone: latest.phone,
          recipient: latest.recipient,
          province: latest.province,
          city: latest.city,
          district: latest.district,
        },
        currency: latest.currency,
        totals,
        orders: orders.map((o) => ({
          id: o.id,
          platformOrderId: o.platformOrderId,
          status: o.status,
          placedAt: o.placedAt,
          paidDate: o.paidDate,
          totalFen: Number(o.totalFen),
          refundFen: Number(o.refundFen),
          itemCount: o.itemCount,
        })),
        ordersComplete: totals.orders <= PAGE_ORDERS,
        cases: cases.map((c) => ({
          id: c.id,
          platformCaseId: c.platformCaseId,
          platformOrderId: c.platformOrderId,
          orderId: c.orderId,
          type: c.type,
          state: c.state,
          resolution: c.resolution,
          reasonCode: c.reasonCode,
          reason: c.reason,
          requestedFen: Number(c.requestedFen),
          refundFen: c.refundFen === null ? null : Number(c.refundFen),
          openedAt: c.openedAt,
          resolvedAt: c.resolvedAt,
        })),
        asOf: a.asOf,
        window: a.window,
        rfm: card && {
          recencyDays: card.recencyDays,
          orders: card.orders,
          spendFen: card.spendFen,
          r: card.r,
          f: card.f,
          m: card.m,
          segment: card.segment,
          cnClass: card.cnClass,
          sides: card.sides,
          explanation: card.explanation,
          cutoffs: { r: a.stats.r.cutoffs, f: a.stats.f.cutoffs, m: a.stats.m.cutoffs },
        },
      };
    });
  }

  private async dormantRows(db: Executor, actor: Actor, q: DormantQuery) {
    const shop = await shopOf(db, actor.workspaceId, q.shop);
    const asOf = await this.asOfDate(db, actor, q.asOf);
    const days = q.days ?? DEFAULT_DORMANT_DAYS;
    const lastDate = addDays(asOf, -days);
    const rows = await new CustomersRepository(db).aggregates(
      actor.workspaceId,
      shop.id,
      asOf,
      asOf,
      lastDate,
    );
    const asOfDay = toEpochDay(asOf);
    const recency = Int32Array.from(rows, (r) => asOfDay - toEpochDay(r.lastPaidDate));
    const order = dormantCustomers(
      recency,
      Float64Array.from(rows, (r) => r.spendFen),
      days,
    );
    return {
      shop,
      asOf,
      days,
      lastDate,
      definition: dormantDefinition(asOf, days),
      items: Array.from(order, (i) => ({
        id: customerId(shop.id, rows[i]!.customerKey),
        customerKey: rows[i]!.customerKey,
        display: rows[i]!.display,
        lastPaidDate: rows[i]!.lastPaidDate,
        daysSince: recency[i]!,
        orders: rows[i]!.orders,
        spendFen: rows[i]!.spendFen,
        refundFen: rows[i]!.refundFen,
      })),
    };
  }

  /** Customers with no paid order for `days` or more, most valuable first. */
  async dormant(actor: Actor, q: DormantQuery & { limit: number; cursor?: string }) {
    return this.read(actor, async (trx) => {
      const d = await this.dormantRows(trx, actor, q);
      const offset = q.cursor ? Number(q.cursor) : 0;
      return {
        asOf: d.asOf,
        days: d.days,
        lastDate: d.lastDate,
        definition: d.definition,
        total: d.items.length,
        items: d.items.slice(offset, offset + q.limit),
        nextCursor: offset + q.limit < d.items.length ? String(offset + q.limit) : null,
      };
    });
  }

  /** The dormant list as rows for a CSV/XLSX file, headed in the reader's language. */
  async dormantExport(actor: Actor, q: DormantQuery, locale: Locale) {
    return this.deps.db.transaction().execute(async (trx) => {
      await authorizeCustomers(trx, actor, "customers.export");
      const d = await this.dormantRows(trx, actor, q);
      if (d.items.length > MAX_EXPORT_ROWS)
        throw fail("invalid", "customers.export_too_large", {
          count: d.items.length,
          max: MAX_EXPORT_ROWS,
        });
      const t = (code: Parameters<typeof msg>[0]) => renderMessage(locale, msg(code));
      const header = [
        t("customers.export.customer"),
        t("customers.export.display"),
        t("customers.export.last_order"),
        t("customers.export.days_since"),
        t("customers.export.orders"),
        t("customers.export.spend"),
        t("customers.export.refunds"),
      ];
      const rows: (string | number)[][] = [
        header,
        ...d.items.map((c) => [
          neutralizeFormula(c.customerKey),
          neutralizeFormula(c.display ?? ""),
          c.lastPaidDate,
          c.daysSince,
          c.orders,
          formatMoney(c.spendFen),
          formatMoney(c.refundFen),
        ]),
      ];
      return { shopName: d.shop.name, asOf: d.asOf, days: d.days, lastDate: d.lastDate, rows };
    });
  }
}

export interface DormantQuery {
  shop: string;
  days?: number;
  asOf?: string;
}

function listItem(a: Analysis, i: number) {
  const r = a.rows[i]!;
  const k = a.scoredIndex[i]!;
  const scored = k >= 0;
  return {
    id: customerId(a.shopId, r.customerKey),
    customerKey: r.customerKey,
    identityKind: identityKind(r.customerKey),
    display: r.display,
    firstPaidDate: r.firstPaidDate,
    lastPaidDate: r.lastPaidDate,
    orders: r.orders,
    spendFen: r.spendFen,
    refundFen: r.refundFen,
    windowOrders: r.windowOrders,
    windowSpendFen: r.windowSpendFen,
    recencyDays: toEpochDay(a.asOf) - toEpochDay(r.lastPaidDate),
    r: scored ? a.result.rScore[k]! : null,
    f: scored ? a.result.fScore[k]! : null,
    m: scored ? a.result.mScore[k]! : null,
    segment: scored ? RFM_SEGMENTS[a.result.segment[k]!]! : null,
    cnClass: scored ? CN_CLASSES[a.result.cnClass[k]!]! : null,
  };
}

/** The RFM map of an analysis: what the endpoint, the CLI and the web's grid show. */
export function rfmReport(a: Pick<Analysis, "shopId" | "asOf" | "window" | "input" | "result">) {
  const res = a.result;
  // Customers per (R, F) cell, at (R − 1) × 5 + F − 1.
  const cells = new Float64Array(25);
  for (let k = 0; k < res.count; k++) cells[(res.rScore[k]! - 1) * 5 + res.fScore[k]! - 1]!++;
  const grid = [];
  for (let r = 5; r >= 1; r--)
    for (let f = 1; f <= 5; f++)
      grid.push({ r, f, segment: RF_GRID[r - 1]![f - 1]!, count: cells[(r - 1) * 5 + f - 1]! });
  const frequency = Array.from(a.input.frequency);
  return {
    shopId: a.shopId,
    asOf: a.asOf,
    window: a.window,
    customers: res.count,
    classCentre: res.classCentre,
    cutoffs: { r: res.r.cutoffs, f: res.f.cutoffs, m: res.m.cutoffs },
    centres: { r: res.r.centre, f: res.f.centre, m: res.m.centre },
    segments: segmentSummaries(res).map((s) => ({ ...s, label: msg(SEGMENT_CODES[s.segment]) })),
    classes: CN_CLASSES.map((c) => ({
      class: c,
      count: res.classCounts[c],
      label: msg(CLASS_CODES[c]),
    })),
    grid,
    repurchase: [
      repurchaseByCustomers(frequency, { from: a.window.from, to: a.window.to }),
      repurchaseByOrders(frequency, { from: a.window.from, to: a.window.to }),
    ],
  };
}
