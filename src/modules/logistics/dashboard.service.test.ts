// The 物流 dashboard on both databases, over a November whose every figure is worked out by hand in
// test/fixtures/logistics/cost-team.ts (Asia/Shanghai days: a parcel shipped at 16:30 UTC on 10-31
// is November's, one shipped at 17:00 UTC on 11-30 is December's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { ztoBillCsv } from "../../../test/fixtures/logistics/bills.js";
import { costTeam, NOW } from "../../../test/fixtures/logistics/cost-team.js";
import { dashboardTables } from "./dashboard.service.js";

const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };

const field = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError)
      return [e.kind, e.coded?.code, ...e.fields.map((f) => `${f.field}:${f.code}`)];
    throw e;
  }
  throw new Error("expected a refusal");
};

for (const dialect of DIALECTS) {
  describe(`logistics dashboard on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let t: Awaited<ReturnType<typeof costTeam>>;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      t = await costTeam(s, tdb.database);
      await s.carrierBills.importBill(t.owner, {
        carrierId: t.zto.id,
        fileName: "zto-bill-202611.csv",
        bytes: ztoBillCsv(),
      });
    });
    afterAll(async () => tdb.cleanup());

    it("adds up November's cost by carrier, province, month, day and shop, per parcel and against sales", async () => {
      const d = await s.logisticsDashboard.get(t.outsider, NOVEMBER);
      expect(d.totals).toEqual({
        parcels: 5,
        costed: 4,
        notCosted: 1,
        cost: "17.10",
        costPerParcel: "4.28",
        sales: "450.00",
        costRate: 1710 / 45000,
      });
      expect(d.byCarrier).toEqual([
        {
          carrierId: t.zto.id,
          code: "ZTO",
          name: t.zto.name,
          parcels: 4,
          costed: 3,
          notCosted: 1,
          cost: "12.90",
          costPerParcel: "4.30",
        },
        {
          carrierId: t.yto.id,
          code: "YTO",
          name: t.yto.name,
          parcels: 1,
          costed: 1,
          notCosted: 0,
          cost: "4.20",
          costPerParcel: "4.20",
        },
      ]);
      expect(d.byProvince.map((p) => [p.province, p.parcels, p.cost, p.costPerParcel])).toEqual([
        ["浙江", 2, "9.50", "4.75"],
        ["广东", 2, "7.60", "3.80"],
        ["北京", 1, "0.00", null],
      ]);
      expect(d.byMonth.map((m) => [m.month, m.parcels, m.cost])).toEqual([["2026-11", 5, "17.10"]]);
      expect(d.byDay.map((x) => [x.date, x.parcels, x.cost])).toEqual([
        ["2026-11-01", 1, "0.00"],
        ["2026-11-03", 1, "6.50"],
        ["2026-11-11", 1, "3.40"],
        ["2026-11-12", 1, "4.20"],
        ["2026-11-20", 1, "3.00"],
      ]);
      // 淘宝二店 sold 1,000.00 but shipped no parcel: it is not in the denominator.
      expect(d.byShop).toEqual([
        {
          shopId: t.shop.id,
          name: "天猫店",
          platform: "taobao",
          currency: "CNY",
          parcels: 5,
          costed: 4,
          notCosted: 1,
          cost: "17.10",
          costPerParcel: "4.28",
          sales: "450.00",
          costRate: 1710 / 45000,
        },
      ]);
    });

    it("counts parcels per packer per day, wrong and missed shipments and the ship-on-time rate", async () => {
      const d = await s.logisticsDashboard.get(t.packer, NOVEMBER);
      expect(d.packers.members).toEqual([
        { memberId: t.packerA, name: "物流专员", parcels: 4, days: 4, perDay: 1 },
        { memberId: t.packerB, name: "物流主管", parcels: 2, days: 2, perDay: 1 },
      ]);
      expect(d.packers.days.filter((x) => x.memberId === t.packerA).map((x) => x.date)).toEqual([
        "2026-11-03",
        "2026-11-11",
        "2026-11-20",
        "2026-11-30",
      ]);
      expect(d.wrong).toEqual({
        total: 2,
        wrongParcelScans: 1,
        reshipped: 1,
        byMember: [{ memberId: t.packerA, name: "物流专员", wrongParcelScans: 1, reshipped: 1 }],
      });
      expect(d.missed.count).toBe(1);
      expect(d.missed.orders).toEqual([
        {
          orderId: expect.any(String),
          platformOrderId: "T3",
          shopId: t.shop.id,
          shop: "天猫店",
          paidAt: "2026-11-30T15:30:00.000Z",
          shipBy: "2026-12-02T15:30:00.000Z",
        },
      ]);
      expect(d.shipOnTime).toEqual({ due: 4, onTime: 2, late: 1, overdue: 1, rate: 0.5 });
      // What 中通 billed for November's parcels: P1, P2, P5 and P6 (P4 shipped in December).
      expect(d.billed).toEqual({
        lines: 4,
        billed: "22.30",
        computed: "12.90",
        overcharged: "1.60",
        undercharged: "0.20",
        duplicate: "0.00",
        reweighed: 1,
      });
    });

    it("reads December's first hour as December, and one shop alone", async () => {
      const dec = await s.logisticsDashboard.get(t.owner, { from: "2026-12-01", to: "2026-12-31" });
      expect(dec.totals).toMatchObject({ parcels: 1, cost: "5.00", costPerParcel: "5.00" });
      expect(dec.byProvince.map((p) => p.province)).toEqual(["上海"]);
      expect(dec.wrong.wrongParcelScans).toBe(1);
      const other = await s.logisticsDashboard.get(t.owner, { ...NOVEMBER, shopId: t.shop2.id });
      expect(other.totals).toMatchObject({
        parcels: 0,
        cost: "0.00",
        costRate: null,
        sales: "0.00",
      });
      expect(other.shipOnTime).toMatchObject({ due: 1, late: 1, rate: 0 });
    });

    it("refuses a reversed or too long span and an unknown shop, with the field", async () => {
      expect(
        await field(s.logisticsDashboard.get(t.owner, { from: "2026-11-30", to: "2026-11-01" })),
      ).toEqual(["invalid", "range.reversed", "to:range.reversed"]);
      expect(
        await field(s.logisticsDashboard.get(t.owner, { from: "2020-01-01", to: "2026-11-30" })),
      ).toEqual(["invalid", "range.too_long", "to:range.too_long"]);
      expect(
        await field(s.logisticsDashboard.get(t.owner, { ...NOVEMBER, shopId: "nope" })),
      ).toEqual(["invalid", "request.invalid", "shopId:shop.no_such_shop"]);
    });

    it("exports the tables with headers in the reader's language", async () => {
      const d = await s.logisticsDashboard.get(t.owner, NOVEMBER);
      const zh = dashboardTables(d, "zh-CN");
      expect(zh.map((x) => x.title)).toEqual([
        "汇总",
        "按快递公司",
        "按省份",
        "按月份",
        "按店铺",
        "打包人效",
      ]);
      expect(zh[0]!.rows).toContainEqual(["物流成本率（%）", "3.80"]);
      expect(zh[1]!.rows[0]).toEqual([
        "快递公司",
        "发出包裹数",
        "已计算运费",
        "未计算运费",
        "物流成本（元）",
        "单均运费（元）",
      ]);
      const en = dashboardTables(d, "en");
      expect(en[4]!.rows).toEqual([
        [
          "Shop",
          "Parcels shipped",
          "Costed",
          "Not costed",
          "Logistics cost (yuan)",
          "Cost per parcel (yuan)",
          "Sales (GMV, yuan)",
          "Cost rate (%)",
        ],
        ["天猫店", 5, 4, 1, "17.10", "4.28", "450.00", "3.80"],
      ]);
      expect(renderMessage("en", { code: "logistics.cost.export.packer" })).toBe("Packer");
    });
  });
}
