// Corrective actions over HTTP (issue 12), on both databases: POST /api/v1/plans/:id/what-ifs answers
// the scored options in the schema's shape, /what-ifs/apply keeps its input bounded, refuses a stale
// revision with 409 and a detail in the reader's language, and another workspace's plan is not found.
//
// The plan: 主图设计 16 h then 详情页 16 h (FS) for the owner, alone in the workspace, deadline Tue
// 11-03 (today Mon 11-02): Mon–Thu, finish Thu 11-05, two workdays late. Nobody else can take the
// work; fast-tracking gains nothing while one person does both; the owner's overtime (2 h a day on
// the four workdays) gives 40 h for 32 h of work: finish Thu still (10 + 10 + 10 + 2), no gain.
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
interface WhatIfs {
  revision: string;
  finish: string | null;
  lateDays: number;
  options: {
    kind: string;
    applicable: boolean;
    changes: unknown[];
    score: { finish: string; daysGained: number };
  }[];
  best: unknown;
  notes: { code: string }[];
}

for (const dialect of DIALECTS) {
  describe(`what-if routes on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    let planId: string;
    let t1: string;
    let t2: string;
    const url = () => `/api/v1/plans/${planId}/what-ifs`;

    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-02T01:00:00.000Z"));
      owner = (await signupClient(t.app, "empty")).client;
      const me = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body;
      planId = (
        await owner.post<{ id: string }>("/api/v1/plans", {
          name: "上新",
          startDate: "2026-11-02",
          launchDate: "2026-11-03",
        })
      ).body.id;
      t1 = (
        await owner.post<{ task: { id: string } }>(`/api/v1/plans/${planId}/tasks`, {
          name: "主图设计",
          effortHours: 16,
          assigneeMemberId: me.member.id,
        })
      ).body.task.id;
      t2 = (
        await owner.post<{ task: { id: string } }>(`/api/v1/plans/${planId}/tasks`, {
          name: "详情页",
          effortHours: 16,
          assigneeMemberId: me.member.id,
          dependsOn: [{ taskId: t1 }],
        })
      ).body.task.id;
    });
    afterAll(async () => t.close());

    it("answers the scored options; none gains a day here, so there is no best", async () => {
      const res = await owner.post<WhatIfs>(url());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ finish: "2026-11-05", lateDays: 2, best: null });
      expect(
        res.body.options.map((o) => [o.kind, o.applicable, o.score.daysGained]).sort(),
      ).toEqual([
        ["fast_track", true, 0],
        ["overtime", true, 0],
      ]);
      expect(res.body.notes.map((n) => n.code)).toContain("progress.whatif.no_optional_flag");
      expect(res.raw).not.toMatch(/NaN|Infinity/);
    });

    it("keeps the apply's input bounded and refuses a stale revision in the reader's language", async () => {
      const { revision } = (await owner.post<WhatIfs>(url())).body;
      const apply = `${url()}/apply`;
      const link = { kind: "overlap", taskId: t2, predecessorId: t1, lagDays: 0 };
      for (const bad of [
        { revision, changes: [] },
        { revision, changes: Array.from({ length: 21 }, () => link) },
        { revision, changes: [{ ...link, lagDays: -1 }] },
        { revision, changes: [{ kind: "drop", taskId: t2 }] },
        { changes: [link] },
      ])
        expect((await owner.post<Problem>(apply, bad)).status).toBe(400);
      const notLinked = await owner.post<Problem>(apply, {
        revision,
        changes: [{ kind: "overlap", taskId: t1, predecessorId: t2, lagDays: 0 }],
      });
      expect(notLinked.status).toBe(400);
      expect(notLinked.body.errors).toEqual([
        expect.objectContaining({
          field: "changes.0.predecessorId",
          code: "progress.whatif.no_such_link",
        }),
      ]);
      const en = await owner.req<Problem>(
        "POST",
        apply,
        { revision: "0000", changes: [link] },
        { "accept-language": "en" },
      );
      expect(en.status).toBe(409);
      expect(en.body).toMatchObject({
        code: "progress.whatif.stale",
        detail: "The plan changed since these options were computed: compute them again.",
      });
      const zh = await owner.req<Problem>(
        "POST",
        apply,
        { revision: "0000", changes: [link] },
        { "accept-language": "zh-CN" },
      );
      expect(zh.body.detail).toBe("这些方案计算之后计划已有改动：请重新计算。");
      // A valid apply answers the re-planned finish (no gain: the same person does both).
      const ok = await owner.post<{ finish: string; meetsDeadline: boolean }>(apply, {
        revision,
        changes: [link],
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ finish: "2026-11-05", meetsDeadline: false });
    });

    it("undoes an applied what-if once, over HTTP, in the reader's language when refused", async () => {
      const { revision } = (await owner.post<WhatIfs>(url())).body;
      const overtime = (await owner.post<WhatIfs>(url())).body.options.find(
        (o) => o.kind === "overtime",
      )!;
      const applied = await owner.post<{ applicationId: string; finishBefore: string }>(
        `${url()}/apply`,
        { revision, changes: overtime.changes },
      );
      expect(applied.status).toBe(200);
      expect(applied.body.finishBefore).toBe("2026-11-05");
      const undo = `${url()}/${applied.body.applicationId}/undo`;
      // A page read later finds it, still undoable.
      const last = await owner.get<{ last: { applicationId: string; undoable: boolean } | null }>(
        `${url()}/last`,
      );
      expect(last.body.last).toMatchObject({
        applicationId: applied.body.applicationId,
        undoable: true,
        finishBefore: "2026-11-05",
      });
      const stranger = (await signupClient(t.app, "empty")).client;
      expect((await stranger.post(undo)).status).toBe(404);
      const res = await owner.post<{ finish: string; meetsDeadline: boolean }>(undo);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ finish: "2026-11-05", meetsDeadline: false });
      // What is left is the earlier test's application, which the plan has moved past since.
      const left = (
        await owner.get<{ last: { applicationId: string; undoable: boolean } | null }>(
          `${url()}/last`,
        )
      ).body.last;
      expect(left?.applicationId).not.toBe(applied.body.applicationId);
      expect(left?.undoable).toBe(false);
      const again = await owner.req<Problem>("POST", undo, undefined, { "accept-language": "en" });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: "progress.whatif.already_undone",
        detail: "This corrective action was already undone.",
      });
      const missing = await owner.post<Problem>(
        `${url()}/0190c0de-0000-7000-8000-000000000000/undo`,
      );
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe("progress.whatif.application_not_found");
    });

    it("hides the plan from another workspace (404) and from nobody signed in (401)", async () => {
      const stranger = (await signupClient(t.app, "empty")).client;
      const { revision } = (await owner.post<WhatIfs>(url())).body;
      const body = {
        revision,
        changes: [{ kind: "overlap", taskId: t2, predecessorId: t1, lagDays: 0 }],
      };
      expect((await stranger.post(url())).status).toBe(404);
      expect((await stranger.post(`${url()}/apply`, body)).status).toBe(404);
      expect((await t.app.inject({ method: "POST", url: url() })).statusCode).toBe(401);
    });
  });
}
