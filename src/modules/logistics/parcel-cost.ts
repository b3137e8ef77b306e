// A parcel's cost (运费) from the rate card of its carrier valid on its ship date — the function
// the other logistics parts call whenever a parcel's carrier, weight, size or province changes:
//
//   await costParcel(trx, workspaceId, parcelId)        // one parcel, inside the caller's unit of work
//   await costParcels(trx, workspaceId, parcelIds)      // several
//   await recostParcels(db, workspaceId, { carrierIds, onProgress })   // after a rate-card change
//
// Each writes parcels.cost_fen, cost_card_id and cost_formula and returns what it wrote. The formula
// (with its inputs, like a pay line) is stored as the card's revision and the quote's inputs, ~30
// bytes (core/logistics/cost-inputs.ts; read back as the formula by cost-formula.ts); a parcel
// without a cost stores the message saying why (no carrier, no weight, no card on that day, province
// not covered, card limited to another platform). The weight is
// the parcel's own (scale, typed, imported), else estimated from its lines' SKU weights
// (sku_settings) when every SKU has one; the ship date is the day (in the workspace's time zone) it
// shipped, else was packed, else was created. Parcels carry no declared value, so no insurance.
import {
  compileRateCard,
  jsonLocator,
  type RateCard,
  type RateCardV1,
} from "../../core/logistics/rate-card.js";
import {
  costFormulaOf,
  encodeCostInputs,
  type CostInputs,
} from "../../core/logistics/cost-inputs.js";
import { quoteFee, type Dims } from "../../core/logistics/rate-quote.js";
import { msg, storeMessage, type Message } from "../../core/messages/index.js";
import { findProvince } from "../../core/orders/provinces.js";
import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
import { sqliteOf, type Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { CarrierRepository, type Carrier } from "./carriers.repository.js";
import {
  ParcelCostRepository,
  type ParcelCostFacts,
  type ParcelCostWrite,
} from "./parcel-cost.repository.js";
import { RateCardRepository } from "./rates.repository.js";

export interface ParcelCost {
  parcelId: string;
  /** null when the parcel cannot be costed (the formula says why). */
  costFen: number | null;
  cardId: string | null;
  chargeableG: number | null;
  /** The weight used and where it came from. */
  weightG: number | null;
  estimated: boolean;
  formula: Message;
  /** What the formula is stored as when there is a cost (the card's revision and the quote's inputs). */
  inputs: CostInputs | null;
}

interface CardVersion {
  id: string;
  revision: number;
  validFrom: string;
  card: RateCard | null;
}

/** The workspace's carriers and compiled cards, read once for a batch of parcels. */
export class CostContext {
  private readonly offsets = new Map<number, number>();
  private readonly provinces = new Map<string, ReturnType<typeof findProvince>>();
  private constructor(
    readonly carriers: Map<string, Carrier>,
    private readonly cards: Map<string, CardVersion[]>,
    private readonly timeZone: string,
  ) {}

  static async load(db: Executor, workspaceId: string): Promise<CostContext> {
    const [carriers, rows, timeZone] = await Promise.all([
      new CarrierRepository(db).list(workspaceId, new Date().toISOString()),
      new RateCardRepository(db).list(workspaceId),
      new ParcelCostRepository(db).timeZone(workspaceId),
    ]);
    const cards = new Map<string, CardVersion[]>();
    for (const r of rows) {
      const list = cards.get(r.carrierId) ?? [];
      list.push({
        id: r.id,
        revision: r.revision,
        validFrom: r.validFrom,
        card: compileStored(r.card),
      });
      cards.set(r.carrierId, list);
    }
    return new CostContext(new Map(carriers.map((c) => [c.id, c])), cards, timeZone);
  }

  /** The card of a carrier valid on a date (its versions are sorted by valid-from). */
  cardOn(carrierId: string, date: string): CardVersion | null {
    const list = this.cards.get(carrierId);
    if (!list) return null;
    let found: CardVersion | null = null;
    for (const v of list) {
      if (v.validFrom <= date) found = v;
      else break;
    }
    return found;
  }

  /**
   * The workspace's calendar date of an instant. The zone's offset is looked up once per quarter
   * hour of UTC (every offset change falls on one), so a million parcels cost a few thousand
   * lookups, not a million.
   */
  dateOf(instant: string): string {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return instant.slice(0, 10);
    const key = Math.floor(ms / 900_000);
    let offsetMs = this.offsets.get(key);
    if (offsetMs === undefined) {
      if (this.offsets.size > 100_000) this.offsets.clear();
      offsetMs = zoneOffsetMs(key * 900_000, this.timeZone);
      this.offsets.set(key, offsetMs);
    }
    return new Date(ms + offsetMs).toISOString().slice(0, 10);
  }

  /** A parcel's province text as a province (cached: parcels repeat a few dozen texts). */
  province(text: string | null) {
    if (text === null) return null;
    let p = this.provinces.get(text);
    if (p === undefined) {
      p = findProvince(text);
      if (this.provinces.size < 10_000) this.provinces.set(text, p);
    }
    return p;
  }
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** The zone's offset from UTC at an instant, in ms (wall clock − UTC). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormats.set(timeZone, f);
  }
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms)))
    if (p.type !== "literal") v[p.type] = Number(p.value);
  const wall = Date.UTC(v.year!, v.month! - 1, v.day!, v.hour!, v.minute!, v.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A stored card compiled; null when it no longer compiles (kept readable, never quoted). */
export function compileStored(json: string): RateCard | null {
  try {
    const v1 = JSON.parse(json) as RateCardV1;
    const c = compileRateCard("", v1, jsonLocator(v1));
    return c.ok ? c.card : null;
  } catch {
    return null;
  }
}

const noCost = (
  parcelId: string,
  formula: Message,
  weightG: number | null = null,
  estimated = false,
): ParcelCost => ({
  parcelId,
  costFen: null,
  cardId: null,
  chargeableG: null,
  weightG,
  estimated,
  formula,
  inputs: null,
});

/** The cost of one parcel from its facts (and its estimated weight when it has none), pure given the context. */
export function costOf(ctx: CostContext, p: ParcelCostFacts, estimateG: number | null): ParcelCost {
  if (p.carrierId === null) return noCost(p.id, msg("rates.nocost.no_carrier"));
  const carrier = ctx.carriers.get(p.carrierId);
  const carrierName = carrier?.name ?? p.carrierId;
  const because = (reason: Message, w: number | null = null, est = false) =>
    noCost(p.id, msg("rates.nocost.because", { carrier: carrierName, reason }), w, est);
  const province = ctx.province(p.province);
  if (!province) return noCost(p.id, msg("rates.nocost.no_province"));
  const own = p.weightG !== null && p.weightG > 0 ? p.weightG : null;
  const weightG = own ?? estimateG;
  const estimated = own === null && weightG !== null;
  if (weightG === null) return noCost(p.id, msg("rates.nocost.no_weight"));
  const date = ctx.dateOf(p.shippedAt ?? p.packedAt ?? p.createdAt);
  if (carrier?.platforms && p.platform && !carrier.platforms.includes(p.platform))
    return because(
      msg("rates.out.carrier_platform", { platforms: carrier.platforms, platform: p.platform }),
      weightG,
      estimated,
    );
  const version = ctx.cardOn(p.carrierId, date);
  if (!version?.card) return because(msg("rates.out.no_card", { date }), weightG, estimated);
  const platforms = version.card.settings.platforms;
  if (platforms && p.platform && !platforms.includes(p.platform))
    return because(
      msg("rates.out.platform", { platforms, platform: p.platform }),
      weightG,
      estimated,
    );
  const dims: Dims | null =
    p.lengthMm && p.widthMm && p.heightMm
      ? { lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm }
      : null;
  // The figures only: the formula is what is stored (its inputs), built when read (a re-cost of a
  // million parcels reads none of them).
  const card = version.card;
  const q = quoteFee(card, { weightG, dims, province: province.code, estimated });
  if (!q.ok) return because(q.reason, weightG, estimated);
  const inputs = { revision: version.revision, weightG, dims, province: province.code, estimated };
  return {
    parcelId: p.id,
    costFen: q.feeFen,
    cardId: version.id,
    chargeableG: q.chargeableG,
    weightG,
    estimated,
    get formula() {
      return costFormulaOf(card, inputs);
    },
    inputs,
  };
}

/** Estimated weights of the parcels without one: Σ quantity × SKU weight, when every line has a weight. */
async function estimates(db: Executor, workspaceId: string, parcels: ParcelCostFacts[]) {
  const need = parcels.filter((p) => !(p.weightG !== null && p.weightG > 0)).map((p) => p.id);
  const out = new Map<string, number | null>();
  for (const line of await new ParcelCostRepository(db).skuLines(workspaceId, need)) {
    const sum = out.get(line.parcelId);
    if (sum === null) continue;
    out.set(
      line.parcelId,
      line.weightG === null || line.weightG <= 0 ? null : (sum ?? 0) + line.quantity * line.weightG,
    );
  }
  return out;
}

const toWrite = (c: ParcelCost): ParcelCostWrite => ({
  id: c.parcelId,
  costFen: c.costFen,
  cardId: c.cardId,
  formula: c.inputs ? encodeCostInputs(c.inputs) : storeMessage(c.formula),
});

/** The costs of a batch of parcels, computed (not written). */
async function computeBatch(
  db: Executor,
  workspaceId: string,
  ctx: CostContext,
  parcels: ParcelCostFacts[],
) {
  const est = await estimates(db, workspaceId, parcels);
  return parcels.map((p) => costOf(ctx, p, est.get(p.id) ?? null));
}

async function costBatch(
  db: Executor,
  workspaceId: string,
  ctx: CostContext,
  parcels: ParcelCostFacts[],
  sqlite?: BetterSqlite3.Database,
) {
  const costs = await computeBatch(db, workspaceId, ctx, parcels);
  await new ParcelCostRepository(db, sqlite).setCosts(workspaceId, costs.map(toWrite));
  return costs;
}

/** The better-sqlite3 handle behind a root SQLite handle (not a transaction's), else undefined. */
const sqliteHandle = (db: Executor) => (db.isTransaction ? undefined : sqliteOf(db as Kysely<DB>));

/**
 * (Re)computes and stores the costs of the given parcels of the workspace; returns them (ids of
 * another workspace or unknown ids are left out). Call it with the caller's transaction handle.
 */
export async function costParcels(
  db: Executor,
  workspaceId: string,
  parcelIds: readonly string[],
  ctx?: CostContext,
): Promise<ParcelCost[]> {
  const parcels = await new ParcelCostRepository(db).byIds(workspaceId, [...new Set(parcelIds)]);
  if (parcels.length === 0) return [];
  return costBatch(db, workspaceId, ctx ?? (await CostContext.load(db, workspaceId)), parcels);
}

/** (Re)computes and stores one parcel's cost; null when the workspace has no such parcel. */
export async function costParcel(
  db: Executor,
  workspaceId: string,
  parcelId: string,
): Promise<ParcelCost | null> {
  return (await costParcels(db, workspaceId, [parcelId]))[0] ?? null;
}

export interface RecostOptions {
  /** Only the parcels of these carriers; all parcels when left out. */
  carrierIds?: readonly string[] | null;
  /** Parcels read and written at a time. */
  batchSize?: number;
  /** Called after each batch with the parcels done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** From this many parcels a PostgreSQL re-cost first brings the table's statistics up to date. */
const ANALYZE_FROM = 20_000;

/**
 * Re-costs every parcel (not cancelled) of the workspace, or of some carriers, in batches by id —
 * after a rate card was imported or replaced. Give it the root handle: each batch is written on its
 * own (a million parcels are not one transaction).
 */
export async function recostParcels(
  db: Executor,
  workspaceId: string,
  o: RecostOptions = {},
): Promise<{ count: number; costed: number; totalFen: number }> {
  const repo = new ParcelCostRepository(db);
  const carrierIds = o.carrierIds ?? null;
  const size = Math.max(100, Math.min(o.batchSize ?? 5000, 20_000));
  const [total, ctx] = await Promise.all([
    repo.count(workspaceId, carrierIds),
    CostContext.load(db, workspaceId),
  ]);
  let after: string | null = null;
  let count = 0;
  let costed = 0;
  let totalFen = 0;
  o.onProgress?.(0, total);
  const sqlite = sqliteHandle(db);
  const tally = (costs: ParcelCost[]) => {
    for (const c of costs)
      if (c.costFen !== null) {
        costed++;
        totalFen += c.costFen;
      }
    count += costs.length;
    o.onProgress?.(Math.min(count, Math.max(total, count)), Math.max(total, count));
  };
  if (!sqlite) {
    // A large re-cost on PostgreSQL plans its batches on fresh statistics (refreshStatistics).
    if (total >= ANALYZE_FROM) await repo.refreshStatistics();
    // PostgreSQL (or a caller's transaction): each batch written in one statement
    // (ParcelCostRepository.setCosts), and while the database writes one batch this process reads
    // and costs the next — at most one write in flight, progress told as each write lands. With a
    // caller's transaction the batches run one after the other on it.
    const overlap = !db.isTransaction;
    let writing: Promise<void> | null = null;
    for (;;) {
      const page = await repo.page(workspaceId, carrierIds, after, size);
      const costs = page.length ? await computeBatch(db, workspaceId, ctx, page) : [];
      if (writing) await writing;
      writing = null;
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      const write = repo.setCosts(workspaceId, costs.map(toWrite)).then(() => tally(costs));
      if (overlap) {
        write.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
        writing = write;
      } else await write;
      if (page.length < size) break;
    }
    if (writing) await writing;
    return { count, costed, totalFen };
  }
  // SQLite: each batch is one transaction whose reads and writes run as prepared statements
  // (ParcelCostRepository with the better-sqlite3 handle).
  for (;;) {
    const { page, costs } = await (db as Kysely<DB>).transaction().execute(async (trx) => {
      const page = await new ParcelCostRepository(trx, sqlite).page(
        workspaceId,
        carrierIds,
        after,
        size,
      );
      return {
        page,
        costs: page.length ? await costBatch(trx, workspaceId, ctx, page, sqlite) : [],
      };
    });
    if (page.length === 0) break;
    tally(costs);
    after = page.at(-1)!.id;
    if (page.length < size) break;
  }
  return { count, costed, totalFen };
}
