import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { renderMessage, storedMessage, type Message } from "../../core/messages/index.js";
import { storedLines } from "../daily/notifications.js";
import type { Services } from "../../server/services.js";
import type { LiveEvent } from "../shared/context.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { GoalContext } from "./goal-context.js";
import { GoalReminderService } from "./goal-reminders.service.js";

/** A stored notification text as a reader sees it, in both languages. */
const read = (lines: Message[]) => ({
  en: lines.map((m) => renderMessage("en", m)).join("\n"),
  zh: lines.map((m) => renderMessage("zh-CN", m)).join("\n"),
});

// Asia/Shanghai is UTC+8: 01:00Z is 09:00 there.
const SHANGHAI_0859 = "2026-11-02T00:59:00.000Z";
const SHANGHAI_0900 = "2026-11-02T01:00:00.000Z";

for (const dialect of DIALECTS) {
  describe(`goal reminders on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock(SHANGHAI_0900);
    const published: { workspaceId: string; event: LiveEvent }[] = [];
    let reminders: GoalReminderService;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      reminders = new GoalReminderService(
        new GoalContext({
          db: tdb.database.db,
          clock,
          events: { publish: (workspaceId, event) => published.push({ workspaceId, event }) },
        }),
      );
    });
    afterAll(async () => tdb.cleanup());

    /** The goal reminders of a workspace, oldest first, with who got them, as they read. */
    const remindersIn = async (workspaceId: string) =>
      (
        await tdb.database.db
          .selectFrom("notifications")
          .select(["memberId", "title", "body", "link", "createdAt"])
          .where("workspaceId", "=", workspaceId)
          .where("kind", "=", "goal.reminder")
          .orderBy("createdAt")
          .orderBy("id")
          .execute()
      ).map((n) => ({
        ...n,
        title: read([storedMessage(n.title)]),
        body: read(storedLines(n.body)),
      }));

    async function team() {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      return { ...t, person };
    }

    /** A goal of 100 for the member, proposed by `by` and agreed by the other side. */
    async function agreedGoal(cycleId: string, memberId: string, by: Actor, other: Actor) {
      const g = await s.goals.createGoal(by, {
        cycleId,
        memberId,
        title: "主图点击率",
        weight: 100,
        target: "5",
        unit: "%",
        metric: { kind: "manual" },
      });
      const p = await s.goals.propose(by, g.id, g.version);
      return s.goals.agree(other, p.id, p.version);
    }

    it("sends nothing before 09:00 local, then one reminder a day to each person with something due", async () => {
      const t = await team();
      clock.set(SHANGHAI_0900);
      const cycle = await s.goals.createCycle(t.owner, {
        name: "2026年11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      const designer = t.person("设计专员");
      await agreedGoal(cycle.id, designer.memberId, t.person("设计主管").actor, designer.actor); // nothing due until the self-assessment
      const ops = t.person("运营专员");
      const proposed = await s.goals.createGoal(t.person("运营主管").actor, {
        cycleId: cycle.id,
        memberId: ops.memberId,
        title: "上新款数",
        weight: 100,
        target: "10",
        unit: "款",
        metric: { kind: "manual" },
      });
      const opsGoal = await s.goals.propose(
        t.person("运营主管").actor,
        proposed.id,
        proposed.version,
      ); // 运营专员 is to agree

      clock.set(SHANGHAI_0859);
      await reminders.sweep();
      expect(await remindersIn(t.workspaceId)).toEqual([]);

      clock.set(SHANGHAI_0900);
      published.length = 0;
      await reminders.sweep();
      const first = await remindersIn(t.workspaceId);
      const due = t.people.filter((p) => p.memberId !== designer.memberId);
      expect(first.map((n) => n.memberId).sort()).toEqual(due.map((p) => p.memberId).sort()); // the owner and 设计专员 have nothing due
      for (const n of first)
        expect(n).toMatchObject({
          title: { zh: "目标待办：2026年11月", en: "Goals to do: 2026年11月" },
          link: `/goals?cycle=${cycle.id}`,
        });
      expect(first.find((n) => n.memberId === ops.memberId)!.body).toEqual({
        zh: "确认目标",
        en: "Agree your goals",
      });
      expect(first.find((n) => n.memberId === t.person("客服主管").memberId)!.body).toEqual({
        zh: "制定目标",
        en: "Set your goals",
      });
      expect(
        published
          .filter((p) => p.workspaceId === t.workspaceId)
          .map((p) => p.event.memberId)
          .sort(),
      ).toEqual(due.map((p) => p.memberId).sort());
      expect(published.every((p) => p.event.type === "notification")).toBe(true);

      // Later the same day: nothing more.
      await s.goals.agree(ops.actor, opsGoal.id, opsGoal.version);
      clock.set("2026-11-02T13:00:00.000Z"); // 21:00
      await reminders.sweep();
      expect(await remindersIn(t.workspaceId)).toHaveLength(first.length);

      // The next day, again for what is still due: 运营专员 has agreed in between, so not them.
      clock.set("2026-11-03T01:30:00.000Z");
      await reminders.sweep();
      const second = (await remindersIn(t.workspaceId)).slice(first.length);
      expect(second.map((n) => n.memberId).sort()).toEqual(
        due
          .filter((p) => p.memberId !== ops.memberId)
          .map((p) => p.memberId)
          .sort(),
      );
      expect(second.every((n) => n.createdAt === "2026-11-03T01:30:00.000Z")).toBe(true);
    });

    it("follows each workspace's time zone", async () => {
      const t = await team();
      clock.set(SHANGHAI_0900);
      await s.workspaces.update(t.owner, {
        version: (await s.workspaces.get(t.owner)).version,
        timeZone: "Europe/London",
      });
      await s.goals.createCycle(t.owner, {
        name: "Q4",
        kind: "quarter",
        from: "2026-10-01",
        to: "2026-12-31",
      });
      await reminders.sweep(); // 01:00 in London
      expect(await remindersIn(t.workspaceId)).toEqual([]);
      await reminders.sweep(new Date("2026-11-02T09:00:00.000Z"));
      expect(await remindersIn(t.workspaceId)).toHaveLength(t.people.length);
    });

    it("reminds the reviewer of a submitted self-assessment and the member of an overdue one; skips closed and upcoming cycles and inactive members", async () => {
      const t = await team();
      clock.set("2026-10-20T01:00:00.000Z");
      const october = await s.goals.createCycle(t.owner, {
        name: "2026年10月",
        kind: "month",
        from: "2026-10-01",
        to: "2026-10-31",
      });
      const september = await s.goals.createCycle(t.owner, {
        name: "2026年9月",
        kind: "month",
        from: "2026-09-01",
        to: "2026-09-30",
      });
      await s.goals.updateCycle(t.owner, september.id, {
        version: september.version,
        status: "closed",
      });
      await s.goals.createCycle(t.owner, {
        name: "2026年12月",
        kind: "month",
        from: "2026-12-01",
        to: "2026-12-31",
      });
      const [lead, designer, service, logistics] = [
        t.person("设计主管"),
        t.person("设计专员"),
        t.person("客服专员"),
        t.person("物流专员"),
      ];
      await agreedGoal(october.id, designer.memberId, lead.actor, designer.actor);
      await agreedGoal(october.id, service.memberId, t.person("客服主管").actor, service.actor);
      await s.members.setStatus(t.owner, logistics.memberId, "inactive");

      // 20 October: the self-assessments are not due yet (from 28 October).
      await reminders.sweep();
      const before = await remindersIn(t.workspaceId);
      expect(
        before.some(
          (n) =>
            n.memberId === designer.memberId ||
            n.memberId === service.memberId ||
            n.memberId === logistics.memberId,
        ),
      ).toBe(false);

      clock.set("2026-10-28T01:00:00.000Z");
      await reminders.sweep();
      expect(
        (await remindersIn(t.workspaceId)).find(
          (n) => n.memberId === designer.memberId && n.createdAt === "2026-10-28T01:00:00.000Z",
        )!.body,
      ).toEqual({ zh: "自评（截止 2026-10-31）", en: "Self-assessment due 2026-10-31" });
      const a = await s.goals.getAssessment(designer.actor, october.id, designer.memberId);
      await s.goals.saveSelfAssessment(designer.actor, october.id, designer.memberId, {
        version: a.version,
        report: "十月完成",
        submit: true,
        goals: a.goals.map((g) => ({ goalId: g.id, selfScore: 90 })),
      });

      clock.set("2026-11-02T01:00:00.000Z");
      await reminders.sweep();
      const today = (await remindersIn(t.workspaceId)).filter(
        (n) => n.createdAt === "2026-11-02T01:00:00.000Z",
      );
      expect(today.every((n) => n.link === `/goals?cycle=${october.id}`)).toBe(true); // not the closed September nor the upcoming December
      const body = (memberId: string) => today.find((n) => n.memberId === memberId)?.body;
      const leadDue = {
        zh: "制定目标\n审核设计专员的自评",
        en: "Set your goals\nReview the self-assessments of 设计专员",
      };
      expect(body(lead.memberId)).toEqual(leadDue);
      expect(body(service.memberId)).toEqual({
        zh: "自评已逾期（截止 2026-10-31）",
        en: "Self-assessment overdue (was due 2026-10-31)",
      });
      expect(body(designer.memberId)).toBeUndefined();
      expect(body(logistics.memberId)).toBeUndefined();
      expect(body(t.owner.memberId)).toBeUndefined();

      // Reviewed but not final: still the lead's to finish; final: nothing more.
      let review = await s.goals.getAssessment(lead.actor, october.id, designer.memberId);
      review = await s.goals.review(lead.actor, october.id, designer.memberId, {
        version: review.version,
        comment: "不错",
        goals: review.goals.map((g) => ({ goalId: g.id, score: 88 })),
      });
      clock.set("2026-11-03T01:00:00.000Z");
      await reminders.sweep();
      // The owner's "remind" says the same as the sweep (one computation of what is due).
      await s.goals.remind(t.owner, october.id);
      const leadToday = (await remindersIn(t.workspaceId)).filter(
        (n) => n.memberId === lead.memberId && n.createdAt === "2026-11-03T01:00:00.000Z",
      );
      expect(leadToday.map((n) => n.body)).toEqual(Array(2).fill(leadDue));
      await s.goals.finalize(lead.actor, october.id, designer.memberId, review.version);
      clock.set("2026-11-04T01:00:00.000Z");
      await reminders.sweep();
      expect(
        (await remindersIn(t.workspaceId)).find(
          (n) => n.memberId === lead.memberId && n.createdAt === "2026-11-04T01:00:00.000Z",
        )!.body,
      ).toEqual({ zh: "制定目标", en: "Set your goals" });
    });

    it("sends each reminder once when two sweeps run at the same time", async () => {
      const t = await team();
      clock.set("2026-11-10T02:00:00.000Z");
      await s.goals.createCycle(t.owner, {
        name: "2026年11月",
        kind: "month",
        from: "2026-11-01",
        to: "2026-11-30",
      });
      const other = new GoalReminderService(new GoalContext({ db: tdb.database.db, clock }));
      const [a, b] = await Promise.all([reminders.sweep(), other.sweep()]);
      const mine = await remindersIn(t.workspaceId);
      expect(mine.map((n) => n.memberId).sort()).toEqual(t.people.map((p) => p.memberId).sort());
      const everywhere = await tdb.database.db
        .selectFrom("notifications")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("kind", "=", "goal.reminder")
        .where("createdAt", "=", "2026-11-10T02:00:00.000Z")
        .executeTakeFirstOrThrow();
      expect(a.sent + b.sent).toBe(Number(everywhere.n));
      expect(a.failed.concat(b.failed)).toEqual([]);
    });
  });
}
