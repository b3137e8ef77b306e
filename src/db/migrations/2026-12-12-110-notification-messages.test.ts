// The migration that turns the old server's bilingual notification texts into message codes:
// what it recognises becomes a code that renders in either language; anything else stays readable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { newId } from "../../core/ids.js";
import { msg } from "../../core/messages/index.js";
import { NotificationService } from "../../modules/daily/notification.service.js";
import { storedLines } from "../../modules/daily/notifications.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock } from "../../../test/helpers/factories.js";
import { convertNotification, down, up } from "./2026-12-12-110-notification-messages.js";

const reader = (workspaceId: string, memberId: string): Actor => ({
  userId: "",
  memberId,
  workspaceId,
  role: "member",
  departmentId: null,
  via: "session",
});

describe("the notification migration's reading of old texts", () => {
  it("turns the old server's bilingual titles into codes with their values", () => {
    expect(
      convertNotification("goal.proposed", "目标待确认 · Goal to agree: 主图点击率", "十一月"),
    ).toEqual({
      title: JSON.stringify(msg("goals.notice.proposed", { title: "主图点击率" })),
      body: JSON.stringify(msg("goals.notice.in_cycle", { cycle: "十一月" })),
    });
    expect(
      convertNotification("goal.final", "考核结果已确定 · Your result for Q4: 本季: 87.50", ""),
    ).toEqual({
      title: JSON.stringify(msg("goals.notice.final", { cycle: "Q4: 本季", score: "87.50" })),
    });
    expect(
      convertNotification(
        "report.nudge",
        "请提交今天（2026-11-02）的日报 · Please submit today's report",
        "李雷",
      ),
    ).toEqual({
      title: JSON.stringify(msg("notification.report.nudge", { date: "2026-11-02" })),
      body: JSON.stringify(msg("notification.report.nudge_body", { name: "李雷" })),
    });
  });

  it("reads a reminder's and a slip alert's lines one by one, or keeps the body whole", () => {
    const reminder = convertNotification(
      "goal.reminder",
      "目标待办 · Goals: 本月",
      "制定目标 · set your goals\n审核自评 · review the self-assessments of 王芳, 李雷\n自评已逾期（截止 2026-11-30）· self-assessment overdue (was due 2026-11-30)",
    );
    expect(storedLines(reminder.body)).toEqual([
      msg("goals.reminder.set"),
      msg("goals.reminder.review", { names: ["王芳", "李雷"] }),
      msg("goals.reminder.self_overdue", { date: "2026-11-30" }),
    ]);
    const slip = convertNotification(
      "schedule.slip",
      "「国庆上新」任务「主图」将晚于截止日 2026-09-30 完成（2026-10-08，晚 1 个工作日）",
      '「国庆上新」任务「主图」将晚于截止日 2026-09-30 完成（2026-10-08，晚 1 个工作日） · "主图" will finish 1 workday(s) after its deadline',
    );
    const late = msg("plans.slip.task_late", {
      plan: "国庆上新",
      task: "主图",
      deadline: "2026-09-30",
      finish: "2026-10-08",
      lateDays: 1,
    });
    expect(slip).toEqual({ title: JSON.stringify(late), body: JSON.stringify(late) });
    // One line it does not know: the whole body stays the person's or the old server's text.
    expect(
      convertNotification(
        "goal.reminder",
        "目标待办 · Goals: 本月",
        "制定目标 · set your goals\n自己写的",
      ),
    ).toEqual({ title: JSON.stringify(msg("goals.reminder.title", { cycle: "本月" })) });
  });

  it("leaves texts it does not recognise, and what is already a message", () => {
    expect(convertNotification("other", "系统维护 · Maintenance tonight", "随便")).toEqual({});
    const stored = JSON.stringify(msg("notification.report.comment", { date: "2026-11-02" }));
    expect(convertNotification("report.comment", stored, stored)).toEqual({});
  });
});

for (const dialect of DIALECTS) {
  describe(`the notification migration on ${dialect}`, () => {
    let tdb: TestDatabase;
    let service: NotificationService;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      service = new NotificationService({ db: tdb.database.db, clock: frozenClock() });
    });
    afterAll(async () => tdb.cleanup());

    it("converts the old bilingual texts into codes and keeps the others readable", async () => {
      const ws = newId();
      const member = newId();
      const row = (kind: string, title: string, body: string) => ({
        workspaceId: ws,
        id: newId(),
        memberId: member,
        kind,
        title,
        body,
        link: null,
        readAt: null,
        createdAt: "2026-11-02T01:00:00.000Z",
      });
      const goal = row("goal.proposed", "目标待确认 · Goal to agree: 主图点击率", "十一月");
      const other = row("custom", "系统维护 · Maintenance tonight", "第一行\n第二行");
      await tdb.database.db.insertInto("notifications").values([goal, other]).execute();

      await up(tdb.database.db as never);
      const list = async (locale: "zh-CN" | "en") =>
        new Map((await service.list(reader(ws, member), {}, locale)).items.map((n) => [n.id, n]));
      const [zh, en] = [await list("zh-CN"), await list("en")];
      expect(zh.get(goal.id)!.message).toEqual(
        msg("goals.notice.proposed", { title: "主图点击率" }),
      );
      expect(zh.get(goal.id)!.title).toMatch(/主图点击率/);
      expect(zh.get(goal.id)!.title).not.toMatch(/Goal/);
      expect(en.get(goal.id)!.title).toMatch(/^Goal to agree: 主图点击率/);
      expect(en.get(goal.id)!.body).toMatch(/十一月/);
      // Unknown: a legacy text, shown as it was in both languages.
      for (const m of [zh, en]) {
        expect(m.get(other.id)!.message).toEqual({
          code: "legacy.text",
          params: { text: "系统维护 · Maintenance tonight" },
        });
        expect(m.get(other.id)!.title).toBe("系统维护 · Maintenance tonight");
        expect(m.get(other.id)!.body).toBe("第一行\n第二行");
      }

      // Running it again changes nothing; down writes one text in both languages again.
      await up(tdb.database.db as never);
      expect((await list("en")).get(goal.id)!.message.code).toBe("goals.notice.proposed");
      await down(tdb.database.db as never);
      const back = await tdb.database.db
        .selectFrom("notifications")
        .select(["id", "title"])
        .where("workspaceId", "=", ws)
        .execute();
      expect(back.find((r) => r.id === goal.id)!.title).toBe(
        "目标待确认：主图点击率 · Goal to agree: 主图点击率",
      );
      expect(back.find((r) => r.id === other.id)!.title).toBe("系统维护 · Maintenance tonight");
    });
  });
}
