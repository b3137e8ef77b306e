// Goal reminders: a lead's or the owner's "remind" for the people they manage in one cycle, and the
// daily sweep — once the workspace's local time is past 09:00, everyone with something due in an
// open cycle that has started gets one reminder a day for that cycle. The sweep sends exactly once
// across repeated sweeps and several server instances: the goal_reminders_sent row is inserted (on
// conflict: nothing) in the notification's transaction, and only a row actually inserted sends.
import type { Actor } from "../../core/actor.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { fail } from "../../core/errors.js";
import type { GoalContext } from "./goal-context.js";
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

export class GoalReminderService {
  constructor(private readonly ctx: GoalContext) {}

  /** In-app reminders of what is due in the cycle for the people the actor manages. */
  async remind(actor: Actor, cycleId: string) {
    const cycle = await this.ctx.cycleOr404(actor, cycleId);
    const org = await this.ctx.org(actor);
    if (!org.may("goals.cycle.remind")) throw fail("forbidden", "goals.remind_forbidden");
    const repo = this.ctx.goals();
    const [goals, assessments, today] = await Promise.all([
      repo.listGoals(actor.workspaceId, { cycleId }),
      repo.assessments(actor.workspaceId, { cycleId }),
      this.ctx.today(actor.workspaceId),
    ]);
    const dues = new CycleDues(cycle, today, goals, assessments, org);
    const at = this.ctx.now();
    const notified: string[] = [];
    await this.ctx.transaction(async (trx) => {
      for (const p of org.overseen()) {
        if (p.id === actor.memberId) continue;
        const due = dues.for(p);
        if (due.length)
          await this.ctx.notify(
            trx,
            actor.workspaceId,
            p.id,
            reminderNotice(cycle, due),
            at,
            notified,
          );
      }
    });
    this.ctx.publish(actor.workspaceId, notified);
    return { notified: notified.length };
  }

  /** Sends the day's goal reminders due by `now` in every workspace; returns how many went out. */
  async sweep(now: Date = this.ctx.deps.clock()): Promise<SweepResult> {
    const result: SweepResult = { sent: 0, failed: [] };
    for (const w of await this.ctx.reminders().workspaces()) {
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
    const today = workspaceToday(now, timeZone);
    const repo = this.ctx.goals();
    const cycles = (await repo.listCycles(workspaceId)).filter(
      (c) => c.status === "open" && c.startDate <= today,
    );
    if (cycles.length === 0) return 0;
    const [org, goals, assessments, sent] = await Promise.all([
      this.ctx.org(systemActor(workspaceId)),
      repo.listGoals(workspaceId, { cycleIds: cycles.map((c) => c.id) }),
      repo.assessments(workspaceId, {}),
      this.ctx.reminders().sentOn(workspaceId, today),
    ]);
    const people = org.members.filter((m) => m.status === "active");
    const at = now.toISOString();
    const notified: string[] = [];
    try {
      for (const cycle of cycles) {
        const dues = new CycleDues(cycle, today, goals, assessments, org);
        for (const p of people) {
          const due = dues.for(p);
          // The read of today's rows only saves work; the insert below decides who sends.
          if (due.length === 0 || sent.has(`${p.id}/${cycle.id}`)) continue;
          await this.ctx.transaction(async (trx) => {
            if (
              !(await this.ctx.reminders(trx).markSent({
                workspaceId,
                memberId: p.id,
                localDate: today,
                cycleId: cycle.id,
                createdAt: at,
              }))
            )
              return;
            await this.ctx.notify(trx, workspaceId, p.id, reminderNotice(cycle, due), at, notified);
          });
        }
      }
    } finally {
      this.ctx.publish(workspaceId, notified);
    }
    return notified.length;
  }
}
