// Routing new after-sales cases to 客服 members (docs/CUSTOMERS.md, "Routing"). Pure and
// deterministic: the result depends on the cases and members given, never on their order in the
// input (members are taken in id order, cases most urgent first), nor on the clock.
//
// For each case, most urgent first (deadline, then opening, then id):
//   1. Override: a VIP case goes to the named VIP members, a case of at least `highAmountFen` to
//      the named high-amount members (VIP first when both apply) — whatever their queues. When none
//      of them works today with room for it, the case waits for the lead (`override_unavailable`),
//      or, with `overrideFallback`, is routed as any other.
//   2. Queue: the members who serve the case's platform (no platforms listed: all) and hold every
//      skill it asks for.
//   3. Of those, the members working today whose capacity left (minutes) holds the case's
//      estimated minutes.
//   4. Pick: `least_open_work` — the least open work in estimated minutes (open cases plus those
//      given in this run), then the most capacity left, then the id; `round_robin` — the next
//      member in id order after the one who got the last case (`lastAssigned`, carried over runs).
// A member is never given more estimated minutes than their capacity left. A case no one can take
// is left unassigned with a reason code (aftersales-core catalogs).
import type { MessageCode } from "../messages/index.js";

export const ROUTING_STRATEGIES = ["least_open_work", "round_robin"] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];
export type RoutingRule = RoutingStrategy | "override";

export const UNASSIGNED_REASONS = [
  "no_agents",
  "no_queue",
  "no_skill",
  "nobody_working",
  "no_capacity",
  "override_unavailable",
] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export interface RoutingAgent {
  memberId: string;
  /** Working today (work calendar, own week, leave). */
  working: boolean;
  /** Minutes still free today, after planned work and the cases already on them. */
  capacityMinutes: number;
  /** Estimated minutes of the cases already open on them. */
  openMinutes: number;
  skills?: readonly string[];
  /** The platform queues they serve; null or empty: every platform. */
  platforms?: readonly string[] | null;
}

export interface RoutingCase {
  caseId: string;
  /** Minutes the case is expected to take (counted in the member's capacity), a positive integer. */
  estimatedMinutes: number;
  platform: string;
  /** Skills the case needs (a language, returns inspection …). */
  skills?: readonly string[];
  amountFen: number;
  vip?: boolean;
  /** The earliest SLA deadline (ISO), if any: earlier deadlines are routed first. */
  dueAt?: string | null;
  openedAt: string;
}

export interface RoutingRules {
  strategy: RoutingStrategy;
  vipMembers?: readonly string[];
  /** Cases of at least this amount (fen) go to `highAmountMembers`; null: no such override. */
  highAmountFen?: number | null;
  highAmountMembers?: readonly string[];
  /** Route an override case normally when no named member can take it (default false). */
  overrideFallback?: boolean;
  /** The member who got the last case of the previous run: round robin goes on after them. */
  lastAssigned?: string | null;
}

export interface Assignment {
  caseId: string;
  memberId: string;
  rule: RoutingRule;
  estimatedMinutes: number;
}

export interface Unassigned {
  caseId: string;
  reason: UnassignedReason;
}

export interface AgentLoad {
  memberId: string;
  /** Estimated minutes given in this run. */
  assignedMinutes: number;
  capacityLeft: number;
  openMinutes: number;
}

export interface RoutingResult {
  /** In routing order (most urgent first). */
  assignments: Assignment[];
  unassigned: Unassigned[];
  agents: AgentLoad[];
  /** Carry into the next run's `lastAssigned`. */
  lastAssigned: string | null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Slot {
  agent: RoutingAgent;
  index: number;
  open: number;
  left: number;
  given: number;
  skills: Set<string>;
}

function check(agents: readonly RoutingAgent[], cases: readonly RoutingCase[]): void {
  const ids = new Set<string>();
  for (const a of agents) {
    if (ids.has(a.memberId)) throw new RangeError(`member ${a.memberId} is listed twice`);
    ids.add(a.memberId);
    if (!(Number.isFinite(a.capacityMinutes) && Number.isFinite(a.openMinutes)))
      throw new RangeError(`member ${a.memberId}: capacity and open minutes must be numbers`);
  }
  const caseIds = new Set<string>();
  for (const c of cases) {
    if (caseIds.has(c.caseId)) throw new RangeError(`case ${c.caseId} is listed twice`);
    caseIds.add(c.caseId);
    if (!(Number.isInteger(c.estimatedMinutes) && c.estimatedMinutes > 0))
      throw new RangeError(`case ${c.caseId}: estimated minutes must be a positive whole number`);
    if (
      !Number.isFinite(Date.parse(c.openedAt)) ||
      (c.dueAt && !Number.isFinite(Date.parse(c.dueAt)))
    )
      throw new RangeError(`case ${c.caseId}: openedAt and dueAt must be instants`);
  }
}

/** Cases in routing order: earliest deadline (none last), then opening, then id. */
function urgentFirst(cases: readonly RoutingCase[]): RoutingCase[] {
  const keyed = cases.map((c) => ({
    c,
    due: c.dueAt ? Date.parse(c.dueAt) : Infinity,
    opened: Date.parse(c.openedAt),
  }));
  keyed.sort(
    (a, b) =>
      (a.due === b.due ? 0 : a.due < b.due ? -1 : 1) ||
      a.opened - b.opened ||
      byText(a.c.caseId, b.c.caseId),
  );
  return keyed.map((k) => k.c);
}

/** Routes new cases to members by the rules (see the file's head). */
export function routeCases(
  cases: readonly RoutingCase[],
  agents: readonly RoutingAgent[],
  rules: RoutingRules,
): RoutingResult {
  check(agents, cases);
  const slots: Slot[] = [...agents]
    .sort((a, b) => byText(a.memberId, b.memberId))
    .map((agent, index) => ({
      agent,
      index,
      open: agent.openMinutes,
      left: Math.max(0, agent.capacityMinutes),
      given: 0,
      skills: new Set(agent.skills ?? []),
    }));
  const byId = new Map(slots.map((s) => [s.agent.memberId, s]));
  const named = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => byId.get(id)).filter((s): s is Slot => s !== undefined);
  const vip = named(rules.vipMembers);
  const high = named(rules.highAmountMembers);
  let last = rules.lastAssigned ?? null;

