// A parcel shipped at the pack station is costed there and then (docs/LOGISTICS.md, "Parcel cost":
// the parts call costParcel whenever a parcel's carrier or weight changes): scanned or typed with
// its weight, it carries the cost of its carrier's card valid on the ship day, to the fen; shipped
// without a weight, the formula says why there is none. Before, such a parcel stayed uncosted until
// a rate card changed, and the batch page and the dashboard showed it as not costed. Both databases.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { costFormulas } from "./cost-formula.js";

const fixtures = join(import.meta.dirname, "../../../test/fixtures/logistics");
const file = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

for (const dialect of DIALECTS) {
  describe(`pack station costs what it ships on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock("2026-11-02T02:15:00.000Z"));
    });
    afterAll(async () => tdb.cleanup());

    it("a parcel scanned or typed out with its weight has its card's cost; without a weight the formula says why", async () => {
      const t = await packTeam(s, tdb.database);
      const card = await s.rateCards.importCard(t.lead, {
        carrier: "ZTO",
        fileName: "zto-rates-202612.csv",
        bytes: file("zto-rates-202612.csv"),
        validFrom: "2026-11-01",
      });

      // 广东 is in 二区: 0–3 kg flat ¥4.00.
      const scanned = await t.parcel("261101-000000001");
      const r1 = await s.packStation.scanWaybill(t.packer, {
        slip: scanned,
        waybill: "ZT7100000001",
        carrierCode: "ZTO",
        weightG: 520,
        weightSource: "scale",
      });
      expect(r1.outcome).toBe("ok");
      // 浙江 is in 一区: over 3 kg, first 1 kg ¥4.50 + ⌈(4 − 1) ÷ 1⌉ × ¥1.20 (3.2 kg → 4 kg) = ¥8.10.
      const typed = await t.parcel("261101-000000002");
      const r2 = await s.packStation.typeWaybill(t.packer, typed, {
        waybill: "ZT7100000002",
        carrierCode: "ZTO",
        weightG: 3200,
      });
      expect(r2.outcome).toBe("ok");
      const unweighed = await t.parcel("261101-000000003");
      await s.packStation.scanWaybill(t.packer, {
        slip: unweighed,
        waybill: "ZT7100000003",
        carrierCode: "ZTO",
      });

      const rows = await Promise.all([scanned, typed, unweighed].map((id) => t.parcelRow(id)));
      expect(rows.map((p) => [p.status, p.costFen, p.costCardId])).toEqual([
        ["shipped", 400, card.card.id],
        ["shipped", 810, card.card.id],
        ["shipped", null, null],
      ]);
      const formulas = (await costFormulas(tdb.database.db, t.workspaceId, rows)).map((f) =>
        renderMessage("zh-CN", f!),
      );
      expect(formulas[1]).toContain("= 8.10");
      expect(formulas[2]).toBe("未计费：没有重量，且包裹中并非每个 SKU 都有重量可用于估算");
      // A cost is derived: the parcels' versions are the scan's, not moved by costing.
      expect(rows.map((p) => p.version)).toEqual([2, 2, 2]);
    });
  });
}
