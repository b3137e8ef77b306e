// SLA clocks of after-sales cases (docs/CUSTOMERS.md, "SLA clocks"). Three clocks per case —
// first response, decision (agree or refuse), resolution — each with a target in WORKING minutes
// of the workspace (working-hours.ts: calendar with holidays and make-up days, shift hours, time
// zone), counted from the case's opening and paused while the case waits for the buyer. Rules:
//   - the policy is the most specific one that covers the case: type and platform > type only >
//     platform only > neither; among equals, the first in the list;
//   - a deadline the platform gives in its export wins over the policy's for that clock (it is an
//     instant: pauses and working hours do not move it);
//   - a clock stops at its own instant (first response, decision) or, when it has none, when the
//     case is resolved or closed; pauses count only until the clock stops;
//   - while a pause is open the clock has no deadline (it is "paused"); the working minutes left
//     are those it had when the pause began;
//   - a clock is breached when it has not stopped by its deadline, and a breach stays a breach;
//     it is at risk when the share of its budget used reaches the policy's `atRiskShare`
//     (default 0.8). A policy clock's budget is its target; a platform deadline's budget is the
//     working time from the step's start (the end of the last pause, else the opening) to it;
//   - a clock whose step was taken on the platform before Dayclear saw the case, at a time the
//     source does not give, is not measured (`unmeasured`): it has no deadline and counts in no
//     attainment — neither "met" nor "breached" can be known.
// Pure.
import { instantMs, normalizePauses, type MsInterval, type WorkingHours } from "./working-hours.js";
import type { MessageCode } from "../messages/index.js";

export const SLA_CLOCKS = ["firstResponse", "decision", "resolution"] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** Worst first: the order a case's overall state is chosen by. */
export const SLA_STATES = ["breached", "at_risk", "paused", "on_track", "met", "none"] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const DEFAULT_AT_RISK_SHARE = 0.8;
const MINUTE_MS = 60_000;

/** Targets in working minutes; a missing or null target means no clock from the policy. */
export type SlaTargets = Partial<Record<SlaClock, number | null>>;

export interface SlaPolicy {
  id: string;
  /** Our case types it covers (the cases module's codes); null or empty: every type. */
  caseTypes?: readonly string[] | null;
  /** Platforms it covers (taobao, jd, pdd, douyin, shopify, woocommerce …); null or empty: all. */
  platforms?: readonly string[] | null;
  targets: SlaTargets;
  /** Share of the budget used from which a running clock is at risk, (0, 1]; default 0.8. */
  atRiskShare?: number;
}

/** What the clocks need to know of a case. Instants are ISO UTC text. */
export interface SlaCase {
  caseType: string;
  platform: string;
  openedAt: string;
  firstResponseAt?: string | null;
  decidedAt?: string | null;
  /** Resolved (refunded, exchanged, reshipped, rejected) or closed: stops every clock. */
  resolvedAt?: string | null;
  /** Waiting for the buyer; `to` null while still waiting. */
  pauses?: readonly { from: string; to?: string | null }[];
  /** Deadlines from the platform's export, per clock: they win over the policy. */
  platformDue?: Partial<Record<SlaClock, string | null>>;
  /**
   * Clocks whose step was taken on the platform before Dayclear saw the case, at a time the source
   * does not give: not measured (no deadline, state `none`, counted neither met nor breached).
   */
  unmeasured?: readonly SlaClock[];
}

/** The clocks a stored list names ("firstResponse,decision"); unknown names are ignored. */
export function unmeasuredClocks(text: string | null | undefined): SlaClock[] {
  if (!text) return [];
  const named = new Set(text.split(","));
  return SLA_CLOCKS.filter((k) => named.has(k));
}

/** Where a deadline comes from; `unmeasured`: the step was taken on the platform before Dayclear saw the case. */
export type DueSource = "policy" | "platform" | "none" | "unmeasured";

export interface ClockDue {
  clock: SlaClock;
  /** The deadline (ISO), or null: no clock, or paused with an open pause. */
  due: string | null;
  source: DueSource;
  /** The policy's target in working minutes (null for a platform deadline or no clock). */
  targetMinutes: number | null;
  /** When the clock stopped (ISO), or null while running. */
  stoppedAt: string | null;
  /** An open pause holds the clock (it has no deadline until the buyer acts). */
  paused: boolean;
}

export interface ClockStatus extends ClockDue {
  state: SlaState;
  /**
   * Working minutes: left until the deadline while running (the minutes it had when paused); for
   * a stopped clock the margin it stopped with; negative = overdue by that many. Null: no clock.
   */
  minutesLeft: number | null;
  /** Share of the budget used (0…1, above 1 when overdue); null without a budget. */
  usedShare: number | null;
}

