// The demo shop's logistics (issue 14, "Demo"): two carriers with rate cards (中通 and 顺丰, zones
// from 江浙沪 to 新疆/西藏, valid from 90 days ago); every order shipped in the last two months in a
// parcel — the day's batch, a waybill, a scale weight, the 物流 member who packed it at the pack
// station — costed with the rates part's costParcels; yesterday's batch handed over; today's
// printed batch waiting to be packed, with one order refunded after its slip was printed (the pack
// station stops it); today's and some of yesterday's orders on Taobao and Douyin still to ship, a
// few overdue, two of one buyer (a merge proposal); and last month's 中通 bill (GBK CSV with a few
// overcharges, one re-weighed parcel and a waybill that is not the shop's) imported and reconciled
// through the bills part. The packers' Today shows their packing runs from these (packing-work).
// Deterministic: a seeded generator, days relative to the workspace's today.
import { dateInZone } from "../../core/calendar/today.js";
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { newId } from "../../core/ids.js";
import { nextBatchNumber } from "../../core/logistics/queue.js";
import { localDayStart } from "../../core/logistics/packing.js";
import {
  cardV1,
  compileRateCard,
  DEFAULT_SETTINGS,
  type RateCardV1,
  type RateZoneV1,
} from "../../core/logistics/rate-card.js";
import { msg, storeMessage } from "../../core/messages/index.js";
import { encodeText } from "../../core/orders/decode.js";
import { seededRandom } from "../../core/seeded-random.js";
import type {
  OrdersTable,
  ParcelItemsTable,
  ParcelOrdersTable,
  ParcelsTable,
  ScanEventsTable,
  ShipBatchesTable,
} from "../../db/schema.js";
import { DemoGoalsPayRepository } from "../demo/demo-goals-pay.repository.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierBillService } from "./bills.service.js";
import { CarrierRepository } from "./carriers.repository.js";
import {
  LogisticsDemoRepository,
  type DemoOrder,
  type DemoTracking,
} from "./logistics-demo.repository.js";
import { CostContext, costOf, costParcels, type ParcelCost } from "./parcel-cost.js";
import { BatchRepository, SkuSettingsRepository } from "./parcels.repository.js";
import { RateCardRepository } from "./rates.repository.js";
import { ScanRepository } from "./scan.repository.js";

// ---- The orders' side: what is still to ship ------------------------------------------------------

/** Plain text order (ISO instants, order numbers), not the locale's collation. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const WAITING_STATUS = "买家已付款，等待卖家发货";
/** Orders paid yesterday from this local hour on wait for today's batch. */
const YESTERDAY_CUTOFF_MINUTES = 16 * 60;
/** Orders of three days ago per shop still unshipped: past their 48-hour ship-by. */
const OVERDUE_PER_SHOP = 2;

/** The demo workspace's day of an instant (its zone is Asia/Shanghai). */
const chinaDate = (ms: number) => dateInZone(new Date(ms), "Asia/Shanghai");

/** The orders' shipping times moved into one wave a day per shop (see holdDemoShipments). */
function shipInWaves(orders: OrdersTable[], waveHour: number, at: string): void {
  const rand = seededRandom(4000 + waveHour);
  const shipBy = (x: OrdersTable) =>
    x.promisedShipAt ? Date.parse(x.promisedShipAt) : Date.parse(x.paidAt!) + 48 * 3_600_000;
  const waveOf = (date: string) =>
    Date.parse(`${date}T${String(waveHour).padStart(2, "0")}:00:00+08:00`);
  const days = new Map<string, OrdersTable[]>();
  const shipped = orders
    .filter((x) => x.shippedAt !== null && x.paidAt)
    .sort((a, b) => cmp(a.shippedAt!, b.shippedAt!) || cmp(a.platformOrderId, b.platformOrderId));
  for (const x of shipped) {
    const was = Date.parse(x.shippedAt!);
    let day = chinaDate(was);
    // Late stays late: when that day's wave starts by the ship-by, the next day's (it is after it).
    if (was > shipBy(x) && waveOf(day) <= shipBy(x)) day = addDays(day, 1);
    const list = days.get(day);
    if (list) list.push(x);
    else days.set(day, [x]);
  }
  const now = Date.parse(at);
  for (const [day, list] of days) {
    let t = waveOf(day);
    for (const x of list) {
      t += (40 + Math.floor(rand() * 40)) * 1000;
      x.shippedAt = t <= now ? new Date(t).toISOString() : null;
    }
  }
}

