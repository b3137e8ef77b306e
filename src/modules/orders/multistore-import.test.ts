// Issue 13's case: one owner's seventeen Shopify exports of three stores (496 orders by Id, 390
// order names, overlapping ranges, ranges exported again later) imported in one go — read whole
// as the browser sends them and streamed as the CLI reads them — against the truth they were
// generated from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import { parseCsv } from "../../core/orders/table.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";
import {
  finalState,
  shopifyMultistore,
  type MultistoreFixture,
} from "../../../test/fixtures/orders/shopify-multistore/generate.js";
import { visitorsCsv } from "../../../test/fixtures/orders/build.js";
import { ImportRejected, type ImportSource } from "./import.service.js";
import { OrderRepository } from "./order.repository.js";

const fx: MultistoreFixture = shopifyMultistore();
const bytes = (text: string) => new TextEncoder().encode(text);
/** As a shell glob lists them: later downloads (__10_ …) before earlier ones (__2_ …). */
const globbed = [...fx.files].sort((a, b) => (a.name < b.name ? -1 : 1));
const whole = (files = globbed) => files.map((f) => ({ file: f.name, bytes: bytes(f.text) }));
async function* recordsOf(text: string) {
  const r = parseCsv(text);
  if (!("records" in r)) throw new Error("not CSV");
  for (const rec of r.records) yield rec;
}
const streamed = (files = globbed): ImportSource[] =>
  files.map((f) => ({ file: f.name, records: recordsOf(f.text) }));

const truth = {
  orders: fx.orders.length,
  names: new Set(fx.orders.map((o) => o.name)).size,
  lines: fx.orders.reduce((n, o) => n + o.lines.length, 0),
  merged: [...fx.appearances.values()].filter((n) => n > 1).length,
  copies: [...fx.appearances.values()].reduce((n, k) => n + k - 1, 0),
};

