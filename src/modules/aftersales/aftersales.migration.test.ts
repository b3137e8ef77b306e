// The after-sales migration on both databases: a case keyed per shop is unique (a re-import can
// never store it twice) while another shop may use the same key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildWorkspace, services } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS)
  describe(`after-sales tables on ${dialect}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
    });
    afterAll(async () => t.cleanup());

    it("refuses a second case with the same key in the same shop", async () => {
      const { workspaceId } = await buildWorkspace(services(t.database));
      const row = {
        workspaceId,
        shopId: "s1",
        platform: "pdd",
        caseKey: "A1",
        source: "import",
        type: "return_refund",
        state: "new",
        openedAt: "2026-12-01T00:00:00.000Z",
        currency: "CNY",
        requestedFen: 0,
        version: 1,
        createdAt: "2026-12-01T00:00:00.000Z",
        updatedAt: "2026-12-01T00:00:00.000Z",
      };
      const db = t.database.db;
      await db
        .insertInto("aftersalesCases")
        .values({ ...row, id: "c1" })
        .execute();
      await expect(
        db
          .insertInto("aftersalesCases")
          .values({ ...row, id: "c2" })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto("aftersalesCases")
        .values({ ...row, id: "c3", shopId: "s2" })
        .execute();
      const got = await db
        .selectFrom("aftersalesCases")
        .select(["id", "version", "currency", "requestedFen"])
        .where("workspaceId", "=", workspaceId)
        .orderBy("id")
        .execute();
      expect(got.map((g) => [g.id, Number(g.version), g.currency, Number(g.requestedFen)])).toEqual(
        [
          ["c1", 1, "CNY", 0],
          ["c3", 1, "CNY", 0],
        ],
      );
    });
  });