/**
 * Called by the demo's order generator on one shop's orders (in payment order) before they are
 * stored. The warehouse ships in one wave a day per shop (`waveHour`, China time: Taobao's in the
 * morning, Douyin's in the afternoon): each order ships in the wave of the day the generator
 * shipped it, a parcel every 40–80 seconds — an order shipped late stays late (the next day's
 * wave when that day's would be in time), one shipped in time stays in time. Not shipped yet, so
 * the platform lists them as paid: today's orders, yesterday's paid from 16:00, two of three days
 * ago (past their 48-hour ship-by) and what today's wave has not reached by `at`. Yesterday's last
 * refunded order and those paid after 16:00 were refunded before they shipped. When `merge`, the
 * latest order waiting (paid by `at`) comes from the buyer of the one before it, to the same
 * address: the queue proposes to merge them.
 */
export function holdDemoShipments(
  orders: OrdersTable[],
  o: { today: string; at: string; waveHour: number; merge: boolean },
): void {
  shipInWaves(orders, o.waveHour, o.at);
  const yesterday = addDays(o.today, -1);
  const overdueDay = addDays(o.today, -3);
  let overdue = 0;
  const lastRefund = orders.findLast((x) => x.paidDate === yesterday && x.status === "refunded");
  for (const x of orders) {
    if (!x.paidAt || !x.paidDate) continue;
    const refunded = x.status === "refunded";
    const localMinutes =
      (Date.parse(x.paidAt) - Date.parse(`${x.paidDate}T00:00:00+08:00`)) / 60_000;
    if (x.paidDate === yesterday && localMinutes >= YESTERDAY_CUTOFF_MINUTES) x.shippedAt = null;
    if (x === lastRefund) x.shippedAt = null;
    if (!refunded && x.paidDate === overdueDay && overdue < OVERDUE_PER_SHOP) {
      x.shippedAt = null;
      overdue++;
    }
    if (!refunded && x.shippedAt === null) {
      x.status = "paid";
      x.rawStatus = WAITING_STATUS;
      x.completedAt = null;
    }
  }
  if (o.merge) {
    const waiting = orders.filter(
      (x) =>
        x.status === "paid" &&
        x.shippedAt === null &&
        x.paidDate! >= yesterday &&
        x.paidAt! <= o.at,
    );
    const [first, second] = waiting.slice(-2);
    if (first && second)
      Object.assign(second, {
        buyerRef: first.buyerRef,
        customerKey: first.customerKey,
        recipient: first.recipient,
        phone: first.phone,
        province: first.province,
        provinceCode: first.provinceCode,
        city: first.city,
        district: first.district,
        address: first.address,
      });
  }
}

// ---- Carriers' rate cards ----------------------------------------------------------------------------

const flat = (fromKg: string, toKg: string, price: string) => ({
  fromKg,
  toKg,
  mode: "flat" as const,
  price,
});
const firstAdd = (
  fromKg: string,
  firstKg: string,
  firstFee: string,
  stepKg: string,
  stepFee: string,
) => ({
  fromKg,
  toKg: null,
  mode: "first_additional" as const,
  firstKg,
  firstFee,
  stepKg,
  stepFee,
});

