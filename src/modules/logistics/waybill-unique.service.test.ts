// One waybill, one parcel, on both databases: a number typed by hand that another parcel holds is a
// 409 on the field `waybill` (nothing written); and when another writer takes the number between a
// service's check and its write — simulated by a check that misses it once — the database's unique
// index refuses the write and the service checks again: the scan stops the packer as the wrong
// parcel, the tracking import is refused with the row and column, and nothing is stored twice.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { sheetCsv } from "../../../test/fixtures/logistics/build.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { ScanRepository } from "./scan.repository.js";
import { TrackingRepository } from "./tracking.repository.js";
import type { TrackingImportRejected } from "./tracking.service.js";

const NOW = "2026-11-02T02:15:00.000Z";

for (const dialect of DIALECTS) {
  describe(`no waybill twice on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());
    afterEach(() => vi.restoreAllMocks());

    const team = async () => {
      const t = await packTeam(s, tdb.database);
      const holding = (waybill: string) =>
        tdb.database.db
          .selectFrom("parcels")
          .select("id")
          .where("workspaceId", "=", t.workspaceId)
          .where("waybillNo", "=", waybill)
          .execute();
      return { ...t, holding };
    };

    it("refuses a typed waybill another parcel holds with 409 on the field", async () => {
      const t = await team();
      const a = await t.parcel("261101-000000001");
      const b = await t.parcel("261101-000000002");
      await s.packStation.scanWaybill(t.packer, { slip: a, waybill: "SF1400000000001" });
      const e = await failure(
        s.packStation.typeWaybill(t.lead, b, { waybill: "sf1400000000001", version: 1 }),
      );
      expect(e).toMatchObject({
        kind: "conflict",
        coded: {
          code: "scan.waybill_taken",
          params: {
            waybill: "SF1400000000001",
            orders: ["261101-000000001"],
            mine: ["261101-000000002"],
          },
        },
      });
      expect(e?.fields[0]).toMatchObject({ field: "waybill", code: "scan.waybill_taken" });
      expect(await t.parcelRow(b)).toMatchObject({ waybillNo: null, status: "open", version: 1 });
      expect((await t.scans()).map((x) => x.step)).toEqual(["waybill"]);
    });

    it("a scan that loses the race to the index is checked again and stops the packer", async () => {
      const t = await team();
      const a = await t.parcel("261101-000000001");
      const b = await t.parcel("261101-000000002");
      await s.packStation.scanWaybill(t.packer, { slip: a, waybill: "SF1400000000002" });
      // The check misses the other parcel once, as if it had been written a moment later.
      vi.spyOn(ScanRepository.prototype, "parcelsWithWaybill").mockResolvedValueOnce([]);
      const r = await s.packStation.scanWaybill(t.packer, { slip: b, waybill: "SF1400000000002" });
      expect(r).toMatchObject({
        outcome: "wrong_parcel",
        stop: true,
        message: { code: "scan.waybill_used", params: { orders: ["261101-000000001"] } },
      });
      expect(await t.holding("SF1400000000002")).toEqual([{ id: a }]);
      expect(await t.parcelRow(b)).toMatchObject({ status: "open", waybillNo: null });
    });

    it("a tracking import that loses the race is refused with the row and column, nothing stored", async () => {
      const t = await team();
      const a = await t.parcel("261101-000000001");
      await s.packStation.scanWaybill(t.packer, { slip: a, waybill: "SF1400000000003" });
      vi.spyOn(TrackingRepository.prototype, "waybillOwners").mockResolvedValueOnce(new Map());
      const sheet = [
        ["订单号", "快递公司", "快递单号"],
        ["261101-000000002", "顺丰速运", "SF1400000000022"],
        ["261101-000000003", "顺丰速运", "SF1400000000003"],
      ];
      const e = (await failure(
        s.tracking.importFiles(t.packer, "拼多多旗舰店", [
          { file: "t.csv", bytes: sheetCsv(sheet, "utf-8") },
        ]),
      )) as TrackingImportRejected | undefined;
      expect(e?.summary.errors.map((p) => [p.row, p.column, p.code])).toEqual([
        [3, "快递单号", "tracking.waybill_used"],
      ]);
      expect(await t.holding("SF1400000000003")).toEqual([{ id: a }]);
      expect(await t.holding("SF1400000000022")).toEqual([]);
    });
  });
}
