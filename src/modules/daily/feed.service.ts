// iCalendar feeds: each member may have one secret URL with their scheduled work, to subscribe to
// from Google, Outlook, Apple or Feishu calendars. The token is stored hashed; making a new one
// revokes the old.
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { notFound } from "../../core/errors.js";
import { renderIcs } from "../../core/plans/ics.js";
import { hashSecret, newSecret } from "../auth/tokens.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";

export class FeedService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async status(actor: Actor) {
    const row = await this.deps.db
      .selectFrom("calendarFeeds")
      .select("createdAt")
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .executeTakeFirst();
    return { active: !!row, createdAt: row?.createdAt ?? null };
  }

  async create(actor: Actor) {
    const token = newSecret("cal_");
    const createdAt = nowIso(this.deps);
    await this.deps.db
      .insertInto("calendarFeeds")
      .values({
        workspaceId: actor.workspaceId,
        memberId: actor.memberId,
        tokenHash: hashSecret(token),
        createdAt,
      })
      .onConflict((oc) =>
        oc
          .columns(["workspaceId", "memberId"])
          .doUpdateSet({ tokenHash: hashSecret(token), createdAt }),
      )
      .execute();
    return { active: true, createdAt, path: `/api/v1/calendar/${token}.ics` };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.deps.db
      .deleteFrom("calendarFeeds")
      .where("workspaceId", "=", actor.workspaceId)
      .where("memberId", "=", actor.memberId)
      .execute();
  }

  async ics(token: string): Promise<string> {
    const feed = await this.deps.db
      .selectFrom("calendarFeeds as f")
      .innerJoin("members as m", (j) =>
        j.onRef("m.workspaceId", "=", "f.workspaceId").onRef("m.id", "=", "f.memberId"),
      )
      .select(["f.workspaceId", "f.memberId", "m.name"])
      .where("f.tokenHash", "=", hashSecret(token))
      .where("m.status", "=", "active")
      .executeTakeFirst();
    if (!feed) throw notFound("Calendar feed");
    await this.schedule.current(feed.workspaceId);
    const today = await this.schedule.today(this.deps.db, feed.workspaceId);
    const allocations = await this.schedule.allocationsBetween(feed.workspaceId, {
      from: addDays(today, -30),
      to: addDays(today, 400),
      memberIds: [feed.memberId],
    });
    const ids = [...new Set(allocations.map((a) => a.taskId))];
    const tasks = ids.length
      ? await this.deps.db
          .selectFrom("planTasks as t")
          .innerJoin("plans as p", (j) =>
            j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"),
          )
          .select(["t.id", "t.name", "p.name as planName"])
          .where("t.workspaceId", "=", feed.workspaceId)
          .where("t.id", "in", ids)
          .execute()
      : [];
    const info = new Map(tasks.map((t) => [t.id, t]));
    const rows = allocations
      .filter((a) => info.has(a.taskId))
      .map((a) => ({
        date: a.date,
        taskId: a.taskId,
        hours: a.hours,
        name: info.get(a.taskId)!.name,
        planName: info.get(a.taskId)!.planName,
      }));
    return renderIcs(
      `Dayclear · ${feed.name}`,
      rows.map((r) => ({
        uid: `${r.taskId}-${r.date}@dayclear`,
        date: r.date,
        summary: `${r.name} · ${r.hours}h`,
        description: `${r.planName}`,
      })),
      this.deps.clock(),
    );
  }
}
