// Rows of a platform export → canonical orders, refunds or visitor counts. Pure: the caller has
// already turned bytes into a Table (see table.ts / decode.ts).
import { divRound, parseMoney } from "../money.js";
import type { ColumnMapping, OrderField, RefundField, VisitorField } from "./fields.js";
import { findColumn, type Profile } from "./profiles.js";
import { findProvince, splitAddress } from "./provinces.js";
import { mapRefundStatus, mapStatus, shopifyStatus, type OrderStatus } from "./status.js";
import type { Table } from "./table.js";
import { cleanCell, normalizeHeader, parsePacked, stripTrackingPrefix } from "./text.js";
import { parseLocalTime } from "./time.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { moneyProblemCode } from "./problems.js";
import type {
  ImportWarning,
  ParsedFile,
  ParsedItem,
  ParsedOrder,
  ParsedRefund,
  ParsedVisitorDay,
  Problem,
} from "./types.js";

type AnyField = OrderField | RefundField | VisitorField;

/** A profile built from a user's column mapping. */
export function mappingProfile(mapping: ColumnMapping, name: string): Profile {
  const fields: Profile["fields"] = {};
  for (const [k, v] of Object.entries(mapping.fields)) if (v) fields[k as OrderField] = [v];
  return {
    id: `mapping:${name}`,
    platform: "custom",
    kind: "orders",
    label: `Column mapping "${name}"`,
    signature: [],
    fields,
    utcOffset: mapping.utcOffset ?? "+08:00",
    currency: mapping.currency ?? "CNY",
    dashIsEmpty: true,
  };
}

