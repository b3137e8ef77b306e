// A large import builds the orders' secondary indexes after its rows on SQLite (import-indexes.ts):
// inside its transaction, so a refused import leaves the indexes and every row as they were, and a
// committed one leaves the same indexes and the right figures. PostgreSQL keeps its indexes.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import { sqliteOf } from "../../db/database.js";
import { ImportRejected } from "./import.service.js";

async function* records(rows: string[][]) {
  for (const r of rows) yield r;
}

/** A Shopify export: `orders` orders of two lines each, paid on 2026-10-05. */
function shopifyRows(orders: number): string[][] {
  const rows: string[][] = [
    ["Name", "Email", "Financial Status", "Paid at", "Currency", "Subtotal", "Total"].concat([
      "Created at",
      "Lineitem quantity",
      "Lineitem name",
      "Lineitem price",
      "Lineitem sku",
    ]),
  ];
  const at = "2026-10-05 10:00:00 +0000";
  for (let i = 1; i <= orders; i++) {
    rows.push(
      [`#${i}`, `b${i % 300}@example.com`, "paid", at, "USD", "20.00", "20.00"].concat([
        at,
        "1",
        "Mug",
        "12.00",
        "MUG",
      ]),
    );
    rows.push([
      `#${i}`,
      `b${i % 300}@example.com`,
      "",
      "",
      "",
      "",
      "",
      at,
      "1",
      "Tea",
      "8.00",
      "TEA",
    ]);
  }
  return rows;
}

for (const dialect of DIALECTS) {
  describe(`a large import's indexes on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    const indexes = async () =>
      dialect === "sqlite"
        ? (
            await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
              where type = 'index' and tbl_name in ('orders', 'order_import_changes') order by name`.execute(
              tdb.database.db,
            )
          ).rows
        : (
            await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql
              from pg_indexes where tablename in ('orders', 'order_import_changes') order by indexname`.execute(
              tdb.database.db,
            )
          ).rows;
    const orderCount = async () =>
      Number(
        (
          await tdb.database.db
            .selectFrom("orders")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it("leaves the indexes and the rows as they were when it is refused, and the same indexes when it commits", async () => {
      const before = await buildWorkspace(s);
      await s.imports.importStream(
        before.owner,
        { shopName: "Earlier" },
        "orders_export.csv",
        records(shopifyRows(50)),
      );
      const indexesBefore = await indexes();
      expect(indexesBefore.map((i) => i.name)).toContain("orders_paid_customer_idx");
      const ordersBefore = await orderCount();

      const { owner, workspaceId } = await buildWorkspace(s);
      const rows = shopifyRows(6000);
      const bad = rows.map((r) => [...r]);
      bad[11_999]![6] = "twenty"; // the last order's total: after every batch was written
      // What the import's own connection sees while it runs (SQLite: the secondary indexes gone).
      const during: string[][] = [];
      const look = () => {
        const h = sqliteOf(tdb.database.db);
        if (h)
          during.push(
            (
              h
                .prepare(
                  "select name from sqlite_master where type = 'index' and tbl_name = 'orders'",
                )
                .all() as {
                name: string;
              }[]
            ).map((r) => r.name),
          );
      };
      const refused = await s.imports
        .importStream(owner, { shopName: "Big" }, "orders_export.csv", records(bad), {
          expectedOrders: 1_000_000,
          onRows: look,
        })
        .then(
          () => null,
          (e: unknown) => (e instanceof ImportRejected ? e.summary : Promise.reject(e)),
        );
      expect(refused?.errors).toEqual([expect.objectContaining({ row: 12_000, column: "Total" })]);
      if (dialect === "sqlite") {
        expect(during.length).toBeGreaterThan(0);
        expect(during[0]).not.toContain("orders_paid_customer_idx");
      }
      expect(await indexes()).toEqual(indexesBefore);
      expect(await orderCount()).toBe(ordersBefore);

      during.length = 0;
      const r = await s.imports.importStream(
        owner,
        { shopName: "Big" },
        "orders_export.csv",
        records(rows),
        {
          expectedOrders: 1_000_000,
          onRows: look,
        },
      );
      expect(r).toMatchObject({ orders: 6000, lineItems: 12_000, created: 6000, errors: [] });
      if (dialect === "sqlite") expect(during[0]).not.toContain("orders_paid_customer_idx");
      expect(await indexes()).toEqual(indexesBefore);
      expect(await orderCount()).toBe(ordersBefore + 6000);
      const k = await s.kpis.compute(workspaceId, { from: "2026-10-05", to: "2026-10-05" });
      expect(k.totals).toMatchObject({
        paidOrders: 6000,
        gmv: "120000.00",
        items: 12_000,
        buyers: 300,
      });
      if (dialect === "sqlite")
        expect(sqliteOf(tdb.database.db)!.pragma("integrity_check", { simple: true })).toBe("ok");
    }, 240_000);
  });
}
