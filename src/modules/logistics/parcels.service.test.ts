// Parcels and batches on both databases: merge and split by hand, undo before shipping, a batch's
// number, pick list, slips and manifest, and the 409s a packer meets when someone else was faster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { addQueueOrders } from "../../../test/helpers/queue-orders.js";
import { CarrierRepository } from "./carriers.repository.js";
import { ParcelRepository } from "./parcels.repository.js";

const NOW = "2026-12-07T02:00:00.000Z"; // 10:00 in Shanghai
const kindOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return `${e.kind}:${e.coded?.code ?? ""}`;
    throw e;
  }
};

for (const dialect of DIALECTS) {
  describe(`parcels and batches on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let owner: Actor;
    let packer: Actor;
    let shop: string;
    let o: Map<string, string>;
    const addr = {
      recipient: "李雷",
      phone: "13800000000",
      province: "浙江",
      city: "杭州市",
      district: "西湖区",
      address: "文三路 90 号",
    };
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      const team = await buildShopTeam(s);
      owner = team.owner;
      packer = team.people.find((p) => p.department === "物流" && p.name.endsWith("专员"))!.actor;
      shop = (await s.shops.create(owner, { name: "天猫店", platform: "taobao" })).id;
      o = await addQueueOrders(tdb.database.db, owner.workspaceId, shop, "taobao", [
        {
          no: "T1",
          paidAt: "2026-12-06T01:00:00.000Z",
          ...addr,
          buyerMemo: "不要放发票",
          items: [
            { title: "衬衫", sku: "CS-M", quantity: 2, unitPriceFen: 39900 },
            { title: "贴纸", sku: "GIFT-1", quantity: 1, unitPriceFen: 0 },
          ],
        },
        {
          no: "T2",
          paidAt: "2026-12-06T02:00:00.000Z",
          ...addr,
          items: [{ title: "衬衫", sku: "CS-M", quantity: 1, unitPriceFen: 39900 }],
        },
        {
          no: "T3",
          paidAt: "2026-12-06T03:00:00.000Z",
          ...addr,
          recipient: "韩梅梅",
          items: [
            { title: "裤子", sku: "KZ-30", quantity: 3, unitPriceFen: 50100 },
            { title: "腰带", sku: "YD-1", quantity: 1, unitPriceFen: 9900 },
          ],
        },
        { no: "T4", paidAt: "2026-12-06T04:00:00.000Z", ...addr, province: "广东" },
      ]);
      await s.parcels.setSku(packer, "CS-M", { location: "A-01-2", weightG: 300 });
      await s.parcels.setSku(packer, "KZ-30", { location: "A-01-1", weightG: null });
    });
    afterAll(async () => tdb.cleanup());

    it("merges orders of one recipient into one parcel, refuses another recipient and a second parcel", async () => {
      expect(
        await kindOf(
          s.parcels.create(packer, { orderIds: [o.get("T1")!, o.get("T3")!], merge: true }),
        ),
      ).toBe("invalid:logistics.queue.merge_other_recipient");
      const { items } = await s.parcels.create(packer, {
        orderIds: [o.get("T1")!, o.get("T2")!],
        merge: true,
      });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ status: "open", province: "浙江", version: 1 });
      expect(items[0]!.orderIds.sort()).toEqual([o.get("T1")!, o.get("T2")!].sort());
      expect(items[0]!.items.map((i) => i.quantity).sort()).toEqual([1, 1, 2]);
      expect(await kindOf(s.parcels.create(packer, { orderIds: [o.get("T2")!] }))).toBe(
        "conflict:logistics.queue.order_in_parcel",
      );
      const q = await s.shipQueue.page(packer, { inParcel: true });
      expect(q.items.map((i) => i.platformOrderId).sort()).toEqual(["T1", "T2"]);
      expect(q.items[0]!.parcels[0]!.id).toBe(items[0]!.id);
    });

    it("splits an order's lines over parcels only when every piece is in exactly one", async () => {
      const t3 = o.get("T3")!;
      const bad = await s.parcels
        .split(packer, {
          orderId: t3,
          parcels: [[{ lineNo: 0, quantity: 2 }], [{ lineNo: 1, quantity: 1 }]],
        })
        .catch((e: DomainError) => e);
      expect(bad).toBeInstanceOf(DomainError);
      expect((bad as DomainError).fields.map((f) => [f.field, f.params])).toEqual([
        ["parcels", { line: 0, quantity: 3, given: 2 }],
      ]);
      const two = await s.parcels
        .split(packer, { orderId: t3, parcels: [[{ lineNo: 7, quantity: 1 }], []] })
        .catch((e: DomainError) => e);
      expect((two as DomainError).fields.map((f) => [f.field, f.code])).toEqual([
        ["parcels.0.0.lineNo", "logistics.queue.split.unknown_line"],
        ["parcels.1", "logistics.queue.split.empty_parcel"],
      ]);
      const { items } = await s.parcels.split(packer, {
        orderId: t3,
        parcels: [
          [{ lineNo: 0, quantity: 2 }],
          [
            { lineNo: 0, quantity: 1 },
            { lineNo: 1, quantity: 1 },
          ],
        ],
      });
      expect(items.map((p) => p.items)).toEqual([
        [{ orderId: t3, lineNo: 0, quantity: 2 }],
        [
          { orderId: t3, lineNo: 0, quantity: 1 },
          { orderId: t3, lineNo: 1, quantity: 1 },
        ],
      ]);
      // undo with a stale version is refused; undo brings the whole split back
      expect(await kindOf(s.parcels.undo(packer, items[0]!.id, { version: 9 }))).toBe(
        "conflict:logistics.queue.stale",
      );
      const undone = await s.parcels.undo(packer, items[1]!.id, { version: 1 });
      expect(undone.cancelled.sort()).toEqual(items.map((p) => p.id).sort());
      expect(undone.orderIds).toEqual([t3]);
      const q = await s.shipQueue.page(packer, { inParcel: false });
      expect(q.items.map((i) => i.platformOrderId)).toEqual(["T3", "T4"]);
    });

    it("makes a numbered batch, its pick list and slips; printed, handed over and the manifest per carrier", async () => {
      const first = (await s.shipQueue.page(packer, { inParcel: true })).items[0]!.parcels[0]!;
      const batch = await s.parcels.createBatch(packer, { orderIds: [o.get("T1")!, o.get("T3")!] });
      expect(batch).toMatchObject({ number: "B20261207-01", status: "open" });
      expect(batch.parcels).toHaveLength(2); // the merged parcel came along; T3 got one
      expect(batch.parcels.map((p) => p.id)).toContain(first.id);
      expect(batch.counts).toMatchObject({ parcels: 2, open: 2, pieces: 8 });
      expect(await kindOf(s.parcels.createBatch(packer, { parcelIds: [first.id] }))).toBe(
        "conflict:logistics.queue.parcel_in_batch",
      );
      const second = await s.parcels.createBatch(packer, { orderIds: [o.get("T4")!] });
      expect(second.number).toBe("B20261207-02");

      const pick = await s.parcels.paper.pickList(packer, batch.number);
      expect(pick.lines.map((l) => [l.location, l.sku, l.quantity, l.parcels])).toEqual([
        ["A-01-1", "KZ-30", 3, 1],
        ["A-01-2", "CS-M", 3, 1],
        [null, "GIFT-1", 1, 1],
        [null, "YD-1", 1, 1],
      ]);
      const slips = await s.parcels.paper.slips(packer, batch.id);
      const merged = slips.slips.find((x) => x.parcelId === first.id)!;
      expect(merged).toMatchObject({ recipient: "李雷", pieces: 4, gifts: 1, partOfSplit: false });
      expect(merged.orders.map((x) => [x.platformOrderId, x.buyerMemo])).toEqual(
        expect.arrayContaining([
          ["T1", "不要放发票"],
          ["T2", null],
        ]),
      );
      expect(merged.items.find((i) => i.sku === "GIFT-1")).toMatchObject({ gift: true });

      const printed = await s.parcels.markBatch(packer, batch.id, {
        version: 1,
        status: "printed",
      });
      expect(printed).toMatchObject({ status: "printed", printedAt: NOW, version: 2 });
      expect(
        await kindOf(s.parcels.markBatch(packer, batch.id, { version: 1, status: "printed" })),
      ).toBe("conflict:logistics.queue.stale");
      expect(
        await kindOf(s.parcels.markBatch(packer, batch.id, { version: 2, status: "handed_over" })),
      ).toBe("conflict:logistics.queue.batch_nothing_shipped");

      // the pack station ships the merged parcel with 顺丰 (through the repository, as the scan part does)
      const ws = owner.workspaceId;
      const sf = (await new CarrierRepository(tdb.database.db).list(ws, NOW)).find(
        (c) => c.code === "SF",
      )!;
      const parcel = (await new ParcelRepository(tdb.database.db).get(ws, first.id))!;
      expect(
        await new ParcelRepository(tdb.database.db).update(
          ws,
          first.id,
          parcel.version,
          {
            status: "shipped",
            carrierId: sf.id,
            waybillNo: "SF1000",
            weightG: 1250,
            shippedAt: NOW,
          },
          NOW,
        ),
      ).toBe(true);
      expect(await kindOf(s.parcels.undo(packer, first.id, { version: parcel.version + 1 }))).toBe(
        "conflict:logistics.queue.undo_shipped",
      );
      // shipped orders leave the queue
      expect((await s.shipQueue.page(packer, {})).items.map((i) => i.platformOrderId)).toEqual([
        "T3",
        "T4",
      ]);

      const byBatch = await s.parcels.paper.manifest(packer, { batchId: batch.number });
      const byDay = await s.parcels.paper.manifest(packer, { date: "2026-12-07" });
      for (const m of [byBatch, byDay]) {
        expect(m.count).toBe(1);
        expect(m.carriers).toEqual([
          expect.objectContaining({ code: "SF", name: sf.name, count: 1, weightG: 1250 }),
        ]);
        expect(m.carriers[0]!.parcels[0]).toMatchObject({ waybillNo: "SF1000", recipient: "李雷" });
      }
      expect((await s.parcels.paper.manifest(packer, { date: "2026-12-06" })).count).toBe(0);

      const handed = await s.parcels.markBatch(packer, batch.id, {
        version: 2,
        status: "handed_over",
      });
      expect(handed.status).toBe("handed_over");
      expect(
        await kindOf(s.parcels.markBatch(packer, batch.id, { version: 3, status: "printed" })),
      ).toBe("conflict:logistics.queue.batch_handed_over");
      const list = await s.parcels.listBatches(owner, { limit: 1 });
      expect(list.items.map((b) => b.number)).toEqual(["B20261207-02"]);
      const rest = await s.parcels.listBatches(owner, { limit: 5, cursor: list.nextCursor! });
      expect(rest.items).toMatchObject([{ number: "B20261207-01", parcels: 2, shipped: 1 }]);
    });

    it("keeps SKU settings: location and weight, cleared by nulls", async () => {
      expect((await s.parcels.skus(owner, { limit: 10 })).items.map((x) => x.sku)).toEqual([
        "CS-M",
        "KZ-30",
      ]);
      await s.parcels.setSku(packer, "KZ-30", { location: null, weightG: null });
      expect((await s.parcels.skus(owner, { limit: 10, prefix: "K" })).items).toEqual([]);
    });
  });
}
