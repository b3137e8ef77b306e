// Bounded inputs (issue 10, findings 2 and 4): every date is in 2000-01-01…2099-12-31, every span
// a request walks day by day has a limit, a stored row outside the range cannot make a read spin,
// and text PostgreSQL cannot store (NUL, lone surrogates) is refused the same way on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiCommand } from "../../src/cli/commands/kpi.js";
import { periods, previousRange } from "../../src/core/kpi/kpi.js";
import { LIMITS } from "../../src/core/limits.js";
import { DIALECTS } from "../helpers/db.js";
import { frozenClock } from "../helpers/factories.js";
import { signupClient, startTestApp, type Client, type TestApp } from "../helpers/http.js";

interface Problem {
  status: number;
  code?: string;
  errors?: { field: string; code?: string; params?: Record<string, string | number> }[];
}
const RANGE = { min: LIMITS.dateMin, max: LIMITS.dateMax };

describe("the date range and the day loops in core", () => {
  it("is 2000-01-01 to 2099-12-31", () => {
    expect(RANGE).toEqual({ min: "2000-01-01", max: "2099-12-31" });
  });

  it("walks a KPI series in bounded steps: malformed years throw, spans beyond the supported range are refused", () => {
    // Before: year-0000 arithmetic produced "-000001-12", which `while (d <= to)` chased until memory ran out.
    expect(() => previousRange("0000-01-01", "0000-01-31")).toThrow(RangeError);
    expect(periods("0000-01-01", "0000-01-31", "day")).toHaveLength(31);
    expect(() => periods("2000-01-01", "9999-12-31", "day")).toThrow(/at most/);
    expect(() => periods("2026-01-01", "2026-13-01", "day")).toThrow(RangeError);
    expect(
      periods("2026-01-30", "2026-03-02", "month").map((p) => [p.start, p.from, p.to]),
    ).toEqual([
      ["2026-01-01", "2026-01-30", "2026-01-31"],
      ["2026-02-01", "2026-02-01", "2026-02-28"],
      ["2026-03-01", "2026-03-01", "2026-03-02"],
    ]);
    expect(periods("2026-12-30", "2027-01-05", "week").map((p) => p.start)).toEqual([
      "2026-12-28",
      "2027-01-04",
    ]);
  });

  it("dayclear kpi refuses --from/--to outside the range before it opens the database", async () => {
    await expect(
      kpiCommand({
        db: "/nonexistent/never-opened.db",
        shop: "x",
        from: "0000-01-01",
        to: "2026-01-31",
      }),
    ).rejects.toThrow(/--from.*2000-01-01.*2099-12-31/);
    await expect(
      kpiCommand({
        db: "/nonexistent/never-opened.db",
        shop: "x",
        from: "2026-01-01",
        to: "2100-01-01",
      }),
    ).rejects.toThrow(/--to/);
  });
});

