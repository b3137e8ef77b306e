// The 待发货 queue in the database: paid, unshipped, not cancelled, not fully refunded orders that no
// shipped parcel has taken yet (an order split over several parcels stays while one of them is still
// open), in ship-by order. Ship-by = the promised time when the export has one, else paid_at + the
// shop's window (src/db/sql/ship-by.ts). Each shop gives two runs already in that order through the
// partial indexes of migration 2026-12-13-122-queue (by promised time; by payment time, which orders
// paid_at + window the same way), and one statement merges the runs: a page reads a few dozen index
// entries however long the queue is. Every method takes the workspace id and filters by it.
import { sql, type RawBuilder } from "kysely";
import { dialectOf, type Executor } from "../../db/database.js";
import { shipBySql } from "../../db/sql/ship-by.js";

/** A shop as the queue needs it: its dispatch window turns a payment time into a ship-by time. */
export interface QueueShop {
  id: string;
  name: string;
  platform: string;
  shipWindowHours: number;
}

/** The filters the repository applies in SQL (shop and platform choose the shops passed in). */
export interface QueueFilter {
  /** GB/T 2260 code; orders with that province code, or whose province text is one of `provinceNames`. */
  provinceCode?: string;
  provinceNames?: string[];
  /** A carrier: its parcel's carrier, or for an order with no parcel the carrier text of the export (any of these names). */
  carrier?: { id: string; names: string[] };
  /** A line's SKU equals it or starts with it. */
  sku?: string;
  /** Text inside the buyer's memo or the seller's memo. */
  memo?: string;
  /** true: only orders past their ship-by time at `now`; false: only those not yet past it. */
  overdue?: boolean;
  /** true: only orders already in an open parcel; false: only orders in none. */
  inParcel?: boolean;
}

export interface QueueRow {
  id: string;
  shopId: string;
  platform: string;
  platformOrderId: string;
  paidAt: string;
  promisedShipAt: string | null;
  shipBy: string;
  totalFen: number;
  refundFen: number;
  itemCount: number;
  buyerRef: string | null;
  recipient: string | null;
  phone: string | null;
  province: string | null;
  provinceCode: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  carrier: string | null;
  buyerMemo: string | null;
  sellerMemo: string | null;
}

/** What a merge proposal compares: the recipient as the platform gives it (masked values as given). */
export interface MergeCandidate {
  id: string;
  shopId: string;
  platformOrderId: string;
  paidAt: string;
  promisedShipAt: string | null;
  totalFen: number;
  itemCount: number;
  buyerRef: string | null;
  recipient: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  buyerMemo: string | null;
}

/** An order's facts a parcel needs before it takes the order. */
export interface ShippableOrder extends MergeCandidate {
  status: string;
  shippedAt: string | null;
  cancelledAt: string | null;
  refundFen: number;
  sellerMemo: string | null;
  provinceCode: string | null;
}

/** An order line, for parcels, splits, pick lists and slips. */
export interface OrderLine {
  orderId: string;
  lineNo: number;
  title: string;
  sku: string | null;
  variant: string | null;
  quantity: number;
  unitPriceFen: number | null;
  totalFen: number;
}

const hoursMs = (h: number) => h * 3_600_000;
const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A queue order's own conditions, as literals the partial indexes' predicates match. */
// The parcel check is one scalar subquery per row (the best state of the order's parcels: 0 open
// or packed, 1 shipped, 2 none or undone): an order leaves the queue when its best parcel is shipped.
/** The order's own conditions, without its parcels (literals the partial indexes' predicates match). */
const QUEUE_ORDER = sql<boolean>`o.shipped_at is null and o.cancelled_at is null and o.status = 'paid' and o.paid_at is not null and (o.refund_fen = 0 or o.refund_fen < o.total_fen)`;
const QUEUE_ROW = sql<boolean>`${QUEUE_ORDER} and coalesce((select min(case p.status when 'open' then 0 when 'packed' then 0 when 'shipped' then 1 else 2 end) from parcel_orders po join parcels p on p.workspace_id = po.workspace_id and p.id = po.parcel_id where po.workspace_id = o.workspace_id and po.order_id = o.id), 2) <> 1`;

