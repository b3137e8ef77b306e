// Which order is which across files (issue 13): the platform's own id, not the number people see.
import { describe, expect, it } from "vitest";
import { parseCsv } from "./table.js";
import { isLater, parseImport, type OrderState } from "./index.js";
import { OrderRowStream } from "./stream.js";
import { PROFILES } from "./profiles.js";

const HEADER = [
  "Name",
  "Email",
  "Financial Status",
  "Paid at",
  "Fulfillment Status",
  "Fulfilled at",
  "Currency",
  "Total",
  "Created at",
  "Lineitem quantity",
  "Lineitem name",
  "Lineitem price",
  "Cancelled at",
  "Refunded Amount",
  "Id",
];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const order = (v: Row): string[] => HEADER.map((h) => v[h] ?? "");
const paid = (name: string, id: string, more: Row = {}): string[][] => [
  order({
    Name: name,
    Email: `${id}@example.com`,
    "Financial Status": "paid",
    "Paid at": "2026-05-01 10:00:00 +0000",
    "Fulfillment Status": "unfulfilled",
    Currency: "USD",
    Total: "30.00",
    "Created at": "2026-05-01 09:59:00 +0000",
    "Lineitem quantity": "1",
    "Lineitem name": "Mug",
    "Lineitem price": "30.00",
    "Refunded Amount": "0.00",
    Id: id,
    ...more,
  }),
  // Shopify's continuation row: the number and the line, no id.
  order({
    Name: name,
    Email: `${id}@example.com`,
    "Created at": "2026-05-01 09:59:00 +0000",
    "Lineitem quantity": "2",
    "Lineitem name": "Tea",
    "Lineitem price": "5.00",
  }),
];
const file = (name: string, rows: string[][]) => ({
  file: name,
  records: [HEADER, ...rows],
  encoding: "utf-8" as const,
});

describe("order identity across the files of one import", () => {
  it("reads one number under two ids as two orders, and says the files look like several stores", () => {
    const r = parseImport(
      [
        file("store-a.csv", [...paid("#1001", "510001"), ...paid("#1002", "510002")]),
        file("store-b.csv", paid("#1001", "520001")),
      ],
      { format: "auto" },
    );
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => [o.platformOrderId, o.orderKey, o.items.length])).toEqual([
      ["#1001", "510001", 2],
      ["#1002", "510002", 2],
      ["#1001", "520001", 2],
    ]);
    expect(r.warnings).toEqual([
      { code: "shop.warning.several_stores", params: { names: 1, example: "#1001" } },
    ]);
  });

  it("keeps an order found in several files once, in its latest state, whatever the file order", () => {
    const early = file("orders_export__9_.csv", paid("#1001", "510001"));
    const later = file(
      "orders_export__10_.csv",
      paid("#1001", "510001", {
        "Fulfillment Status": "fulfilled",
        "Fulfilled at": "2026-05-02 08:00:00 +0000",
      }),
    );
    const refunded = file(
      "orders_export__11_.csv",
      paid("#1001", "510001", {
        "Financial Status": "partially_refunded",
        "Fulfillment Status": "fulfilled",
        "Fulfilled at": "2026-05-02 08:00:00 +0000",
        "Refunded Amount": "10.00",
      }),
    );
    for (const files of [
      [early, later, refunded],
      [refunded, later, early],
      [later, refunded, early],
    ]) {
      const r = parseImport(files, { format: "auto" });
      expect(r.problems).toEqual([]);
      expect(r.orders).toHaveLength(1);
      expect(r.orders[0]).toMatchObject({
        orderKey: "510001",
        shippedAt: "2026-05-02T08:00:00.000Z",
        refundFen: 1000,
        file: "orders_export__11_.csv",
      });
      expect(r.lineItems).toBe(2);
      expect(r.warnings).toEqual([
        { code: "shop.warning.orders_merged", params: { orders: 1, copies: 2 } },
      ]);
    }
  });

  it("refuses one id under two numbers (two stores' ids colliding), with file and row", () => {
    const r = parseImport(
      [
        file("a.csv", paid("#1001", "77")),
        file("b.csv", [...paid("#1", "5"), ...paid("#2", "77")]),
      ],
      { format: "auto" },
    );
    expect(r.problems).toEqual([
      {
        file: "b.csv",
        row: 4,
        column: "",
        code: "shop.order.id_other_name",
        params: { order: "77", name: "#2", otherName: "#1001", file: "a.csv" },
      },
    ]);
  });

  it("says when the orders are in several currencies", () => {
    const r = parseImport(
      [file("usd.csv", paid("#1", "1")), file("eur.csv", paid("#9", "9", { Currency: "EUR" }))],
      { format: "auto" },
    );
    expect(r.warnings).toEqual([
      { code: "shop.warning.currencies_differ", params: { currencies: ["EUR", "USD"] } },
    ]);
  });

  it("streams the rows of two stores' #1001 as two orders (a row without an id continues the one above)", () => {
    const profile = PROFILES.find((p) => p.id === "shopify-orders")!;
    const s = new OrderRowStream(1, HEADER, profile, "two-stores.csv");
    const out = [];
    const rows = [...paid("#1001", "510001"), ...paid("#1001", "520001")];
    rows.forEach((cells, i) => out.push(...s.push(i + 2, cells)));
    out.push(...s.end());
    expect(s.problems).toEqual([]);
    expect(out.map((o) => [o.platformOrderId, o.orderKey, o.items.length])).toEqual([
      ["#1001", "510001", 2],
      ["#1001", "520001", 2],
    ]);
  });

  it("reads WooCommerce's Order ID as the identity and its Order Number as the number", () => {
    const text =
      "Order Number,Order ID,Order Status,Order Date,Order Total,Item Name,Quantity,Item Total\n" +
      "WC-100,4401,completed,2026-05-01 10:00:00,20.00,Mug,1,20.00\n" +
      "WC-100,4402,completed,2026-05-02 10:00:00,25.00,Tea,1,25.00\n";
    const records = parseCsv(text);
    if (!("records" in records)) throw new Error("not CSV");
    const r = parseImport([{ file: "woo.csv", records: records.records, encoding: "utf-8" }], {
      format: "auto",
    });
    expect(r.orders.map((o) => [o.platformOrderId, o.orderKey, o.totalFen])).toEqual([
      ["WC-100", "4401", 2000],
      ["WC-100", "4402", 2500],
    ]);
  });
});

describe("which copy of an order is the later state", () => {
  const state = (s: Partial<OrderState>): OrderState => ({
    updated: NaN,
    events: 2,
    last: 1000,
    refundFen: 0,
    source: 0,
    ...s,
  });
  it("goes by the export's own update time where both copies have one", () => {
    expect(isLater(state({ updated: 5, events: 4 }), state({ updated: 6, source: -1 }))).toBe(true);
    expect(isLater(state({ updated: 6 }), state({ updated: 5, events: 4, source: 3 }))).toBe(false);
  });
  it("else by how far the order had come: events, the last one's time, the refund", () => {
    expect(isLater(state({ events: 3 }), state({ events: 4, source: -1 }))).toBe(true);
    expect(isLater(state({ last: 2000 }), state({ last: 1000, source: 9 }))).toBe(false);
    expect(isLater(state({ refundFen: 500 }), state({ refundFen: 0, source: 9 }))).toBe(false);
    expect(isLater(state({ updated: 5 }), state({ refundFen: 1 }))).toBe(true);
  });
  it("else the later file wins", () => {
    expect(isLater(state({ source: 1 }), state({ source: 2 }))).toBe(true);
    expect(isLater(state({ source: 2 }), state({ source: 1 }))).toBe(false);
  });
});
