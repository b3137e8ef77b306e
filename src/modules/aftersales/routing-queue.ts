// The lead's view of the after-sales queue per person (docs/AFTERSALES.md, "Routing"): the
// customer-service people today — who works and the minutes each has free after duties, which the
// routing run and the 好评回访 follow-ups read too — with their open cases and due calls in
// estimated minutes, and the cases nobody has with why routing left them. It only reads.
import type { Actor } from "../../core/actor.js";
import { caseMinutes } from "../../core/aftersales/case-load.js";
import { CASE_TYPES } from "../../core/aftersales/cases.js";
import { FOLLOWUP_MINUTES } from "../../core/aftersales/followups.js";
import { UNASSIGNED_REASON_CODES } from "../../core/aftersales/routing.js";
import { msg } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { ScheduleRepository } from "../plans/schedule.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import type { ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CaseRepository } from "./cases.repository.js";
import { FollowupRepository } from "./followups.repository.js";
import { customerServiceMembers, freeDays, openWork, type CasePeople } from "./routing-load.js";

/** The customer-service people today: who works, the minutes each has free after duties. */
export async function agentsToday(db: Executor, workspaceId: string, today: string) {
  const sched = new ScheduleRepository(db);
  const [people, calendar] = await Promise.all([
    sched.people(workspaceId, today) as Promise<CasePeople>,
    sched.calendar(workspaceId),
  ]);
  const members = await customerServiceMembers(db, workspaceId, people);
  const days = freeDays(
    people,
    calendar,
    members.map((m) => m.id),
    today,
    1,
  );
  return {
    people,
    members: members.map((m) => {
      const free = days.get(m.id)?.[0]?.freeHours ?? 0;
      return {
        id: m.id,
        name: m.name,
        freeMinutes: Math.floor(free * 60),
        skills: people.skills.filter((s) => s.memberId === m.id).map((s) => s.name),
      };
    }),
  };
}

/**
 * The lead's view: open cases per person (the customer-service people, and anyone else who has
 * open cases or calls) with counts, estimated minutes and the minutes they have free today, and
 * beside them the 好评回访 calls due on their Today (count and minutes) — the load the engine
 * reserves; the unassigned apart, with why routing left them.
 */
export async function caseQueue(deps: ServiceDeps, actor: Actor) {
  await authorizeAftersales(deps.db, actor, "aftersales.read");
  const db = deps.db;
  const ws = actor.workspaceId;
  const today = await new ScheduleService(deps).today(db, ws);
  const [{ members }, work, calls] = await Promise.all([
    agentsToday(db, ws, today),
    openWork(db, ws),
    // 好评回访 calls due by today: on their Today, and in their day's minutes like cases.
    new FollowupRepository(db).dueCounts(ws, today),
  ]);
  const others = [...new Set([...work.byMember.keys(), ...calls.keys()])].filter(
    (id) => !members.some((m) => m.id === id),
  );
  const otherNames = await new CaseRepository(db).memberNames(ws, others);
  const rows = [
    ...members.map((m) => ({ ...m, agent: true })),
    ...others.map((id) => ({
      id,
      name: otherNames.get(id) ?? "",
      freeMinutes: 0,
      skills: [] as string[],
      agent: false,
    })),
  ];
  return {
    date: today,
    members: rows.map((m) => {
      const w = work.byMember.get(m.id) ?? { count: 0, minutes: 0 };
      const n = calls.get(m.id) ?? 0;
      return {
        memberId: m.id,
        name: m.name,
        customerService: m.agent,
        working: m.freeMinutes > 0,
        freeMinutes: m.freeMinutes,
        count: w.count,
        estimatedMinutes: w.minutes,
        followups: { count: n, estimatedMinutes: n * FOLLOWUP_MINUTES },
      };
    }),
    unassigned: {
      count: work.unassigned.count,
      estimatedMinutes: work.unassigned.minutes,
      reasons: [...work.unassigned.reasons]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([reason, count]) => ({
          reason,
          count,
          message: msg(
            reason in UNASSIGNED_REASON_CODES
              ? UNASSIGNED_REASON_CODES[reason as keyof typeof UNASSIGNED_REASON_CODES]
              : "aftersales.routing.reason.not_routed",
          ),
        })),
    },
    caseTypes: CASE_TYPES.map((type) => ({
      type,
      minutes: caseMinutes(type, work.rules.minutesByType),
    })),
  };
}
