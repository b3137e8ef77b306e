import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`the daily loop on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock();
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("rolls unfinished work over the National Day holiday to the next working day and tells the lead", async () => {
      clock.set("2026-09-30T02:00:00Z"); // Wednesday, the last workday before 国庆 (Oct 1–7)
      const team = await buildShopTeam(s);
      const designer = team.people.find((p) => p.name === "设计专员")!;
      const designLead = team.people.find((p) => p.name === "设计主管")!;
      const plan = await s.plans.create(team.owner, { name: "国庆上新" });
      await s.tasks.create(team.owner, plan.id, {
        name: "主图",
        effortHours: 8,
        assigneeMemberId: designer.memberId,
        deadline: "2026-09-30",
      });
      const today = await s.today.day(designer.actor, {});
      expect(today.date).toBe("2026-09-30");
      expect(today.tasks.map((t) => [t.name, t.hours])).toEqual([["主图", 8]]);

      clock.set("2026-10-08T01:00:00Z"); // Thursday after the holiday; nothing was logged
      const after = await s.today.day(designer.actor, {});
      expect(after.date).toBe("2026-10-08");
      expect(after.tasks.map((t) => [t.name, t.hours, t.late])).toEqual([["主图", 8, true]]);
      const schedule = await s.schedule.forPlan(team.workspaceId, plan.id);
      expect(schedule.allocations.map((a) => a.date)).toEqual(["2026-10-08"]);
      const leadNotes = await s.notifications.list(designLead.actor, {});
      expect(leadNotes.unread).toBeGreaterThan(0);
      expect(leadNotes.items[0]!.body).toContain("主图");
    });

    it("rolls over a weekend onto a make-up Saturday (调休) when the work needs it", async () => {
      clock.set("2026-10-09T02:00:00Z"); // Friday; Saturday 10-10 is a make-up workday
      const team = await buildShopTeam(s);
      const packer = team.people.find((p) => p.name === "物流专员")!;
      const plan = await s.plans.create(team.owner, { name: "备货" });
      await s.tasks.create(team.owner, plan.id, {
        name: "打包",
        effortHours: 16,
        assigneeMemberId: packer.memberId,
      });
      const week = await s.today.range(packer.actor, {
        from: "2026-10-09",
        to: "2026-10-13",
        memberId: packer.memberId,
      });
      expect(week.members[0]!.allocations.map((a) => [a.date, a.hours])).toEqual([
        ["2026-10-09", 8],
        ["2026-10-10", 8],
      ]);
      // A day off on the make-up Saturday moves that work to Monday at once.
      await s.members.addLeave(packer.actor, packer.memberId, {
        startDate: "2026-10-10",
        endDate: "2026-10-10",
      });
      const after = await s.today.range(packer.actor, {
        from: "2026-10-09",
        to: "2026-10-13",
        memberId: packer.memberId,
      });
      expect(after.members[0]!.allocations.map((a) => [a.date, a.hours])).toEqual([
        ["2026-10-09", 8],
        ["2026-10-12", 8],
      ]);
    });

    it("runs a member's day: check off, unplanned work, remaining effort, and the report that drafts itself", async () => {
      clock.set("2026-11-02T02:00:00Z"); // Monday
      const team = await buildShopTeam(s);
      const cs = team.people.find((p) => p.name === "客服专员")!;
      const csLead = team.people.find((p) => p.name === "客服主管")!;
      const plan = await s.plans.create(team.owner, { name: "大促客服准备" });
      const faq = (
        await s.tasks.create(team.owner, plan.id, {
          name: "FAQ",
          effortHours: 3,
          assigneeMemberId: cs.memberId,
        })
      ).task;
      const script = (
        await s.tasks.create(team.owner, plan.id, {
          name: "话术",
          effortHours: 12,
          assigneeMemberId: cs.memberId,
          dependsOn: [{ taskId: faq.id }],
        })
      ).task;
      await s.duties.create(csLead.actor, {
        memberId: cs.memberId,
        title: "在线接待",
        weekdays: [1, 2, 3, 4, 5],
        startTime: "14:00",
        endTime: "16:00",
      });

      let day = await s.today.day(cs.actor, {});
      expect(day.duties.map((d) => d.title)).toEqual(["在线接待"]);
      expect(day.plannedHours).toBe(6); // 8 hours less the 2-hour duty
      expect(day.tasks.map((t) => [t.name, t.hours])).toEqual([
        ["FAQ", 3],
        ["话术", 3],
      ]);

      day = await s.today.checkOff(cs.actor, faq.id, {});
      expect(day.tasks.find((t) => t.taskId === faq.id)).toMatchObject({
        status: "done",
        loggedHours: 3,
      });
      day = await s.today.createItem(cs.actor, {
        title: "处理差评",
        kind: "unplanned",
        loggedHours: 1,
        done: true,
      });
      day = await s.today.log(cs.actor, { taskId: script.id, hours: 2 });
      expect(day.tasks.find((t) => t.taskId === script.id)?.remainingHours).toBe(10);
      day = await s.today.remaining(cs.actor, script.id, 14);
      const tomorrow = await s.today.range(cs.actor, {
        from: "2026-11-03",
        to: "2026-11-05",
        memberId: cs.memberId,
      });
      expect(
        tomorrow.members[0]!.allocations.reduce((sum, a) => sum + a.hours, 0),
      ).toBeGreaterThanOrEqual(13);

      const report = await s.reports.get(cs.actor, cs.memberId, "2026-11-02");
      const draft = report.draft as {
        done: { title: string }[];
        notDone: { title: string; taskId: string }[];
        unplanned: { title: string; hours: number }[];
        plannedHours: number;
        actualHours: number;
        tomorrow: { date: string; items: unknown[] };
      };
      expect(draft.done.map((d) => d.title)).toEqual(["FAQ"]);
      expect(draft.notDone.map((d) => d.title)).toEqual(["话术"]);
      expect(draft.unplanned).toEqual([
        expect.objectContaining({ title: "处理差评", hours: 1, done: true }),
      ]);
      expect(draft.actualHours).toBe(6);
      expect(draft.tomorrow.date).toBe("2026-11-03");
      expect(draft.tomorrow.items.length).toBeGreaterThan(0);

      const missingReason = await failure(
        s.reports.save(cs.actor, cs.memberId, "2026-11-02", { submit: true }),
      );
      expect(missingReason?.fields[0]?.field).toBe(`reasons.${script.id}`);
      const submitted = await s.reports.save(cs.actor, cs.memberId, "2026-11-02", {
        submit: true,
        blockers: "等运营定价",
        reasons: { [script.id]: "等价格确认" },
      });
      expect(submitted.status).toBe("submitted");
      expect(
        (await failure(s.reports.save(cs.actor, cs.memberId, "2026-11-01", { note: "x" })))?.kind,
      ).toBe("invalid");
      expect(
        (await failure(s.reports.save(csLead.actor, cs.memberId, "2026-11-02", { note: "x" })))
          ?.kind,
      ).toBe("forbidden");

      const status = await s.reports.status(csLead.actor, {});
      expect(status.items.find((i) => i.memberId === cs.memberId)?.status).toBe("submitted");
      expect(status.items.find((i) => i.memberId === csLead.memberId)?.status).toBe("none");
      await s.reports.comment(
        csLead.actor,
        cs.memberId,
        "2026-11-02",
        "辛苦了，明天先跟运营确认价格",
      );
      const seen = await s.reports.get(cs.actor, cs.memberId, "2026-11-02");
      expect(seen.comments.map((c) => c.body)).toEqual(["辛苦了，明天先跟运营确认价格"]);
      const commented = (locale: "zh-CN" | "en") =>
        s.notifications
          .list(cs.actor, {}, locale)
          .then((l) => l.items.find((n) => n.kind === "report.comment")!);
      expect((await commented("zh-CN")).message).toEqual({
        code: "notification.report.comment",
        params: { date: "2026-11-02" },
      });
      expect((await commented("zh-CN")).title).toBe("你 2026-11-02 的日报有新点评");
      expect((await commented("en")).title).toBe("New comment on your report of 2026-11-02");
      expect((await commented("en")).body).toBe("辛苦了，明天先跟运营确认价格");
      const other = team.people.find((p) => p.name === "运营专员")!;
      expect((await failure(s.reports.get(other.actor, cs.memberId, "2026-11-02")))?.kind).toBe(
        "forbidden",
      );
    });

    it("publishes each member's scheduled work as an iCalendar feed that a calendar parser reads", async () => {
      clock.set("2026-11-02T02:00:00Z");
      const team = await buildShopTeam(s);
      const ops = team.people.find((p) => p.name === "运营专员")!;
      const plan = await s.plans.create(team.owner, { name: "Black Friday" });
      await s.tasks.create(team.owner, plan.id, {
        name: "广告, 素材; 投放",
        effortHours: 12,
        assigneeMemberId: ops.memberId,
      });
      const feed = await s.feeds.create(ops.actor);
      const token = feed.path.split("/").pop()!.replace(".ics", "");
      const read = async () => {
        const vcal = new ICAL.Component(ICAL.parse(await s.feeds.ics(token)));
        const events = vcal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
        return {
          name: vcal.getFirstPropertyValue("x-wr-calname"),
          events: events.map((e) => [e.summary, e.startDate.toString()]),
        };
      };
      // Written in the member's language, else the workspace's (Chinese here).
      expect(await read()).toEqual({
        name: "Dayclear：运营专员",
        events: [
          ["广告, 素材; 投放（8 小时）", "2026-11-02"],
          ["广告, 素材; 投放（4 小时）", "2026-11-03"],
        ],
      });
      const { userId } = await tdb.database.db
        .selectFrom("members")
        .select("userId")
        .where("id", "=", ops.memberId)
        .executeTakeFirstOrThrow();
      await s.auth.updateProfile({ ...ops.actor, userId }, { locale: "en" });
      expect(await read()).toEqual({
        name: "Dayclear: 运营专员",
        events: [
          ["广告, 素材; 投放 (8 h)", "2026-11-02"],
          ["广告, 素材; 投放 (4 h)", "2026-11-03"],
        ],
      });
      await s.feeds.create(ops.actor);
      expect((await failure(s.feeds.ics(token)))?.kind).toBe("not_found");
    });

    // The demo shop is made inside the test: on a busy machine that takes longer than a test's
    // default 30 s, so this one may take two minutes (its pay history is not needed).
    it(
      "puts the shop's numbers of the day into the operations lead's report, and none into a designer's",
      { timeout: 120_000 },
      async () => {
        clock.set("2026-11-25T04:00:00Z");
        const login = await s.demo.ensure({ history: false });
        const member = (name: string) =>
          tdb.database.db
            .selectFrom("members")
            .selectAll()
            .where("name", "=", name)
            .where("workspaceId", "=", login.workspaceId)
            .executeTakeFirstOrThrow();
        const ops = await member("林可");
        const designer = await member("郑小雅");
        const asActor = (m: typeof ops) => ({
          userId: m.userId,
          memberId: m.id,
          workspaceId: m.workspaceId,
          role: m.role,
          departmentId: m.departmentId,
          via: "session" as const,
        });
        const opsReport = await s.reports.get(asActor(ops), ops.id, "2026-11-25");
        const metrics = opsReport.draft.metrics;
        expect(metrics.map((x) => x.key)).toEqual([
          "gmv",
          "paidOrders",
          "aov",
          "conversion",
          "refundRate",
        ]);
        expect(metrics[0]!.value).toMatch(/^\d+\.\d{2} CNY$/);
        // The labels are messages, in the reader's language.
        expect(metrics[1]!.message).toEqual({ code: "daily.report.metric.paid_orders" });
        expect(metrics.map((x) => x.label)).toEqual([
          "成交额（GMV）",
          "支付订单",
          "客单价",
          "支付转化率",
          "退款率",
        ]);
        const english = await s.reports.get(asActor(ops), ops.id, "2026-11-25", "en");
        expect(english.draft.metrics.map((x) => x.label)).toEqual([
          "GMV",
          "Paid orders",
          "Average order value",
          "Conversion rate",
          "Refund rate",
        ]);
        const designReport = await s.reports.get(asActor(designer), designer.id, "2026-11-25");
        expect((designReport.draft as { metrics: unknown[] }).metrics).toEqual([]);
      },
    );

    it("keeps notes in Markdown, searchable, with day notes private to their author", async () => {
      const team = await buildShopTeam(s);
      const a = team.people[0]!;
      const b = team.people[1]!;
      const plan = await s.plans.create(team.owner, { name: "笔记计划" });
      await s.notes.create(a.actor, {
        targetType: "plan",
        targetId: plan.id,
        body: "## 复盘\n<script>alert(1)</script> 转化率提升",
      });
      await s.notes.create(a.actor, {
        targetType: "day",
        targetId: "2026-11-02",
        body: "今天的私人笔记：转化率",
      });
      expect((await s.notes.list(b.actor, { q: "转化率" })).items.map((n) => n.targetType)).toEqual(
        ["plan"],
      );
      expect(
        (await s.notes.list(a.actor, { q: "转化率" })).items.map((n) => n.targetType).sort(),
      ).toEqual(["day", "plan"]);
      expect(
        (
          await failure(
            s.notes.create(a.actor, { targetType: "task", targetId: "nope", body: "x" }),
          )
        )?.fields[0]?.field,
      ).toBe("targetId");
    });
  });
}
