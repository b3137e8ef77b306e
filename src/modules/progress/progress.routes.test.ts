// Progress control over HTTP (issue 12), on both databases: GET /api/v1/plans/:id/progress and
// /progress/history answer with the schema's figures, refuse what they cannot measure with a code and
// a `detail` in the reader's language, keep their inputs bounded, and hide another workspace's plan.
//
// The plan: one 16 h task for the owner (8 h a day), baseline frozen Monday 2026-11-02 → planned Mon
// 8 h, Tue 8 h; BAC 16. On Monday nothing is logged yet: PV 8, EV 0, AC 0, so SV −8, SPI 0 / 8 = 0
// (red) and CPI 0 / 0 undefined (null, never NaN).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { frozenClock } from "../../../test/helpers/factories.js";
import {
  signupClient,
  startTestApp,
  type Client,
  type TestApp,
} from "../../../test/helpers/http.js";

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; code: string }[];
}
interface Progress {
  statusDate: string;
  plan: Record<string, unknown>;
  people: { memberId: string | null; evm: Record<string, unknown> }[];
}
interface History {
  from: string;
  to: string;
  planned: { date: string; pv: number }[];
  items: unknown[];
  live: { pv: number; ev: number; ac: number } | null;
}

for (const dialect of DIALECTS) {
  describe(`progress routes on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    let planId: string;
    const progress = () => `/api/v1/plans/${planId}/progress`;

    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-02T01:00:00.000Z"));
      owner = (await signupClient(t.app, "empty")).client;
      const me = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body;
      const plan = await owner.post<{ id: string }>("/api/v1/plans", {
        name: "上新",
        startDate: "2026-11-02",
      });
      expect(plan.status).toBe(201);
      planId = plan.body.id;
      const task = await owner.post(`/api/v1/plans/${planId}/tasks`, {
        name: "主图设计",
        effortHours: 16,
        assigneeMemberId: me.member.id,
      });
      expect(task.status).toBe(201);
    });
    afterAll(async () => t.close());

    it("refuses a plan without a baseline with 409 and a detail in English or Chinese", async () => {
      for (const url of [progress(), `${progress()}/history`]) {
        const en = await owner.req<Problem>("GET", url, undefined, { "accept-language": "en" });
        expect(en.status).toBe(409);
        expect(en.body).toMatchObject({
          code: "progress.no_baseline",
          detail:
            "This plan has no baseline yet: freeze one with “Set baseline” on the plan page, and progress is measured against it.",
        });
        const zh = await owner.req<Problem>("GET", url, undefined, {
          "accept-language": "zh-CN",
        });
        expect(zh.status).toBe(409);
        expect(zh.body.detail).toBe("该计划还没有基线：请在计划页点“设为基线”，之后进度按基线衡量");
      }
    });

    it("answers the plan's earned value once it has a baseline; undefined ratios are null", async () => {
      expect((await owner.post(`/api/v1/plans/${planId}/baseline`)).status).toBe(200);
      const res = await owner.get<Progress>(progress());
      expect(res.status).toBe(200);
      expect(res.body.statusDate).toBe("2026-11-02");
      expect(res.body.plan).toMatchObject({
        bac: 16,
        pv: 8,
        ev: 0,
        ac: 0,
        sv: -8,
        cv: 0,
        spi: 0,
        cpi: null,
        eac: null,
        tcpi: 1,
        baselineStart: "2026-11-02",
        baselineFinish: "2026-11-03",
        lights: { spi: "red", cpi: null },
      });
      expect(res.body.people).toHaveLength(1);
      expect(res.raw).not.toMatch(/NaN|Infinity/);
    });

    it("refuses a status date after today in the reader's language, and dates outside the range", async () => {
      const future = `${progress()}?date=2026-11-03`;
      const en = await owner.req<Problem>("GET", future, undefined, { "accept-language": "en" });
      expect(en.status).toBe(400);
      expect(en.body).toMatchObject({
        code: "progress.future_date",
        detail: "Choose today (2026-11-02) or an earlier day.",
      });
      expect(en.body.errors?.map((e) => [e.field, e.code])).toEqual([
        ["date", "progress.future_date"],
      ]);
      const zh = await owner.req<Problem>("GET", future, undefined, {
        "accept-language": "zh-CN",
      });
      expect(zh.body.detail).toBe("请选择今天（2026-11-02）或更早的日期");
      for (const bad of ["2100-01-01", "1999-12-31", "2026-02-30", "yesterday"])
        expect((await owner.get(`${progress()}?date=${bad}`)).status).toBe(400);
      expect((await owner.get(`${progress()}?when=2026-11-01`)).status).toBe(400);
    });

    it("answers the history with the planned curve and today's live figures, at most the limit's days at once", async () => {
      const res = await owner.get<History>(`${progress()}/history`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: "2026-11-02", to: "2026-11-02", items: [] });
      expect(res.body.planned).toEqual([{ date: "2026-11-02", pv: 8 }]);
      expect(res.body.live).toMatchObject({ pv: 8, ev: 0, ac: 0 });
      const whole = await owner.get<History>(`${progress()}/history?from=2026-11-02&to=2026-11-06`);
      expect(whole.body.planned).toEqual([
        { date: "2026-11-02", pv: 8 },
        { date: "2026-11-03", pv: 16 },
      ]);
      const long = await owner.get<Problem>(`${progress()}/history?from=2025-01-01&to=2026-11-02`);
      expect(long.status).toBe(400);
      const reversed = await owner.get<Problem>(
        `${progress()}/history?from=2026-11-03&to=2026-11-02`,
      );
      expect(reversed.status).toBe(400);
      expect(reversed.body.code).toBe("range.reversed");
    });

    it("hides the plan from another workspace (404) and from nobody signed in (401)", async () => {
      const stranger = (await signupClient(t.app, "empty")).client;
      for (const url of [progress(), `${progress()}/history`]) {
        expect((await stranger.get(url)).status).toBe(404);
        expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
      }
    });
  });
}
