// One quality task per SKU when two checks run at the same moment, on both databases — each check on
// its own database handle (on PostgreSQL two pools, two real connections; on SQLite two connections
// to the file): the SKU's claim (migration 405, a primary key taken by insert or nothing) lets one of
// them open the task, the other opens none. Once the task is done its claim goes back and fresh
// cases open the next one. The migration gives the SKUs whose task is still open their claim.
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { openDatabase, type Database } from "../../db/database.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { down, up } from "../../db/migrations/2026-12-16-405-quality-task-claims.js";
import { CareRepository } from "./care.repository.js";
import { checkQualityCases } from "./quality.service.js";

const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai
const clock = frozenClock(NOW);

for (const dialect of DIALECTS) {
  describe(`quality checks at the same moment on ${dialect}`, { timeout: 180_000 }, () => {
    let tdb: TestDatabase;
    let second: Database;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      second =
        dialect === "postgres"
          ? openDatabase({ url: tdb.url!, poolSize: 2 })
          : openDatabase({ file: tdb.file! });
      s = services(tdb.database, clock);
    });
    afterAll(async () => {
      await second?.close();
      await tdb.cleanup();
    });

    /** Quality cases of QD-001-M over the threshold, no check run since: as two checks find it. */
    const overThreshold = async (count: number) => {
      const t = await buildShopTeam(s);
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357901",
      )!;
      const agent = t.people.find((p) => p.name === "客服专员")!.actor;
      const open = (n: number) =>
        (async () => {
          for (let k = 0; k < n; k++)
            await s.cases.create(agent, {
              orderId: order.id!,
              type: "return_refund",
              reason: "质量问题",
              requestedFen: 100,
              lines: [{ orderLineNo: 1 }],
            });
        })();
      // The threshold high while the cases arrive (each arrival checks), then 3 without a check.
      await s.quality.put(t.owner, { minCases: 50, windowDays: 7, version: 0 });
      await open(count);
      const lower = async (version: number) =>
        expect(
          await new CareRepository(tdb.database.db).putSettings(
            t.workspaceId,
            "quality",
            version,
            { qualityMinCases: 3, qualityWindowDays: 7 },
            NOW,
            t.owner.memberId,
          ),
        ).toBe(true);
      await lower(1);
      return { ...t, open, lower };
    };

    /** Two checks at once, each on its own handle. */
    const twoChecks = (workspaceId: string) =>
      Promise.all([
        checkQualityCases({ db: tdb.database.db, clock }, workspaceId),
        checkQualityCases({ db: second.db, clock }, workspaceId),
      ]);

    const tasksNamed = async (workspaceId: string, sku: string) =>
      (
        await tdb.database.db
          .selectFrom("planTasks")
          .select(["id", "name"])
          .where("workspaceId", "=", workspaceId)
          .execute()
      ).filter((x) => x.name.includes(sku));

    it("opens exactly one task when two checks find the same SKU over the threshold at once", async () => {
      const t = await overThreshold(3);
      const [a, b] = await twoChecks(t.workspaceId);
      expect(a.opened.length + b.opened.length).toBe(1);
      const q = await s.quality.get(t.owner);
      expect(q.tasks).toHaveLength(1);
      expect(q.tasks[0]).toMatchObject({ sku: "QD-001-M", caseCount: 3, taskStatus: "todo" });
      // What the 运营 people see in their plans: one task for the SKU.
      expect((await tasksNamed(t.workspaceId, "QD-001-M")).map((x) => x.id)).toEqual([
        q.tasks[0]!.taskId,
      ]);
      // Again at once, while it is open: nothing more.
      const [c, d] = await twoChecks(t.workspaceId);
      expect(c.opened.length + d.opened.length).toBe(0);

      // The task done: its claim goes back, and three fresh cases (checked twice at once) open one.
      const planTask = (await s.plans.get(t.owner, q.tasks[0]!.planId)).tasks.find(
        (x: { id: string }) => x.id === q.tasks[0]!.taskId,
      )!;
      await s.tasks.update(t.owner, planTask.id, { version: planTask.version, status: "done" });
      await s.quality.put(t.owner, { minCases: 50, windowDays: 7, version: 2 });
      await t.open(3);
      await t.lower(3);
      const [e, f] = await twoChecks(t.workspaceId);
      expect(e.opened.length + f.opened.length).toBe(1);
      expect((await s.quality.get(t.owner)).tasks).toHaveLength(2);
      expect(await tasksNamed(t.workspaceId, "QD-001-M")).toHaveLength(2);
    });

    it("the migration gives a SKU whose task is open its claim", async () => {
      const t = await overThreshold(3);
      await checkQualityCases({ db: tdb.database.db, clock }, t.workspaceId);
      const raw = tdb.database.db as unknown as Kysely<unknown>;
      const claims = () =>
        tdb.database.db
          .selectFrom("aftersalesQualityClaims")
          .select(["sku", "taskId"])
          .where("workspaceId", "=", t.workspaceId)
          .execute();
      const [task] = (await s.quality.get(t.owner)).tasks;
      // As an install before the claims: the table made again from the tasks.
      await down(raw);
      await up(raw);
      expect(await claims()).toEqual([{ sku: "QD-001-M", taskId: task!.taskId }]);
      // Then a check at the same moment as another still opens nothing for it.
      const [a, b] = await twoChecks(t.workspaceId);
      expect(a.opened.length + b.opened.length).toBe(0);
    });
  });
}
