// The refunds an order import carries become cases when the import commits, never when the queue is
// read, on both databases: an import through the API answers with its refunds already on the queue;
// an import committed without its sync (another process, a crash between the commit and the sync)
// stays off the queue however often it is read — the read writes no case, no audit entry and no
// sync record — until the server's sweep reads it; an import whose sync fails stays committed and
// the sweep reads it; syncs at the same moment (the import's own, the sweep's, an after-sales
// import's) read an import once.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../core/actor.js";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import {
  type Client,
  ORIGIN,
  signedInClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import { importFiles } from "../orders/import-pipeline.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import { OrderSyncService } from "./order-sync.service.js";

const V1 = "/api/v1";
const f = (file: string, bytes: Uint8Array) => ({ file, bytes });
const REFUNDS = ["R20261003001", "R20261006002"]; // two of taobao-refunds-202610.csv's

/** The sample 订单报表 copied under new order ids: four orders a copy, the fourth refunded. */
function bigTaobaoReport(copies: number): Uint8Array {
  const text = iconv.decode(Buffer.from(fx.taobaoOrders()), "gb18030");
  const [header, ...body] = text.split("\r\n").filter((l) => l !== "");
  const lines = [header!];
  for (let c = 1; c <= copies; c++)
    for (const l of body) lines.push(l.replace(/^="(\d+)"/, (_, id: string) => `="${id}${c}"`));
  return new Uint8Array(iconv.encode(lines.join("\r\n") + "\r\n", "gb18030"));
}

interface Case {
  caseKey: string;
  source: string;
  shopId: string;
  state: string;
}

