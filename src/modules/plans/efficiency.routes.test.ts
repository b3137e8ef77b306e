// The efficiency table over HTTP (issue 12), on both databases: everyone reads it, only the owner
// saves it (a lead 403 in the reader's language), a missing level or an unknown field 400, level 3
// other than 1 and a factor out of bounds 400 naming `factors.N`, a stale version 409 with the
// current one, and the saved table read back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { buildMember, frozenClock, services } from "../../../test/helpers/factories.js";
import { Client, ORIGIN, startTestApp, type TestApp } from "../../../test/helpers/http.js";

interface Problem {
  status: number;
  code: string;
  detail: string;
  currentVersion?: number;
  errors?: { field: string; code: string }[];
}
interface Efficiency {
  factors: Record<string, number>;
  version: number;
  neutral: boolean;
  bounds: { min: number; max: number };
}

const URL = "/api/v1/workspace/efficiency";
const FACTORS = { "1": 0.6, "2": 0.8, "3": 1, "4": 1.1, "5": 1.25 };

for (const dialect of DIALECTS) {
  describe(`efficiency routes on ${dialect}`, () => {
    let t: TestApp;
    const clock = frozenClock("2026-10-12T02:00:00.000Z");
    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
    });
    afterAll(async () => t.close());

    it("reads for everyone, saves for the owner, and refuses the rest with their reasons", async () => {
      const owner = new Client(t.app);
      const signup = await owner.post("/api/v1/auth/signup", {
        workspaceName: "效率测试店",
        name: "店主",
        email: "owner@efficiency.test",
        password: "owner-password",
        template: "ecommerce",
      });
      expect(signup.status).toBe(201);
      const s = services(t.tdb.database, clock);
      const me = (
        await owner.get<{ member: { id: string }; workspace: { id: string } }>("/api/v1/me")
      ).body;
      const ownerActor = {
        userId: "",
        memberId: me.member.id,
        workspaceId: me.workspace.id,
        role: "owner" as const,
        departmentId: null,
        via: "session" as const,
      };
      const lead = await buildMember(s, ownerActor, { name: "主管", role: "lead" });
      const leadClient = new Client(t.app, { origin: ORIGIN, "accept-language": "zh-CN" });
      expect(
        (
          await leadClient.post("/api/v1/auth/login", {
            email: lead.email,
            password: lead.password,
          })
        ).status,
      ).toBe(200);

      const start = await leadClient.get<Efficiency>(URL);
      expect(start.status).toBe(200);
      expect(start.body).toEqual({
        factors: { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1 },
        version: 0,
        updatedAt: null,
        neutral: true,
        bounds: { min: 0.1, max: 5 },
      });

      const refused = await leadClient.put<Problem>(URL, { factors: FACTORS, version: 0 });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: "plans.efficiency.owner_only",
        detail: "只有工作区所有者可以设置效率表。",
      });

      const { "5": _five, ...missing } = FACTORS;
      for (const bad of [
        { factors: missing, version: 0 },
        { factors: { ...FACTORS, "6": 1 }, version: 0 },
        { factors: FACTORS },
        { factors: { ...FACTORS, "5": "fast" }, version: 0 },
      ])
        expect((await owner.put<Problem>(URL, bad)).status).toBe(400);
      const wrong = await owner.put<Problem>(URL, {
        factors: { ...FACTORS, "3": 1.2, "5": 6 },
        version: 0,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors?.map((e) => [e.field, e.code])).toEqual([
        ["factors.3", "plans.efficiency.reference_level"],
        ["factors.5", "plans.efficiency.out_of_range"],
      ]);

      const saved = await owner.put<Efficiency>(URL, { factors: FACTORS, version: 0 });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ factors: FACTORS, version: 1, neutral: false });
      expect((await leadClient.get<Efficiency>(URL)).body).toMatchObject({
        factors: FACTORS,
        version: 1,
      });

      const stale = await owner.put<Problem>(URL, { factors: FACTORS, version: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: "plans.efficiency.stale", currentVersion: 1 });
    });
  });
}
