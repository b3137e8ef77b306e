// Issue 13's case through the real CLI process: seventeen Shopify exports of three stores in one
// `dayclear import orders exports/*.csv` — read whole, and streamed — then the same again.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  finalState,
  shopifyMultistore,
} from "../../../test/fixtures/orders/shopify-multistore/generate.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const folder = join(import.meta.dirname, "../../../test/fixtures/orders/shopify-multistore");
const dayclear = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      DAYCLEAR_FROM_SOURCE: "1",
      DATABASE_URL: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "en_US.UTF-8",
      ...env,
    },
    timeout: 60_000,
    killSignal: "SIGKILL",
  });

const fx = shopifyMultistore();
// What a shell's exports/*.csv hands the command: the folder's CSV files, sorted.
const exportsGlob = readdirSync(folder)
  .filter((f) => f.endsWith(".csv"))
  .sort()
  .map((f) => join(folder, f));

async function freshDb(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), "dayclear-multistore-")), "shop.db");
  await dayclear([
    "user",
    "create",
    "--db",
    db,
    "--email",
    "boss@example.com",
    "--name",
    "Boss",
    "--password",
    "boss-pass-1",
    "--workspace",
    "Stores",
  ]);
  return db;
}

/** The stored orders: each as its latest export showed it, all 496. */
function storedOrders(db: string) {
  const sqlite = new BetterSqlite3(db, { readonly: true });
  const rows = sqlite
    .prepare(
      "select order_key, platform_order_id, paid_at, shipped_at, cancelled_at, refund_fen, content_hash from orders order by order_key",
    )
    .all() as {
    order_key: string;
    platform_order_id: string;
    paid_at: string | null;
    shipped_at: string | null;
    cancelled_at: string | null;
    refund_fen: number;
    content_hash: string;
  }[];
  const items = (sqlite.prepare("select count(*) n from order_items").get() as { n: number }).n;
  sqlite.close();
  return { rows, items };
}

