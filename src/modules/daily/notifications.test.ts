import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../core/actor.js";
import { newId } from "../../core/ids.js";
import { msg } from "../../core/messages/index.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { frozenClock } from "../../../test/helpers/factories.js";
import { NotificationService } from "./notification.service.js";
import { notify } from "./notifications.js";

const reader = (workspaceId: string, memberId: string): Actor => ({
  userId: "",
  memberId,
  workspaceId,
  role: "member",
  departmentId: null,
  via: "session",
});

for (const dialect of DIALECTS) {
  describe(`notifications on ${dialect}`, () => {
    let tdb: TestDatabase;
    let service: NotificationService;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      service = new NotificationService({ db: tdb.database.db, clock: frozenClock() });
    });
    afterAll(async () => tdb.cleanup());

    it("writes one notice to each recipient once, as messages the reader's language renders", async () => {
      const ws = newId();
      const [a, b] = [newId(), newId()];
      const written = await tdb.database.db.transaction().execute((trx) =>
        notify(
          trx,
          ws,
          [a, null, b, a, undefined],
          {
            kind: "goal.reminder",
            title: msg("goals.reminder.title", { cycle: "本月" }),
            body: [
              msg("goals.reminder.set"),
              msg("goals.reminder.self_due", { date: "2026-11-30" }),
            ],
            link: "/goals",
          },
          "2026-11-02T01:00:00.000Z",
        ),
      );
      expect(written.map((w) => w.memberId)).toEqual([a, b]);
      const stored = await tdb.database.db
        .selectFrom("notifications")
        .select(["title", "body"])
        .where("workspaceId", "=", ws)
        .where("memberId", "=", a)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.title)).toEqual(msg("goals.reminder.title", { cycle: "本月" }));

      const zh = (await service.list(reader(ws, a), {}, "zh-CN")).items[0]!;
      const en = (await service.list(reader(ws, a), {}, "en")).items[0]!;
      expect(zh.message).toEqual(msg("goals.reminder.title", { cycle: "本月" }));
      expect(zh.lines).toHaveLength(2);
      expect(en.title).toMatch(/本月/);
      expect(en.title).not.toBe(zh.title);
      expect(en.body.split("\n")).toHaveLength(2);
      expect(en.body).not.toMatch(/[\u4e00-\u9fff]/);
      expect(zh.body).toMatch(/[\u4e00-\u9fff]/);
      expect((await service.list(reader(ws, b), {})).unread).toBe(1);
    });
  });
}