const QUEUE_COLUMNS = sql.raw(
  [
    ["id", "id"],
    ["shop_id", "shopId"],
    ["platform", "platform"],
    ["platform_order_id", "platformOrderId"],
    ["paid_at", "paidAt"],
    ["promised_ship_at", "promisedShipAt"],
    ["total_fen", "totalFen"],
    ["refund_fen", "refundFen"],
    ["item_count", "itemCount"],
    ["buyer_ref", "buyerRef"],
    ["recipient", "recipient"],
    ["phone", "phone"],
    ["province", "province"],
    ["province_code", "provinceCode"],
    ["city", "city"],
    ["district", "district"],
    ["address", "address"],
    ["carrier", "carrier"],
    ["buyer_memo", "buyerMemo"],
    ["seller_memo", "sellerMemo"],
  ]
    .map(([c, a]) => `o.${c} as "${a}"`)
    .join(", "),
);

const LIVE_PARCEL_OF_ORDER = (extra: RawBuilder<unknown>) =>
  sql`exists (select 1 from parcel_orders po join parcels p on p.workspace_id = po.workspace_id and p.id = po.parcel_id where po.workspace_id = o.workspace_id and po.order_id = o.id and p.status in ('open', 'packed') and ${extra})`;

/** The filter's conditions on `orders o` (shop and platform choose the runs instead). */
function filterSql(f: QueueFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.provinceCode !== undefined || f.provinceNames?.length) {
    const alts: RawBuilder<unknown>[] = [];
    if (f.provinceCode) alts.push(sql`o.province_code = ${f.provinceCode}`);
    if (f.provinceNames?.length) alts.push(sql`o.province in (${sql.join(f.provinceNames)})`);
    out.push(sql`(${sql.join(alts, sql` or `)})`);
  }
  if (f.carrier) {
    const inParcel = LIVE_PARCEL_OF_ORDER(sql`p.carrier_id = ${f.carrier.id}`);
    const noCarrier = sql`not ${LIVE_PARCEL_OF_ORDER(sql`p.carrier_id is not null`)}`;
    const named = f.carrier.names.length
      ? sql`o.carrier in (${sql.join(f.carrier.names)})`
      : sql`1 = 0`;
    out.push(sql`(${inParcel} or (${noCarrier} and ${named}))`);
  }
  if (f.sku)
    out.push(
      sql`exists (select 1 from order_items i where i.workspace_id = o.workspace_id and i.order_id = o.id and i.sku like ${`${likeEscape(f.sku)}%`} escape '\\')`,
    );
  if (f.memo) {
    const pattern = `%${likeEscape(f.memo)}%`;
    out.push(
      sql`(o.buyer_memo like ${pattern} escape '\\' or o.seller_memo like ${pattern} escape '\\')`,
    );
  }
  if (f.inParcel !== undefined) {
    const e = LIVE_PARCEL_OF_ORDER(sql`1 = 1`);
    out.push(f.inParcel ? e : sql`not ${e}`);
  }
  return out;
}

export class QueueRepository {
  constructor(private readonly db: Executor) {}

  /** The workspace's shops with their dispatch windows, by name. */
  shops(workspaceId: string): Promise<QueueShop[]> {
    return this.db
      .selectFrom("shops")
      .select(["id", "name", "platform", "shipWindowHours"])
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }

