// Quality cases on both databases: the third 质量问题 case of one SKU within the week opens ONE task
// in a 运营 plan (led by the 运营 lead, given to the department's people by its skill), linking the
// SKU, the cases and the counts; a fourth opens no second task while it is open; once it is done
// the next three fresh cases open a new one; 尺码/色差 reasons go to 设计; the buyer's own mistake
// counts for nothing. The threshold is read by everyone and set by the owner and the 客服 lead —
// not by a 客服 member nor a 运营 member; a stale version is 409; a lower threshold acts at once. The
// plan and task are named in the workspace's language: Chinese here, English in an English workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import * as fx from "../../../test/fixtures/orders/build.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure } from "../../../test/helpers/errors.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

const NOW = "2026-10-12T04:00:00.000Z"; // a Monday, 12:00 in Shanghai

for (const dialect of DIALECTS) {
  describe(`quality cases on ${dialect}`, { timeout: 120_000 }, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, frozenClock(NOW));
    });
    afterAll(async () => tdb.cleanup());

    const team = async () => {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const r = await s.imports.importFiles(t.owner, { shopName: "淘宝店" }, [
        { file: "ExportOrderList202610.csv", bytes: fx.taobaoOrders() },
        { file: "ExportOrderDetailList202610.csv", bytes: fx.taobaoItems() },
      ]);
      expect(r.errors).toEqual([]);
      const order = (await s.orders.list(t.owner, { limit: 50 })).items.find(
        (o) => o.platformOrderId === "3515313147329357901",
      )!;
      const agent = person("客服专员").actor;
      // One line of order …901: SKU QD-001-M.
      const open = (reason: string) =>
        s.cases.create(agent, {
          orderId: order.id!,
          type: "return_refund",
          reason,
          requestedFen: 100,
          lines: [{ orderLineNo: 1 }],
        });
      return { ...t, person, open };
    };

    it("opens one 运营 task when the third quality case of a SKU arrives, and no second while it is open", async () => {
      const t = await team();
      const ops = t.departments.find((d) => d.name === "运营")!;
      const c1 = await t.open("质量问题");
      await t.open("七天无理由退换货"); // the buyer's own: not counted
      const c2 = await t.open("商品与页面描述不符");
      expect((await s.quality.get(t.owner)).tasks).toEqual([]);
      const c3 = await t.open("做工粗糙，开线了");
      const q = await s.quality.get(t.person("客服专员").actor);
      expect(q).toMatchObject({ minCases: 3, windowDays: 7, version: 0, isDefault: true });
      expect(q.tasks).toHaveLength(1);
      const task = q.tasks[0]!;
      expect(task).toMatchObject({
        sku: "QD-001-M",
        department: "operations",
        caseCount: 3,
        counts: { operations: 3, design: 0 },
        taskStatus: "todo",
      });
      expect(task.caseIds.sort()).toEqual([c1.id, c2.id, c3.id].sort());
      // The task is a plan task in a 运营 plan the 运营 lead owns, named with the SKU and the count,
      // given to the department's people by one of its skills.
      const plan = await s.plans.get(t.owner, task.planId);
      expect(plan.plan.name).toBe("售后质量改进 · 运营");
      expect(plan.plan.ownerMemberId).toBe(t.person("运营主管").memberId);
      const planTask = plan.tasks.find((x: { id: string }) => x.id === task.taskId)!;
      expect(planTask.name).toBe("修改 QD-001-M 的商品页：7 天内 3 个质量售后");
      const skill = t.skills.find((k) => k.id === planTask.skillId)!;
      expect(skill.departmentId).toBe(ops.id);
      // The 运营 lead was told.
      const notes = await s.notifications.list(t.person("运营主管").actor, {});
      expect(JSON.stringify(notes)).toContain("QD-001-M");

      // A fourth quality case: still one task.
      await t.open("质量问题");
      expect((await s.quality.get(t.owner)).tasks).toHaveLength(1);

      // The task done: three fresh cases open a new task; the ones counted before do not count again.
      await s.tasks.update(t.person("运营主管").actor, task.taskId, {
        version: planTask.version,
        status: "done",
      });
      await t.open("质量问题");
      expect((await s.quality.get(t.owner)).tasks).toHaveLength(1); // 2 fresh (with the fourth)
      await t.open("质量问题");
      const again = (await s.quality.get(t.owner)).tasks;
      expect(again).toHaveLength(2);
      expect(again[0]!.caseIds).toHaveLength(3);
      expect(again[0]!.caseIds.some((id) => task.caseIds.includes(id))).toBe(false);
      expect(again[0]!.planId).toBe(task.planId); // the same 运营 plan
    });

    it("sends size and colour reasons to 设计", async () => {
      const t = await team();
      for (const r of ["大小/尺寸与商品描述不符", "颜色/图案/款式与商品描述不符", "质量问题"])
        await t.open(r);
      const [task] = (await s.quality.get(t.owner)).tasks;
      expect(task).toMatchObject({ department: "design", counts: { operations: 1, design: 2 } });
      const plan = await s.plans.get(t.owner, task!.planId);
      expect(plan.plan.name).toBe("售后质量改进 · 设计");
      expect(plan.tasks[0]!.name).toBe("修改 QD-001-M 的图片或尺码表：7 天内 3 个质量售后");
    });

    it("names the plan and the task in the workspace's language: English in an English workspace", async () => {
      const t = await team();
      const ws = await s.workspaces.get(t.owner);
      await s.workspaces.update(t.owner, { version: ws.version, locale: "en" });
      for (const r of ["质量问题", "商品与页面描述不符", "质量问题"]) await t.open(r);
      const [task] = (await s.quality.get(t.owner)).tasks;
      const plan = await s.plans.get(t.owner, task!.planId);
      expect(plan.plan.name).toBe("After-sales quality · Operations");
      expect(plan.tasks.map((x: { name: string }) => x.name)).toEqual([
        "Fix the listing of QD-001-M: 3 quality cases in 7 days",
      ]);
      // Named once, in the language it was made in: the plan keeps its name when the workspace
      // turns Chinese again (the lead may rename it).
      await s.workspaces.update(t.owner, { version: ws.version + 1, locale: "zh-CN" });
      expect((await s.plans.get(t.owner, task!.planId)).plan.name).toBe(
        "After-sales quality · Operations",
      );
    });

    it("lets the owner and the 客服 lead set the threshold, not a 客服 member nor a 运营 member", async () => {
      const t = await team();
      await t.open("质量问题");
      await t.open("质量问题");
      expect((await s.quality.get(t.owner)).tasks).toEqual([]);
      const member = t.person("客服专员").actor;
      const opsMember = t.person("运营专员").actor;
      for (const who of [member, opsMember])
        expect(
          await failure(s.quality.put(who, { minCases: 2, windowDays: 7, version: 0 })),
        ).toMatchObject({ kind: "forbidden" });
      // A lower threshold acts at once: two cases now open a task.
      const lead = t.person("客服主管").actor;
      const put = await s.quality.put(lead, { minCases: 2, windowDays: 3, version: 0 });
      expect(put).toMatchObject({ minCases: 2, windowDays: 3, version: 1, isDefault: false });
      expect(put.tasks).toHaveLength(1);
      expect(put.tasks[0]).toMatchObject({ caseCount: 2, minCases: 2, windowDays: 3 });
      // Stale, out of range.
      expect(
        await failure(s.quality.put(t.owner, { minCases: 4, windowDays: 7, version: 0 })),
      ).toMatchObject({ kind: "conflict" });
      expect(
        await failure(s.quality.put(t.owner, { minCases: 1, windowDays: 7, version: 1 })),
      ).toMatchObject({ kind: "invalid", coded: { code: "aftersales.quality.threshold_invalid" } });
      expect(
        await s.quality.put(t.owner, { minCases: 4, windowDays: 14, version: 1 }),
      ).toMatchObject({
        minCases: 4,
        windowDays: 14,
        version: 2,
      });
      // Everyone reads it.
      expect(await s.quality.get(opsMember)).toMatchObject({ minCases: 4, version: 2 });
    });
  });
}
