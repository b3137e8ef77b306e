// Making the 好评回访 follow-ups that have come due (docs/AFTERSALES.md, "Follow-ups"): never while a
// page is read. They are made at the moments that make new ones due — the rules saved, a case
// resolved (by hand, an after-sales import), an order import's deliveries and refunds (the order
// sync, right after the import commits) — and by the server's minute sweep
// (cli/commands/sla-sweep.ts), which makes a workspace's when its local date turned (a delivery
// `daysAfter` days ago comes due with time alone) or an order import came in since it last looked
// (deliveries its own sync did not get to). Everything is on the services' clock, so the shop's
// date decides, and a test's frozen clock too.
import {
  earliestEventDate,
  followupDue,
  type FollowupRule,
} from "../../core/aftersales/followups.js";
import { addDays } from "../../core/calendar/date.js";
import { dateInZone } from "../../core/calendar/today.js";
import { newId } from "../../core/ids.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { CareRepository } from "./care.repository.js";
import { FollowupRepository, type FollowupRow } from "./followups.repository.js";
import { agentsToday } from "./routing-queue.js";
import { replanCases } from "./routing.service.js";

const DAY = 86_400_000;

interface DueEvent {
  rule: FollowupRule;
  key: string;
  orderId: string | null;
  caseId: string | null;
  platformOrderId: string | null;
  shopId: string;
  date: string;
  /** The case's agent, who keeps the follow-up of their own case when they still work cases. */
  agent: string | null;
}

/** The events a rule takes that are due by `today` and have no follow-up of that rule yet. */
async function dueEvents(
  repo: FollowupRepository,
  workspaceId: string,
  rule: FollowupRule,
  today: string,
  timeZone: string,
  now: string,
): Promise<DueEvent[]> {
  // Events of the local dates that can be due today, with a day's margin either side (the time
  // zone's offset): from the look-back's first date to today − daysAfter.
  const since = new Date(
    Date.parse(`${earliestEventDate(rule, today)}T00:00:00Z`) - DAY,
  ).toISOString();
  const latest = `${addDays(today, 2 - rule.daysAfter)}T00:00:00.000Z`;
  const until = latest < now ? latest : now;
  const events =
    rule.trigger === "delivered"
      ? (await repo.delivered(workspaceId, since, until))
          .filter((o) => o.refundFen < o.totalFen || o.totalFen === 0)
          .map((o) => ({
            key: `order:${o.id}`,
            orderId: o.id as string | null,
            caseId: null as string | null,
            platformOrderId: o.platformOrderId as string | null,
            shopId: o.shopId,
            platform: o.platform,
            amountFen: Number(o.totalFen),
            at: o.completedAt!,
            agent: null as string | null,
          }))
      : (await repo.resolved(workspaceId, since, until)).map((c) => ({
          key: `case:${c.id}`,
          orderId: c.orderId,
          caseId: c.id as string | null,
          platformOrderId: c.platformOrderId,
          shopId: c.shopId,
          platform: c.platform,
          amountFen: Number(c.totalFen ?? c.requestedFen),
          at: c.resolvedAt!,
          agent: c.assigneeMemberId,
        }));
  const due = events.flatMap((e) => {
    const date = followupDue(rule, { ...e, date: dateInZone(e.at, timeZone) }, today);
    return date ? [{ ...e, rule, date }] : [];
  });
  const made = await repo.existing(
    workspaceId,
    rule.id,
    due.map((e) => e.key),
  );
  return due.filter((e) => !made.has(e.key));
}

/**
 * Makes the follow-ups due by today that no rule made yet: orders completed and cases resolved
 * `daysAfter` days before (within the look-back), each given to the case's agent when they still
 * work cases, else to the customer-service person working today with the fewest open follow-ups.
 * One per rule and order or case, however many make them at once (a unique key). When it made any,
 * the workspace is re-planned: each takes FOLLOWUP_MINUTES of its agent's day. Answers how many.
 */