  const pick = (candidates: Slot[]): Slot => {
    if (rules.strategy === "round_robin") {
      // The first in id order after the last one given a case; from the start when none.
      const after = last === null ? -1 : positionAfter(last);
      return candidates.find((s) => s.index > after) ?? candidates[0]!;
    }
    let best = candidates[0]!;
    for (const s of candidates)
      if (s.open < best.open || (s.open === best.open && s.left > best.left)) best = s;
    return best;
  };
  // Where a member id falls in the id order (a member gone since the last run still has a place).
  const positionAfter = (id: string): number => {
    const s = byId.get(id);
    if (s) return s.index;
    let i = -1;
    for (const x of slots) if (byText(x.agent.memberId, id) < 0) i = x.index;
    return i;
  };
  const fits = (s: Slot, minutes: number) => s.agent.working && s.left >= minutes;

  const assignments: Assignment[] = [];
  const unassigned: Unassigned[] = [];
  const give = (c: RoutingCase, s: Slot, rule: RoutingRule) => {
    s.open += c.estimatedMinutes;
    s.left -= c.estimatedMinutes;
    s.given += c.estimatedMinutes;
    last = s.agent.memberId;
    assignments.push({
      caseId: c.caseId,
      memberId: s.agent.memberId,
      rule,
      estimatedMinutes: c.estimatedMinutes,
    });
  };

  for (const c of urgentFirst(cases)) {
    const est = c.estimatedMinutes;
    const override =
      c.vip && vip.length > 0
        ? vip
        : rules.highAmountFen != null && c.amountFen >= rules.highAmountFen && high.length > 0
          ? high
          : null;
    if (override) {
      const ready = override.filter((s) => fits(s, est)).sort((a, b) => a.index - b.index);
      if (ready.length > 0) {
        give(c, pick(ready), "override");
        continue;
      }
      if (!rules.overrideFallback) {
        unassigned.push({ caseId: c.caseId, reason: "override_unavailable" });
        continue;
      }
    }
    const platformQueue = slots.filter((s) => {
      const p = s.agent.platforms;
      return !p || p.length === 0 || p.includes(c.platform);
    });
    const queue = platformQueue.filter((s) => (c.skills ?? []).every((k) => s.skills.has(k)));
    const working = queue.filter((s) => s.agent.working);
    const ready = working.filter((s) => s.left >= est);
    if (ready.length > 0) {
      give(c, pick(ready), rules.strategy);
      continue;
    }
    const reason: UnassignedReason =
      slots.length === 0
        ? "no_agents"
        : platformQueue.length === 0
          ? "no_queue"
          : queue.length === 0
            ? "no_skill"
            : working.length === 0
              ? "nobody_working"
              : "no_capacity";
    unassigned.push({ caseId: c.caseId, reason });
  }

  return {
    assignments,
    unassigned,
    agents: slots.map((s) => ({
      memberId: s.agent.memberId,
      assignedMinutes: s.given,
      capacityLeft: s.left,
      openMinutes: s.open,
    })),
    lastAssigned: last,
  };
}

/** Message codes of the rules and reasons (aftersales-core catalogs). */
export const ROUTING_RULE_CODES = {
  override: "aftersales.routing.rule.override",
  least_open_work: "aftersales.routing.rule.least_open_work",
  round_robin: "aftersales.routing.rule.round_robin",
} as const satisfies Record<RoutingRule, MessageCode>;

export const UNASSIGNED_REASON_CODES = {
  no_agents: "aftersales.routing.reason.no_agents",
  no_queue: "aftersales.routing.reason.no_queue",
  no_skill: "aftersales.routing.reason.no_skill",
  nobody_working: "aftersales.routing.reason.nobody_working",
  no_capacity: "aftersales.routing.reason.no_capacity",
  override_unavailable: "aftersales.routing.reason.override_unavailable",
} as const satisfies Record<UnassignedReason, MessageCode>;
