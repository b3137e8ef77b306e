// Routing after-sales cases into people's days (docs/AFTERSALES.md, "Routing"): the workspace's
// rules (read by everyone, changed by the owner and the customer_service leads), the run that gives
// the open cases nobody has to the people of the customer_service departments by those rules
// (core/aftersales/routing.ts) — respecting who works today and the minutes each has free — and the
// lead's view of the queue per person (read in routing-queue.ts). A run is its own transaction, after the cases it routes were
// committed (a case, an import, the order sync); a case nobody could take keeps the reason code and
// is tried again by the next run. Assigned cases' minutes are reserved in the agents' days by the
// engine, so each run that assigned something re-plans the workspace.
import type { Actor } from "../../core/actor.js";
import { caseMinutes } from "../../core/aftersales/case-load.js";
import type { CaseType } from "../../core/aftersales/cases.js";
import {
  ROUTING_RULE_CODES,
  routeCases,
  type RoutingAgent,
  type RoutingCase,
  type RoutingStrategy,
} from "../../core/aftersales/routing.js";
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, storeMessage, type MessageCode } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { notify } from "../daily/notifications.js";
import { ScheduleService, type ReplanOutcome } from "../plans/schedule.service.js";
import { audit, nowIso, type LiveEvent, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CaseRepository, type CaseEventRow } from "./cases.repository.js";
import { openWork } from "./routing-load.js";
import { agentsToday, caseQueue } from "./routing-queue.js";
import { RoutingRepository, type CaseRoutingRow } from "./routing.repository.js";
import { presentRules, rulesOf, type Rules } from "./routing-rules.js";
import { checkQualityCases } from "./quality.service.js";

/** Cases one run looks at (the most urgent first); more wait for the next run. */
export const ROUTING_BATCH = 2000;

export interface RoutingRulesInput {
  strategy: RoutingStrategy;
  vipMembers?: string[];
  vipCustomers?: string[];
  highAmountFen?: number | null;
  highAmountMembers?: string[];
  overrideFallback?: boolean;
  queues?: Record<string, string[]>;
  skillsByType?: Partial<Record<CaseType, string[]>>;
  minutesByType?: Partial<Record<CaseType, number>>;
  version: number;
}

const stale = (current: number): DomainError =>
  fail(
    "conflict",
    "shop.stale",
    { what: msg("aftersales.routing.entity"), current },
    { extra: { currentVersion: current } },
  );

export interface RoutingRun {
  assigned: number;
  unassigned: number;
}

