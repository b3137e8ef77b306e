// Parcels packed and wrong parcels from the pack station, read by the 物流 pay template and by goals
// through the one metric reader, on both databases: counted per member (and department) on the
// workspace's days, a typed count wins, and a shop that does not scan enters its counts as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage, type Message } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { packedParcels, shopifyExport, wrongParcelScans } from "../../../test/helpers/packing.js";

const en = (m: Message) => renderMessage("en", m);
const zh = (m: Message) => renderMessage("zh-CN", m);

for (const dialect of DIALECTS) {
  describe(
    `parcels packed and wrong parcels in pay and goals on ${dialect}`,
    { timeout: 120_000 },
    () => {
      let tdb: TestDatabase;
      let s: Services;
      beforeAll(async () => {
        tdb = await createTestDatabase(dialect);
        s = services(tdb.database, frozenClock("2026-11-02T02:00:00Z"));
      });
      afterAll(async () => tdb.cleanup());

      const logisticsTeam = async () => {
        const t = await buildShopTeam(s);
        const person = (name: string) => t.people.find((p) => p.name === name)!;
        const plan = await s.payPlans.create(t.owner, {
          templateId: "logistics",
          effectiveFrom: "2026-10-01",
        });
        await s.payPlans.assign(t.owner, plan.id, {
          targetType: "department",
          targetId: t.departments.find((d) => d.name === "物流")!.id,
          effectiveFrom: "2026-10-01",
        });
        // A pay run needs the month's orders.
        await s.imports.importFiles(t.owner, { shopName: "Shopify 店" }, [
          {
            file: "orders_export_1.csv",
            bytes: shopifyExport([
              {
                count: 3,
                paidAt: "2026-10-10T02:00:00Z",
                fulfilledAt: "2026-10-11T02:00:00Z",
                prefix: "P",
              },
            ]),
          },
        ]);
        const shop = (await s.shops.list(t.owner)).items[0]!;
        return { ...t, person, shop };
      };
      const lineOf = (
        run: Awaited<ReturnType<Services["payRuns"]["compute"]>>,
        name: string,
        code: string,
      ) => run.statements.find((x) => x.memberName === name)!.lines.find((l) => l.code === code)!;

      it("pays the parcels each 物流 member packed and deducts their wrong parcels; a typed count wins", async () => {
        const t = await logisticsTeam();
        const packer = t.person("物流专员");
        const lead = t.person("物流主管");
        const ws = t.owner.workspaceId;
        await packedParcels(tdb.database, ws, {
          memberId: packer.memberId,
          shopId: t.shop.id,
          start: "2026-10-15T01:00:00Z",
          count: 120,
          gapSeconds: 60,
        });
        // The lead's parcels at 00:10 Shanghai time on 1 October count for October, those on
        // 1 November not (the workspace's days, not UTC's).
        await packedParcels(tdb.database, ws, {
          memberId: lead.memberId,
          shopId: t.shop.id,
          start: "2026-09-30T16:10:00Z",
          count: 5,
          gapSeconds: 60,
        });
        await packedParcels(tdb.database, ws, {
          memberId: lead.memberId,
          shopId: t.shop.id,
          start: "2026-10-31T16:10:00Z",
          count: 7,
          gapSeconds: 60,
        });
        await wrongParcelScans(tdb.database, ws, {
          memberId: packer.memberId,
          at: "2026-10-20T03:00:00Z",
          count: 2,
        });

        const run = await s.payRuns.compute(t.owner, { period: "2026-10", inputs: [] });
        const parcels = lineOf(run, "物流专员", "parcels");
        expect(parcels.amount).toBe("24.00"); // 120 × 0.20
        expect(parcels.sources.map(en)).toEqual([
          "parcels packed by 物流专员 2026-10-01…2026-10-31: 120 (pack station and parcels marked packed)",
        ]);
        expect(parcels.sources.map(zh)).toEqual([
          "物流专员 打包的包裹 2026-10-01…2026-10-31：120 件（扫描发货与标记已打包的包裹）",
        ]);
        const wrong = lineOf(run, "物流专员", "wrong-shipment");
        expect(wrong.amount).toBe("-20.00");
        expect(wrong.sources.map(en)).toEqual([
          "wrong parcels stopped at the pack station, 物流专员 2026-10-01…2026-10-31: 2",
        ]);
        expect(lineOf(run, "物流主管", "parcels").amount).toBe("1.00"); // 5 × 0.20
        expect(lineOf(run, "物流主管", "wrong-shipment").amount).toBe("0.00");

        // The warehouse's own count replaces the data, and the line says both.
        const typed = await s.payRuns.compute(t.owner, {
          period: "2026-10",
          version: run.version,
          inputs: [
            { memberId: packer.memberId, key: "commission.parcels", value: "3100" },
            { memberId: packer.memberId, key: "event.wrong-shipment", value: "0" },
          ],
        });
        const counted = lineOf(typed, "物流专员", "parcels");
        expect(counted.amount).toBe("630.00"); // 3,000 × 0.20 + 100 × 0.30
        expect(en(counted.sources[0]!)).toMatch(/^entered 3100 \(instead of the shop data: 120/);
        expect(lineOf(typed, "物流专员", "wrong-shipment").amount).toBe("0.00");
      });

      it("binds 物流 goals to the parcels packed and the wrong parcels, per member and department", async () => {
        const t = await logisticsTeam();
        const packer = t.person("物流专员");
        const lead = t.person("物流主管");
        const ws = t.owner.workspaceId;
        await packedParcels(tdb.database, ws, {
          memberId: packer.memberId,
          shopId: t.shop.id,
          start: "2026-10-15T01:00:00Z",
          count: 40,
          gapSeconds: 60,
        });
        await packedParcels(tdb.database, ws, {
          memberId: lead.memberId,
          shopId: t.shop.id,
          start: "2026-10-16T01:00:00Z",
          count: 15,
          gapSeconds: 60,
        });
        await wrongParcelScans(tdb.database, ws, {
          memberId: packer.memberId,
          at: "2026-10-20T03:00:00Z",
          count: 3,
        });
        const cycle = await s.goals.createCycle(t.owner, {
          name: "2026年10月",
          kind: "month",
          from: "2026-10-01",
          to: "2026-10-31",
        });
        const goal = (
          subject: { memberId: string } | { departmentId: string },
          kpi: "parcelsPacked" | "wrongShipments",
          target: string,
        ) =>
          s.goals.createGoal(t.owner, {
            cycleId: cycle.id,
            ...subject,
            title: kpi,
            weight: 50,
            target,
            metric: { kind: "kpi", kpi },
          });
        const packed = await goal({ memberId: packer.memberId }, "parcelsPacked", "50");
        expect(packed).toMatchObject({
          actual: "40",
          unit: "unit.parcel",
          better: "higher",
          actualSource: "kpi",
          achievement: 0.8,
        });
        const wrong = await goal({ memberId: packer.memberId }, "wrongShipments", "2");
        expect(wrong).toMatchObject({ actual: "3", better: "lower", unit: "unit.parcel" });
        expect(wrong.achievement).toBeCloseTo(2 / 3, 4);
        const dept = t.departments.find((d) => d.name === "物流")!;
        expect(await goal({ departmentId: dept.id }, "parcelsPacked", "100")).toMatchObject({
          actual: "55",
        });
        // Someone who packed nothing in a shop that scans packed 0.
        expect(
          await goal({ memberId: t.person("运营专员").memberId }, "parcelsPacked", "10"),
        ).toMatchObject({ actual: "0" });
        expect(
          renderMessage("zh-CN", { code: "unit.parcel.value", params: { value: "1200" } }),
        ).toBe("1,200 件");
      });

      it("leaves the counts to be entered in a shop that does not scan", async () => {
        const t = await logisticsTeam();
        const packer = t.person("物流专员");
        const run = await s.payRuns.compute(t.owner, { period: "2026-10", inputs: [] });
        const parcels = lineOf(run, "物流专员", "parcels");
        expect([parcels.amount, parcels.sources.map(en)]).toEqual(["0.00", ["not entered (0)"]]);
        expect(lineOf(run, "物流专员", "wrong-shipment").sources.map(en)).toEqual([
          "not entered (0)",
        ]);
        const typed = await s.payRuns.compute(t.owner, {
          period: "2026-10",
          version: run.version,
          inputs: [
            { memberId: packer.memberId, key: "commission.parcels", value: "200" },
            { memberId: packer.memberId, key: "event.wrong-shipment", value: "1" },
          ],
        });
        expect(lineOf(typed, "物流专员", "parcels").amount).toBe("40.00");
        expect(lineOf(typed, "物流专员", "parcels").sources.map(en)).toEqual(["entered 200"]);
        expect(lineOf(typed, "物流专员", "wrong-shipment").amount).toBe("-10.00");
        // Nor do goals read a count there: no actual rather than a misleading 0.
        const cycle = await s.goals.createCycle(t.owner, {
          name: "2026年10月",
          kind: "month",
          from: "2026-10-01",
          to: "2026-10-31",
        });
        expect(
          await s.goals.createGoal(t.owner, {
            cycleId: cycle.id,
            memberId: packer.memberId,
            title: "打包",
            weight: 100,
            target: "2000",
            metric: { kind: "kpi", kpi: "parcelsPacked" },
          }),
        ).toMatchObject({ actual: null, actualSource: "none" });
      });
    },
  );
}