export interface CaseSla {
  policyId: string | null;
  clocks: ClockStatus[];
  /** The running clock due first (the one a case list shows), or null. */
  next: ClockStatus | null;
  /** The worst of the clocks' states (breached > at_risk > paused > on_track > met > none). */
  state: SlaState;
}

const covers = (list: readonly string[] | null | undefined, value: string) =>
  !list || list.length === 0 || list.includes(value);
const specificity = (p: SlaPolicy) =>
  (p.caseTypes && p.caseTypes.length > 0 ? 2 : 0) + (p.platforms && p.platforms.length > 0 ? 1 : 0);

/** The policy for a case: the most specific that covers it, the first among equals; null if none. */
export function pickPolicy(
  policies: readonly SlaPolicy[],
  caseType: string,
  platform: string,
): SlaPolicy | null {
  let best: SlaPolicy | null = null;
  for (const p of policies) {
    if (!covers(p.caseTypes, caseType) || !covers(p.platforms, platform)) continue;
    if (!best || specificity(p) > specificity(best)) best = p;
  }
  return best;
}

function checkPolicy(p: SlaPolicy | null): void {
  if (!p) return;
  for (const c of SLA_CLOCKS) {
    const t = p.targets[c];
    if (t != null && !(Number.isInteger(t) && t > 0))
      throw new RangeError(
        `SLA target ${c} of policy ${p.id} must be a positive whole number of minutes, got ${t}`,
      );
  }
  const share = p.atRiskShare;
  if (share !== undefined && !(share > 0 && share <= 1))
    throw new RangeError(`atRiskShare of policy ${p.id} must be in (0, 1], got ${share}`);
}

const opt = (iso: string | null | undefined) => (iso ? instantMs(iso) : null);

interface Prepared {
  opened: number;
  resolved: number | null;
  stops: Record<SlaClock, number | null>;
  pauses: MsInterval[];
}

function prepare(c: SlaCase): Prepared {
  const opened = instantMs(c.openedAt);
  const resolved = opt(c.resolvedAt);
  const own = {
    firstResponse: opt(c.firstResponseAt),
    decision: opt(c.decidedAt),
    resolution: resolved,
  };
  const stops = {} as Record<SlaClock, number | null>;
  for (const k of SLA_CLOCKS) {
    const s = own[k] ?? resolved;
    stops[k] = s === null ? null : Math.max(s, opened);
  }
  const pauses = normalizePauses(
    (c.pauses ?? []).map((p) => ({
      from: Math.max(instantMs(p.from), opened),
      to: p.to ? instantMs(p.to) : Infinity,
    })),
  );
  return { opened, resolved, stops, pauses };
}

/** The pauses as a clock sees them: cut at `until` (its stop, or now). */
const clip = (pauses: readonly MsInterval[], until: number): MsInterval[] =>
  pauses.filter((p) => p.from < until).map((p) => ({ from: p.from, to: Math.min(p.to, until) }));

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function dueOf(
  wh: WorkingHours,
  policy: SlaPolicy | null,
  c: SlaCase,
  p: Prepared,
  clock: SlaClock,
) {
  const stop = p.stops[clock];
  const pauses = stop === null ? p.pauses : clip(p.pauses, stop);
  if (c.unmeasured?.includes(clock))
    return { due: null, source: "unmeasured" as const, target: null, pauses, stop };
  const platform = c.platformDue?.[clock];
  if (platform)
    return { due: instantMs(platform), source: "platform" as const, target: null, pauses, stop };
  const target = policy?.targets[clock] ?? null;
  if (target === null) return { due: null, source: "none" as const, target: null, pauses, stop };
  const due = wh.addWorking(p.opened, target * MINUTE_MS, pauses);
  return { due, source: "policy" as const, target, pauses, stop };
}

/** The deadline of each clock of a case under a policy (null policy: platform deadlines only). */
export function slaDue(wh: WorkingHours, policy: SlaPolicy | null, c: SlaCase): ClockDue[] {
  checkPolicy(policy);
  const p = prepare(c);
  return SLA_CLOCKS.map((clock) => {
    const d = dueOf(wh, policy, c, p, clock);
    return {
      clock,
      due: iso(d.due),
      source: d.source,
      targetMinutes: d.target,
      stoppedAt: iso(d.stop),
      paused: d.source === "policy" && d.due === null,
    };
  });
}

/** Whole working minutes of a span, rounded toward zero (never shows a minute not yet earned). */
const minutes = (ms: number) => Math.trunc(ms / MINUTE_MS);

