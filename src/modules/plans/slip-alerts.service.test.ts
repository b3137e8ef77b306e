// Slip alerts are stored as messages ({code, params}) and read in the reader's language: the plan's
// owner and the assignee's lead hear at once when a change makes a task late, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage, storedMessage, type Message } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";
import { NotificationRepository } from "../daily/notification.repository.js";
import { storedLines } from "../daily/notifications.js";

for (const dialect of DIALECTS) {
  describe(`slip alerts on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock("2026-10-12T02:00:00Z"); // Monday 10:00 in Shanghai
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("tells the plan's owner and the assignee's lead in their language when a task becomes late", async () => {
      const team = await buildShopTeam(s);
      const person = (name: string) => team.people.find((p) => p.name === name)!;
      const planOwner = person("运营主管");
      const designLead = person("设计主管");
      const designer = person("设计专员");
      const plan = await s.plans.create(team.owner, {
        name: "双11 主图",
        ownerMemberId: planOwner.memberId,
      });
      const task = (
        await s.tasks.create(team.owner, plan.id, {
          name: "主图设计",
          effortHours: 8,
          assigneeMemberId: designer.memberId,
          deadline: "2026-10-16",
        })
      ).task;
      const notes = (memberId: string) =>
        new NotificationRepository(tdb.database.db).list(team.workspaceId, memberId, {
          limit: 10,
        });
      expect(await notes(designLead.memberId)).toEqual([]);

      await s.tasks.update(team.owner, task.id, { version: task.version, effortHours: 80 });

      // The lead of the designer's department: one alert, title and body the same message.
      const [lead] = await notes(designLead.memberId);
      expect(lead).toMatchObject({ kind: "schedule.slip", link: `/plans/${plan.id}` });
      const late = storedMessage(lead!.title);
      expect(late).toMatchObject({
        code: "plans.slip.task_late",
        params: { plan: "双11 主图", task: "主图设计", deadline: "2026-10-16" },
      });
      const { finish, lateDays } = late.params as { finish: string; lateDays: number };
      expect(lateDays).toBeGreaterThan(0);
      expect(renderMessage("zh-CN", late)).toBe(
        `「双11 主图」任务「主图设计」将晚于截止日 2026-10-16 完成（${finish}，晚 ${lateDays} 个工作日）`,
      );
      expect(renderMessage("en", late)).toBe(
        `“双11 主图”: “主图设计” will finish on ${finish}, ${lateDays} workday(s) after its deadline 2026-10-16.`,
      );
      expect(storedLines(lead!.body)).toEqual([late]);
      expect(lead!.title).not.toContain(" · ");

      // The plan's owner: the finish moved and the task is late, in one notification.
      const [owner] = await notes(planOwner.memberId);
      const title = storedMessage(owner!.title);
      expect(title).toEqual({ code: "plans.slip.changes", params: { count: 2 } });
      expect(renderMessage("en", title)).toBe("2 plan changes");
      expect(renderMessage("zh-CN", title)).toBe("2 项计划变化");
      const lines: Message[] = storedLines(owner!.body);
      expect(lines.map((l) => l.code)).toEqual(["plans.slip.finish_moved", "plans.slip.task_late"]);
      const { from, to } = lines[0]!.params as { from: string; to: string };
      expect(to > from).toBe(true);
      expect(renderMessage("zh-CN", lines[0]!)).toBe(
        `「双11 主图」预计完成日期从 ${from} 推迟到 ${to}`,
      );
      expect(renderMessage("en", lines[0]!)).toBe(
        `“双11 主图”: the expected finish moved from ${from} to ${to}.`,
      );

      // Whoever made the change is not told; nor is anyone else.
      expect(await notes(designer.memberId)).toEqual([]);
    });

    it("still shows an alert stored before codes as it was written", () => {
      const old = "「上新」预计完成日期从 2026-10-12 推迟到 2026-10-14 · finish moved";
      const m = storedMessage(old);
      expect(m.code).toBe("legacy.text");
      expect(renderMessage("en", m)).toBe(old);
      expect(renderMessage("zh-CN", m)).toBe(old);
    });
  });
}
