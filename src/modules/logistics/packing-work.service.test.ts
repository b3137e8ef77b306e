// Packing work in people's days, on both databases: the orders waiting × the time per parcel become
// each 物流 member's packing run on Today, the engine plans tasks around it (also when orders arrive
// after the task was planned), the lead sees a day's load and who is short, and the time per parcel
// is set (with a stale version refused), learned from the pack station, or the default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { addDays } from "../../core/calendar/date.js";
import { renderMessage } from "../../core/messages/index.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { packedParcels, shopifyExport } from "../../../test/helpers/packing.js";

const TODAY = "2026-11-02"; // a Monday; 10:00 in Shanghai
const TOMORROW = "2026-11-03";

for (const dialect of DIALECTS) {
  describe(`packing work in people's days on ${dialect}`, { timeout: 120_000 }, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-11-02T02:00:00Z");
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const importOrders = (rows: Parameters<typeof shopifyExport>[0]) =>
        s.imports.importFiles(t.owner, { shopName: "Shopify 店" }, [
          { file: "orders_export_1.csv", bytes: shopifyExport(rows) },
        ]);
      return { ...t, person, importOrders };
    };

    it("gives each 物流 member a packing run of the waiting parcels × the time per parcel, and plans tasks around it", async () => {
      const t = await team();
      const packer = t.person("物流专员");
      const lead = t.person("物流主管");
      // 60 orders paid this morning wait to ship; 4 minutes a parcel.
      await t.importOrders([{ count: 60, paidAt: "2026-11-02T01:00:00Z", prefix: "A" }]);
      const set = await s.packingWork.updateSettings(t.owner, { parcelSeconds: 240, version: 0 });
      expect(set).toMatchObject({
        parcelSeconds: 240,
        secondsPerParcel: 240,
        secondsSource: "set",
      });

      // Two of 物流 work today, 8 hours each: 30 parcels each, 30 × 240 s = 2 hours.
      const day = await s.today.day(packer.actor, {});
      expect(day.date).toBe(TODAY);
      expect(day.packing).toEqual({
        date: TODAY,
        parcels: 30,
        packedParcels: 0,
        hours: 2,
        reservedHours: 2,
        shortHours: 0,
        teamParcels: 60,
        secondsPerParcel: 240,
        secondsSource: "set",
      });
      expect((await s.today.day(lead.actor, {})).packing?.hours).toBe(2);
      // Not of 物流: no packing run.
      expect((await s.today.day(t.person("运营专员").actor, {})).packing).toBeNull();

      // An 8-hour task for the packer: today takes what packing leaves (6 h), the rest tomorrow.
      const plan = await s.plans.create(t.owner, { name: "仓库盘点" });
      const { task } = await s.tasks.create(t.owner, plan.id, {
        name: "盘点货架",
        effortHours: 8,
        assigneeMemberId: packer.memberId,
      });
      const planned = async (date: string) =>
        (await s.today.day(packer.actor, { date })).tasks.find((x) => x.taskId === task.id)
          ?.hours ?? 0;
      expect(await planned(TODAY)).toBe(6);
      expect(await planned(TOMORROW)).toBe(2);
      const again = await s.today.day(packer.actor, {});
      expect(again.plannedHours + again.packing!.reservedHours).toBe(again.capacityHours);

      // 60 more orders arrive after the task was planned: Today re-plans, packing 4 h, the task 4 h.
      await t.importOrders([{ count: 60, paidAt: "2026-11-02T01:30:00Z", prefix: "B" }]);
      const busier = await s.today.day(packer.actor, {});
      expect(busier.packing).toMatchObject({ parcels: 60, hours: 4, teamParcels: 120 });
      expect(busier.tasks.find((x) => x.taskId === task.id)?.hours).toBe(4);
      expect(busier.plannedHours + busier.packing!.reservedHours).toBe(8);
      // The workload heat map counts the packing like a duty: nobody is over their hours.
      const load = await s.schedule.workload(t.owner.workspaceId, TODAY, TOMORROW);
      const cells = load.members.find((m) => m.memberId === packer.memberId)!.cells;
      expect(cells[0]).toMatchObject({ date: TODAY, capacity: 8, duties: 4, hours: 4 });

      // Parcels packed today stay the packer's hours; what still waits is shared by the hours
      // each has left: 7.33 h (8 − 10 × 4 min) and 8 h → 57 and 63 of 120.
      const shop = (await s.shops.list(t.owner)).items[0]!;
      await packedParcels(tdb.database, t.owner.workspaceId, {
        memberId: packer.memberId,
        shopId: shop.id,
        start: "2026-11-02T01:10:00Z",
        count: 10,
        gapSeconds: 240,
      });
      // (The pack station ships the parcels of 10 orders; here the orders stay waiting: 120.)
      const after = await s.today.day(packer.actor, {});
      expect(after.packing).toMatchObject({ parcels: 67, packedParcels: 10, teamParcels: 130 });
    });

    it("shows the lead tomorrow's load per member and who is short", async () => {
      const t = await team();
      const packer = t.person("物流专员");
      const lead = t.person("物流主管");
      // Orders of the last 14 days, all shipped: 5 new parcels a day.
      await t.importOrders(
        Array.from({ length: 14 }, (_, i) => ({
          count: 5,
          paidAt: `${addDays("2026-10-19", i)}T02:00:00Z`,
          fulfilledAt: "2026-11-01T09:00:00Z",
          prefix: `H${i}-`,
        })),
      );
      // Bulky goods: 30 minutes a parcel. Tomorrow the lead is on leave and the packer has a
      // 6-hour duty (Tuesdays 09:00–15:00): 2 free hours for 2.5 hours of packing.
      await s.packingWork.updateSettings(lead.actor, { parcelSeconds: 1800, version: 0 });
      await s.members.addLeave(t.owner, lead.memberId, { startDate: TOMORROW, endDate: TOMORROW });
      await s.duties.create(t.owner, {
        memberId: packer.memberId,
        title: "理货",
        weekdays: [2],
        startTime: "09:00",
        endTime: "15:00",
      });
      const load = await s.packingWork.load(lead.actor, {});
      expect(load).toMatchObject({
        date: TOMORROW,
        today: TODAY,
        secondsPerParcel: 1800,
        queueParcels: 0,
        inflowPerDay: 5,
        parcels: 5,
        newParcels: 5,
        carriedOverParcels: 0,
        packingHours: 2.5,
        shortHours: 0.5,
      });
      expect(load.members.map((m) => [m.name, m.working, m.shortHours])).toEqual(
        expect.arrayContaining([
          ["物流主管", false, 0],
          ["物流专员", true, 0.5],
        ]),
      );
      expect(load.members.find((m) => m.memberId === packer.memberId)).toMatchObject({
        availableHours: 8,
        dutyHours: 6,
        planHours: 0,
        packingParcels: 5,
        packingHours: 2.5,
        neededHours: 8.5,
        shortHours: 0.5,
      });
      // The packer's Today of tomorrow shows the run and the shortfall.
      expect((await s.today.day(packer.actor, { date: TOMORROW })).packing).toMatchObject({
        parcels: 5,
        hours: 2.5,
        reservedHours: 2,
        shortHours: 0.5,
      });
      // Members outside 物流 do not see the packers' load; a day too far ahead is refused.
      expect((await failure(s.packingWork.load(t.person("运营专员").actor, {})))?.kind).toBe(
        "forbidden",
      );
      const far = await failure(s.packingWork.load(lead.actor, { date: "2026-12-31" }));
      expect(far?.fields.map((f) => f.field)).toEqual(["date"]);
      expect(renderMessage("zh-CN", far!.coded!)).toBe(
        "请选择 2026-11-02 至 2026-12-02 之间的日期。",
      );
    });

    it("learns the time per parcel from the pack station, and refuses a stale or unauthorised setting", async () => {
      const t = await team();
      const packer = t.person("物流专员");
      await t.importOrders([{ count: 3, paidAt: "2026-10-30T02:00:00Z", prefix: "L" }]);
      const shop = (await s.shops.list(t.owner)).items[0]!;
      expect(await s.packingWork.settings(packer.actor)).toMatchObject({
        parcelSeconds: null,
        secondsPerParcel: 60,
        secondsSource: "default",
        learnedSeconds: null,
        version: 0,
      });
      // 30 parcels 90 s apart in the morning, then after lunch (a break, not packing) 20 at 75 s.
      await packedParcels(tdb.database, t.owner.workspaceId, {
        memberId: packer.memberId,
        shopId: shop.id,
        start: "2026-10-30T01:00:00Z",
        count: 30,
        gapSeconds: 90,
      });
      await packedParcels(tdb.database, t.owner.workspaceId, {
        memberId: packer.memberId,
        shopId: shop.id,
        start: "2026-10-30T06:00:00Z",
        count: 20,
        gapSeconds: 75,
      });
      expect(await s.packingWork.settings(packer.actor)).toMatchObject({
        secondsPerParcel: 90,
        secondsSource: "learned",
        learnedSeconds: 90,
        learnedGaps: 48,
      });
      // The packer may not change it; the 物流 lead may; a stale version is refused with 409.
      expect(
        (
          await failure(
            s.packingWork.updateSettings(packer.actor, { parcelSeconds: 30, version: 0 }),
          )
        )?.kind,
      ).toBe("forbidden");
      const lead = t.person("物流主管");
      await s.packingWork.updateSettings(lead.actor, { parcelSeconds: 45, version: 0 });
      const stale = await failure(
        s.packingWork.updateSettings(lead.actor, { parcelSeconds: 50, version: 0 }),
      );
      expect([stale?.kind, stale?.coded?.code]).toEqual([
        "conflict",
        "logistics.people.settings_stale",
      ]);
      const back = await s.packingWork.updateSettings(lead.actor, {
        parcelSeconds: null,
        version: 1,
      });
      expect(back).toMatchObject({ parcelSeconds: null, secondsSource: "learned", version: 2 });
      // 3 waiting parcels × 90 s, shared by the two of 物流: 2 and 1.
      expect((await s.today.day(packer.actor, {})).packing).toMatchObject({
        parcels: 1,
        hours: 0.03,
        secondsPerParcel: 90,
        secondsSource: "learned",
      });
    });
  });
}
