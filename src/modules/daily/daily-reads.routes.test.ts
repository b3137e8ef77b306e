// The daily loop's read-only answers over HTTP are exactly what the services say: Fastify
// serializes by the routes' response schemas (daily-reads.schema.ts, workload.schema.ts), so a field
// a schema left out would vanish from the answer. On the demo shop (plans scheduled into people's
// weeks), with a member's report submitted today and a lead's drafted with its plan lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { systemClock } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { DIALECTS } from "../../../test/helpers/db.js";
import { services } from "../../../test/helpers/factories.js";
import { Client, startTestApp, type TestApp } from "../../../test/helpers/http.js";

interface Me {
  member: { id: string; role: Actor["role"]; departmentId: string | null };
  user: { id: string };
  workspace: { id: string };
}
const actorOf = (me: Me): Actor => ({
  userId: me.user.id,
  memberId: me.member.id,
  workspaceId: me.workspace.id,
  role: me.member.role,
  departmentId: me.member.departmentId,
  via: "session",
});
/** What the service returned, as JSON carries it. */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

for (const dialect of DIALECTS) {
  describe(`the agenda, workload and report answers on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    it(
      "send every field the services give (agenda, workload, who has reported, history, a draft)",
      { timeout: 240_000 },
      async () => {
        const owner = new Client(t.app);
        const demo = await owner.post<{ password: string }>("/api/v1/demo", { history: false });
        expect(demo.status).toBe(200);
        const ownerMe = (await owner.get<Me>("/api/v1/me")).body;
        const s = services(t.tdb.database, systemClock);
        const actor = actorOf(ownerMe);
        const ws = actor.workspaceId;

        // A 客服 member submits today's report (a reason for each task not done).
        const member = new Client(t.app);
        await member.post("/api/v1/auth/login", {
          email: "liu.ting@demo.dayclear.local",
          password: demo.body.password,
        });
        const memberMe = (await member.get<Me>("/api/v1/me")).body;
        const date = (await member.get<{ date: string }>("/api/v1/today")).body.date;
        const path = `/api/v1/reports/${memberMe.member.id}/${date}`;
        const draft = (await member.get<{ draft: { notDone: { taskId: string }[] } }>(path)).body;
        const saved = await member.put(path, {
          submit: true,
          blockers: "等待设计稿",
          reasons: Object.fromEntries(draft.draft.notDone.map((n) => [n.taskId, "客户临时加急"])),
        });
        expect(saved.status).toBe(200);

        const from = addDays(date, -6);
        const to = addDays(date, 7);
        const agenda = await owner.get<{ members: { allocations: unknown[] }[] }>(
          `/api/v1/agenda?from=${from}&to=${to}`,
        );
        expect(agenda.status).toBe(200);
        expect(agenda.body.members.some((m) => m.allocations.length > 0)).toBe(true);
        expect(agenda.body).toEqual(json(await s.today.range(actor, { from, to })));

        const workload = await owner.get<{ members: { cells: { hours: number }[] }[] }>(
          `/api/v1/workload?from=${from}&to=${to}`,
        );
        expect(workload.status).toBe(200);
        expect(workload.body.members.some((m) => m.cells.some((c) => c.hours > 0))).toBe(true);
        expect(workload.body).toEqual(json(await s.schedule.workload(ws, from, to)));

        const status = await owner.get<{ submitted: number }>(
          `/api/v1/reports/status?date=${date}`,
        );
        expect(status.status).toBe(200);
        expect(status.body.submitted).toBe(1);
        expect(status.body).toEqual(json(await s.reports.status(actor, { date })));

        const history = await owner.get<{ items: { blockers: string | null }[] }>(
          `/api/v1/reports/${memberMe.member.id}?from=${from}&to=${date}`,
        );
        expect(history.status).toBe(200);
        expect(history.body.items[0]!.blockers).toBe("等待设计稿"); // newest first
        expect(history.body).toEqual(
          json(await s.reports.history(actor, memberMe.member.id, from, date)),
        );

        // The submitted report as stored, and a lead's fresh draft with a line for the plan they
        // own (with a baseline: the demo's campaign, handed to 林可 of 运营).
        const members = (
          await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/members?limit=100")
        ).body.items;
        const lead = members.find((m) => m.name === "林可")!;
        const plans = await owner.get<{ items: { id: string; status: string; version: number }[] }>(
          "/api/v1/plans",
        );
        for (const p of plans.body.items.filter((x) => x.status === "active")) {
          const handed = await owner.patch<{ version: number }>(`/api/v1/plans/${p.id}`, {
            version: p.version,
            ownerMemberId: lead.id,
          });
          expect(handed.status).toBe(200);
          expect((await owner.post(`/api/v1/plans/${p.id}/baseline`)).status).toBe(200);
        }
        const submitted = await owner.req("GET", path, undefined, { "accept-language": "en" });
        expect(submitted.body).toEqual(
          json(await s.reports.get(actor, memberMe.member.id, date, "en")),
        );
        const leadReport = await owner.get<{ draft: { progress: unknown[] } }>(
          `/api/v1/reports/${lead.id}/${date}`,
        );
        expect(leadReport.status).toBe(200);
        expect(leadReport.body.draft.progress.length).toBeGreaterThan(0);
        expect(leadReport.body).toEqual(json(await s.reports.get(actor, lead.id, date, "zh-CN")));
      },
    );
  });
}