for (const dialect of DIALECTS) {
  describe(`seventeen Shopify exports of three stores on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    /** The shop's orders, each as its latest export showed it. */
    async function expectLatestStates(owner: Actor, shopName: string) {
      const shop = (await s.shops.list(owner)).items.find((x) => x.name === shopName)!;
      const rows = await new OrderRepository(tdb.database.db).byKeys(
        owner.workspaceId,
        shop.id,
        fx.orders.map((o) => o.id),
      );
      expect(rows).toHaveLength(truth.orders);
      expect(
        (await new OrderRepository(tdb.database.db).countByShop(owner.workspaceId, shop.id)).n,
      ).toBe(truth.orders);
      const byKey = new Map(rows.map((r) => [r.orderKey, r]));
      for (const o of fx.orders) {
        const want = finalState(o, fx.latestExport.get(o.id)!);
        const got = byKey.get(o.id)!;
        expect({
          name: got.platformOrderId,
          paid: got.paidAt !== null,
          fulfilled: got.shippedAt !== null,
          cancelled: got.cancelledAt !== null,
          refundCents: Number(got.refundFen),
        }).toEqual({ name: o.name, ...want });
      }
      return shop;
    }

    it("imports them whole in one go: 496 orders by Id, copies merged in their latest state; again creates nothing; rolls back", async () => {
      expect(truth).toMatchObject({ orders: 496, names: 390 });
      expect(fx.files).toHaveLength(17);
      const { owner } = await buildWorkspace(s);
      const first = await s.imports.importFiles(owner, { shopName: "Shopify" }, whole());
      expect(first).toMatchObject({
        orders: truth.orders,
        lineItems: truth.lines,
        created: truth.orders,
        updated: 0,
        skipped: 0,
        errors: [],
      });
      expect(first.files).toHaveLength(17);
      expect(first.warnings).toEqual([
        {
          code: "shop.warning.orders_merged",
          params: { orders: truth.merged, copies: truth.copies },
        },
        { code: "shop.warning.several_stores", params: { names: 70, example: expect.any(String) } },
      ]);
      const shop = await expectLatestStates(owner, "Shopify");
      // "Order #1113 is also in orders_export__10_.csv" was the refusal: #1113 is three orders,
      // one of each store, each by its Id.
      const stores1113 = fx.orders.filter((o) => o.name === "#1113");
      expect(stores1113.map((o) => o.store)).toEqual(["A", "B", "C"]);
      const rows1113 = await new OrderRepository(tdb.database.db).byKeys(
        owner.workspaceId,
        shop.id,
        stores1113.map((o) => o.id),
      );
      expect(rows1113.map((r) => r.platformOrderId)).toEqual(["#1113", "#1113", "#1113"]);

      const again = await s.imports.importFiles(owner, { shopId: shop.id }, whole());
      expect(again).toMatchObject({ orders: truth.orders, created: 0, updated: 0 });
      expect(again.skipped).toBe(truth.orders);

      // The first import is rolled back whole (the second changed nothing).
      await s.imports.rollback(owner, first.import!.id);
      expect(
        (await new OrderRepository(tdb.database.db).countByShop(owner.workspaceId, shop.id)).n,
      ).toBe(0);
    });

    it("streams them, in any order, to the same orders; a dry run stores nothing", async () => {
      const { owner } = await buildWorkspace(s);
      const dry = await s.imports.importSources(owner, { shopName: "Streamed" }, streamed(), {
        dryRun: true,
      });
      expect(dry).toMatchObject({
        import: null,
        orders: truth.orders,
        lineItems: truth.lines,
        created: truth.orders,
        errors: [],
      });
      expect((await s.shops.list(owner)).items).toEqual([]);
      const r = await s.imports.importSources(
        owner,
        { shopName: "Streamed" },
        streamed([...globbed].reverse()),
      );
      expect(r).toMatchObject({
        orders: truth.orders,
        lineItems: truth.lines,
        created: truth.orders,
        updated: 0,
        skipped: 0,
      });
      expect(r.warnings[0]).toEqual({
        code: "shop.warning.orders_merged",
        params: { orders: truth.merged, copies: truth.copies },
      });
      await expectLatestStates(owner, "Streamed");
      const again = await s.imports.importSources(owner, { shopName: "Streamed" }, streamed());
      expect(again).toMatchObject({ created: 0, updated: 0, skipped: truth.orders });
    });

    it("mixes files read whole with streamed ones in one import: the shop takes the orders' platform, visitor days are kept", async () => {
      const { owner } = await buildWorkspace(s);
      const r = await s.imports.importSources(owner, { shopName: "Mixed" }, [
        { file: "visitors-202610.csv", bytes: visitorsCsv() },
        ...whole(globbed.slice(0, 5)),
        ...streamed(globbed.slice(5)),
      ]);
      expect(r).toMatchObject({ orders: truth.orders, created: truth.orders, errors: [] });
      expect(r.visitorDays).toBeGreaterThan(0);
      const shop = await expectLatestStates(owner, "Mixed");
      expect(shop.platform).toBe("shopify");
      // Visitor counts tell no platform: a new shop takes the streamed orders'.
      await s.imports.importSources(owner, { shopName: "Visitors first" }, [
        { file: "visitors-202610.csv", bytes: visitorsCsv() },
        ...streamed(globbed.slice(0, 2)),
      ]);
      const other = (await s.shops.list(owner)).items.find((x) => x.name === "Visitors first");
      expect(other?.platform).toBe("shopify");
    });

    it("a later copy replaces one the same streamed import wrote, recorded once: roll-back restores the state before", async () => {
      const { owner } = await buildWorkspace(s);
      // Store A's August, exported on 2 September and again on 15 October (refunds since).
      const august = fx.files.filter((f) => f.store === "A" && f.from === Date.UTC(2026, 7, 1));
      expect(august.map((f) => f.exportedAt)).toEqual([
        Date.UTC(2026, 8, 2),
        Date.UTC(2026, 9, 15),
      ]);
      const [early, late] = august as [(typeof august)[0], (typeof august)[0]];
      const changed = fx.orders.filter(
        (o) =>
          o.store === "A" &&
          o.createdAt >= early.from &&
          o.createdAt < early.to &&
          JSON.stringify(finalState(o, early.exportedAt)) !==
            JSON.stringify(finalState(o, late.exportedAt)),
      );
      expect(changed.length).toBeGreaterThan(0);

      // Into a new shop: the early copies are written, then replaced by the later ones.
      const created = await s.imports.importSources(
        owner,
        { shopName: "A" },
        streamed([early, late]),
      );
      expect(created).toMatchObject({ updated: 0, skipped: 0 });
      expect(created.created).toBe(created.orders);
      const shop = (await s.shops.list(owner)).items.find((x) => x.name === "A")!;
      const repo = new OrderRepository(tdb.database.db);
      const refunds = async () =>
        (
          await repo.byKeys(
            owner.workspaceId,
            shop.id,
            changed.map((o) => o.id),
          )
        )
          .map((o) => Number(o.refundFen))
          .sort();
      const late$ = changed.map((o) => finalState(o, late.exportedAt).refundCents).sort();
      const early$ = changed.map((o) => finalState(o, early.exportedAt).refundCents).sort();
      expect(await refunds()).toEqual(late$);
      await s.imports.rollback(owner, created.import!.id);
      expect((await repo.countByShop(owner.workspaceId, shop.id)).n).toBe(0);

      // Over the early state already stored: unchanged first, then updated by the later copy;
      // the later copy listed first leaves the early one nothing to do.
      const base = await s.imports.importSources(owner, { shopId: shop.id }, streamed([early]));
      expect(base.created).toBe(base.orders);
      expect(await refunds()).toEqual(early$);
      const update = await s.imports.importSources(
        owner,
        { shopId: shop.id },
        streamed([early, late]),
      );
      expect(update.orders).toBe(base.orders);
      expect(update.created).toBe(0);
      expect(update.updated).toBe(changed.length);
      expect(update.skipped).toBe(base.orders - changed.length);
      expect(await refunds()).toEqual(late$);
      await s.imports.rollback(owner, update.import!.id);
      expect(await refunds()).toEqual(early$);
      const reversed = await s.imports.importSources(
        owner,
        { shopId: shop.id },
        streamed([late, early]),
      );
      expect(reversed).toMatchObject({ updated: changed.length, created: 0 });
      expect(await refunds()).toEqual(late$);
    });

    it("says so when one of the stores sells in another currency, and imports the orders", async () => {
      const { owner } = await buildWorkspace(s);
      // Store C sells in euros: its two files say EUR on every order.
      const files = globbed.map((f) =>
        f.store === "C" ? { ...f, text: f.text.replace(/,USD,/g, ",EUR,") } : f,
      );
      const r = await s.imports.importFiles(owner, { shopName: "Three currencies?" }, whole(files));
      expect(r).toMatchObject({ orders: truth.orders, created: truth.orders, errors: [] });
      expect(r.warnings).toContainEqual({
        code: "shop.warning.currencies_differ",
        params: { currencies: ["EUR", "USD"] },
      });
      expect(r.warnings.map((w) => w.code)).toContain("shop.warning.several_stores");
    });

    it("refuses an order id the shop holds under another number (another store's export)", async () => {
      const { owner } = await buildWorkspace(s);
      const [a] = globbed;
      await s.imports.importFiles(owner, { shopName: "One" }, whole([a!]));
      const renamed = a!.text.replace(/^#1(\d{3}),/gm, "#9$1,");
      let refusal: ImportRejected | null = null;
      try {
        await s.imports.importFiles(owner, { shopName: "One" }, [
          { file: "other-store.csv", bytes: bytes(renamed) },
        ]);
      } catch (e) {
        if (e instanceof ImportRejected) refusal = e;
        else throw e;
      }
      expect(refusal?.summary.errors[0]).toMatchObject({
        file: "other-store.csv",
        code: "shop.order.id_stored_other_name",
        params: { name: expect.stringMatching(/^#9/), otherName: expect.stringMatching(/^#1/) },
      });
    });

    it("takes a folder's worth of files in the browser up to a total size, refused above it before reading", async () => {
      const { owner } = await buildWorkspace(s);
      const big = Array.from({ length: 6 }, (_, i) => ({
        file: `part-${i}.csv`,
        bytes: new Uint8Array(20 * 1024 * 1024 - 1),
      }));
      let error: unknown = null;
      try {
        await s.imports.importFiles(owner, { shopName: "Big" }, big);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        kind: "invalid",
        coded: { code: "upload.total_too_large", params: { totalMb: 120, maxMb: 100 } },
      });
    });
  });
}