/** 中通's e-commerce contract from a Hangzhou warehouse: flat prices to 3 kg, then per kg. */
const ZTO_ZONES: RateZoneV1[] = [
  {
    name: "一区 江浙沪皖",
    provinces: ["上海", "江苏", "浙江", "安徽"],
    bands: [
      flat("0", "0.5", "2.80"),
      flat("0.5", "1", "3.20"),
      flat("1", "2", "4.00"),
      flat("2", "3", "5.00"),
      firstAdd("3", "3", "5.00", "1", "1.00"),
    ],
  },
  {
    name: "二区 华北华中华南",
    provinces: ["北京", "天津", "河北", "山东", "河南", "湖北", "湖南", "江西", "福建", "广东"],
    bands: [
      flat("0", "0.5", "3.00"),
      flat("0.5", "1", "3.50"),
      flat("1", "2", "5.00"),
      flat("2", "3", "6.50"),
      firstAdd("3", "3", "6.50", "1", "2.00"),
    ],
  },
  {
    name: "三区 西南东北",
    provinces: [
      "山西",
      "陕西",
      "重庆",
      "四川",
      "贵州",
      "云南",
      "广西",
      "海南",
      "辽宁",
      "吉林",
      "黑龙江",
    ],
    bands: [
      flat("0", "0.5", "3.30"),
      flat("0.5", "1", "4.00"),
      flat("1", "2", "6.00"),
      flat("2", "3", "8.00"),
      firstAdd("3", "3", "8.00", "1", "3.00"),
    ],
  },
  {
    name: "四区 西北",
    provinces: ["内蒙古", "甘肃", "青海", "宁夏"],
    bands: [flat("0", "1", "6.00"), firstAdd("1", "1", "6.00", "1", "5.00")],
  },
  {
    name: "偏远 新疆西藏",
    provinces: ["新疆", "西藏"],
    bands: [firstAdd("0", "1", "12.00", "1", "10.00")],
  },
];

/** 顺丰标快 monthly account: first kg + each further 0.5 kg, a remote surcharge for 新疆/西藏. */
const SF_ZONES: RateZoneV1[] = [
  { name: "省内", provinces: ["浙江"], bands: [firstAdd("0", "1", "10.00", "0.5", "1.00")] },
  {
    name: "一区 江浙沪皖",
    provinces: ["上海", "江苏", "安徽"],
    bands: [firstAdd("0", "1", "12.00", "0.5", "1.00")],
  },
  {
    name: "二区",
    provinces: [
      "北京",
      "天津",
      "河北",
      "山西",
      "山东",
      "河南",
      "湖北",
      "湖南",
      "江西",
      "福建",
      "广东",
    ],
    bands: [firstAdd("0", "1", "13.00", "0.5", "1.50")],
  },
  {
    name: "三区",
    provinces: [
      "陕西",
      "重庆",
      "四川",
      "贵州",
      "云南",
      "广西",
      "海南",
      "辽宁",
      "吉林",
      "黑龙江",
      "内蒙古",
    ],
    bands: [firstAdd("0", "1", "15.00", "0.5", "2.50")],
  },
  {
    name: "四区 西北",
    provinces: ["甘肃", "青海", "宁夏"],
    bands: [firstAdd("0", "1", "18.00", "0.5", "4.00")],
  },
  {
    name: "偏远 新疆西藏",
    provinces: ["新疆", "西藏"],
    bands: [firstAdd("0", "1", "20.00", "0.5", "5.00")],
  },
];

const ZTO_CARD: RateCardV1 = {
  format: "dayclear.rate-card/v1",
  settings: {
    ...DEFAULT_SETTINGS,
    divisor: 8000,
    volumetric: "half",
    volumetricPct: 50,
    stepRounding: "0.5",
  },
  zones: ZTO_ZONES,
};
const SF_CARD: RateCardV1 = {
  format: "dayclear.rate-card/v1",
  settings: {
    ...DEFAULT_SETTINGS,
    divisor: 6000,
    volumetric: "full",
    stepRounding: "0.5",
    firstWeightMinimum: true,
    remoteSurcharge: "5.00",
    remoteProvinces: ["新疆", "西藏"],
    insuranceRate: "0.5",
  },
  zones: SF_ZONES,
};