export class CaseRoutingService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async rules(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return presentRules(
      rulesOf(await new RoutingRepository(this.deps.db).rules(actor.workspaceId)),
    );
  }

  /** Changes the rules (with `version`; 0 when none were saved); every member named must work cases. */
  async putRules(actor: Actor, input: RoutingRulesInput) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const ws = actor.workspaceId;
    const repo = new RoutingRepository(this.deps.db);
    const current = rulesOf(await repo.rules(ws));
    if (current.version !== input.version) throw stale(current.version);
    const today = await this.schedule.today(this.deps.db, ws);
    const { members } = await agentsToday(this.deps.db, ws, today);
    const agents = new Set(members.map((m) => m.id));
    const names = await new CaseRepository(this.deps.db).memberNames(ws, [
      ...(input.vipMembers ?? []),
      ...(input.highAmountMembers ?? []),
      ...Object.keys(input.queues ?? {}),
    ]);
    const problems = [
      ...(input.vipMembers ?? []).map((id, i) => ({ id, field: `vipMembers.${i}` })),
      ...(input.highAmountMembers ?? []).map((id, i) => ({ id, field: `highAmountMembers.${i}` })),
      ...Object.keys(input.queues ?? {}).map((id) => ({ id, field: `queues.${id}` })),
    ].filter((p) => !agents.has(p.id));
    if (problems.length) {
      const code: MessageCode = "case.assign.not_handler";
      const first = problems[0]!;
      throw fail(
        "invalid",
        code,
        { member: names.get(first.id) ?? first.id },
        {
          fields: problems.map((p) =>
            fieldError(p.field, code, { member: names.get(p.id) ?? p.id }),
          ),
        },
      );
    }
    const at = nowIso(this.deps);
    const version = current.version + 1;
    const uniq = (xs: string[] | undefined) => JSON.stringify([...new Set(xs ?? [])]);
    await this.deps.db.transaction().execute(async (trx) => {
      const ok = await new RoutingRepository(trx).putRules(
        {
          workspaceId: ws,
          strategy: input.strategy,
          vipMembers: uniq(input.vipMembers),
          vipCustomers: uniq(input.vipCustomers),
          highAmountFen: input.highAmountFen ?? null,
          highAmountMembers: uniq(input.highAmountMembers),
          overrideFallback: input.overrideFallback ? 1 : 0,
          queues: JSON.stringify(input.queues ?? {}),
          skillsByType: JSON.stringify(input.skillsByType ?? {}),
          minutesByType: JSON.stringify(input.minutesByType ?? {}),
          lastAssigned: current.lastAssigned,
          version,
          updatedAt: at,
          updatedBy: actor.memberId,
        },
        current.version,
      );
      if (!ok) throw stale(current.version + 1);
      await audit(trx, actor, at, {
        action: "aftersales.routing.update",
        entityType: "workspace",
        entityId: ws,
        message: msg("audit.aftersales.routing_changed"),
        before: presentRules(current),
        after: { ...input, version },
      });
    });
    // Minutes per type change the open work the engine reserves; new rules may place waiting cases.
    await this.routeNew(ws);
    return this.rules(actor);
  }

  /**
   * Routes the open cases nobody has (most urgent first, at most ROUTING_BATCH) in one transaction:
   * assignments with their history entry, what routing did with each case, one audit entry, a
   * notice to each member given cases, and a re-plan when anyone was given something.
   */
  async routeNew(workspaceId: string): Promise<RoutingRun> {
    const db = this.deps.db;
    const pending = await new RoutingRepository(db).pending(workspaceId, ROUTING_BATCH);
    if (pending.length === 0) return { assigned: 0, unassigned: 0 };
    const events: LiveEvent[] = [];
    const { run, outcome } = await db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const repo = new RoutingRepository(trx);
      const cases = new CaseRepository(trx);
      const today = await this.schedule.today(trx, workspaceId);
      const [{ members }, work, waiting] = await Promise.all([
        agentsToday(trx, workspaceId, today),
        openWork(trx, workspaceId),
        repo.pending(workspaceId, ROUTING_BATCH),
      ]);
      const rules = work.rules;
      const minutes = (type: string) => caseMinutes(type, rules.minutesByType);
      const agents: RoutingAgent[] = members.map((m) => {
        const open = work.byMember.get(m.id)?.minutes ?? 0;
        return {
          memberId: m.id,
          working: m.freeMinutes > 0,
          capacityMinutes: Math.max(0, m.freeMinutes - open),
          openMinutes: open,
          skills: m.skills,
          platforms: rules.queues[m.id] ?? null,
        };
      });
      const vip = new Set(rules.vipCustomers);
      const input: RoutingCase[] = waiting.map((c) => ({
        caseId: c.id,
        estimatedMinutes: minutes(c.type),
        platform: c.platform,
        skills: rules.skillsByType[c.type as CaseType] ?? [],
        amountFen: c.requestedFen,
        vip: c.customerKey !== null && vip.has(c.customerKey),
        dueAt: c.dueAt,
        openedAt: c.openedAt,
      }));
      const result = routeCases(input, agents, rules);
      const byId = new Map(waiting.map((c) => [c.id, c]));
      const names = new Map(members.map((m) => [m.id, m.name]));
      const records: CaseRoutingRow[] = [];
      const given = new Map<string, number>();
      let last: string | null = null;
      // Set-based: a few UPDATEs for the whole run, then one history entry per case assigned.
      // Someone took or changed a case since it was read: it is theirs now (left out).
      const assigned = await repo.assignMany(
        workspaceId,
        result.assignments.map((a) => ({
          caseId: a.caseId,
          version: byId.get(a.caseId)!.version,
          memberId: a.memberId,
        })),
        at,
      );
      const history: CaseEventRow[] = [];
      for (const a of result.assignments) {
        if (!assigned.has(a.caseId)) continue;
        last = a.memberId;
        given.set(a.memberId, (given.get(a.memberId) ?? 0) + 1);
        records.push({
          workspaceId,
          caseId: a.caseId,
          memberId: a.memberId,
          rule: a.rule,
          reason: null,
          estimatedMinutes: a.estimatedMinutes,
          routedAt: at,
        });
        history.push({
          workspaceId,
          id: newId(),
          caseId: a.caseId,
          at,
          actorMemberId: null,
          kind: "assigned",
          fromState: null,
          toState: null,
          message: storeMessage(
            msg("case.history.routed", {
              member: names.get(a.memberId) ?? "",
              rule: msg(ROUTING_RULE_CODES[a.rule]),
            }),
          ),
        });
      }
      await cases.addEvents(history);
      for (const u of result.unassigned)
        records.push({
          workspaceId,
          caseId: u.caseId,
          memberId: null,
          rule: null,
          reason: u.reason,
          estimatedMinutes: minutes(byId.get(u.caseId)!.type),
          routedAt: at,
        });
      await repo.record(records);
      if (last) await repo.setLastAssigned(workspaceId, last, at);
      const run = {
        assigned: records.length - result.unassigned.length,
        unassigned: result.unassigned.length,
      };
      if (run.assigned === 0) return { run, outcome: null };
      const system: Actor = {
        userId: "",
        memberId: "",
        workspaceId,
        role: "member",
        departmentId: null,
        via: "system",
      };
      await audit(trx, system, at, {
        action: "aftersales.routing.run",
        entityType: "workspace",
        entityId: workspaceId,
        message: msg("audit.aftersales.routed", run),
        after: { assigned: Object.fromEntries(given) },
      });
      for (const [memberId, count] of given) {
        const written = await notify(
          trx,
          workspaceId,
          memberId,
          {
            kind: "aftersales.assigned",
            title: msg("case.notice.routed", { count }),
            link: "/aftersales?assignee=me",
          },
          at,
        );
        for (const w of written)
          events.push({ type: "notification", memberId: w.memberId, id: w.id });
      }
      return { run, outcome: await this.schedule.replan(trx, workspaceId, null) };
    });
    if (outcome) this.committed(workspaceId, outcome, events);
    return run;
  }

  /** After the transaction committed: the engine's memo, open pages, the bells. */
  committed(workspaceId: string, outcome: ReplanOutcome, events: LiveEvent[]): void {
    this.schedule.committed(outcome);
    this.deps.events?.publish(workspaceId, { type: "aftersales.cases.changed" });
    for (const e of events) this.deps.events?.publish(workspaceId, e);
  }

  /** The lead's view of the queue per person (routing-queue.ts). */
  queue(actor: Actor) {
    return caseQueue(this.deps, actor);
  }

  /** Exposed for the assign service (and tests): the current rules. */
  async currentRules(db: Executor, workspaceId: string): Promise<Rules> {
    return rulesOf(await new RoutingRepository(db).rules(workspaceId));
  }
}

/** Re-plans the workspace after an assigned case ended: its minutes leave the agent's day. */
export async function replanCases(deps: ServiceDeps, workspaceId: string): Promise<void> {
  const schedule = new ScheduleService(deps);
  const outcome = await deps.db
    .transaction()
    .execute((trx) => schedule.replan(trx, workspaceId, null));
  schedule.committed(outcome);
}

/**
 * Routes what waits after new cases were committed (a case by hand, an import, the order sync), then
 * opens a task for any SKU the new cases took over the quality threshold (quality.service.ts).
 */
export async function routeNewCases(deps: ServiceDeps, workspaceId: string): Promise<RoutingRun> {
  const run = await new CaseRoutingService(deps).routeNew(workspaceId);
  await checkQualityCases(deps, workspaceId);
  return run;
}