/** Each clock's state at `now` (ISO), the clock due next and the case's worst state. */
export function slaStatus(
  wh: WorkingHours,
  policy: SlaPolicy | null,
  c: SlaCase,
  now: string,
): CaseSla {
  checkPolicy(policy);
  const p = prepare(c);
  const nowMs = instantMs(now);
  const share = policy?.atRiskShare ?? DEFAULT_AT_RISK_SHARE;
  const clocks = SLA_CLOCKS.map((clock): ClockStatus => {
    const d = dueOf(wh, policy, c, p, clock);
    const base = {
      clock,
      due: iso(d.due),
      source: d.source,
      targetMinutes: d.target,
      stoppedAt: d.stop !== null && d.stop <= nowMs ? iso(d.stop) : null,
      paused: d.source === "policy" && d.due === null,
    };
    if (d.source === "none" || d.source === "unmeasured")
      return { ...base, state: "none", minutesLeft: null, usedShare: null };
    const stop = d.stop !== null && d.stop <= nowMs ? d.stop : null;
    const at = stop ?? nowMs;
    const pauses = clip(d.pauses, at);
    const span = (a: number, b: number) =>
      b >= a ? wh.workingBetween(a, b, pauses) : -wh.workingBetween(b, a, pauses);
    if (d.due === null) {
      // Held by an open pause: what was used before it, what is left when the buyer acts.
      const used = wh.workingBetween(p.opened, at, pauses);
      const budget = d.target! * MINUTE_MS;
      return {
        ...base,
        state: "paused",
        minutesLeft: minutes(budget - used),
        usedShare: used / budget,
      };
    }
    // The budget and what is used of it: the target, or the platform step's working time.
    const stepStart =
      d.source === "platform"
        ? Math.max(p.opened, ...pauses.filter((x) => x.to <= at).map((x) => x.to))
        : p.opened;
    const budget =
      d.source === "policy" ? d.target! * MINUTE_MS : wh.workingBetween(stepStart, d.due, pauses);
    const used = wh.workingBetween(stepStart, at, pauses);
    const usedShare = budget > 0 ? used / budget : at >= d.due ? 1 : 0;
    const left = minutes(span(at, d.due));
    if (stop !== null)
      return { ...base, state: stop <= d.due ? "met" : "breached", minutesLeft: left, usedShare };
    const inPause = d.pauses.some((x) => x.from <= nowMs && nowMs < x.to);
    let state: SlaState;
    if (nowMs > d.due) state = "breached";
    else if (budget === 0 || usedShare >= share) state = "at_risk";
    else if (inPause) state = "paused";
    else state = "on_track";
    return { ...base, state, minutesLeft: left, usedShare };
  });
  let next: ClockStatus | null = null;
  for (const k of clocks)
    if (k.stoppedAt === null && k.due !== null && (!next || k.due < next.due!)) next = k;
  let state: SlaState = "none";
  for (const k of clocks)
    if (SLA_STATES.indexOf(k.state) < SLA_STATES.indexOf(state)) state = k.state;
  return { policyId: policy?.id ?? null, clocks, next, state };
}

export interface Attainment {
  /** Clocks that stopped by their deadline. */
  met: number;
  /** Clocks that stopped late or are running past their deadline. */
  breached: number;
  /** met ÷ (met + breached); null when nothing is decided yet. */
  rate: number | null;
}

/**
 * SLA attainment over cases (their `slaStatus`): per clock and over all clocks, met ÷ (met +
 * breached). A running clock counts once it is breached (a breach stays a breach); a running
 * clock still in time, a paused one and a case without a clock count in neither.
 */
export function slaAttainment(cases: readonly CaseSla[]): Record<SlaClock | "all", Attainment> {
  const acc = {} as Record<SlaClock | "all", Attainment>;
  for (const k of [...SLA_CLOCKS, "all"] as const) acc[k] = { met: 0, breached: 0, rate: null };
  for (const c of cases)
    for (const k of c.clocks) {
      if (k.state === "met") {
        acc[k.clock].met++;
        acc.all.met++;
      } else if (k.state === "breached") {
        acc[k.clock].breached++;
        acc.all.breached++;
      }
    }
  for (const a of Object.values(acc))
    a.rate = a.met + a.breached > 0 ? a.met / (a.met + a.breached) : null;
  return acc;
}

/** Message codes of the clocks and states (aftersales-core catalogs). */
export const SLA_CLOCK_CODES = {
  firstResponse: "aftersales.sla.clock.first_response",
  decision: "aftersales.sla.clock.decision",
  resolution: "aftersales.sla.clock.resolution",
} as const satisfies Record<SlaClock, MessageCode>;

export const SLA_STATE_CODES = {
  breached: "aftersales.sla.state.breached",
  at_risk: "aftersales.sla.state.at_risk",
  paused: "aftersales.sla.state.paused",
  on_track: "aftersales.sla.state.on_track",
  met: "aftersales.sla.state.met",
  none: "aftersales.sla.state.none",
} as const satisfies Record<SlaState, MessageCode>;
