// Goal reminders on a schedule: once the workspace's local time is past 09:00, everyone with
// something due in an open cycle that has started gets one reminder a day for that cycle.
// Exactly once across repeated sweeps and several server instances: the goal_reminders_sent row
// is inserted (on conflict: nothing) in the notification's transaction, and only a row actually
// inserted sends.
import type { Actor } from "../../core/actor.js";
import { localDate } from "../../core/plans/local-date.js";
import { GoalServiceBase } from "./goals.base.js";
import { GoalRepository } from "./goals.repository.js";
import { GoalReminderRepository } from "./goal-reminders.repository.js";
import { CycleDues, localMinutes, reminderNotice } from "./goal-reminders.due.js";

/** Local time of day (minutes after midnight) from which a day's reminders go out: 09:00. */
export const REMIND_FROM_MINUTES = 9 * 60;

export interface SweepResult {
  sent: number;
  /** Workspaces the sweep could not finish (the others are not held up by them). */
  failed: { workspaceId: string; error: string }[];
}

/** The sweep reads the whole organisation as the system, not as anyone in it. */
const systemActor = (workspaceId: string): Actor => ({
  userId: "",
  memberId: "",
  workspaceId,
  role: "member",
  departmentId: null,
  via: "system",
});

export class GoalReminderService extends GoalServiceBase {
  /** Sends the day's goal reminders due by `now` in every workspace; returns how many went out. */
  async sweep(now: Date = this.deps.clock()): Promise<SweepResult> {
    const result: SweepResult = { sent: 0, failed: [] };
    for (const w of await new GoalReminderRepository(this.deps.db).workspaces()) {
      try {
        result.sent += await this.sweepWorkspace(w.id, w.timeZone, now);
      } catch (err) {
        result.failed.push({
          workspaceId: w.id,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return result;
  }

  private async sweepWorkspace(workspaceId: string, timeZone: string, now: Date): Promise<number> {
    if (localMinutes(now, timeZone) < REMIND_FROM_MINUTES) return 0;
    const db = this.deps.db;
    const today = localDate(now, timeZone);
    const repo = new GoalRepository(db);
    const cycles = (await repo.listCycles(workspaceId)).filter(
      (c) => c.status === "open" && c.startDate <= today,
    );
    if (cycles.length === 0) return 0;
    const [access, goals, assessments, sent] = await Promise.all([
      this.access(db, systemActor(workspaceId)),
      repo.listGoals(workspaceId, { cycleIds: cycles.map((c) => c.id) }),
      repo.assessments(workspaceId, {}),
      new GoalReminderRepository(db).sentOn(workspaceId, today),
    ]);
    const people = access.org.members.filter((m) => m.status === "active");
    const at = now.toISOString();
    const notified: string[] = [];
    try {
      for (const cycle of cycles) {
        const dues = new CycleDues(cycle, today, goals, assessments, access);
        const { kind, title, link } = reminderNotice(cycle);
        for (const p of people) {
          const due = dues.for(p);
          // The read of today's rows only saves work; the insert below decides who sends.
          if (due.length === 0 || sent.has(`${p.id}/${cycle.id}`)) continue;
          await db.transaction().execute(async (trx) => {
            if (
              !(await new GoalReminderRepository(trx).markSent({
                workspaceId,
                memberId: p.id,
                localDate: today,
                cycleId: cycle.id,
                createdAt: at,
              }))
            )
              return;
            await this.notify(
              trx,
              workspaceId,
              p.id,
              kind,
              title,
              due.join("\n"),
              link,
              at,
              notified,
            );
          });
        }
      }
    } finally {
      this.publish(workspaceId, notified);
    }
    return notified.length;
  }
}