/** The demo's SKUs (orders.demo.ts): where they sit and what one weighs packed, grams. */
const SKUS: [sku: string, location: string, weightG: number][] = [
  ["QD-001", "A-01-01", 420],
  ["CS-002", "A-01-02", 330],
  ["KZ-003", "A-02-01", 520],
  ["WY-004", "A-02-02", 610],
  ["YRF-005", "B-01-01", 880],
  ["WJ-006", "B-02-01", 230],
  ["TX-007", "C-01-01", 240],
  ["WZ-008", "C-01-02", 190],
  ["MZ-009", "C-02-01", 140],
];
/** Box and filler, grams. */
const PACKAGING_G = 80;
/** Parcels on today's printed batch, waiting for the pack station. */
const TODAY_BATCH = 10;
/** How far back parcels go (at least to the start of last month, for its bill). */
const HISTORY_DAYS = 60;

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const compact = (date: string) => date.replace(/-/g, "");

function compiledCard(v1: RateCardV1): string {
  const c = compileRateCard("demo", v1);
  if (!c.ok) throw new Error(`demo rate card: ${JSON.stringify(c.problems[0])}`);
  return JSON.stringify(cardV1(c.card));
}

interface Packers {
  member: string;
  lead: string;
}

/**
 * Seeds the demo workspace's logistics (see the file's head): the carriers' cards, parcels,
 * batches and scans in one transaction, then last month's 中通 bill through the bill import.
 * Call it after the demo's orders and people exist.
 */