describe("dayclear import orders with seventeen exports of three Shopify stores", () => {
  it("has the committed files the generator makes (deterministic)", () => {
    expect(exportsGlob.map((f) => f.split("/").pop()).sort()).toEqual(
      fx.files.map((f) => f.name).sort(),
    );
    for (const f of fx.files) expect(readFileSync(join(folder, f.name), "utf8")).toBe(f.text);
  });

  it("imports them in one command, whole or streamed: 496 orders by Id in their latest state; a second run creates nothing", async () => {
    const lines = fx.orders.reduce((n, o) => n + o.lines.length, 0);
    const merged = [...fx.appearances.values()].filter((n) => n > 1).length;
    const copies = [...fx.appearances.values()].reduce((n, k) => n + k - 1, 0);
    const whole = await freshDb();
    const first = await dayclear([
      "import",
      "orders",
      ...exportsGlob,
      "--shop",
      "Shopify",
      "--db",
      whole,
      "--json",
    ]);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({
      orders: 496,
      lineItems: lines,
      created: 496,
      updated: 0,
      skipped: 0,
      errors: [],
    });
    expect(summary.warnings.map((w: { code: string }) => w.code)).toEqual([
      "shop.warning.orders_merged",
      "shop.warning.several_stores",
    ]);
    expect(summary.warnings[0]).toMatchObject({
      params: { orders: merged, copies },
      message: `${merged} orders are in more than one file (${copies} extra copies): each is imported once, in its latest state.`,
    });
    expect(summary.warnings[1].message).toMatch(
      /70 order numbers .* import each store into its own shop/,
    );

    const stored = storedOrders(whole);
    expect(stored.rows).toHaveLength(496);
    // The "Order #1113 is also in orders_export__10_.csv": #1113 is an order of each of
    // the three stores, three orders by their Ids (C's is in two files: one order, merged).
    const n1113 = fx.orders.filter((o) => o.name === "#1113");
    expect(n1113.map((o) => o.store)).toEqual(["A", "B", "C"]);
    expect(
      stored.rows
        .filter((r) => r.platform_order_id === "#1113")
        .map((r) => r.order_key)
        .sort(),
    ).toEqual(n1113.map((o) => o.id).sort());
    // April of store A exported on 2 May and again on 20 August, refunded in between: the later
    // copy wins though the glob lists its file (__11_) before the earlier one (__3_).
    const early = fx.files.find((f) => f.name === "orders_export__3_.csv")!;
    const late = fx.files.find((f) => f.name === "orders_export__11_.csv")!;
    expect(exportsGlob.findIndex((f) => f.endsWith(late.name))).toBeLessThan(
      exportsGlob.findIndex((f) => f.endsWith(early.name)),
    );
    const refundedSince = fx.orders.find(
      (o) =>
        o.store === "A" &&
        o.createdAt >= early.from &&
        o.createdAt < early.to &&
        finalState(o, early.exportedAt).refundCents === 0 &&
        finalState(o, late.exportedAt).refundCents > 0 &&
        fx.latestExport.get(o.id) === late.exportedAt,
    )!;
    expect(early.text).toContain(`,${refundedSince.id},`);
    expect(late.text).toContain(`,${refundedSince.id},`);
    expect(stored.rows.find((r) => r.order_key === refundedSince.id)?.refund_fen).toBe(
      refundedSince.refundCents,
    );

    expect(new Set(stored.rows.map((r) => r.platform_order_id)).size).toBe(390);
    expect(stored.items).toBe(lines);
    const byKey = new Map(stored.rows.map((r) => [r.order_key, r]));
    for (const o of fx.orders) {
      const got = byKey.get(o.id)!;
      expect({
        name: got.platform_order_id,
        paid: got.paid_at !== null,
        fulfilled: got.shipped_at !== null,
        cancelled: got.cancelled_at !== null,
        refundCents: got.refund_fen,
      }).toEqual({ name: o.name, ...finalState(o, fx.latestExport.get(o.id)!) });
    }

    const again = await dayclear([
      "import",
      "orders",
      ...exportsGlob,
      "--shop",
      "Shopify",
      "--db",
      whole,
      "--json",
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, skipped: 496 });

    // Streamed (as files of 16 MB and more together are): the same orders, and again nothing new.
    const streamedDb = await freshDb();
    const args = ["import", "orders", ...exportsGlob, "--shop", "Shopify", "--db", streamedDb];
    const env = { DAYCLEAR_IMPORT_STREAM_BYTES: "0" };
    const streamed = await dayclear([...args, "--json"], env);
    expect(JSON.parse(streamed.stdout)).toMatchObject({
      orders: 496,
      lineItems: lines,
      created: 496,
    });
    expect(storedOrders(streamedDb)).toEqual(stored);
    const text = await dayclear([...args, "--lang", "en"], env);
    expect(text.stdout).toMatch(/^Imported 496 orders .*: 0 new, 0 updated, 496 unchanged/);
  }, 240_000);

  it("takes any number of files: the same history split into 1,001 files of one order each", async () => {
    // Each order's rows of each export in a file of its own (684 pieces), cycled to 1,001 files —
    // more than the browser's bound on one request — so a copy is often in several files.
    const pieces: string[] = [];
    for (const f of fx.files) {
      const [header, ...rows] = f.text.trimEnd().split("\n");
      for (const row of rows) {
        // A row with a Financial Status starts an order; the rows after it are its other items.
        if (row.split(",")[2]) pieces.push(`${header}\n${row}\n`);
        else pieces[pieces.length - 1] += `${row}\n`;
      }
    }
    expect(pieces).toHaveLength(684);
    const dir = mkdtempSync(join(tmpdir(), "dayclear-many-"));
    const files = Array.from({ length: 1001 }, (_, i) => {
      const path = join(dir, `order-${String(i).padStart(4, "0")}.csv`);
      writeFileSync(path, pieces[i % pieces.length]!);
      return path;
    });
    const db = await freshDb();
    const r = await dayclear([
      "import",
      "orders",
      ...files,
      "--shop",
      "Shopify",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: 496, created: 496, errors: [] });
    const stored = storedOrders(db);
    const byKey = new Map(stored.rows.map((row) => [row.order_key, row]));
    for (const o of fx.orders)
      expect(byKey.get(o.id)?.refund_fen).toBe(
        finalState(o, fx.latestExport.get(o.id)!).refundCents,
      );
  }, 120_000);

  it("is still all or nothing: one broken amount in an eighteenth file, streamed after the others, stores none of them", async () => {
    const db = await freshDb();
    // September of store A downloaded once more, one order's Total typed over in a spreadsheet.
    const late = fx.files.find((f) => f.name === "orders_export__16_.csv")!;
    const lines = late.text.split("\n");
    const row = lines.findIndex((l, i) => i > 0 && /,USD,/.test(l));
    lines[row] = lines[row]!.replace(
      /,USD,([\d.]+),([\d.]+),([\d.]+),([\d.]+),/,
      ",USD,$1,$2,$3,4.3.0,",
    );
    const broken = join(mkdtempSync(join(tmpdir(), "dayclear-broken-")), "orders_export__17_.csv");
    writeFileSync(broken, lines.join("\n"));
    let refusal = null as { code: number; stdout: string; stderr: string } | null;
    try {
      await dayclear(
        [
          "import",
          "orders",
          ...exportsGlob,
          broken,
          "--shop",
          "Shopify",
          "--db",
          db,
          "--lang",
          "en",
        ],
        { DAYCLEAR_IMPORT_STREAM_BYTES: "0" },
      );
    } catch (e) {
      refusal = e as typeof refusal;
    }
    expect(refusal?.code).toBe(1);
    expect(refusal?.stderr).toContain("Refused: nothing was stored. 1 problem(s):");
    expect(refusal?.stderr).toContain(
      `orders_export__17_.csv row ${row + 1}: Total: “4.3.0” is not an amount.`,
    );
    expect(storedOrders(db).rows).toEqual([]);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare("select count(*) n from shops").get()).toEqual({ n: 0 });
    sqlite.close();
  }, 120_000);
});
