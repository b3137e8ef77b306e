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
    const row = await this.deps.db.selectFrom("calendarFeeds").select("createdAt").where("workspaceId", "=", actor.workspaceId).where("memberId", "=", actor.memberId).executeTakeFirst();
    return { active: !!row, createdAt: row?.createdAt ?? null };
  }

  async create(actor: Actor) {
    const token = newSecret("cal_");
    const createdAt = nowIso(this.deps);
    await this.deps.db.insertInto("calendarFeeds").values({ workspaceId: actor.workspaceId, memberId: actor.memberId, tokenHash: hashSecret(token), createdAt })
      .onConflict((oc) => oc.columns(["workspaceId", "memberId"]).doUpdateSet({ tokenHash: hashSecret(token), createdAt })).execute();
    return { active: true, createdAt, path: `/api/v1/calendar/${token}.ics` };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.deps.db.deleteFrom("calendarFeeds").where("workspaceId", "=", actor.workspaceId).where("memberId", "=", actor.memberId).execute();
  }

  async ics(token: string): Promise<string> {
    const feed = await this.deps.db.selectFrom("calendarFeeds as f").innerJoin("members as m", (j) => j.onRef("m.workspaceId", "=", "f.workspaceId").onRef("m.id", "=", "f.memberId"))
      .select(["f.workspaceId", "f.memberId", "m.name"]).where("f.tokenHash", "=", hashSecret(token)).where("m.status", "=", "active").executeTakeFirst();
    if (!feed) throw notFound("Calendar feed");
    await this.schedule.current(feed.workspaceId);
    const today = await this.schedule.today(this.deps.db, feed.workspaceId);
    const rows = await this.deps.db.selectFrom("allocations as a").innerJoin("planTasks as t", (j) => j.onRef("t.workspaceId", "=", "a.workspaceId").onRef("t.id", "=", "a.taskId"))
      .innerJoin("plans as p", (j) => j.onRef("p.workspaceId", "=", "t.workspaceId").onRef("p.id", "=", "t.planId"))
      .select(["a.date", "a.taskId", "a.hours", "t.name", "p.name as planName"]).where("a.workspaceId", "=", feed.workspaceId).where("a.memberId", "=", feed.memberId)
      .where("a.date", ">=", addDays(today, -30)).orderBy("a.date").execute();
    return renderIcs(`Dayclear · ${feed.name}`, rows.map((r) => ({
      uid: `${r.taskId}-${r.date}@dayclear`, date: r.date, summary: `${r.name} · ${r.hours}h`, description: `${r.planName}`,
    })), this.deps.clock());
  }
}
