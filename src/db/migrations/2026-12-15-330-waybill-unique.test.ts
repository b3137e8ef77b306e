// No waybill twice, on both databases: the migration finds the numbers several live parcels share
// (same workspace and carrier), keeps the first parcel's, clears the others' and reports each one —
// in its log and as an audit entry —, leaves alone a number on another carrier or on a cancelled
// parcel, and from then on the database refuses a second live parcel with that carrier and number.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage, storedMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { CarrierRepository } from "../../modules/logistics/carriers.repository.js";
import { isWaybillTaken } from "../../modules/logistics/scan.repository.js";
import { packTeam } from "../../../test/fixtures/logistics/team.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock, services } from "../../../test/helpers/factories.js";
import { clearDuplicateWaybills, down, up } from "./2026-12-15-330-waybill-unique.js";

const NOW = "2026-11-02T02:15:00.000Z";

for (const dialect of DIALECTS) {
  describe(`migration 330 waybill-unique on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    it("keeps the first parcel's number, clears and reports the others, then refuses a duplicate", async () => {
      const t = await packTeam(s, tdb.database);
      const db = tdb.database.db;
      /** The migration's own view of the database (it is written against no schema). */
      const raw = db as unknown as Kysely<unknown>;
      const carriers = await new CarrierRepository(db).list(t.workspaceId, NOW);
      const zto = carriers.find((c) => c.code === "ZTO")!;
      const yto = carriers.find((c) => c.code === "YTO")!;
      const first = await t.parcel("261101-000000001");
      const second = await t.parcel("261101-000000002");
      const otherCarrier = await t.parcel("261101-000000003");
      const cancelled = await t.parcel("261101-000000008");
      const set = (
        id: string,
        carrierId: string,
        at: string,
        status: "shipped" | "cancelled" = "shipped",
      ) =>
        db
          .updateTable("parcels")
          .set({ carrierId, waybillNo: "ZT7300000001", waybillSource: "import", status })
          .set({ createdAt: at })
          .where("workspaceId", "=", t.workspaceId)
          .where("id", "=", id)
          .execute();

      // Data written before the index: the same number on two live parcels of one carrier.
      await down(raw);
      await set(second, zto.id, "2026-11-02T01:00:00.000Z");
      await set(first, zto.id, "2026-11-02T00:10:00.000Z");
      await set(otherCarrier, yto.id, "2026-11-02T00:05:00.000Z");
      await set(cancelled, zto.id, "2026-11-01T23:00:00.000Z", "cancelled");

      const log: string[] = [];
      const found = await clearDuplicateWaybills(raw, (l) => log.push(l), NOW);
      expect(found).toEqual([
        {
          workspaceId: t.workspaceId,
          carrierId: zto.id,
          waybillNo: "ZT7300000001",
          kept: first,
          cleared: [second],
        },
      ]);
      expect(log[0]).toContain("waybill ZT7300000001");
      expect(log[0]).toContain(`kept on ${first} (orders 261101-000000001)`);
      expect(log[0]).toContain(`cleared on ${second}`);
      const rows = await db
        .selectFrom("parcels")
        .select(["id", "waybillNo", "waybillSource", "status"])
        .where("workspaceId", "=", t.workspaceId)
        .where("id", "in", [first, second, otherCarrier, cancelled])
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(first)).toMatchObject({ waybillNo: "ZT7300000001", status: "shipped" });
      expect(byId.get(second)).toMatchObject({
        waybillNo: null,
        waybillSource: null,
        status: "shipped",
      });
      expect(byId.get(otherCarrier)?.waybillNo).toBe("ZT7300000001");
      expect(byId.get(cancelled)?.waybillNo).toBe("ZT7300000001");
      const audit = await db
        .selectFrom("auditLog")
        .select(["action", "entityId", "summary", "actorMemberId"])
        .where("workspaceId", "=", t.workspaceId)
        .where("action", "=", "logistics.waybill.duplicate_cleared")
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entityId: second, actorMemberId: null });
      expect(renderMessage("zh-CN", storedMessage(audit[0]!.summary))).toBe(
        "系统 移除了订单 261101-000000002 的包裹上的运单 ZT7300000001：订单 261101-000000001 的包裹先用了这个单号（一个运单号只能对应一个包裹）",
      );

      // The index now: a second live parcel with that carrier and number is refused.
      await up(raw);
      const err = await set(second, zto.id, "2026-11-02T01:00:00.000Z").then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).not.toBeNull();
      expect(isWaybillTaken(err)).toBe(true);
      // Another carrier's parcel, or a cancelled one, may carry the same digits.
      await set(second, yto.id, "2026-11-02T01:00:00.000Z", "cancelled");
      expect(await clearDuplicateWaybills(raw, () => undefined, NOW)).toEqual([]);
    });
  });
}
