// The migration that turns the units stored before codes ("元", "¥", "%", "s", "单") into unit
// codes: goals, agreement snapshots and the audit log's "drafted the goal" entries then read in
// either language; a unit typed by hand stays as typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../core/ids.js";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, services } from "../../../test/helpers/factories.js";
import { convertAuditSummary, down, up } from "./2026-12-13-130-goal-units.js";

describe("the goal-units migration's reading of old audit entries", () => {
  it("turns target and unit into a target with its unit, and leaves other entries", () => {
    const old = JSON.stringify({
      code: "audit.goal.create",
      params: { goal: "店铺GMV", weight: 60, target: "310000", unit: "元", actor: "王芳" },
    });
    const converted = JSON.parse(convertAuditSummary(old)!) as Parameters<typeof renderMessage>[1];
    expect(renderMessage("en", converted)).toBe(
      "王芳 drafted the goal “店铺GMV” (weight 60, target ¥310,000)",
    );
    expect(renderMessage("zh-CN", converted)).toBe(
      "王芳 起草了目标“店铺GMV”（权重 60，目标值 310,000 元）",
    );
    const typed = JSON.stringify({
      code: "audit.goal.create",
      params: { goal: "上新", weight: 40, target: "40", unit: "张", actor: "王芳" },
    });
    expect(renderMessage("en", JSON.parse(convertAuditSummary(typed)!))).toBe(
      "王芳 drafted the goal “上新” (weight 40, target 40 张)",
    );
    expect(
      convertAuditSummary(JSON.stringify({ code: "audit.goal.update", params: { goal: "x" } })),
    ).toBeUndefined();
    expect(convertAuditSummary("Created goal x")).toBeUndefined();
  });
});

for (const dialect of DIALECTS) {
  describe(`the goal-units migration on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("turns the old units into codes and keeps typed ones; down restores them", async () => {
      const db = tdb.database.db;
      const t = await buildShopTeam(s);
      const member = t.people.find((p) => p.name === "运营专员")!;
      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      const goal = (title: string, target: string, unit?: string) =>
        s.goals.createGoal(t.owner, {
          cycleId: cycle.id,
          memberId: member.memberId,
          title,
          weight: 25,
          target,
          ...(unit === undefined ? {} : { unit }),
          metric: { kind: "manual" },
        });
      const gmv = await goal("成交额", "310000", "元");
      const rate = await goal("点击率", "5", "%");
      const pics = await goal("主图", "40", "张");
      const web = await goal("客单价", "120", "¥");
      await db
        .insertInto("goalAgreements")
        .values({
          workspaceId: t.workspaceId,
          id: newId(),
          goalId: gmv.id,
          agreementNo: 1,
          snapshot: JSON.stringify({ title: "成交额", target: "310000", unit: "unit.yuan" }),
          agreedBy: null,
          agreedAt: "2026-10-02T01:00:00.000Z",
        })
        .execute();

      // As the old server left them: "元", "%", "张" and the old web's "¥" in the goals, "元" in
      // the snapshot, target and unit apart in the audit entries.
      await down(db as never);
      await db
        .updateTable("goals")
        .set({ unit: "¥" })
        .where("workspaceId", "=", t.workspaceId)
        .where("id", "=", web.id)
        .execute();
      const units = async () =>
        new Map(
          (
            await db
              .selectFrom("goals")
              .select(["id", "unit"])
              .where("workspaceId", "=", t.workspaceId)
              .execute()
          ).map((g) => [g.id, g.unit]),
        );
      expect(await units()).toEqual(
        new Map([
          [gmv.id, "元"],
          [rate.id, "%"],
          [pics.id, "张"],
          [web.id, "¥"],
        ]),
      );
      const snapshot = async () =>
        JSON.parse(
          (await db
            .selectFrom("goalAgreements")
            .select("snapshot")
            .where("workspaceId", "=", t.workspaceId)
            .executeTakeFirstOrThrow()
            .then((r) => r.snapshot)) as string,
        ) as { unit: string };
      expect((await snapshot()).unit).toBe("元");

      await up(db as never);
      expect(await units()).toEqual(
        new Map([
          [gmv.id, "unit.yuan"],
          [rate.id, "unit.percent"],
          [pics.id, "张"],
          [web.id, "unit.yuan"],
        ]),
      );
      expect((await snapshot()).unit).toBe("unit.yuan");
      const drafted = async (locale: "en" | "zh-CN") =>
        (await s.audit.list(t.owner, { limit: 100 }, locale)).items
          .filter((a) => a.action === "goal.create")
          .map((a) => a.summary)
          .sort();
      expect(await drafted("en")).toEqual([
        "Owner drafted the goal “主图” (weight 25, target 40 张)",
        "Owner drafted the goal “客单价” (weight 25, target ¥120)",
        "Owner drafted the goal “成交额” (weight 25, target ¥310,000)",
        "Owner drafted the goal “点击率” (weight 25, target 5%)",
      ]);
      expect((await drafted("zh-CN")).join("\n")).toContain("目标值 310,000 元");
      // The goals read through the service as codes; running it again changes nothing.
      expect((await s.goals.getGoal(t.owner, gmv.id)).unit).toBe("unit.yuan");
      await up(db as never);
      expect((await units()).get(rate.id)).toBe("unit.percent");
    });
  });
}