  /**
   * One page of the queue by (ship-by, id) after `after`: for each shop its promised run and its
   * paid run, each cut at the page size in index order, merged and cut again. Written as one SQL
   * text (not the query builder): it is the hot path, and building the nested union costs more
   * than running it. The literals in the runs' conditions match the partial indexes' predicates.
   */
  async page(
    workspaceId: string,
    shops: readonly QueueShop[],
    filter: QueueFilter,
    opts: { now: string; limit: number; after?: { shipBy: string; id: string } },
  ): Promise<QueueRow[]> {
    if (shops.length === 0) return [];
    const { now, limit, after } = opts;
    const dialect = dialectOf(this.db);
    const common = filterSql(filter);
    const runs: RawBuilder<unknown>[] = [];
    for (const shop of shops) {
      const window = hoursMs(shop.shipWindowHours);
      for (const kind of ["promised", "paid"] as const) {
        const key = kind === "promised" ? sql.ref("o.promised_ship_at") : sql.ref("o.paid_at");
        const conds: RawBuilder<unknown>[] = [
          sql`o.workspace_id = ${workspaceId}`,
          sql`o.shop_id = ${shop.id}`,
          QUEUE_ROW,
          kind === "promised"
            ? sql`o.promised_ship_at is not null`
            : sql`o.promised_ship_at is null`,
          ...common,
        ];
        if (after) {
          const from = kind === "promised" ? after.shipBy : minus(after.shipBy, window);
          conds.push(sql`(${key}, o.id) > (${from}, ${after.id})`);
        }
        if (filter.overdue !== undefined) {
          const at = kind === "promised" ? now : minus(now, window);
          conds.push(filter.overdue ? sql`${key} < ${at}` : sql`${key} >= ${at}`);
        }
        const shipBy =
          kind === "promised"
            ? sql`o.promised_ship_at`
            : shipBySql(dialect, {
                paidAt: sql`o.paid_at`,
                promised: sql`o.promised_ship_at`,
                hours: sql.lit(shop.shipWindowHours),
              });
        runs.push(
          sql`select * from (select ${QUEUE_COLUMNS}, ${shipBy} as "shipBy" from orders o where ${sql.join(conds, sql` and `)} order by ${key}, o.id limit ${limit}) as ${sql.id(`r${runs.length}`)}`,
        );
      }
    }
    const { rows } =
      await sql<QueueRow>`select * from (${sql.join(runs, sql` union all `)}) as q order by "shipBy", id limit ${limit}`.execute(
        this.db,
      );
    return rows.map((r) => ({
      ...r,
      totalFen: Number(r.totalFen),
      refundFen: Number(r.refundFen),
      itemCount: Number(r.itemCount),
    }));
  }

  /** How many orders each shop has in the queue, and how many of them are past ship-by at `now`. */
  async counts(
    workspaceId: string,
    shops: readonly QueueShop[],
    now: string,
  ): Promise<{ shopId: string; orders: number; overdue: number; dueToday: number }[]> {
    if (shops.length === 0) return [];
    const out: { shopId: string; orders: number; overdue: number; dueToday: number }[] = [];
    const soon = new Date(Date.parse(now) + 24 * 3_600_000).toISOString();
    for (const shop of shops) {
      const window = hoursMs(shop.shipWindowHours);
      const r = await this.db
        .selectFrom("orders as o")
        .where("o.workspaceId", "=", workspaceId)
        .where("o.shopId", "=", shop.id)
        .where("o.shippedAt", "is", null)
        .where(QUEUE_ROW as RawBuilder<boolean>)
        .select([
          sql<number>`count(*)`.as("orders"),
          sql<number>`sum(case when (o.promised_ship_at is not null and o.promised_ship_at < ${now}) or (o.promised_ship_at is null and o.paid_at < ${minus(now, window)}) then 1 else 0 end)`.as(
            "overdue",
          ),
          sql<number>`sum(case when (o.promised_ship_at is not null and o.promised_ship_at >= ${now} and o.promised_ship_at < ${soon}) or (o.promised_ship_at is null and o.paid_at >= ${minus(now, window)} and o.paid_at < ${minus(soon, window)}) then 1 else 0 end)`.as(
            "dueToday",
          ),
        ])
        .executeTakeFirst();
      out.push({
        shopId: shop.id,
        orders: Number(r?.orders ?? 0),
        overdue: Number(r?.overdue ?? 0),
        dueToday: Number(r?.dueToday ?? 0),
      });
    }
    return out;
  }

