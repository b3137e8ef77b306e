// Carrier bills imported and reconciled on both databases, against parcels whose weights and costs
// are known to the fen (test/fixtures/logistics/cost-team.ts and bills.ts say how each figure comes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { ytoBillXlsx, ztoBillCsv, ztoDecemberCsv } from "../../../test/fixtures/logistics/bills.js";
import {
  costTeam,
  insertParcel,
  NOW,
  setCost,
} from "../../../test/fixtures/logistics/cost-team.js";
import { DEFAULT_SETTINGS, RATE_CARD_FORMAT } from "../../core/logistics/rate-card.js";
import { RateCardRepository } from "./rates.repository.js";
import { BillImportRejected } from "./bills.service.js";

const kind = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
};

for (const dialect of DIALECTS) {
  describe(`carrier bills on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let t: Awaited<ReturnType<typeof costTeam>>;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
      t = await costTeam(s, tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("imports 中通's GBK bill and reconciles every waybill, totalled in fen", async () => {
      const bill = await s.carrierBills.importBill(t.lead, {
        carrierId: t.zto.id,
        fileName: "zto-bill-202611.csv",
        bytes: ztoBillCsv(),
        period: "2026-11",
      });
      expect(bill).toMatchObject({
        carrier: { code: "ZTO" },
        fileName: "zto-bill-202611.csv",
        encoding: "gb18030",
        period: "2026-11",
        toleranceG: 100,
        totals: {
          lines: 7,
          billed: "36.30",
          computed: "17.90",
          matchedBilled: "19.50",
          overcharged: "1.80",
          undercharged: "0.20",
          unknown: "8.80",
          duplicate: "0.00",
          notCosted: "8.00",
          reweighedDiff: "1.60",
          counts: {
            ok: 1,
            reweighed: 1,
            overcharged: 1,
            undercharged: 1,
            unknown: 2,
            duplicate: 0,
            not_costed: 1,
          },
        },
      });
      expect(bill.warnings.map((w) => w.code)).toEqual([
        "bill.warning.total_row",
        "bill.warning.rows_added",
      ]);

      const lines = await s.carrierBills.lines(t.owner, bill.id, { limit: 50 });
      expect(
        lines.items.map((l) => [
          l.row,
          l.waybill,
          l.status,
          l.fee,
          l.computed,
          l.diff,
          l.weightDiffG,
        ]),
      ).toEqual([
        [3, "73100000000001", "ok", "6.50", "6.50", "0.00", 50],
        [4, "73100000000002", "reweighed", "5.00", "3.40", "1.60", 500],
        [5, "73100000000004", "overcharged", "5.20", "5.00", "0.20", 0],
        [6, "73100000000005", "not_costed", "8.00", null, null, 0],
        [7, "73100000000099", "unknown", "4.80", null, null, null],
        // A 圆通 waybill in 中通's bill is not 中通's parcel.
        [8, "YT0000000003", "unknown", "4.00", null, null, null],
        [9, "73100000000006", "undercharged", "2.80", "3.00", "-0.20", 0],
      ]);
      expect(lines.items[6]).toMatchObject({ rows: 2, shop: "天猫店", province: "浙江" });

      const over = await s.carrierBills.lines(t.packer, bill.id, {
        status: ["overcharged", "reweighed"],
        limit: 1,
      });
      expect(over.items.map((l) => l.waybill)).toEqual(["73100000000002"]);
      const next = await s.carrierBills.lines(t.packer, bill.id, {
        status: ["overcharged", "reweighed"],
        limit: 1,
        cursor: over.nextCursor!,
      });
      expect(next.items.map((l) => l.waybill)).toEqual(["73100000000004"]);
      expect(next.nextCursor).toBeNull();
      const search = await s.carrierBills.lines(t.packer, bill.id, { waybill: "0099", limit: 5 });
      expect(search.items.map((l) => l.status)).toEqual(["unknown"]);
    });

    it("reconciles again once a parcel is costed, and a later bill charging a waybill again is a duplicate", async () => {
      const first = (await s.carrierBills.list(t.owner, { limit: 10 })).items.find(
        (b) => b.fileName === "zto-bill-202611.csv",
      )!;
      // P5 gets its cost (7.60): the carrier's 8.00 is now 0.40 over.
      await setCost(tdb.database, t.workspaceId, t.parcels.P5, 760);
      const again = await s.carrierBills.reconcileAgain(t.lead, first.id);
      expect(again.totals).toMatchObject({
        computed: "25.50",
        overcharged: "2.20",
        notCosted: "0.00",
        counts: { overcharged: 2, not_costed: 0 },
      });

      const december = await s.carrierBills.importBill(t.owner, {
        carrierId: t.zto.id,
        fileName: "zto-bill-202612.csv",
        bytes: ztoDecemberCsv(),
        toleranceG: 0,
      });
      expect(december).toMatchObject({
        encoding: "utf-8-bom",
        toleranceG: 0,
        totals: {
          lines: 2,
          billed: "11.50",
          duplicate: "6.50",
          unknown: "5.00",
          counts: { duplicate: 1, unknown: 1 },
        },
      });
      const dup = await s.carrierBills.lines(t.owner, december.id, {
        status: ["duplicate"],
        limit: 5,
      });
      expect(dup.items[0]).toMatchObject({
        waybill: "73100000000001",
        duplicateOf: { id: first.id, fileName: "zto-bill-202611.csv" },
      });
      // The earlier bill is not marked by the later one.
      const firstAgain = await s.carrierBills.reconcileAgain(t.owner, first.id);
      expect(firstAgain.totals.counts.duplicate).toBe(0);
      // Deleting the later bill removes it and its lines.
      await s.carrierBills.remove(t.owner, december.id);
      expect(await kind(s.carrierBills.get(t.owner, december.id))).toBe("not_found");
    });

    it("reads another layout (XLSX, grams) through a saved mapping, and refuses it without one", async () => {
      const noMapping = await s.carrierBills
        .importBill(t.lead, {
          carrierId: t.yto.id,
          fileName: "yto-bill-202611.xlsx",
          bytes: await ytoBillXlsx(),
        })
        .catch((e: unknown) => e);
      expect(noMapping).toBeInstanceOf(BillImportRejected);
      expect((noMapping as BillImportRejected).problems.map((p) => [p.row, p.code])).toEqual([
        [1, "shop.column.required"],
        [1, "shop.column.required"],
      ]);

      const mapping = await s.carrierBills.createMapping(t.lead, {
        name: "圆通明细",
        waybill: "面单",
        weight: "实重g",
        fee: "结算",
        weightUnit: "g",
      });
      expect(
        await kind(
          s.carrierBills.createMapping(t.owner, { name: "圆通明细", waybill: "a", fee: "b" }),
        ),
      ).toBe("conflict");
      const bill = await s.carrierBills.importBill(t.lead, {
        carrierId: t.yto.id,
        fileName: "yto-bill-202611.xlsx",
        bytes: await ytoBillXlsx(),
        mapping: "圆通明细",
      });
      expect(bill).toMatchObject({
        encoding: "xlsx",
        totals: { lines: 1, billed: "4.20", computed: "4.20", counts: { ok: 1 } },
      });
      const [line] = (await s.carrierBills.lines(t.owner, bill.id, { limit: 5 })).items;
      expect(line).toMatchObject({ waybill: "YT0000000003", weightG: 520, ourWeightG: 500 });

      expect(
        await kind(
          s.carrierBills.updateMapping(t.lead, mapping.id, {
            version: mapping.version + 1,
            name: "圆通",
            waybill: "面单",
            fee: "结算",
          }),
        ),
      ).toBe("conflict");
      const renamed = await s.carrierBills.updateMapping(t.lead, mapping.id, {
        version: mapping.version,
        name: "圆通",
        waybill: "面单",
        fee: "结算",
      });
      expect(renamed).toMatchObject({ name: "圆通", weight: null, version: 2 });
      expect((await s.carrierBills.mappings(t.packer)).items.map((m) => m.name)).toEqual(["圆通"]);
      await s.carrierBills.deleteMapping(t.lead, mapping.id);
      expect((await s.carrierBills.mappings(t.packer)).items).toEqual([]);
    });

    it("stores nothing from a bill with a bad cell, and names each problem's row and column", async () => {
      const before = (await s.carrierBills.list(t.owner, { limit: 50 })).items.length;
      const broken = ztoBillCsv([
        ["73100000000001", "1.25", "6.50"],
        ["73100000000002", "0.8kg", "五元"],
        ["", "1", "1.00"],
      ]);
      const e = await s.carrierBills
        .importBill(t.owner, { carrierId: t.zto.id, fileName: "broken.csv", bytes: broken })
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BillImportRejected);
      expect((e as BillImportRejected).problems.map((p) => [p.row, p.column, p.code])).toEqual([
        [4, "运费(元)", "shop.cell.not_amount"],
        [5, "运单号", "shop.cell.empty"],
      ]);
      expect((await s.carrierBills.list(t.owner, { limit: 50 })).items.length).toBe(before);
      expect(
        await kind(
          s.carrierBills.importBill(t.owner, {
            carrierId: "no-such-carrier",
            fileName: "x.csv",
            bytes: ztoBillCsv(),
          }),
        ),
      ).toBe("invalid");
      expect(
        await kind(
          s.carrierBills.importBill(t.owner, {
            carrierId: t.zto.id,
            fileName: "x.csv",
            bytes: ztoBillCsv(),
            mapping: "nobody",
          }),
        ),
      ).toBe("invalid");
    });

    it("lets everyone read bills, and only the owner and logistics leads import, reconcile or delete", async () => {
      const [bill] = (await s.carrierBills.list(t.outsider, { limit: 1 })).items;
      expect(bill).toBeDefined();
      for (const who of [t.packer, t.outsider]) {
        expect(
          await kind(
            s.carrierBills.importBill(who, {
              carrierId: t.zto.id,
              fileName: "z.csv",
              bytes: ztoBillCsv(),
            }),
          ),
        ).toBe("forbidden");
        expect(await kind(s.carrierBills.reconcileAgain(who, bill!.id))).toBe("forbidden");
        expect(await kind(s.carrierBills.remove(who, bill!.id))).toBe("forbidden");
      }
    });
    it("costs a parcel that has no cost yet with the carrier's rate card, then compares", async () => {
      // 中通's card from November 1: 北京 first kg 5.00, each further kg 1.30 → 2 kg = 6.30.
      await new RateCardRepository(tdb.database.db).put(t.workspaceId, {
        carrierId: t.zto.id,
        validFrom: "2026-11-01",
        card: JSON.stringify({
          format: RATE_CARD_FORMAT,
          settings: DEFAULT_SETTINGS,
          zones: [
            {
              name: "华北",
              provinces: ["北京"],
              bands: [
                {
                  fromKg: "0",
                  toKg: null,
                  mode: "first_additional",
                  firstKg: "1",
                  firstFee: "5.00",
                  stepKg: "1",
                  stepFee: "1.30",
                },
              ],
            },
          ],
        }),
        createdBy: null,
        at: NOW,
      });
      await insertParcel(tdb.database, {
        workspaceId: t.workspaceId,
        shopId: t.shop.id,
        carrierId: t.zto.id,
        waybillNo: "73100000000010",
        weightG: 2000,
        province: "北京",
        packedAt: "2026-11-25T02:00:00.000Z",
        shippedAt: "2026-11-25T03:00:00.000Z",
      });
      const bill = await s.carrierBills.importBill(t.owner, {
        carrierId: t.zto.id,
        fileName: "zto-extra.csv",
        bytes: ztoBillCsv([["73100000000010", "2", "8.00"]]),
      });
      expect(bill.totals).toMatchObject({
        computed: "6.30",
        overcharged: "1.70",
        counts: { overcharged: 1, not_costed: 0 },
      });
    });
  });
}
