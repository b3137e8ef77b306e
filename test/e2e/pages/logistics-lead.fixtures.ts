// Files the 物流 lead's journey meets, made from the demo shop's own data as the outside world would
// make them: a carrier's monthly bill (对账单) for the parcels it carried, with a few lines charged
// more than the rate card says and a waybill that is not the shop's; the platform's write-back file
// read back; and the platform's next order export (Taobao's 订单报表 and 宝贝报表, GBK) after the
// seller uploaded that file, where the orders now carry the waybills — all but one the upload missed.
import iconv from "iconv-lite";
import type { UploadFile } from "./logistics-lead.pages.js";

const csvLine = (cells: (string | number)[]) =>
  cells
    .map(String)
    .map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(",");
const gbk = (name: string, rows: (string | number)[][]): UploadFile => ({
  name,
  buffer: iconv.encode(rows.map(csvLine).join("\r\n") + "\r\n", "gb18030"),
});

/** A parcel as the batch API gives it (the fields a bill and a check need). */
export interface BatchParcel {
  id: string;
  status: string;
  platformOrderIds: string[];
  province: string | null;
  carrierName: string | null;
  waybillNo: string | null;
  weightG: number | null;
  cost: string | null;
}

/**
 * 中通's bill for the month as its portal exports it (GBK, a title row above the header): one line
 * per waybill with the carrier's weight (ours, to the gram) and fee — the computed cost, plus
 * `extra` yuan on the waybills named there — and a last line for a waybill the shop never shipped.
 */
export function carrierBill(
  title: string,
  day: string,
  parcels: readonly BatchParcel[],
  extra: ReadonlyMap<string, string>,
  stranger: { waybill: string; fee: string },
): UploadFile {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const fen = (s: string) => Math.round(Number(s) * 100);
  const rows = parcels.map((p, i) => [
    i + 1,
    p.waybillNo!,
    day,
    p.province ?? "",
    (p.weightG! / 1000).toFixed(3),
    yuan(fen(p.cost!) + fen(extra.get(p.waybillNo!) ?? "0")),
  ]);
  rows.push([rows.length + 1, stranger.waybill, day, "广东", "1.000", stranger.fee]);
  return gbk(`${title}.csv`, [
    [title],
    ["序号", "运单号", "发件日期", "目的省份", "重量(kg)", "运费(元)"],
    ...rows,
  ]);
}

/** A write-back line as the seller uploads it: order number, carrier as the platform names it, waybill. */
export interface WritebackLine {
  order: string;
  carrier: string;
  waybill: string;
}

/** Reads Taobao's write-back file (GBK CSV: 订单编号, 物流公司, 运单号); cells made inert are unwrapped. */
export function readWriteback(bytes: Buffer): { header: string[]; lines: WritebackLine[] } {
  const cell = (c: string) =>
    c
      .trim()
      .replace(/^"(.*)"$/s, "$1")
      .replace(/^="(.*)"$/s, "$1")
      .replace(/^['\t]/, "");
  const [head, ...rows] = iconv
    .decode(bytes, "gb18030")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(",").map(cell));
  return {
    header: head ?? [],
    lines: rows.map(([order, carrier, waybill]) => ({
      order: order!,
      carrier: carrier!,
      waybill: waybill!,
    })),
  };
}

/** An order as GET /api/v1/orders gives it (the fields a Taobao report carries). */
export interface ApiOrder {
  platformOrderId: string;
  status: string;
  placedAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  total: string;
  goods: string;
  shipping: string;
  refund: string;
  itemCount: number;
  buyer: string | null;
  recipient: string | null;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  items: {
    title: string;
    sku: string | null;
    variant: string | null;
    quantity: number;
    unitPrice: string | null;
    total: string;
  }[];
}

/** An instant as Taobao writes it: Beijing time, "2026-11-25 09:12:40". */
const beijing = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ") : "";

/**
 * Taobao's next export of these orders after the write-back: each order the file carried is now
 * 卖家已发货 with the waybill and carrier sent and its shipping time (the one Dayclear has, else
 * `shippedAt`) — except `missed`, which the
 * platform still lists as paid and waiting (the upload skipped its row). Order report and item
 * report, GBK, ids as ="…" as Taobao writes them.
 */
export function taobaoNextExport(
  orders: readonly ApiOrder[],
  sent: ReadonlyMap<string, WritebackLine>,
  shippedAt: string,
  missed: string,
): UploadFile[] {
  const id = (no: string) => `="${no}"`;
  const status = (o: ApiOrder) =>
    o.platformOrderId === missed ? "买家已付款，等待卖家发货" : "卖家已发货，等待买家确认";
  const orderRows = orders.map((o) => {
    const line = o.platformOrderId === missed ? undefined : sent.get(o.platformOrderId);
    return [
      id(o.platformOrderId),
      o.buyer ?? "",
      o.goods,
      o.shipping,
      o.total,
      o.total,
      status(o),
      o.recipient ?? "",
      [o.province, o.city, o.district, o.address].filter(Boolean).join(" "),
      o.phone ? `'${o.phone}` : "",
      beijing(o.placedAt),
      beijing(o.paidAt),
      line ? `No:${line.waybill}` : "",
      line?.carrier ?? "",
      o.itemCount,
      o.refund,
      line ? beijing(o.shippedAt ?? shippedAt) : "",
    ];
  });
  // Each line under its own 子订单编号 (an order may hold the same SKU twice, which would otherwise
  // be two identical rows; Taobao numbers the sub-orders, here after the order's number).
  const itemRows = orders.flatMap((o) =>
    o.items.map((i, n) => [
      id(o.platformOrderId),
      id(`${o.platformOrderId}${String(n + 1).padStart(2, "0")}`),
      i.title,
      i.unitPrice ?? i.total,
      i.quantity,
      i.variant ?? "",
      status(o),
      i.sku ?? "",
    ]),
  );
  return [
    gbk("ExportOrderList202611.csv", [
      [
        "订单编号",
        "买家会员名",
        "买家应付货款",
        "买家应付邮费",
        "总金额",
        "买家实际支付金额",
        "订单状态",
        "收货人姓名",
        "收货地址",
        "联系手机",
        "订单创建时间",
        "订单付款时间",
        "物流单号",
        "物流公司",
        "宝贝总数量",
        "退款金额",
        "发货时间",
      ],
      ...orderRows,
    ]),
    gbk("ExportOrderDetailList202611.csv", [
      ["订单编号", "子订单编号", "标题", "价格", "购买数量", "商品属性", "订单状态", "商家编码"],
      ...itemRows,
    ]),
  ];
}
