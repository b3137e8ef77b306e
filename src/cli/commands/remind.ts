// dayclear remind — one goal-reminder sweep now (for cron users, or with DAYCLEAR_REMINDERS=off):
// in each workspace past 09:00 local time, whoever has goal work due and has not been reminded of
// it today gets one notification per cycle. `dayclear serve` runs the same sweep on a timer.
import { systemClock } from "../../core/actor.js";
import { msg, renderMessage } from "../../core/messages/index.js";
import type { Database } from "../../db/database.js";
import { GoalContext } from "../../modules/goals/goal-context.js";
import { GoalReminderService } from "../../modules/goals/goal-reminders.service.js";
import { createEventBus } from "../../server/events.js";
import type { EventPublisher } from "../../modules/shared/context.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";

/**
 * The reminder service outside the web app's own services. Inside `serve` it publishes on the
 * app's bus, so open pages show a reminder at once. Alone (`dayclear remind`), on PostgreSQL its
 * events travel by NOTIFY to every instance; on SQLite there is no page to tell, so none is made
 * and pages show the notification when they next load.
 */
export async function openReminders(database: Database, appEvents?: EventPublisher) {
  const url = process.env.DATABASE_URL;
  const own =
    !appEvents && database.dialect === "postgres" && url
      ? await createEventBus(database, url)
      : undefined;
  return {
    reminders: new GoalReminderService(
      new GoalContext({ db: database.db, clock: systemClock, events: appEvents ?? own }),
    ),
    close: async () => own?.close(),
  };
}

export async function remind(o: { db?: string; lang?: string }): Promise<number> {
  const locale = cliLocale(o.lang);
  const { database } = await openMigrated(o);
  try {
    const { reminders, close } = await openReminders(database);
    try {
      const { sent, failed } = await reminders.sweep();
      console.log(
        renderMessage(
          locale,
          msg(sent === 1 ? "cli.remind.sent_one" : "cli.remind.sent", { count: sent }),
        ),
      );
      for (const f of failed) {
        const text = msg("cli.remind.failed", { workspace: f.workspaceId, error: f.error });
        process.stderr.write(`dayclear: ${renderMessage(locale, text)}\n`);
      }
      return failed.length ? 1 : 0;
    } finally {
      await close();
    }
  } finally {
    await database.close();
  }
}
