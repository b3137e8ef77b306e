// A request that does not fit its schema is refused field by field in the reader's language: each
// field error carries a code for the kind of mismatch (fields.en.ts) with its limit, never the
// validator's English. And a goal's unit travels as a code both ways.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../core/limits.js";
import { DIALECTS } from "../../test/helpers/db.js";
import { signupClient, startTestApp, type TestApp } from "../../test/helpers/http.js";
import { frozenClock, uniqueEmail } from "../../test/helpers/factories.js";

interface Problem {
  status: number;
  detail: string;
  code: string;
  errors: { field: string; message: string; code: string; params: Record<string, unknown> }[];
}

for (const dialect of DIALECTS) {
  describe(`field errors in the reader's language on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-29T02:00:00.000Z"));
    });
    afterAll(async () => t.close());

    it("names each wrong field with what is wrong, in Chinese and in English", async () => {
      const { client } = await signupClient(t.app);
      const body = {
        name: "x".repeat(LIMITS.nameMax + 1),
        email: "not-an-email",
        password: "password1",
        role: "boss",
        skills: [{ skillId: "s", level: 9 }],
      };
      const said = async (lang: string) => {
        const res = await client.req<Problem>("POST", "/api/v1/members", body, {
          "accept-language": lang,
        });
        expect(res.status).toBe(400);
        return Object.fromEntries(res.body.errors.map((e) => [e.field, [e.code, e.message]]));
      };
      expect(await said("zh-CN")).toEqual({
        name: ["field.too_long", `最多 ${LIMITS.nameMax} 个字符。`],
        email: ["field.format.email", "请填写有效的邮箱地址。"],
        role: ["field.not_allowed", "请从给出的选项中选择。"],
        "skills.0.level": ["field.above_max", `请填写不大于 ${LIMITS.skillLevelMax} 的数。`],
      });
      expect(await said("en")).toEqual({
        name: ["field.too_long", `Use at most ${LIMITS.nameMax} character(s).`],
        email: ["field.format.email", "Enter an email address."],
        role: ["field.not_allowed", "Choose one of the values offered."],
        "skills.0.level": ["field.above_max", `Enter ${LIMITS.skillLevelMax} or less.`],
      });
      // A wrong type and an empty name: what to enter, not "must be string".
      const typed = await client.req<Problem>(
        "POST",
        "/api/v1/members",
        { name: "", email: 42, password: "password1" },
        { "accept-language": "zh-CN" },
      );
      expect(typed.body.errors.map((e) => [e.field, e.message])).toEqual([
        ["name", "必填。"],
        ["email", "请填写文字。"],
      ]);
      expect(typed.body.detail).toBe("请检查这些字段：name、email。");
    });

    it("takes a goal's unit as a code or written out, answers it as a code, and refuses a made-up code", async () => {
      const { client: owner } = await signupClient(t.app);
      const member = await owner.post<{ id: string }>("/api/v1/members", {
        name: "小王",
        email: uniqueEmail("m"),
        password: "member-pass",
      });
      const cycle = await owner.post<{ id: string }>("/api/v1/goal-cycles", {
        name: "11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      const goal = (unit: string, weight: number) =>
        owner.post<{ unit: string } & Problem>("/api/v1/goals", {
          cycleId: cycle.body.id,
          memberId: member.body.id,
          title: `目标 ${unit}`,
          weight,
          target: "100",
          unit,
          metric: { kind: "manual" },
        });
      expect((await goal("unit.percent", 10)).body.unit).toBe("unit.percent");
      expect((await goal("元", 10)).body.unit).toBe("unit.yuan");
      expect((await goal("orders", 10)).body.unit).toBe("unit.order");
      expect((await goal("张", 10)).body.unit).toBe("张");
      const madeUp = await owner.req<Problem>(
        "POST",
        "/api/v1/goals",
        {
          cycleId: cycle.body.id,
          memberId: member.body.id,
          title: "x",
          weight: 10,
          target: "1",
          unit: "unit.kg",
          metric: { kind: "manual" },
        },
        { "accept-language": "zh-CN" },
      );
      expect(madeUp.status).toBe(400);
      expect(madeUp.body.errors.map((e) => [e.field, e.message])).toEqual([
        ["unit", "请从给出的选项中选择。"],
      ]);
      // A target that is not a number asks for one, in the reader's language.
      const lots = await owner.req<Problem>(
        "POST",
        "/api/v1/goals",
        {
          cycleId: cycle.body.id,
          memberId: member.body.id,
          title: "x",
          weight: 10,
          target: "很多",
          metric: { kind: "manual" },
        },
        { "accept-language": "en" },
      );
      expect(lots.body.errors.map((e) => [e.field, e.code, e.message])).toEqual([
        ["target", "field.format.decimal", "Enter a number, e.g. 1234.5."],
      ]);
      const listed = await owner.get<{ items: { unit: string }[] }>(
        `/api/v1/goals?cycleId=${cycle.body.id}&memberId=${member.body.id}`,
      );
      expect(listed.body.items.map((g) => g.unit).sort()).toEqual([
        "unit.order",
        "unit.percent",
        "unit.yuan",
        "张",
      ]);
    });
  });
}