export class Reader {
  readonly cols = new Map<AnyField, number>();
  readonly problems: Problem[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly trimmedHeaders: string[];
  constructor(
    readonly table: Table,
    readonly profile: Profile,
    readonly file: string,
  ) {
    this.trimmedHeaders = table.headers.map((h) => h.trim());
    const normalized = table.headers.map(normalizeHeader);
    for (const [field, aliases] of Object.entries(profile.fields)) {
      const i = findColumn(normalized, aliases);
      if (i >= 0) this.cols.set(field as AnyField, i);
    }
  }
  has(f: AnyField) {
    return this.cols.has(f);
  }
  header(f: AnyField): string {
    const i = this.cols.get(f);
    return i === undefined ? (this.profile.fields[f]?.[0] ?? f) : this.table.headers[i]!.trim();
  }
  get(cells: string[], f: AnyField): string {
    const i = this.cols.get(f);
    return i === undefined ? "" : cleanCell(cells[i], this.profile.dashIsEmpty);
  }
  /** A problem at a row (and the field's column): the column's header is a parameter, `{column}`. */
  problem(row: number, f: AnyField | "", code: MessageCode, params: MessageParams = {}) {
    const column = f === "" ? "" : this.header(f);
    this.problems.push({
      row,
      column,
      file: this.file,
      code,
      params: f === "" ? params : { column, ...params },
    });
  }
  warn(code: MessageCode, params: MessageParams) {
    this.warnings.push({ file: this.file, code, params });
  }
  money(row: number, cells: string[], f: AnyField): number | null {
    const v = this.get(cells, f);
    if (v === "") return null;
    const r = parseMoney(v);
    if (!r.ok) {
      this.problem(row, f, moneyProblemCode(r.reason), { value: v });
      return null;
    }
    return r.fen;
  }
  time(row: number, cells: string[], f: AnyField): string | null {
    const v = this.get(cells, f);
    if (v === "" || /^0{4}-0{2}-0{2}/.test(v) || v === "1970-01-01 08:00:00") return null;
    const r = parseLocalTime(v, this.profile.utcOffset);
    if (!r.ok) {
      this.problem(row, f, r.reason, { value: r.value });
      return null;
    }
    return r.iso;
  }
  int(row: number, cells: string[], f: AnyField): number | null {
    const v = this.get(cells, f).replace(/,/g, "");
    if (v === "") return null;
    if (!/^\d+(\.0+)?$/.test(v)) {
      this.problem(row, f, "shop.cell.not_whole_number", { value: v });
      return null;
    }
    return Number.parseInt(v, 10);
  }
  raw(cells: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    const headers = this.trimmedHeaders;
    for (let i = 0; i < headers.length; i++) {
      const c = cells[i];
      if (c !== undefined && c !== "") out[headers[i]!] = c;
    }
    return out;
  }
  unknownColumns(): string[] {
    const used = new Set(this.cols.values());
    return this.table.headers
      .map((h, i) =>
        used.has(i) || h.trim() === "" || /^line_item_\d+$/i.test(h.trim()) ? null : h.trim(),
      )
      .filter((h): h is string => h !== null);
  }
}

function emptyFile(file: string, p: Profile, rowCount: number): ParsedFile {
  return {
    file,
    kind: p.kind,
    platform: p.platform,
    profileId: p.id,
    label: p.label,
    version: "",
    rowCount,
    orders: [],
    itemsByOrder: new Map(),
    refunds: [],
    visitors: [],
    problems: [],
    warnings: [],
    unknownColumns: [],
  };
}

/** Rows identical to an earlier row are refused: a file exported twice into one, or a copy-paste slip. */
function duplicateRows(r: Reader): void {
  const seen = new Map<string, number>();
  for (const { row, cells } of r.table.rows) {
    const key = cells.map((c) => c.trim()).join("\u0001");
    const first = seen.get(key);
    if (first !== undefined) r.problem(row, "", "shop.row.duplicate", { row, first });
    else seen.set(key, row);
  }
}

export function parseTable(
  table: Table,
  profile: Profile,
  file: string,
  opts: { mapping?: ColumnMapping; version?: string } = {},
): ParsedFile {
  const r = new Reader(table, profile, file);
  const out = emptyFile(file, profile, table.rows.length);
  out.version = opts.version ?? "";
  out.unknownColumns = r.unknownColumns();
  // Missing required columns are reported on the header row.
  const required: AnyField[] =
    profile.kind === "orders"
      ? ["orderId", "orderTotal"]
      : profile.kind === "items"
        ? ["orderId", "itemTitle"]
        : profile.kind === "refunds"
          ? ["orderId", "refundAmount"]
          : ["date", "visitors"];
  const packed = table.headers.some((h) => /^line_item_\d+$/i.test(h.trim()));
  for (const f of required) {
    if (!r.has(f))
      r.problem(table.headerRow, f, "shop.column.required", {
        column: profile.fields[f]?.join(" / ") ?? f,
      });
  }
  if (table.rows.length === 0) r.problem(table.headerRow + 1, "", "shop.file.no_rows");
  if (r.problems.length) {
    out.problems = r.problems;
    return out;
  }
  duplicateRows(r);

  if (profile.kind === "visitors") out.visitors = readVisitors(r);
  else if (profile.kind === "refunds") out.refunds = readRefunds(r);
  else if (profile.kind === "items") out.itemsByOrder = readItemReport(r);
  else out.orders = readOrders(r, packed, opts.mapping);
  out.problems = r.problems;
  out.warnings = r.warnings;
  return out;
}

function readVisitors(r: Reader): ParsedVisitorDay[] {
  const out: ParsedVisitorDay[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of r.table.rows) {
    const t = parseLocalTime(
      r
        .get(cells, "date")
        .replace(/^(\d{8})$/, (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`),
      "+00:00",
    );
    const visitors = r.int(row, cells, "visitors");
    if (!t.ok) {
      r.problem(row, "date", t.reason, { value: t.value });
      continue;
    }
    const date = t.iso.slice(0, 10);
    if (seen.has(date)) r.problem(row, "date", "shop.visitors.date_twice", { date });
    seen.add(date);
    if (visitors === null) {
      if (r.get(cells, "visitors") === "") r.problem(row, "visitors", "shop.cell.empty");
      continue;
    }
    out.push({ date, visitors, row });
  }
  return out;
}

function readRefunds(r: Reader): ParsedRefund[] {
  const out: ParsedRefund[] = [];
  for (const { row, cells } of r.table.rows) {
    const orderId = r.get(cells, "orderId");
    if (!orderId) {
      r.problem(row, "orderId", "shop.cell.empty");
      continue;
    }
    const amount = r.money(row, cells, "refundAmount");
    if (amount === null && r.get(cells, "refundAmount") === "")
      r.problem(row, "refundAmount", "shop.cell.empty");
    const rawStatus = r.get(cells, "refundStatus");
    out.push({
      platformRefundId: r.get(cells, "refundId") || `${orderId}#${row}`,
      platformOrderId: orderId,
      amountFen: amount ?? 0,
      status: mapRefundStatus(rawStatus),
      rawStatus,
      reason: r.get(cells, "reason") || null,
      kind: r.get(cells, "kind") || null,
      requestedAt: r.time(row, cells, "requestedAt"),
      completedAt: r.time(row, cells, "completedAt"),
      row,
      raw: r.raw(cells),
    });
  }
  return out;
}

function itemOf(r: Reader, row: number, cells: string[], lineNo: number): ParsedItem | null {
  const title = r.get(cells, "itemTitle");
  const sku = r.get(cells, "itemSku");
  if (!title && !sku) return null;
  const quantity = r.int(row, cells, "itemQuantity") ?? 1;
  const unit = r.money(row, cells, "itemPrice");
  const total = r.money(row, cells, "itemTotal");
  return {
    lineNo,
    subOrderId: r.get(cells, "subOrderId") || null,
    title: title || sku,
    sku: sku || null,
    productId: r.get(cells, "itemProductId") || null,
    variant: r.get(cells, "itemVariant") || null,
    quantity,
    unitPriceFen: unit ?? (total !== null && quantity > 0 ? divRound(total, quantity) : null),
    totalFen: total ?? (unit !== null ? unit * quantity : 0),
  };
}

function readItemReport(r: Reader): Map<string, ParsedItem[]> {
  const out = new Map<string, ParsedItem[]>();
  for (const { row, cells } of r.table.rows) {
    const orderId = r.get(cells, "orderId");
    if (!orderId) {
      r.problem(row, "orderId", "shop.cell.empty");
      continue;
    }
    const list = out.get(orderId) ?? [];
    const item = itemOf(r, row, cells, list.length + 1);
    if (item) list.push(item);
    out.set(orderId, list);
  }
  return out;
}

function packedItems(r: Reader, row: number, cells: string[], start: number): ParsedItem[] {
  const out: ParsedItem[] = [];
  r.table.headers.forEach((h, i) => {
    if (!/^line_item_\d+$/i.test(h.trim())) return;
    const cell = (cells[i] ?? "").trim();
    if (!cell) return;
    const p = parsePacked(cell);
    const quantity = Number.parseInt(p.quantity ?? "1", 10);
    const total = parseMoney(p.total ?? "0");
    if (!total.ok || !Number.isFinite(quantity)) {
      r.problems.push({
        row,
        column: h.trim(),
        file: r.file,
        code: "shop.cell.packed_item",
        params: { column: h.trim(), value: cell },
      });
      return;
    }
    out.push({
      lineNo: start + out.length,
      subOrderId: null,
      title: p.name ?? p.sku ?? "",
      sku: p.sku || null,
      productId: p.product_id || null,
      variant: p.meta || null,
      quantity,
      unitPriceFen: quantity > 0 ? divRound(total.fen, quantity) : null,
      totalFen: total.fen,
    });
  });
  return out;
}

/** The rows of one order: `id` is its identity (ParsedOrder.orderKey), `name` its number. */
export interface Group {
  id: string;
  name: string;
  rows: { row: number; cells: string[] }[];
}

/**
 * The identity of the order a row belongs to: the platform's own id where the export has that
 * column (Shopify `Id`, WooCommerce `Order ID`), else the order number. Shopify writes the id on
 * an order's first row only: a row without one belongs to the last order of the same number
 * (`last` remembers them: every number in a whole file, the previous row's in a stream).
 */
export function rowKey(
  r: Reader,
  cells: string[],
  name: string,
  last: Map<string, string>,
  keepAll: boolean,
): string {
  if (!r.has("orderKey")) return name;
  const key = r.get(cells, "orderKey");
  if (!key) return last.get(name) ?? name;
  if (!keepAll) last.clear();
  last.set(name, key);
  return key;
}

function readOrders(r: Reader, packed: boolean, mapping?: ColumnMapping): ParsedOrder[] {
  const groups = new Map<string, Group>();
  const last = new Map<string, string>();
  const onePerOrder = r.profile.id === "taobao-orders";
  for (const { row, cells } of r.table.rows) {
    const name = r.get(cells, "orderId");
    if (!name) {
      r.problem(row, "orderId", "shop.cell.empty");
      continue;
    }
    const id = rowKey(r, cells, name, last, true);
    const g = groups.get(id);
    if (g && onePerOrder) {
      r.problem(row, "orderId", "shop.order.twice", { order: name, first: g.rows[0]!.row });
      continue;
    }
    if (g) g.rows.push({ row, cells });
    else groups.set(id, { id, name, rows: [{ row, cells }] });
  }
  const out: ParsedOrder[] = [];
  for (const g of groups.values()) {
    const o = readOrder(r, g, packed, mapping);
    if (o) out.push(o);
  }
  return out;
}

export function readOrder(
  r: Reader,
  g: Group,
  packed: boolean,
  mapping?: ColumnMapping,
): ParsedOrder | null {
  const first = g.rows[0]!;
  // Order-level values: the first row that has one (Shopify and WooCommerce write them on the
  // first row only; JD, PDD and Douyin repeat them on every row — never summed).
  // The first row with a value for f (no object per look-up: this runs for every field of every order).
  const pick = (f: AnyField): { row: number; cells: string[] } | null => {
    if (!r.has(f)) return null;
    for (const x of g.rows) if (r.get(x.cells, f) !== "") return x;
    return null;
  };
  const text = (f: AnyField) => {
    if (!r.has(f)) return "";
    for (const x of g.rows) {
      const v = r.get(x.cells, f);
      if (v !== "") return v;
    }
    return "";
  };
  const money = (f: AnyField) => {
    const p = pick(f);
    return p ? r.money(p.row, p.cells, f) : null;
  };
  const time = (f: AnyField) => {
    const p = pick(f);
    return p ? r.time(p.row, p.cells, f) : null;
  };
  const before = r.problems.length;

  const total = money("orderTotal");
  if (total === null && !pick("orderTotal"))
    r.problem(first.row, "orderTotal", "shop.order.total_empty", { order: g.name });
  const repeated = new Set(g.rows.map((x) => r.get(x.cells, "orderTotal")).filter((v) => v !== ""));
  if (repeated.size > 1)
    r.warn("shop.warning.total_differs", {
      order: g.name,
      column: r.header("orderTotal"),
      values: [...repeated],
    });

  const items: ParsedItem[] = [];
  for (const x of g.rows) {
    if (packed) items.push(...packedItems(r, x.row, x.cells, items.length + 1));
    else {
      const it = itemOf(r, x.row, x.cells, items.length + 1);
      if (it) items.push(it);
    }
  }
  const goods = money("goodsTotal");
  const shipping = money("shipping") ?? 0;
  const discount = (money("discount") ?? 0) + (money("discount2") ?? 0);
  const refund = money("refund") ?? 0;
  // Taobao's order report names the goods but has no prices: one line with the order's goods amount.
  if (items.length === 1 && items[0]!.unitPriceFen === null && items[0]!.totalFen === 0) {
    const it = items[0]!;
    it.totalFen = goods ?? Math.max(0, (total ?? 0) - shipping);
    it.unitPriceFen = it.quantity > 0 ? divRound(it.totalFen, it.quantity) : null;
  }
  const placedAt = time("placedAt");
  let paidAt = time("paidAt");
  const shippedAt = time("shippedAt");
  const completedAt = time("completedAt");
  const cancelledAt = time("cancelledAt");
  const promisedShipAt = time("promisedShipAt");
  const updatedAt = time("updatedAt");

  let rawStatus = text("status");
  let status: OrderStatus | null;
  if (r.profile.platform === "shopify") {
    const fin = text("financialStatus"),
      ful = text("fulfillmentStatus");
    rawStatus = [fin, ful].filter(Boolean).join("/");
    status = shopifyStatus(fin, ful, cancelledAt ?? "");
  } else {
    status = mapping?.statuses?.[rawStatus] ?? mapStatus(rawStatus);
  }
  if (status === null) {
    if (rawStatus)
      r.warn(paidAt ? "shop.warning.unknown_status_paid" : "shop.warning.unknown_status_unpaid", {
        order: g.name,
        status: rawStatus,
      });
    status = paidAt ? "paid" : "unpaid";
  }
  // A paid status without a payment time (cash on delivery, some exports): paid when placed.
  if (!paidAt && status !== "unpaid" && status !== "cancelled") paidAt = placedAt;
  if (status === "cancelled" && paidAt && total !== null && refund >= total && refund > 0)
    status = "refunded";

  let trackingNo = stripTrackingPrefix(text("trackingNo")) || null;
  let carrier = text("carrier") || null;
  const info = text("trackingInfo");
  if (info) {
    const i = info.indexOf("-");
    trackingNo = (i > 0 ? info.slice(0, i) : info).trim();
    carrier = i > 0 ? info.slice(i + 1).trim() : carrier;
  }

  const country = text("country") || null;
  let provinceText = text("province") || null;
  let city = text("city") || null;
  let district = text("district") || null;
  let zip = text("zip") || null;
  let address = text("address") || null;
  const street = text("street");
  if (address) {
    const split = splitAddress(address);
    provinceText ??= split.provinceText;
    city ??= split.city;
    district ??= split.district;
    zip ??= split.zip;
  } else if (street || provinceText) {
    address = [provinceText, city, district, street].filter(Boolean).join(" ") || null;
  }
  const chinese = r.profile.utcOffset === "+08:00" || country === "CN" || country === "China";
  const province = chinese ? findProvince(provinceText) : null;
  const phone = text("phone") || text("phone2") || null;

  if (r.problems.length > before) return null;
  return {
    platformOrderId: g.name,
    orderKey: g.id,
    updatedAt,
    file: r.file,
    status,
    rawStatus,
    placedAt,
    paidAt,
    shippedAt,
    completedAt,
    cancelledAt,
    currency: (text("currency") || mapping?.currency || r.profile.currency).toUpperCase(),
    totalFen: total ?? 0,
    goodsFen: goods ?? items.reduce((s, i) => s + i.totalFen, 0),
    shippingFen: shipping,
    discountFen: discount,
    refundFen: refund,
    buyerId: text("buyerId") || null,
    buyerName: text("buyerName") || null,
    email: text("email").toLowerCase() || null,
    phone,
    recipient: text("recipient") || null,
    country,
    province: province?.name ?? provinceText,
    provinceCode: province?.code ?? null,
    city,
    district,
    address,
    zip,
    trackingNo,
    carrier,
    sellerMemo: text("sellerMemo") || null,
    buyerMemo: text("buyerMemo") || null,
    salesRef: text("salesRef") || null,
    promisedShipAt,
    items,
    rows: g.rows.map((x) => x.row),
    raw: g.rows.map((x) => r.raw(x.cells)),
  };
}

/** Joins Taobao's 宝贝报表 into the orders of its 订单报表 (by 订单编号). */
export function joinItems(
  orders: ParsedOrder[],
  itemsByOrder: Map<string, ParsedItem[]>,
  file?: string,
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const byId = new Map(orders.map((o) => [o.platformOrderId, o]));
  for (const [id, items] of itemsByOrder) {
    const o = byId.get(id);
    if (!o) {
      warnings.push({
        ...(file === undefined ? {} : { file }),
        code: "shop.warning.item_order_missing",
        params: { order: id },
      });
      continue;
    }
    if (items.length) o.items = items.map((it, i) => ({ ...it, lineNo: i + 1 }));
  }
  return warnings;
}
