// The demo shop's logistics on both databases, as a 物流 member and the owner meet them: a queue of
// Taobao and Douyin orders with a few overdue and a merge proposal, yesterday's batch handed over
// with waybills and costs, today's printed batch where the pack station stops a refunded order,
// two carriers' cards, last month's 中通 bill with its overcharges, the dashboard's history, and
// the packers' packing runs on Today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { demoActors } from "../../../test/helpers/demo.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";

// Thursday 26 November 2026, 10:00 in Shanghai.
const NOW = "2026-11-26T02:00:00.000Z";
const YESTERDAY = "2026-11-25";
const fen = (s: string) => Math.round(Number(s) * 100);

for (const dialect of DIALECTS) {
  describe(`the demo shop's logistics on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let actor: (name: string) => Actor;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      ({ actor } = await demoActors(s, tdb.database));
    }, 300_000);
    afterAll(async () => tdb.cleanup());

    it("has unshipped orders of both shops in the queue, a few overdue, and one merge proposal", async () => {
      const packer = actor("何军");
      const summary = await s.shipQueue.summary(packer);
      expect(summary.shops.map((x) => x.platform).sort()).toEqual(["douyin", "taobao"]);
      for (const shop of summary.shops) expect(shop.orders).toBeGreaterThan(10);
      expect(summary.overdue).toBeGreaterThanOrEqual(4);
      const page = await s.shipQueue.page(packer, { limit: 200 });
      expect(new Set(page.items.map((o) => o.platform))).toEqual(new Set(["taobao", "douyin"]));
      // Yesterday's late orders wait too, not only today's.
      expect(page.items.some((o) => o.paidAt.startsWith(YESTERDAY))).toBe(true);
      // Earliest ship-by first: the overdue ones lead.
      const overdue = await s.shipQueue.page(packer, { overdue: true, limit: 50 });
      expect(overdue.items.length).toBe(summary.overdue);
      expect(page.items[0]!.id).toBe(overdue.items[0]!.id);
      const proposals = await s.shipQueue.proposals(packer, {});
      expect(proposals.items).toHaveLength(1);
      expect(proposals.items[0]!.orders).toHaveLength(2);
      expect(renderMessage("zh-CN", proposals.items[0]!.reason)).toContain("tb_buyer");
    });

    it("shipped yesterday's batches with waybills, weights, packers and costs", async () => {
      const owner = actor("周晓明");
      const batches = await s.parcels.listBatches(owner, { limit: 6 });
      // A wave a shop: Taobao's in the morning, Douyin's in the afternoon, handed over at 17:00.
      const ofYesterday = batches.items.filter((b) => b.number.startsWith("B20261125-"));
      expect(ofYesterday.map((b) => [b.number, b.status, b.handedOverAt])).toEqual([
        ["B20261125-02", "handed_over", "2026-11-25T09:00:00.000Z"],
        ["B20261125-01", "handed_over", "2026-11-25T09:00:00.000Z"],
      ]);
      for (const b of ofYesterday) expect(b.shipped).toBe(b.parcels);
      const yesterday = ofYesterday.at(-1)!;
      expect(yesterday.parcels).toBeGreaterThan(20);
      const batch = await s.parcels.batch(owner, yesterday.id);
      const packers = new Set<string | null>();
      for (const p of batch.parcels) {
        expect(p.waybillNo).toMatch(p.carrierName === "顺丰速运" ? /^SF\d{13}$/ : /^7531\d{10}$/);
        expect(p.weightG).toBeGreaterThan(100);
        // Each parcel carries its cost and how it was worked out, as the batch page shows it.
        expect(p.cost).toMatch(/^\d+\.\d\d$/);
        expect(renderMessage("zh-CN", p.costFormula!)).toMatch(
          new RegExp(`^实重 ${p.weightG! / 1000} kg.*计费重.* = ${p.cost!.replace(".", "\\.")}$`),
        );
      }
      // The orders carry their waybills, as the platform's next export lists them.
      const stamped = await tdb.database.db
        .selectFrom("orders")
        .select(["id", "trackingNo", "carrier"])
        .where("workspaceId", "=", owner.workspaceId)
        .where(
          "id",
          "in",
          batch.parcels.flatMap((p) => p.orderIds),
        )
        .execute();
      for (const p of batch.parcels)
        expect(stamped.find((o) => o.id === p.orderIds[0])).toMatchObject({
          trackingNo: p.waybillNo,
          carrier: p.carrierName,
        });
      expect(new Set(batch.parcels.map((p) => p.carrierName))).toEqual(
        new Set(["中通快递", "顺丰速运"]),
      );
      // The dashboard of that day: every parcel costed from the cards, packed by the two of 物流.
      const day = await s.logisticsDashboard.get(owner, { from: YESTERDAY, to: YESTERDAY });
      const shippedYesterday = ofYesterday.reduce((n, b) => n + b.parcels, 0);
      expect(day.totals.parcels).toBe(shippedYesterday);
      expect(day.totals.costed).toBe(shippedYesterday);
      expect(fen(day.totals.costPerParcel!)).toBeGreaterThanOrEqual(280); // 中通's cheapest band
      for (const p of day.packers.members) packers.add(p.name);
      expect(packers).toEqual(new Set(["何军", "马强"]));
      // Two months of history for the dashboard, with wrong parcels stopped at the pack station.
      const history = await s.logisticsDashboard.get(owner, {
        from: "2026-09-27",
        to: "2026-11-26",
      });
      expect(history.byMonth.map((m) => m.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
      expect(history.byMonth[1]!.parcels).toBeGreaterThan(900);
      expect(history.byCarrier.map((c) => c.code).sort()).toEqual(["SF", "ZTO"]);
      expect(history.wrong.wrongParcelScans).toBe(3);
    });

    it("stops the packer at today's printed batch when an order was refunded", async () => {
      const packer = actor("何军");
      const batches = await s.parcels.listBatches(packer, { limit: 5 });
      // This morning's wave is packed (B20261126-01, not handed over before 17:00); the next
      // batch is printed and waits.
      const morning = batches.items.find((b) => b.number === "B20261126-01")!;
      expect(morning).toMatchObject({ status: "printed", shipped: morning.parcels });
      const today = batches.items.find((b) => b.number === "B20261126-02")!;
      expect(today).toMatchObject({ status: "printed", shipped: 0 });
      const batch = await s.parcels.batch(packer, today.id);
      expect(batch.counts.open).toBe(batch.counts.parcels);
      expect(batch.counts.parcels).toBe(11);
      const refunds = await tdb.database.db
        .selectFrom("orders")
        .select("id")
        .where("workspaceId", "=", packer.workspaceId)
        .where("status", "=", "refunded")
        .where("shippedAt", "is", null)
        .execute();
      const refunded = batch.parcels.find((p) =>
        p.orderIds.some((id) => refunds.some((r) => r.id === id)),
      )!;
      const scan = await s.packStation.scanSlip(packer, refunded.id);
      expect(scan).toMatchObject({ outcome: "refunded", stop: true });
      const fine = batch.parcels.find((p) => p.id !== refunded.id)!;
      expect(await s.packStation.scanSlip(packer, fine.id)).toMatchObject({ outcome: "ok" });
    });

    it("has 中通 and 顺丰 cards from 90 days ago, remote 新疆 and 西藏 included", async () => {
      const cards = (await s.rateCards.list(actor("马强"))).items;
      expect(cards.map((c) => c.carrier.code).sort()).toEqual(["SF", "ZTO"]);
      for (const c of cards) {
        expect(c.validFrom).toBe("2026-08-28");
        expect([...c.notCovered].sort()).toEqual(["台湾", "澳门", "香港"].sort());
      }
      // 1.8 kg to 新疆, rounded up to 2 kg: 中通 12.00 + 1 × 10.00; 顺丰 20.00 + 2 × 5.00 + remote 5.00.
      const quote = await s.rateCards.quote(actor("马强"), { province: "新疆", weightG: 1_800 });
      expect(quote.quotes.map((q) => [q.carrier.code, q.chargeableKg, q.fee])).toEqual([
        ["ZTO", "2", "22.00"],
        ["SF", "2", "35.00"],
      ]);
    });

    it("imported last month's 中通 bill with overcharges, a re-weighed parcel and an unknown waybill", async () => {
      const owner = actor("马强");
      const bills = await s.carrierBills.list(owner, { limit: 10 });
      expect(bills.items).toHaveLength(1);
      const bill = bills.items[0]!;
      expect(bill).toMatchObject({ period: "2026-10", encoding: "gb18030" });
      expect(bill.carrier.code).toBe("ZTO");
      expect(bill.totals.counts).toMatchObject({ overcharged: 4, reweighed: 1, unknown: 1 });
      expect(fen(bill.totals.overcharged)).toBeGreaterThanOrEqual(4 * 50);
      expect(fen(bill.totals.unknown)).toBe(650);
      expect(bill.totals.lines).toBeGreaterThan(500);
    });

    it("gives the packers their packing runs on Today", async () => {
      for (const name of ["何军", "马强"]) {
        const day = await s.today.day(actor(name), {});
        expect(day.packing).not.toBeNull();
        expect(day.packing!.parcels).toBeGreaterThan(0);
        expect(day.packing!.hours).toBeGreaterThan(0);
      }
      // Someone outside 物流 has none.
      expect((await s.today.day(actor("刘婷"), {})).packing).toBeNull();
    });
  });
}