export async function makeDueFollowups(deps: ServiceDeps, workspaceId: string): Promise<number> {
  const db = deps.db;
  const care = new CareRepository(db);
  const settings = await care.settings(workspaceId);
  const rules = settings ? (JSON.parse(settings.followupRules) as FollowupRule[]) : [];
  const active = rules.filter((r) => r.active);
  if (active.length === 0) return 0;
  const { timeZone } = await care.ownerAndLocale(workspaceId);
  const today = dateInZone(deps.clock(), timeZone);
  const now = nowIso(deps);
  const repo = new FollowupRepository(db);
  const due: DueEvent[] = [];
  for (const rule of active)
    due.push(...(await dueEvents(repo, workspaceId, rule, today, timeZone, now)));
  // Most sweeps end here: who works today is read only when there is something to give.
  if (due.length === 0) return 0;
  const agents = (await agentsToday(db, workspaceId, today)).members;
  const agentIds = new Set(agents.map((a) => a.id));
  const pool = agents.some((a) => a.freeMinutes > 0)
    ? agents.filter((a) => a.freeMinutes > 0)
    : agents;
  const open = await repo.openCounts(workspaceId);
  const pick = (preferred: string | null): string | null => {
    if (preferred && agentIds.has(preferred)) return preferred;
    const best = [...pool].sort(
      (a, b) => (open.get(a.id) ?? 0) - (open.get(b.id) ?? 0) || a.id.localeCompare(b.id),
    )[0];
    return best?.id ?? null;
  };
  const rows: FollowupRow[] = due.map((e) => {
    const memberId = pick(e.agent);
    if (memberId) open.set(memberId, (open.get(memberId) ?? 0) + 1);
    return {
      workspaceId,
      id: newId(),
      ruleId: e.rule.id,
      ruleName: e.rule.name,
      sourceKey: e.key,
      shopId: e.shopId,
      orderId: e.orderId,
      caseId: e.caseId,
      platformOrderId: e.platformOrderId,
      dueDate: e.date,
      memberId,
      script: e.rule.script,
      state: "open",
      outcome: null,
      turnedGood: 0,
      complaintCaseId: null,
      note: null,
      doneAt: null,
      doneDate: null,
      doneBy: null,
      version: 1,
      createdAt: now,
    };
  });
  const inserted = await repo.insert(rows);
  // New calls on someone's Today take their minutes there: the engine moves plan work.
  if (inserted > 0) {
    await replanCases(deps, workspaceId);
    deps.events?.publish(workspaceId, { type: "aftersales.followups.changed" });
  }
  return inserted;
}

export interface FollowupSweepResult {
  /** Workspaces whose follow-ups were made in this sweep. */
  workspaces: number;
  made: number;
  failed: { workspaceId: string; error: string }[];
}

/**
 * The server's sweep of follow-ups over every workspace with rules: each is made when the
 * workspace's local date is not the one it was last made on, or an order import came in since
 * (what this sweep remembers, per process: a first sweep makes every workspace's). Reading what was
 * delivered is a scan of the workspace's recent orders, so it is not repeated every minute when
 * nothing can have come due; the other moments make theirs at once.
 */
export class FollowupSweep {
  private readonly seen = new Map<string, string>();
  constructor(private readonly deps: ServiceDeps) {}

  async sweep(): Promise<FollowupSweepResult> {
    const result: FollowupSweepResult = { workspaces: 0, made: 0, failed: [] };
    const db = this.deps.db;
    const care = new CareRepository(db);
    const repo = new FollowupRepository(db);
    const schedule = new ScheduleService(this.deps);
    for (const ws of await care.workspacesWithFollowupRules()) {
      try {
        const mark = `${await schedule.today(db, ws)} ${await repo.orderImportsMark(ws)}`;
        if (this.seen.get(ws) === mark) continue;
        result.made += await makeDueFollowups(this.deps, ws);
        result.workspaces++;
        this.seen.set(ws, mark);
      } catch (err) {
        result.failed.push({
          workspaceId: ws,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return result;
  }
}
