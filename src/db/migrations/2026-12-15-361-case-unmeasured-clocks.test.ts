// Cases imported before the rule for steps taken on the platform (docs/AFTERSALES.md, "Cases first
// seen part-way"), on both databases: a case stored with the import's time standing in for its
// first response and decision gets those clocks marked not measured by the migration, so it stops
// reading as breached; a case still waiting for the seller keeps every clock.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as as from "../../../test/fixtures/aftersales/build.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { down, up } from "./2026-12-15-361-case-unmeasured-clocks.js";

const NOW = "2026-10-12T04:00:00.000Z";

for (const dialect of DIALECTS) {
  describe(`migration 361 case-unmeasured-clocks on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    it("marks the clocks an import stood in for as not measured, and the case stops reading breached", async () => {
      const t = await buildShopTeam(s);
      const lead = t.people.find((p) => p.name === "客服主管")!.actor;
      await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      await s.caseImports.importFiles(lead, "淘宝店", [
        { file: "taobao-refunds-202610.csv", bytes: as.taobaoCases() },
      ]);
      const raw = tdb.database.db as unknown as Kysely<unknown>;
      const db = tdb.database.db;
      const byKey = async () =>
        new Map(
          (
            await db
              .selectFrom("aftersalesCases")
              .select(["caseKey", "slaUnmeasured", "id"])
              .where("workspaceId", "=", t.workspaceId)
              .execute()
          ).map((r) => [r.caseKey, r]),
        );
      // As an install before the rule stored them: no mark, the import's time as the decision.
      await down(raw);
      await up(raw);
      const marks = await byKey();
      expect(marks.get("R20261008004")!.slaUnmeasured).toBe("firstResponse,decision");
      expect(marks.get("R20261006002")!.slaUnmeasured).toBeNull();
      const waiting = await s.cases.get(lead, marks.get("R20261008004")!.id);
      expect(waiting.sla.clocks.map((c) => [c.clock, c.state])).toEqual([
        ["firstResponse", "none"],
        ["decision", "none"],
        ["resolution", "paused"],
      ]);
    });
  });
}