  /**
   * The queue orders a merge may take: not refunded at all and in no parcel yet (an order already in
   * a parcel is merged by undoing that parcel first).
   */
  async mergeCandidates(
    workspaceId: string,
    shopIds: readonly string[],
  ): Promise<MergeCandidate[]> {
    if (shopIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("orders as o")
      .where("o.workspaceId", "=", workspaceId)
      .where("o.shopId", "in", [...shopIds])
      .where("o.shippedAt", "is", null)
      .where(QUEUE_ORDER as RawBuilder<boolean>)
      .where("o.refundFen", "=", 0)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("parcelOrders as po")
              .innerJoin("parcels as p", (j) =>
                j.onRef("p.workspaceId", "=", "po.workspaceId").onRef("p.id", "=", "po.parcelId"),
              )
              .select(sql.lit(1).as("one"))
              .whereRef("po.workspaceId", "=", "o.workspaceId")
              .whereRef("po.orderId", "=", "o.id")
              .where("p.status", "!=", "cancelled"),
          ),
        ),
      )
      .select([
        "o.id",
        "o.shopId",
        "o.platformOrderId",
        sql<string>`o.paid_at`.as("paidAt"),
        "o.promisedShipAt",
        "o.totalFen",
        "o.itemCount",
        "o.buyerRef",
        "o.recipient",
        "o.phone",
        "o.province",
        "o.city",
        "o.district",
        "o.address",
        sql<string | null>`o.buyer_memo`.as("buyerMemo"),
      ])
      .execute();
    return rows.map((r) => ({
      ...r,
      totalFen: Number(r.totalFen),
      itemCount: Number(r.itemCount),
    }));
  }

  /** The carrier texts the exports gave unshipped orders (顺丰速运, 中通快递 …), to match a carrier against. */
  async carrierTexts(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("orders")
      .select("carrier")
      .distinct()
      .where("workspaceId", "=", workspaceId)
      .where("shippedAt", "is", null)
      .where("carrier", "is not", null)
      .limit(1000)
      .execute();
    return rows.map((r) => r.carrier!).filter((c) => c.trim() !== "");
  }

  /** The given orders of the workspace with what decides whether a parcel may take them. */
  async orders(workspaceId: string, ids: readonly string[]): Promise<ShippableOrder[]> {
    const out: ShippableOrder[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom("orders as o")
        .where("o.workspaceId", "=", workspaceId)
        .where("o.id", "in", ids.slice(i, i + 500))
        .select([
          "o.id",
          "o.shopId",
          "o.platformOrderId",
          "o.status",
          "o.shippedAt",
          "o.cancelledAt",
          sql<string>`o.paid_at`.as("paidAt"),
          "o.promisedShipAt",
          "o.totalFen",
          "o.refundFen",
          "o.itemCount",
          "o.buyerRef",
          "o.recipient",
          "o.phone",
          "o.province",
          "o.provinceCode",
          "o.city",
          "o.district",
          "o.address",
          sql<string | null>`o.buyer_memo`.as("buyerMemo"),
          "o.sellerMemo",
        ])
        .execute();
      for (const r of rows)
        out.push({
          ...r,
          totalFen: Number(r.totalFen),
          refundFen: Number(r.refundFen),
          itemCount: Number(r.itemCount),
        });
    }
    return out;
  }

  /** The lines of the given orders, by order and line number. */
  async lines(workspaceId: string, orderIds: readonly string[]): Promise<OrderLine[]> {
    const out: OrderLine[] = [];
    for (let i = 0; i < orderIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("orderItems")
        .select([
          "orderId",
          "lineNo",
          "title",
          "sku",
          "variant",
          "quantity",
          "unitPriceFen",
          "totalFen",
        ])
        .where("workspaceId", "=", workspaceId)
        .where("orderId", "in", orderIds.slice(i, i + 500))
        .orderBy("orderId")
        .orderBy("lineNo")
        .execute();
      for (const r of rows)
        out.push({
          ...r,
          quantity: Number(r.quantity),
          unitPriceFen: r.unitPriceFen === null ? null : Number(r.unitPriceFen),
          totalFen: Number(r.totalFen),
        });
    }
    return out;
  }
}
