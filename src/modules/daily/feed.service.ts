// iCalendar feeds: each member may have one secret URL with their scheduled work, to subscribe to
// from Google, Outlook, Apple or Feishu calendars. The token is stored hashed; making a new one
// revokes the old. The feed is written in the member's language (else the workspace's): a
// calendar app sends no Accept-Language we could trust to be theirs.
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { fail } from "../../core/errors.js";
import { msg, pickLocale, renderMessage } from "../../core/messages/index.js";
import { renderIcs } from "../../core/plans/ics.js";
import { hashSecret, newSecret } from "../auth/tokens.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { CalendarFeedRepository } from "./feed.repository.js";

export class FeedService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async status(actor: Actor) {
    const row = await new CalendarFeedRepository(this.deps.db).get(
      actor.workspaceId,
      actor.memberId,
    );
    return { active: !!row, createdAt: row?.createdAt ?? null };
  }

  async create(actor: Actor) {
    const token = newSecret("cal_");
    const createdAt = nowIso(this.deps);
    await new CalendarFeedRepository(this.deps.db).put(
      actor.workspaceId,
      actor.memberId,
      hashSecret(token),
      createdAt,
    );
    return { active: true, createdAt, path: `/api/v1/calendar/${token}.ics` };
  }

  async revoke(actor: Actor): Promise<void> {
    await new CalendarFeedRepository(this.deps.db).remove(actor.workspaceId, actor.memberId);
  }

  async ics(token: string): Promise<string> {
    const repo = new CalendarFeedRepository(this.deps.db);
    const feed = await repo.byTokenHash(hashSecret(token));
    if (!feed) throw fail("not_found", "daily.feed.not_found");
    const locale = pickLocale(feed.userLocale, feed.workspaceLocale) ?? "zh-CN";
    await this.schedule.current(feed.workspaceId);
    const today = await this.schedule.today(this.deps.db, feed.workspaceId);
    const allocations = await this.schedule.allocationsBetween(feed.workspaceId, {
      from: addDays(today, -30),
      to: addDays(today, 400),
      memberIds: [feed.memberId],
    });
    const tasks = await repo.taskNames(feed.workspaceId, [
      ...new Set(allocations.map((a) => a.taskId)),
    ]);
    const info = new Map(tasks.map((t) => [t.id, t]));
    return renderIcs(
      renderMessage(locale, msg("daily.feed.calendar_name", { member: feed.name })),
      allocations
        .filter((a) => info.has(a.taskId))
        .map((a) => ({
          uid: `${a.taskId}-${a.date}@dayclear`,
          date: a.date,
          summary: renderMessage(
            locale,
            msg("daily.feed.event_summary", { task: info.get(a.taskId)!.name, hours: a.hours }),
          ),
          description: info.get(a.taskId)!.planName,
        })),
      this.deps.clock(),
    );
  }
}
