import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_PLAN_TEMPLATES } from "../../core/pay/templates.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { Client, signupClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";
import { uniqueEmail } from "../../../test/helpers/factories.js";

const ops = () => structuredClone(PAY_PLAN_TEMPLATES.find((t) => t.id === "operations")!.plan);

for (const dialect of DIALECTS) {
  describe(`pay routes on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    it("refuses bad plans with field errors, writes nothing, and keeps plans from members", async () => {
      const { client: owner } = await signupClient(t.app);
      const bad = ops();
      bad.commissions[0]!.tiers!.bands[1]!.from = "9000";
      bad.commissions[0]!.tiers!.bands[2]!.ratePct = -3;
      type Refusal = { code: string; errors: { field: string; code: string; message: string }[] };
      const res = await owner.req<Refusal>(
        "POST",
        "/api/v1/pay-plans",
        { effectiveFrom: "2026-10-01", definition: bad },
        { "accept-language": "en" },
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("pay.plan.problems");
      expect(res.body.errors.map(({ field, code, message }) => ({ field, code, message }))).toEqual(
        [
          {
            field: "definition.commissions.0.tiers.bands.1.from",
            code: "pay.field.band_overlap",
            message: "Overlaps band 1 (which ends at 10,000.00).",
          },
          {
            field: "definition.commissions.0.tiers.bands.2.ratePct",
            code: "pay.field.negative",
            message: "Must not be negative.",
          },
        ],
      );
      // The same refusal for a Chinese reader.
      const zh = await owner.req<Refusal>(
        "POST",
        "/api/v1/pay-plans",
        { effectiveFrom: "2026-10-01", definition: bad },
        { "accept-language": "zh-CN" },
      );
      expect(zh.body.errors.map((e) => e.message)).toEqual([
        "与第 1 档重叠（该档止于 10,000.00）",
        "不能为负数",
      ]);
      expect(
        (
          await owner.post<{ errors: { field: string }[] }>("/api/v1/pay-plans", {
            effectiveFrom: "2026-10-01",
            templateId: "operations",
            extra: 1,
          })
        ).status,
      ).toBe(400);
      expect((await owner.get<{ items: unknown[] }>("/api/v1/pay-plans")).body.items).toEqual([]);

      const created = await owner.post<{ id: string; version: number }>("/api/v1/pay-plans", {
        effectiveFrom: "2026-10-01",
        templateId: "operations",
      });
      expect(created.status).toBe(201);
      const exported = await owner.get<{
        format: string;
        commissions: { tiers: { kind: string } }[];
      }>(`/api/v1/pay-plans/${created.body.id}/export`);
      expect(exported.body).toEqual(ops());
      const reimported = await owner.post("/api/v1/pay-plans", {
        effectiveFrom: "2026-10-01",
        definition: exported.body,
      });
      expect(reimported.status).toBe(201);
      expect(
        (
          await owner.post(`/api/v1/pay-plans/${created.body.id}/versions`, {
            version: 99,
            effectiveFrom: "2026-12-01",
            definition: ops(),
          })
        ).status,
      ).toBe(409);

      const memberEmail = uniqueEmail("m");
      const member = await owner.post<{ id: string }>("/api/v1/members", {
        name: "客服小王",
        email: memberEmail,
        password: "member-pass",
      });
      const m = new Client(t.app);
      expect(
        (await m.post("/api/v1/auth/login", { email: memberEmail, password: "member-pass" }))
          .status,
      ).toBe(200);
      expect((await m.get("/api/v1/pay-plans")).status).toBe(403);
      expect(
        (
          await m.post("/api/v1/pay-plans", {
            effectiveFrom: "2026-10-01",
            templateId: "operations",
          })
        ).status,
      ).toBe(403);
      expect((await m.post("/api/v1/pay-runs", { period: "2026-10" })).status).toBe(403);
      expect((await m.get(`/api/v1/pay/projection/${member.body.id}`)).status).toBe(400); // their own: allowed, but they have no plan yet
      const ownerId = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
      expect((await m.get(`/api/v1/pay/projection/${ownerId}`)).status).toBe(403);
    });

    it("offers the templates in the reader's language and names a plan from one in the language it was made in", async () => {
      const { client: owner } = await signupClient(t.app);
      type Templates = {
        items: {
          id: string;
          department: { code: string };
          name: { code: string };
          plan: { name: string };
        }[];
      };
      const en = await owner.req<Templates>("GET", "/api/v1/pay-plan-templates", undefined, {
        "accept-language": "en",
      });
      const zh = await owner.req<Templates>("GET", "/api/v1/pay-plan-templates", undefined, {
        "accept-language": "zh-CN",
      });
      const cs = (r: Templates) => r.items.find((x) => x.id === "customer-service")!;
      expect(cs(en.body).department).toEqual({ code: "pay.tpl.department.customer_service" });
      expect(cs(en.body).name).toEqual({ code: "pay.tpl.cs.name" });
      expect(en.body.items.map((x) => x.plan.name)).toEqual([
        "Operations · Shop sales on marginal tiers",
        "Customer service · Own sales + shared pool + scorecard bonus",
        "Design · On-time delivery bonus",
        "Logistics · Per parcel, less errors",
      ]);
      expect(zh.body.items.map((x) => x.plan.name)).toEqual([
        "运营 · 店铺销售额阶梯提成",
        "客服 · 个人业绩 + 公共池 + 考核奖金",
        "设计 · 准时交付奖金",
        "物流 · 计件与差错",
      ]);

      // Made by an English reader: the English name, kept as the owner's text for a Chinese reader.
      const made = await owner.req<{ id: string; name: string }>(
        "POST",
        "/api/v1/pay-plans",
        { effectiveFrom: "2026-10-01", templateId: "design" },
        { "accept-language": "en" },
      );
      expect(made.status).toBe(201);
      expect(made.body.name).toBe("Design · On-time delivery bonus");
      const read = await owner.req<{ name: string }>(
        "GET",
        `/api/v1/pay-plans/${made.body.id}`,
        undefined,
        { "accept-language": "zh-CN" },
      );
      expect(read.body.name).toBe("Design · On-time delivery bonus");
      const exported = await owner.get<{ name: string; description: string }>(
        `/api/v1/pay-plans/${made.body.id}/export`,
      );
      expect(exported.body.name).toBe("Design · On-time delivery bonus");
      // The rule texts stay the template's, which every reader reads in their own language.
      expect(exported.body.description).toBe(
        PAY_PLAN_TEMPLATES.find((x) => x.id === "design")!.plan.description,
      );
    });

    it("refuses a run for a month without shop data and a malformed period", async () => {
      const { client: owner } = await signupClient(t.app);
      const r = await owner.post<{ errors: { field: string }[] }>("/api/v1/pay-runs", {
        period: "2026-10",
      });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e) => e.field)).toEqual(["period"]);
      expect((await owner.post("/api/v1/pay-runs", { period: "2026-13" })).status).toBe(400);
      expect((await owner.post("/api/v1/pay-runs", { period: "October" })).status).toBe(400);
    });
  });
}