for (const dialect of DIALECTS) {
  describe(`cases from order imports on ${dialect}`, () => {
    let t: TestApp;
    let s: Services;
    const clock = frozenClock("2026-10-12T04:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      s = services(t.tdb.database, clock);
    });
    afterAll(async () => t.close());

    const deps = () => ({ db: t.tdb.database.db, clock });
    const queue = async (c: Client, query = "") => {
      const r = await c.get<{ items: Case[] }>(`${V1}/aftersales/cases?limit=200${query}`);
      expect(r.status).toBe(200);
      return r.body.items;
    };
    /** An order import committed by another process, or whose sync never ran after the commit. */
    const unsynced = async (actor: Actor, shopName: string) => {
      const r = await importFiles(deps(), actor, { shopName }, [
        f("ExportOrderList202610.csv", fx.taobaoOrders()),
        f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
        f("taobao-refunds-202610.csv", fx.taobaoRefunds()),
      ]);
      expect(r.errors).toEqual([]);
      return (await s.shops.list(actor)).items.find((x) => x.name === shopName)!.id;
    };
    const counts = async (workspaceId: string) => {
      const db = t.tdb.database.db;
      const n = (r: { n: number | string | bigint } | undefined) => Number(r?.n ?? 0);
      return {
        cases: n(
          await db
            .selectFrom("aftersalesCases")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("workspaceId", "=", workspaceId)
            .executeTakeFirst(),
        ),
        audit: n(
          await db
            .selectFrom("auditLog")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("workspaceId", "=", workspaceId)
            .executeTakeFirst(),
        ),
        syncs: n(
          await db
            .selectFrom("aftersalesOrderSyncs")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("workspaceId", "=", workspaceId)
            .executeTakeFirst(),
        ),
      };
    };

    it("answers an order import through the API with its refunds already on the queue", async () => {
      const x = await buildShopTeam(s);
      const cs = x.people.find((p) => p.name === "客服专员")!;
      const owner = await signedInClient(t.app, x.email, "owner-password");
      const agent = await signedInClient(t.app, cs.email, cs.password);
      const shop = await owner.post<{ id: string }>(`${V1}/shops`, {
        name: "淘宝店",
        platform: "taobao",
      });
      expect(shop.status).toBe(201);
      const uploadIds: string[] = [];
      for (const [file, bytes] of [
        ["ExportOrderList202610.csv", fx.taobaoOrders()],
        ["ExportOrderDetailList202610.csv", fx.taobaoItems()],
        ["taobao-refunds-202610.csv", fx.taobaoRefunds()],
      ] as const) {
        const res = await t.app.inject({
          method: "POST",
          url: `${V1}/shops/${shop.body.id}/uploads?fileName=${encodeURIComponent(file)}`,
          payload: Buffer.from(bytes),
          headers: {
            host: "dayclear.test",
            origin: ORIGIN,
            "content-type": "application/octet-stream",
            cookie: owner.cookie!,
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        uploadIds.push((JSON.parse(res.body) as { id: string }).id);
      }
      expect(await queue(agent)).toEqual([]);
      const committed = await owner.post(`${V1}/shops/${shop.body.id}/imports`, { uploadIds });
      expect(committed.status).toBe(201);
      // Read as it committed, before anyone opened the queue: nothing is left for the sweep.
      expect((await s.caseSync.sync(x.owner)).imports).toBe(0);

      const cases = await queue(agent);
      expect(cases.map((c) => c.caseKey)).toEqual(expect.arrayContaining(REFUNDS));
      expect(cases.find((c) => c.caseKey === "R20261003001")).toMatchObject({
        source: "refund",
        shopId: shop.body.id,
        state: "resolved",
      });
    });

    it("reads the queue without writing: an import whose sync never ran waits for the sweep", async () => {
      const x = await buildShopTeam(s);
      const person = (name: string) => x.people.find((p) => p.name === name)!;
      const readers = [
        await signedInClient(t.app, x.email, "owner-password"),
        await signedInClient(t.app, person("客服主管").email, person("客服主管").password),
        await signedInClient(t.app, person("客服专员").email, person("客服专员").password),
      ];
      const shopId = await unsynced(x.owner, "淘宝店");
      const before = await counts(x.owner.workspaceId);
      expect(before).toMatchObject({ cases: 0, syncs: 0 });
      for (const c of readers) {
        expect(await queue(c)).toEqual([]);
        expect(await queue(c, `&shopId=${shopId}&state=resolved`)).toEqual([]);
      }
      expect(await counts(x.owner.workspaceId)).toEqual(before);

      // The server's sweep reads it; then the queue shows its cases.
      const swept = await new OrderSyncService(deps()).sweep();
      expect(swept).toMatchObject({ workspaces: 1, imports: 1, failed: [] });
      expect(swept.created).toBeGreaterThan(0);
      const after = await counts(x.owner.workspaceId);
      expect(after).toMatchObject({ cases: swept.created, syncs: 1 });
      expect(after.audit).toBeGreaterThan(before.audit);
      expect((await queue(readers[2]!)).map((c) => c.caseKey)).toEqual(
        expect.arrayContaining(REFUNDS),
      );
      // With nothing left, the sweep finds no workspace.
      expect(await new OrderSyncService(deps()).sweep()).toEqual({
        workspaces: 0,
        imports: 0,
        created: 0,
        updated: 0,
        failed: [],
      });
    });

    it("keeps an order import committed when its sync fails; the sweep reads it", async () => {
      const x = await buildShopTeam(s);
      // The sync's transaction fails part-way (its claim on the import rolls back with it).
      const broken = vi
        .spyOn(CaseSourceRepository.prototype, "setSyncCounts")
        .mockRejectedValueOnce(new Error("the database went away"));
      try {
        const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
          f("ExportOrderList202610.csv", fx.taobaoOrders()),
          f("ExportOrderDetailList202610.csv", fx.taobaoItems()),
          f("taobao-refunds-202610.csv", fx.taobaoRefunds()),
        ]);
        expect(r.import).toMatchObject({ status: "committed" });
        expect(broken).toHaveBeenCalledTimes(1);
      } finally {
        broken.mockRestore();
      }
      expect((await s.orders.list(x.owner, { limit: 200 })).items.length).toBeGreaterThan(0);
      expect(await counts(x.owner.workspaceId)).toMatchObject({ cases: 0, syncs: 0 });
      expect(await new OrderSyncService(deps()).sweep()).toMatchObject({
        workspaces: 1,
        imports: 1,
        failed: [],
      });
      const cases = (await s.cases.list(x.owner, { limit: 200 })).items;
      expect(cases.map((c) => c.caseKey)).toEqual(expect.arrayContaining(REFUNDS));
    });

    it("reads an order import of several pages: each order refunded on its own is one case", async () => {
      const x = await buildShopTeam(s);
      // 5,200 orders: the sync reads them 2,000 at a time.
      const r = await s.imports.importFiles(x.owner, { shopName: "淘宝店" }, [
        f("ExportOrderList202610.csv", bigTaobaoReport(1300)),
      ]);
      expect(r.errors).toEqual([]);
      expect(r.created).toBe(5200);
      const db = t.tdb.database.db;
      const ws = x.owner.workspaceId;
      const refunded = await db
        .selectFrom("orders")
        .select("orderKey")
        .where("workspaceId", "=", ws)
        .where("ownRefundFen", ">", 0)
        .execute();
      expect(refunded.length).toBe(1300);
      const cases = await db
        .selectFrom("aftersalesCases")
        .select(["caseKey", "source", "state", "orderId"])
        .where("workspaceId", "=", ws)
        .execute();
      expect(cases.map((c) => c.caseKey).sort()).toEqual(
        refunded.map((o) => `order:${o.orderKey}`).sort(),
      );
      expect(cases.every((c) => c.source === "order" && c.state === "resolved" && c.orderId)).toBe(
        true,
      );
    });

    it("reads an order import once when its syncs run at the same moment", async () => {
      const x = await buildShopTeam(s);
      const person = (name: string) => x.people.find((p) => p.name === name)!.actor;
      await unsynced(x.owner, "淘宝店");
      const sync = new OrderSyncService(deps());
      const runs = await Promise.all([
        ...[x.owner, person("客服主管"), person("客服专员")].map((a) => s.caseSync.sync(a)),
        sync.syncWorkspace(x.owner.workspaceId),
        sync.sweep(),
      ]);
      expect(runs.reduce((n, r) => n + r.imports, 0)).toBe(1);
      const all = (await s.cases.list(x.owner, { limit: 200 })).items;
      expect(all.length).toBe(runs.reduce((n, r) => n + r.created, 0));
      expect(all.map((c) => c.caseKey)).toEqual(expect.arrayContaining(REFUNDS));
      expect(new Set(all.map((c) => c.caseKey)).size).toBe(all.length);
      expect((await counts(x.owner.workspaceId)).syncs).toBe(1);
    });
  });
}
