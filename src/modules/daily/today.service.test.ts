// Today, notes and duties: who may do what (DAILY_POLICY through the services) and the coded
// refusals a reader sees, in both languages, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "../../core/errors.js";
import { renderMessage, type Locale } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../../../test/helpers/factories.js";

/** What the reader of a refusal sees: its kind, code and the text in a language. */
const seen = (e: DomainError | null, locale: Locale) =>
  e?.coded ? renderMessage(locale, e.coded) : `no coded error (${e?.kind ?? "ok"})`;

for (const dialect of DIALECTS) {
  describe(`Today, notes and duties: rights and refusals on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    let team: Awaited<ReturnType<typeof buildShopTeam>>;
    const clock = frozenClock("2026-11-02T02:00:00Z"); // Monday 10:00 in Shanghai
    const person = (name: string) => team.people.find((p) => p.name === name)!;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
      team = await buildShopTeam(s);
    });
    afterAll(async () => tdb.cleanup());

    it("shows a member's day to themself, their lead and the owner only", async () => {
      const designer = person("设计专员");
      for (const who of [designer.actor, person("设计主管").actor, team.owner])
        expect((await s.today.day(who, { memberId: designer.memberId })).memberId).toBe(
          designer.memberId,
        );
      for (const who of [person("运营主管").actor, person("客服专员").actor]) {
        const e = await failure(s.today.day(who, { memberId: designer.memberId }));
        expect(e?.kind).toBe("forbidden");
        expect(e?.coded?.code).toBe("daily.today.not_overseen");
      }
      const e = await failure(
        s.today.day(person("运营主管").actor, { memberId: designer.memberId }),
      );
      expect(seen(e, "en")).toBe(
        "You may see only your own day, or the days of your department's members as its lead.",
      );
      expect(seen(e, "zh-CN")).toBe("只能查看自己的日程；主管可以查看本部门成员的日程。");
      // The team view lists exactly the members overseen.
      const teamView = await s.today.range(person("设计主管").actor, {
        from: "2026-11-02",
        to: "2026-11-06",
      });
      expect(teamView.members.map((m) => m.name).sort()).toEqual(["设计专员", "设计主管"].sort());
      const missing = await failure(s.today.day(team.owner, { memberId: "nobody" }));
      expect([missing?.kind, seen(missing, "zh-CN")]).toEqual([
        "not_found",
        "该成员不存在（可能已被删除，或属于其他工作区）。",
      ]);
    });

    it("lets only the member report on their own work, with coded field errors", async () => {
      const cs = person("客服专员");
      const plan = await s.plans.create(team.owner, { name: "客服准备" });
      const { task } = await s.tasks.create(team.owner, plan.id, {
        name: "FAQ",
        effortHours: 4,
        assigneeMemberId: cs.memberId,
      });
      // Not even the owner or the member's lead checks off someone else's task.
      for (const who of [team.owner, person("客服主管").actor]) {
        const e = await failure(s.today.checkOff(who, task.id, {}));
        expect(e?.kind).toBe("forbidden");
        expect(seen(e, "en")).toMatch(/^This task is not in your schedule/);
        expect(seen(e, "zh-CN")).toMatch(/^这个任务不在你的排程里/);
      }
      const future = await failure(
        s.today.log(cs.actor, { taskId: task.id, hours: 1, date: "2026-11-03" }),
      );
      expect(future?.fields.map((f) => [f.field, f.code])).toEqual([
        ["date", "daily.today.log_future"],
      ]);
      const old = await failure(
        s.today.log(cs.actor, { taskId: task.id, hours: 1, date: "2026-10-01" }),
      );
      expect([seen(old, "en"), seen(old, "zh-CN")]).toEqual([
        "Hours can be logged for the last 14 days only.",
        "只能补记最近 14 天的工时。",
      ]);
      const both = await failure(s.today.log(cs.actor, { hours: 1 }));
      expect(both?.fields[0]).toMatchObject({
        field: "taskId",
        code: "daily.today.log_task_or_item",
      });
      await s.today.log(cs.actor, { taskId: task.id, hours: 20 });
      const tooLong = await failure(s.today.log(cs.actor, { taskId: task.id, hours: 5 }));
      expect([tooLong?.fields[0]?.field, seen(tooLong, "zh-CN")]).toEqual([
        "hours",
        "这样一天的工时会超过 24 小时。",
      ]);
      const done = await s.today.checkOff(cs.actor, task.id, {});
      expect(done.tasks.find((t) => t.taskId === task.id)?.status).toBe("done");
      const unknown = await failure(s.today.remaining(cs.actor, "no-such-task", 2));
      expect([unknown?.kind, seen(unknown, "en")]).toEqual([
        "not_found",
        "This task does not exist (it was deleted or belongs to another workspace).",
      ]);
    });

    it("keeps items private to their member and refuses a stale edit", async () => {
      const ops = person("运营专员");
      const day = await s.today.createItem(ops.actor, { title: "回复差评" });
      const item = day.inbox.find((i) => i.title === "回复差评")!;
      const others = await failure(
        s.today.updateItem(team.owner, item.id, { version: item.version, title: "x" }),
      );
      expect([others?.kind, seen(others, "zh-CN")]).toEqual([
        "not_found",
        "该事项不存在（可能已被删除，或属于其他工作区）。",
      ]);
      await s.today.updateItem(ops.actor, item.id, { version: item.version, done: true });
      const stale = await failure(
        s.today.updateItem(ops.actor, item.id, { version: item.version, title: "y" }),
      );
      expect(stale?.kind).toBe("conflict");
      expect(stale?.extra).toEqual({ currentVersion: item.version + 1 });
      expect(seen(stale, "en")).toBe(
        `The item was changed elsewhere (now version ${item.version + 1}); reload and try again.`,
      );
      expect((await failure(s.today.deleteItem(person("运营主管").actor, item.id)))?.kind).toBe(
        "not_found",
      );
      await s.today.deleteItem(ops.actor, item.id);
    });

    it("lets the author edit a note, the author or the owner delete it, and nobody else see a day note", async () => {
      const a = person("物流专员");
      const b = person("物流主管");
      const plan = await s.plans.create(team.owner, { name: "笔记" });
      const shared = await s.notes.create(a.actor, {
        targetType: "plan",
        targetId: plan.id,
        body: "复盘",
      });
      const own = await s.notes.create(a.actor, {
        targetType: "day",
        targetId: "2026-11-02",
        body: "私人",
      });
      expect((await s.notes.get(b.actor, shared.id)).body).toBe("复盘");
      const hidden = await failure(s.notes.get(b.actor, own.id));
      expect([hidden?.kind, hidden?.coded?.code]).toEqual(["not_found", "daily.note.not_found"]);
      expect((await failure(s.notes.get(team.owner, own.id)))?.kind).toBe("not_found");
      const edit = await failure(s.notes.update(b.actor, shared.id, { version: 1, body: "x" }));
      expect([edit?.kind, seen(edit, "en"), seen(edit, "zh-CN")]).toEqual([
        "forbidden",
        "Only the author edits a note.",
        "只有作者可以修改笔记。",
      ]);
      const del = await failure(s.notes.delete(b.actor, shared.id));
      expect([del?.kind, del?.coded?.code]).toEqual(["forbidden", "daily.note.author_deletes"]);
      await s.notes.update(a.actor, shared.id, { version: 1, body: "复盘 v2" });
      const stale = await failure(s.notes.update(a.actor, shared.id, { version: 1, body: "x" }));
      expect([stale?.kind, stale?.extra, seen(stale, "zh-CN")]).toEqual([
        "conflict",
        { currentVersion: 2 },
        "该笔记已在别处修改（当前版本 2），请刷新后再试。",
      ]);
      await s.notes.delete(team.owner, shared.id);
      const badDay = await failure(
        s.notes.create(a.actor, { targetType: "day", targetId: "tomorrow", body: "x" }),
      );
      expect(badDay?.fields.map((f) => [f.field, f.code])).toEqual([
        ["targetId", "daily.note.day_target"],
      ]);
      const noPlan = await failure(
        s.notes.create(a.actor, { targetType: "plan", targetId: "nope", body: "x" }),
      );
      expect(seen(noPlan, "zh-CN")).toBe("本工作区没有这个计划。");
    });

    it("lets a member, their lead and the owner manage the member's duties, and no one else", async () => {
      const packer = person("物流专员");
      const duty = {
        memberId: packer.memberId,
        title: "打单",
        weekdays: [1, 2, 3, 4, 5],
        startTime: "08:00",
        endTime: "09:00",
      };
      const refused = await failure(s.duties.create(person("设计主管").actor, duty));
      expect([refused?.kind, refused?.coded?.code]).toEqual([
        "forbidden",
        "daily.today.not_overseen",
      ]);
      expect((await failure(s.duties.list(person("设计专员").actor, packer.memberId)))?.kind).toBe(
        "forbidden",
      );
      const created = await s.duties.create(person("物流主管").actor, duty);
      expect((await s.duties.list(packer.actor, packer.memberId)).map((d) => d.title)).toEqual([
        "打单",
      ]);
      const backwards = await failure(
        s.duties.create(packer.actor, { ...duty, startTime: "10:00", endTime: "09:00" }),
      );
      expect([
        backwards?.fields[0]?.field,
        seen(backwards, "en"),
        seen(backwards, "zh-CN"),
      ]).toEqual([
        "endTime",
        "A duty must end after it starts.",
        "值班的结束时间必须晚于开始时间。",
      ]);
      expect((await failure(s.duties.delete(person("客服主管").actor, created.id)))?.kind).toBe(
        "forbidden",
      );
      await s.duties.delete(packer.actor, created.id);
      const gone = await failure(s.duties.delete(team.owner, created.id));
      expect([gone?.kind, gone?.coded?.code]).toEqual(["not_found", "daily.duty.not_found"]);
    });
  });
}