for (const dialect of DIALECTS) {
  describe(`bounded inputs on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    let memberId: string;
    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-20T02:00:00.000Z"));
      owner = (await signupClient(t.app, "ecommerce")).client;
      memberId = (await owner.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
    });
    afterAll(async () => t.close());

    const expectOutOfRange = (
      res: { status: number; body: unknown; raw: string },
      field: string,
    ) => {
      expect(res.status, res.raw).toBe(400);
      const err = (res.body as Problem).errors?.find((e) => e.field === field);
      expect(err, res.raw).toMatchObject({ code: "date.out_of_range", params: RANGE });
    };

    it("answers a year-0000 or year-2100 date with 400 naming the field, on every kind of input", async () => {
      // Each of these spun until the process ran out of memory (KPI, export, shipping) or stored the date.
      for (const path of [
        "/api/v1/kpis",
        "/api/v1/kpis/export",
        "/api/v1/kpis/breakdown",
        "/api/v1/kpis/shipping",
      ]) {
        expectOutOfRange(
          await owner.get(`${path}?from=0000-01-01&to=0000-01-31&format=csv`),
          "querystring.from",
        );
        expectOutOfRange(
          await owner.get(`${path}?from=2026-01-01&to=2100-01-01&format=csv`),
          "querystring.to",
        );
      }
      expectOutOfRange(await owner.get(`/api/v1/reports/${memberId}/0000-01-01`), "params.date");
      expectOutOfRange(await owner.get(`/api/v1/today?date=0001-01-01`), "querystring.date");
      expectOutOfRange(
        await owner.post("/api/v1/goal-cycles", {
          name: "公元元年",
          kind: "month",
          from: "0000-01-01",
          to: "0000-01-31",
        }),
        "from",
      );
      expectOutOfRange(
        await owner.post("/api/v1/plans", { name: "远古计划", startDate: "1999-12-31" }),
        "startDate",
      );
      const pay = await owner.post<Problem>("/api/v1/pay-runs", { period: "0000-01" });
      expect(pay.status, pay.raw).toBe(400);
      expect(pay.body.errors?.find((e) => e.field === "period")).toMatchObject({
        code: "date.out_of_range",
      });
      // The edges of the range are dates like any other.
      expect((await owner.get("/api/v1/kpis?from=2000-01-01&to=2000-01-31")).status).toBe(200);
      expect((await owner.get("/api/v1/kpis?from=2099-12-01&to=2099-12-31")).status).toBe(200);
    });

    it("refuses spans beyond their limit with range.too_long and the limit", async () => {
      const tooLong = async (url: string, maxDays: number) => {
        const res = await owner.get<Problem & { params?: Record<string, number> }>(url);
        expect(res.status, `${url}: ${res.raw}`).toBe(400);
        expect(res.body.code).toBe("range.too_long");
        expect(res.body.params?.maxDays).toBe(maxDays);
      };
      await tooLong("/api/v1/kpis?from=2000-01-01&to=2099-12-31", LIMITS.kpiRangeMaxDays);
      await tooLong(
        "/api/v1/kpis/export?from=2020-01-01&to=2026-01-01&format=xlsx",
        LIMITS.kpiRangeMaxDays,
      );
      await tooLong("/api/v1/workload?from=2026-01-01&to=2027-12-31", LIMITS.workloadMaxDays);
      await tooLong("/api/v1/agenda?from=2026-01-01&to=2026-12-31", LIMITS.teamRangeMaxDays);
      await tooLong(
        `/api/v1/reports/${memberId}?from=2000-01-01&to=2099-12-31`,
        LIMITS.reportHistoryMaxDays,
      );
      const cycle = await owner.post<Problem & { params?: Record<string, number> }>(
        "/api/v1/goal-cycles",
        { name: "一世纪", kind: "custom", from: "2000-01-01", to: "2099-12-31" },
      );
      expect(cycle.status).toBe(400);
      expect(cycle.body.code).toBe("range.too_long");
      expect(cycle.body.params?.maxDays).toBe(LIMITS.goalCycleMaxDays);
    });

    it("a goal cycle stored with year-0000 dates does not make the reads of its goals spin", async () => {
      const cycle = await owner.post<{ id: string }>("/api/v1/goal-cycles", {
        name: "11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      expect(cycle.status).toBe(201);
      const goal = await owner.post<{ id: string }>("/api/v1/goals", {
        cycleId: cycle.body.id,
        memberId,
        title: "GMV",
        weight: 100,
        target: "1000",
        metric: { kind: "kpi", kpi: "gmv" },
      });
      expect(goal.status, goal.raw).toBe(201);
      // A row written before the range existed (or by hand): no API accepts it any more.
      await t.tdb.database.db
        .updateTable("goalCycles")
        .set({ startDate: "0000-01-01", endDate: "0000-01-31" })
        .where("id", "=", cycle.body.id)
        .execute();
      const started = Date.now();
      const list = await owner.get<{ items: { id: string; actual: string | null }[] }>(
        `/api/v1/goals?cycleId=${cycle.body.id}`,
      );
      expect(list.status, list.raw).toBe(200);
      expect(list.body.items.map((g) => [g.id, g.actual])).toEqual([[goal.body.id, null]]);
      expect((await owner.get(`/api/v1/goal-cycles/${cycle.body.id}`)).status).toBeLessThan(500);
      expect((await owner.get(`/api/v1/goals/${goal.body.id}`)).status).toBeLessThan(500);
      expect((await owner.get(`/api/v1/members/${memberId}/evaluation`)).status).toBeLessThan(500);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await owner.get("/api/v1/me")).status).toBe(200);
    });

    it("plans, tasks, leaves and holidays stored with dates outside the range still read back, quickly", async () => {
      const db = t.tdb.database.db;
      const plan = await owner.post<{ id: string }>("/api/v1/plans", { name: "旧数据" });
      const task = await owner.post<{ task: { id: string } }>(
        `/api/v1/plans/${plan.body.id}/tasks`,
        { name: "旧任务", effortHours: 4 },
      );
      const other = await owner.post<{ task: { id: string } }>(
        `/api/v1/plans/${plan.body.id}/tasks`,
        { name: "另一个", effortHours: 4 },
      );
      expect(
        (
          await owner.post(`/api/v1/members/${memberId}/leaves`, {
            startDate: "2026-12-01",
            endDate: "2026-12-02",
          })
        ).status,
      ).toBe(201);
      await db
        .updateTable("plans")
        .set({ startDate: "0000-01-01", launchDate: "9999-12-31" })
        .where("id", "=", plan.body.id)
        .execute();
      await db
        .updateTable("planTasks")
        .set({ deadline: "0000-01-01" })
        .where("id", "=", task.body.task.id)
        .execute();
      await db
        .updateTable("planTasks")
        .set({ earliestStart: "9999-12-01" })
        .where("id", "=", other.body.task.id)
        .execute();
      await db
        .updateTable("leaves")
        .set({ startDate: "0000-01-01", endDate: "9999-12-31" })
        .where("memberId", "=", memberId)
        .execute();
      const workspaceId = (await owner.get<{ workspace: { id: string } }>("/api/v1/me")).body
        .workspace.id;
      await db
        .insertInto("calendarDays")
        .values({ workspaceId, date: "0000-01-01", kind: "holiday", name: "远古节日" })
        .execute();
      const started = Date.now();
      // Before: the plan and today answered 500 (the response serializer checked stored dates against the
      // input range) and the task starting in 9999 froze the replan.
      for (const url of [
        `/api/v1/plans/${plan.body.id}`,
        "/api/v1/today",
        "/api/v1/workload?from=2026-11-01&to=2026-11-30",
        "/api/v1/agenda?from=2026-11-16&to=2026-11-22",
      ]) {
        const res = await owner.get(url);
        expect(res.status, `${url}: ${res.raw}`).toBe(200);
      }
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    it("a task that may start only in 2099 (a date in range) is left unscheduled instead of freezing the replan", async () => {
      // The scheduler's day search walked an endless loop for work beyond its 20-year horizon.
      const plan = await owner.post<{ id: string }>("/api/v1/plans", { name: "远期计划" });
      const task = await owner.post<{ task: { id: string; version: number } }>(
        `/api/v1/plans/${plan.body.id}/tasks`,
        { name: "百年大计", effortHours: 4 },
      );
      expect(task.status, task.raw).toBe(201);
      const started = Date.now();
      const later = await owner.patch(`/api/v1/tasks/${task.body.task.id}`, {
        version: task.body.task.version,
        earliestStart: LIMITS.dateMax,
      });
      expect(later.status, later.raw).toBe(200);
      const read = await owner.get<{ plan: { unscheduledCount: number } }>(
        `/api/v1/plans/${plan.body.id}`,
      );
      expect(read.status, read.raw).toBe(200);
      expect(read.body.plan.unscheduledCount).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    it("refuses NUL and lone surrogates in any text with 400 naming the field, the same on both databases", async () => {
      const forbidden = (res: { status: number; body: unknown; raw: string }, field: string) => {
        expect(res.status, res.raw).toBe(400);
        expect(
          (res.body as Problem).errors?.find((e) => e.field === field),
          res.raw,
        ).toMatchObject({ code: "text.forbidden_character" });
      };
      // PostgreSQL answered 500 here (SQLite 401): the login email.
      forbidden(
        await owner.post("/api/v1/auth/login", {
          email: "owner\u0000@example.com",
          password: "owner-password",
        }),
        "email",
      );
      forbidden(
        await owner.post("/api/v1/members", {
          name: "小\u0000王",
          email: "nul-member@example.com",
          password: "member-pass-42",
        }),
        "name",
      );
      forbidden(
        await owner.post("/api/v1/members", {
          name: "\uD800王",
          email: "surrogate-member@example.com",
          password: "member-pass-42",
        }),
        "name",
      );
      forbidden(
        await owner.post("/api/v1/goal-cycles", {
          name: "11月",
          kind: "month",
          from: "2026-11-01",
          to: "2026-11-30",
          ["x\u0000"]: 1,
        }),
        "x\\u0000",
      );
      forbidden(
        await owner.get("/api/v1/kpis?from=2026-11-01&to=2026-11-30&platform=tmall%00"),
        "querystring.platform",
      );
      // Nested text, in a body whose schema does not look inside (a pay plan definition is checked by the service).
      const nested = await owner.post("/api/v1/pay-plans", {
        effectiveFrom: "2026-11-01",
        definition: { name: "x", note: ["ok", { deep: "a\u0000b" }] },
      });
      expect(nested.status, nested.raw).toBe(400);
      expect((nested.body as Problem).errors?.[0]?.code).toBe("text.forbidden_character");
      // A well-formed pair (an emoji) and ordinary control characters like tab and newline are text.
      const emoji = await owner.post<{ name: string }>("/api/v1/members", {
        name: "小王 😀\t",
        email: "emoji-member@example.com",
        password: "member-pass-42",
      });
      expect(emoji.status, emoji.raw).toBe(201);
      expect((await owner.get("/api/v1/me")).status).toBe(200);
    });
  });
}