export async function seedDemoLogistics(deps: ServiceDeps, owner: Actor): Promise<void> {
  const ws = owner.workspaceId;
  const at = nowIso(deps);
  const bill = await deps.db.transaction().execute(async (trx) => {
    const rand = seededRandom(1414);
    const timeZone = await new BatchRepository(trx).timeZone(ws);
    const today = workspaceToday(new Date(at), timeZone);

    // Carriers (seeded on first use) and their cards from 90 days ago; the SKUs' weights.
    const carriers = await new CarrierRepository(trx).list(ws, at);
    const zto = carriers.find((c) => c.code === "ZTO");
    const sf = carriers.find((c) => c.code === "SF");
    if (!zto || !sf) return null;
    const cards = new RateCardRepository(trx);
    for (const [carrierId, card] of [
      [zto.id, ZTO_CARD],
      [sf.id, SF_CARD],
    ] as const)
      await cards.put(ws, {
        carrierId,
        validFrom: addDays(today, -90),
        card: compiledCard(card),
        createdBy: owner.memberId,
        at,
      });
    const skus = new SkuSettingsRepository(trx);
    for (const [sku, location, weightG] of SKUS)
      await skus.put(ws, { sku, location, weightG, updatedAt: at });
    const skuWeight = new Map(SKUS.map(([sku, , w]) => [sku, w]));

    const people = await new DemoGoalsPayRepository(trx).people(ws);
    const logistics = people.filter((p) => p.department === "物流");
    const packers: Packers | null =
      logistics.length > 0
        ? {
            member: (logistics.find((p) => p.role === "member") ?? logistics[0]!).id,
            lead: (logistics.find((p) => p.role === "lead") ?? logistics[0]!).id,
          }
        : null;
    if (!packers) return null;

    // The recent orders: shipped since the history's first day, or still waiting.
    const lastMonthStart = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const firstDay = [addDays(today, -HISTORY_DAYS), lastMonthStart].sort()[0]!;
    const repo = new LogisticsDemoRepository(trx);
    const since = localDayStart(firstDay, timeZone);
    const waitingSince = addDays(today, -5);
    const [orders, lines] = await Promise.all([
      repo.orders(ws, since, waitingSince),
      repo.lines(ws, since, waitingSince),
    ]);
    const linesOf = new Map<string, typeof lines>();
    for (const l of lines) {
      const list = linesOf.get(l.orderId);
      if (list) list.push(l);
      else linesOf.set(l.orderId, [l]);
    }
    const weightOf = (o: DemoOrder) =>
      PACKAGING_G +
      (linesOf.get(o.id) ?? []).reduce(
        (g, l) => g + l.quantity * (skuWeight.get(l.sku ?? "") ?? 300),
        0,
      );
    const carrierFor = (o: DemoOrder) =>
      (o.totalFen >= 40_000 ? rand() < 0.6 : rand() < 0.06) ? sf : zto;

    const batches: ShipBatchesTable[] = [];
    const parcels: ParcelsTable[] = [];
    const parcelOrders: ParcelOrdersTable[] = [];
    const parcelItems: ParcelItemsTable[] = [];
    const scans: ScanEventsTable[] = [];
    const batchNumbers: string[] = [];
    const addParcel = (o: DemoOrder, p: Omit<ParcelsTable, "workspaceId" | "id" | "shopId">) => {
      const id = newId();
      const parcel: ParcelsTable = { workspaceId: ws, id, shopId: o.shopId, ...p };
      parcels.push(parcel);
      parcelOrders.push({ workspaceId: ws, parcelId: id, orderId: o.id });
      for (const l of linesOf.get(o.id) ?? [])
        parcelItems.push({
          workspaceId: ws,
          parcelId: id,
          orderId: o.id,
          lineNo: l.lineNo,
          quantity: l.quantity,
        });
      return parcel;
    };
    const newBatch = (
      date: string,
      b: Pick<ShipBatchesTable, "status" | "createdAt" | "printedAt" | "handedOverAt">,
    ) => {
      const number = nextBatchNumber(date, batchNumbers);
      batchNumbers.push(number);
      const row: ShipBatchesTable = {
        workspaceId: ws,
        id: newId(),
        number,
        createdBy: packers.lead,
        version: 1,
        ...b,
      };
      batches.push(row);
      return row;
    };

    // Shipped parcels: one per order, in the batch of the day it shipped, scanned at the pack
    // station (slip, then waybill on the scale) by 何军 mostly, else 马强.
    const shipped = orders
      .filter((o) => o.shippedAt !== null)
      .sort((a, b) => cmp(a.shippedAt!, b.shippedAt!) || cmp(a.platformOrderId, b.platformOrderId));
    // One batch per shop's wave: its local day, from each day's first instant (the orders are in
    // shipping order); handed over to the couriers at 17:00.
    const waves = new Map<string, { day: string; orders: DemoOrder[] }>();
    let current = firstDay;
    let next = localDayStart(addDays(current, 1), timeZone);
    for (const o of shipped) {
      while (o.shippedAt! >= next) {
        current = addDays(current, 1);
        next = localDayStart(addDays(current, 1), timeZone);
      }
      const key = `${current}|${o.shopId}`;
      const wave = waves.get(key);
      if (wave) wave.orders.push(o);
      else waves.set(key, { day: current, orders: [o] });
    }
    const shippedParcels: { parcel: ParcelsTable; order: DemoOrder; day: string }[] = [];
    const tracking: DemoTracking[] = [];
    const slipsFrom = addDays(today, -6);
    let seq = 0;
    for (const { day, orders: dayOrders } of waves.values()) {
      const first = Date.parse(dayOrders[0]!.shippedAt!);
      const last = Date.parse(dayOrders.at(-1)!.shippedAt!);
      const handedOver = Math.max(
        last + 20 * MINUTE,
        Date.parse(localDayStart(day, timeZone)) + 17 * 3_600_000,
      );
      const batch = newBatch(day, {
        status: handedOver <= Date.parse(at) ? "handed_over" : "printed",
        createdAt: iso(first - 40 * MINUTE),
        printedAt: iso(first - 35 * MINUTE),
        handedOverAt: handedOver <= Date.parse(at) ? iso(handedOver) : null,
      });
      for (const o of dayOrders) {
        const carrier = carrierFor(o);
        seq++;
        const waybill =
          carrier === sf
            ? `SF14${compact(day).slice(2)}${String(seq).padStart(5, "0")}`
            : `7531${compact(day).slice(2)}${String(seq % 10_000).padStart(4, "0")}`;
        const weightG = weightOf(o) + Math.floor(rand() * 40) - 10;
        const packer = rand() < 0.7 ? packers.member : packers.lead;
        const shippedAt = o.shippedAt!;
        const parcel = addParcel(o, {
          batchId: batch.id,
          status: "shipped",
          carrierId: carrier.id,
          waybillNo: waybill,
          waybillSource: "scan",
          weightG,
          weightSource: "scale",
          lengthMm: null,
          widthMm: null,
          heightMm: null,
          province: o.province,
          packedBy: packer,
          packedAt: shippedAt,
          shippedAt,
          costFen: null,
          costCardId: null,
          costFormula: null,
          exportedAt: null,
          version: 2,
          createdAt: batch.createdAt,
          updatedAt: shippedAt,
        });
        const id = parcel.id;
        shippedParcels.push({ parcel, order: o, day });
        const orderNumbers = [o.platformOrderId];
        tracking.push({ orderId: o.id, waybillNo: waybill, carrier: carrier.name });
        // The slip scans of the last week (older ones add nothing the history reads).
        if (day >= slipsFrom)
          scans.push({
            workspaceId: ws,
            id: newId(),
            memberId: packer,
            at: iso(Date.parse(shippedAt) - (25 + Math.floor(rand() * 30)) * 1000),
            code: id,
            parcelId: id,
            outcome: "ok",
            message: storeMessage(
              msg("scan.slip_ok", {
                orders: orderNumbers,
                recipient: o.recipient ?? "",
                waybill: "",
              }),
            ),
            step: "slip",
          });
        scans.push({
          workspaceId: ws,
          id: newId(),
          memberId: packer,
          at: shippedAt,
          code: waybill,
          parcelId: id,
          outcome: "ok",
          message: storeMessage(
            msg("scan.shipped_weight", {
              orders: orderNumbers,
              carrier: carrier.name,
              waybill,
              kg: (weightG / 1000).toFixed(3),
            }),
          ),
          step: "waybill",
        });
      }
    }
    // A few waybills scanned onto the wrong box, stopped by the pack station (wrong shipments):
    // one last month, two this month.
    const wrongAt = [
      shippedParcels.findIndex((p) => p.day >= addDays(lastMonthStart, 9)),
      shippedParcels.findIndex((p) => p.day >= addDays(`${today.slice(0, 7)}-01`, 0)),
      shippedParcels.length - 12,
    ];
    for (const i of wrongAt) {
      const mine = shippedParcels[i];
      const theirs = shippedParcels[i - 1];
      if (!mine || !theirs) continue;
      const p = mine.parcel;
      scans.push({
        workspaceId: ws,
        id: newId(),
        memberId: p.packedBy!,
        at: iso(Date.parse(p.packedAt!) - 15_000),
        code: theirs.parcel.waybillNo!,
        parcelId: p.id,
        outcome: "wrong_parcel",
        message: storeMessage(
          msg("scan.waybill_used", {
            waybill: theirs.parcel.waybillNo!,
            orders: [theirs.order.platformOrderId],
            mine: [mine.order.platformOrderId],
          }),
        ),
        step: "waybill",
      });
    }

    // Today's printed batch: the orders due first (not overdue ones, not the two of one buyer the
    // queue proposes to merge), and one refunded after its slip was printed.
    const printedAt = Date.parse(at) - 35 * MINUTE;
    const waiting = orders.filter(
      (o) =>
        o.shippedAt === null &&
        o.status === "paid" &&
        o.refundFen < o.totalFen &&
        Date.parse(o.paidAt) < printedAt - 10 * MINUTE,
    );
    const buyerCount = new Map<string, number>();
    const buyerKey = (o: DemoOrder) => `${o.shopId}|${o.buyerRef}|${o.province}|${o.address}`;
    for (const o of waiting) buyerCount.set(buyerKey(o), (buyerCount.get(buyerKey(o)) ?? 0) + 1);
    const shipBy = (o: DemoOrder) => o.promisedShipAt ?? iso(Date.parse(o.paidAt) + 48 * 3_600_000);
    const toPack = waiting
      .filter((o) => buyerCount.get(buyerKey(o)) === 1 && shipBy(o) > at)
      .sort((a, b) => cmp(shipBy(a), shipBy(b)) || cmp(a.platformOrderId, b.platformOrderId))
      .slice(0, TODAY_BATCH);
    const refunded = orders.findLast(
      (o) =>
        o.shippedAt === null &&
        o.refundFen >= o.totalFen &&
        o.paidDate >= addDays(today, -1) &&
        Date.parse(o.paidAt) < printedAt - 10 * MINUTE,
    );
    if (refunded) toPack.push(refunded);
    if (toPack.length) {
      const batch = newBatch(today, {
        status: "printed",
        createdAt: iso(printedAt - 5 * MINUTE),
        printedAt: iso(printedAt),
        handedOverAt: null,
      });
      for (const o of toPack)
        addParcel(o, {
          batchId: batch.id,
          status: "open",
          carrierId: carrierFor(o).id,
          waybillNo: null,
          waybillSource: null,
          weightG: null,
          weightSource: null,
          lengthMm: null,
          widthMm: null,
          heightMm: null,
          province: o.province,
          packedBy: null,
          packedAt: null,
          shippedAt: null,
          costFen: null,
          costCardId: null,
          costFormula: null,
          exportedAt: null,
          version: 1,
          createdAt: batch.createdAt,
          updatedAt: batch.createdAt,
        });
    }

    await repo.insertBatches(batches);
    await repo.insertParcels(parcels, parcelOrders, parcelItems);
    await new ScanRepository(trx).recordScans(scans);
    await repo.stampTracking(ws, tracking);

    // Every parcel costed from the card of its ship day (open ones from the SKUs' weights).
    const ctx = await CostContext.load(trx, ws);
    const costs = new Map<string, ParcelCost>();
    const ids = parcels.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 5000)
      for (const c of await costParcels(trx, ws, ids.slice(i, i + 5000), ctx))
        costs.set(c.parcelId, c);

    // Last month's 中通 bill: the carrier's own weights (a few grams off ours), its fees — a few
    // overcharged, one parcel re-weighed heavier and charged for it, one waybill not the shop's.
    const lastMonth = lastMonthStart.slice(0, 7);
    const billed = shippedParcels.filter(
      (p) =>
        p.parcel.carrierId === zto.id &&
        p.day.startsWith(lastMonth) &&
        costs.get(p.parcel.id)?.costFen != null,
    );
    if (billed.length === 0) return null;
    const over = new Set<number>();
    while (over.size < Math.min(4, billed.length - 1)) over.add(Math.floor(rand() * billed.length));
    let reweighed = Math.floor(rand() * billed.length);
    while (over.has(reweighed)) reweighed = (reweighed + 1) % billed.length;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const kg = (g: number) => (g / 1000).toFixed(2);
    const rows: string[] = [];
    billed.forEach((p, i) => {
      const parcel = p.parcel;
      let weightG = parcel.weightG! + Math.floor(rand() * 60) - 30;
      let fee = costs.get(parcel.id)!.costFen!;
      if (over.has(i)) fee += 50 * (1 + Math.floor(rand() * 4));
      if (i === reweighed) {
        weightG = parcel.weightG! + 1_200;
        fee =
          costOf(ctx, { ...parcel, platform: p.order.platform, weightG: weightG }, null).costFen ??
          fee + 300;
      }
      rows.push(
        [i + 1, parcel.waybillNo, p.day, p.order.province ?? "", kg(weightG), yuan(fee)].join(","),
      );
    });
    rows.push(
      [
        billed.length + 1,
        `7539${compact(lastMonthStart).slice(2)}0001`,
        `${lastMonth}-28`,
        "广东",
        "1.20",
        "6.50",
      ].join(","),
    );
    const [y, m] = lastMonth.split("-");
    const text = [
      `中通快递 客户对账单 ${y}年${Number(m)}月`,
      "序号,运单号,发件日期,目的省份,重量(kg),运费(元)",
      ...rows,
    ].join("\r\n");
    return { carrierId: zto.id, period: lastMonth, text };
  });
  if (!bill) return;
  await new CarrierBillService(deps).importBill(owner, {
    carrierId: bill.carrierId,
    fileName: `中通对账单-${bill.period}.csv`,
    bytes: encodeText(bill.text, "gb18030"),
    period: bill.period,
  });
}
