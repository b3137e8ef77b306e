// The SLA clocks of cases as the module runs them (docs/AFTERSALES.md, "SLA"): the workspace's
// policies and shift hours (defaults when it saved none) on the workspace calendar the plan engine
// and Today read (workspaceCalendar: work week, holidays, make-up days), each case's clocks through
// the pure core (core/aftersales/sla.ts), its `dueAt` kept to the running clock due first, and
// the alerts: a running clock at risk or breached tells the case's agent and the leads of the
// customer-service departments once per case, clock and state (aftersales_sla_alerts), as a
// notification and a live event published after the caller's transaction commits.
import { platformDeadlineClock, type CaseState } from "../../core/aftersales/cases.js";
import {
  DEFAULT_AT_RISK_SHARE,
  pickPolicy,
  SLA_CLOCK_CODES,
  slaStatus,
  unmeasuredClocks,
  type CaseSla,
  type SlaCase,
  type SlaClock,
  type SlaPolicy,
} from "../../core/aftersales/sla.js";
import { WorkingHours, type ShiftSpec } from "../../core/aftersales/working-hours.js";
import { localMinute } from "../../core/logistics/scan.js";
import { msg } from "../../core/messages/index.js";
import { effectiveFunction } from "../../core/org/rights.js";
import type { Executor } from "../../db/database.js";
import { notify } from "../daily/notifications.js";
import { workspaceCalendar } from "../daily/today.service.js";
import type { LiveEvent, ServiceDeps } from "../shared/context.js";
import { SlaRepository, type SlaCaseRow } from "./sla.repository.js";

/** A policy as the API shows it: targets in working minutes, the at-risk share of the budget. */
export interface SlaPolicyView {
  id: string;
  name: string;
  /** Our case types it covers; empty: every type. */
  caseTypes: string[];
  /** Platforms it covers; empty: every platform. */
  platforms: string[];
  targets: Record<SlaClock, number | null>;
  atRiskShare: number;
}

export interface SlaSetup {
  /** 0 while the workspace runs on the defaults (nothing saved yet). */
  version: number;
  isDefault: boolean;
  shift: { start: string; end: string; breaks: { start: string; end: string }[] };
  policies: SlaPolicyView[];
  updatedAt: string | null;
}

/** 09:00–18:00 with lunch 12:00–13:00 (480 working minutes a day) on the workspace's wall clock. */
export const DEFAULT_SHIFT = {
  start: "09:00",
  end: "18:00",
  breaks: [{ start: "12:00", end: "13:00" }],
};

/**
 * The defaults of a workspace that saved no policies: every case answered within 4 working hours,
 * decided within a working day, resolved within 5 working days; complaints answered within 2
 * working hours and resolved within 3 working days. At risk from 80% of the budget.
 */
export const DEFAULT_POLICIES: readonly SlaPolicyView[] = [
  {
    id: "default",
    name: "default",
    caseTypes: [],
    platforms: [],
    targets: { firstResponse: 240, decision: 480, resolution: 2400 },
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
  {
    id: "default-complaint",
    name: "default-complaint",
    caseTypes: ["complaint"],
    platforms: [],
    targets: { firstResponse: 120, decision: 480, resolution: 1440 },
    atRiskShare: DEFAULT_AT_RISK_SHARE,
  },
];

export async function loadSetup(db: Executor, workspaceId: string): Promise<SlaSetup> {
  const repo = new SlaRepository(db);
  const settings = await repo.settings(workspaceId);
  if (!settings)
    return {
      version: 0,
      isDefault: true,
      shift: DEFAULT_SHIFT,
      policies: DEFAULT_POLICIES.map((p) => ({ ...p, targets: { ...p.targets } })),
      updatedAt: null,
    };
  const rows = await repo.policies(workspaceId);
  return {
    version: settings.version,
    isDefault: false,
    shift: {
      start: settings.shiftStart,
      end: settings.shiftEnd,
      breaks: JSON.parse(settings.breaks) as { start: string; end: string }[],
    },
    policies: rows.map((r) => ({
      id: r.id,
      name: r.name,
      caseTypes: JSON.parse(r.caseTypes) as string[],
      platforms: JSON.parse(r.platforms) as string[],
      targets: {
        firstResponse: r.firstResponseMinutes,
        decision: r.decisionMinutes,
        resolution: r.resolutionMinutes,
      },
      atRiskShare: r.atRiskPermille / 1000,
    })),
    updatedAt: settings.updatedAt,
  };
}

/** A case's clocks as the API shows them. */
export interface CaseSlaView {
  state: CaseSla["state"];
  policyId: string | null;
  policyName: string | null;
  /** The running clock due first, and its deadline (the case's `dueAt`). */
  nextClock: SlaClock | null;
  nextDueAt: string | null;
  clocks: {
    clock: SlaClock;
    dueAt: string | null;
    source: "policy" | "platform" | "none" | "unmeasured";
    targetMinutes: number | null;
    state: CaseSla["state"];
    minutesLeft: number | null;
    stoppedAt: string | null;
  }[];
}

/** The clocks of one workspace: its setup on its working hours. */
export class SlaClocks {
  private readonly core: SlaPolicy[];
  constructor(
    readonly setup: SlaSetup,
    readonly hours: WorkingHours,
  ) {
    this.core = setup.policies.map((p) => ({
      id: p.id,
      caseTypes: p.caseTypes,
      platforms: p.platforms,
      targets: p.targets,
      atRiskShare: p.atRiskShare,
    }));
  }

  static async load(db: Executor, workspaceId: string): Promise<SlaClocks> {
    const [setup, calendar, timeZone] = await Promise.all([
      loadSetup(db, workspaceId),
      workspaceCalendar(db, workspaceId),
      new SlaRepository(db).timeZone(workspaceId),
    ]);
    const shift: ShiftSpec = setup.shift;
    return new SlaClocks(setup, new WorkingHours({ calendar, timeZone, shift }));
  }

  status(c: SlaCaseRow, pauses: readonly { from: string; to: string | null }[], now: string) {
    const policy = pickPolicy(this.core, c.type, c.platform);
    const clock = platformDeadlineClock(c.state as CaseState);
    const input: SlaCase = {
      caseType: c.type,
      platform: c.platform,
      openedAt: c.openedAt,
      firstResponseAt: c.firstResponseAt,
      decidedAt: c.decidedAt,
      resolvedAt: c.resolvedAt,
      pauses,
      platformDue: clock && c.platformDeadlineAt ? { [clock]: c.platformDeadlineAt } : {},
      unmeasured: unmeasuredClocks(c.slaUnmeasured),
    };
    return slaStatus(this.hours, policy, input, now);
  }

  view(s: CaseSla): CaseSlaView {
    return {
      state: s.state,
      policyId: s.policyId,
      policyName: this.setup.policies.find((p) => p.id === s.policyId)?.name ?? null,
      nextClock: s.next?.clock ?? null,
      nextDueAt: s.next?.due ?? null,
      clocks: s.clocks.map((k) => ({
        clock: k.clock,
        dueAt: k.due,
        source: k.source,
        targetMinutes: k.targetMinutes,
        state: k.state,
        minutesLeft: k.minutesLeft,
        stoppedAt: k.stoppedAt,
      })),
    };
  }
}

/**
 * The SLA views of cases (the queue and one case), by case id. `loaded`: the workspace's clocks
 * when the caller read them already (the queue reads them beside its cases); else they are read
 * beside the cases' pauses (on PostgreSQL, at the same time).
 */
export async function slaViews(
  db: Executor,
  workspaceId: string,
  cases: readonly SlaCaseRow[],
  now: string,
  loaded?: SlaClocks,
): Promise<Map<string, CaseSlaView>> {
  const out = new Map<string, CaseSlaView>();
  if (cases.length === 0) return out;
  const [clocks, pauses] = await Promise.all([
    loaded ?? SlaClocks.load(db, workspaceId),
    new SlaRepository(db).pauses(
      workspaceId,
      cases.map((c) => c.id),
    ),
  ]);
  for (const c of cases) out.set(c.id, clocks.view(clocks.status(c, pauses.get(c.id) ?? [], now)));
  return out;
}

/** What a refresh did, and the live events to publish once the transaction has committed. */
export interface SlaOutcome {
  workspaceId: string;
  /** Cases whose `dueAt` changed. */
  changed: number;
  /** Notifications written. */
  alerts: number;
  events: LiveEvent[];
}

/**
 * Recomputes the clocks of cases (the ids, or every open case) through `db` — the caller's
 * transaction when there is one: writes each changed `dueAt` and sends the alerts not sent yet.
 */
export async function refreshSla(
  db: Executor,
  workspaceId: string,
  ids: readonly string[] | "open",
  now: string,
): Promise<SlaOutcome> {
  const out: SlaOutcome = { workspaceId, changed: 0, alerts: 0, events: [] };
  const repo = new SlaRepository(db);
  const cases =
    ids === "open" ? await repo.openCases(workspaceId) : await repo.cases(workspaceId, ids);
  if (cases.length === 0) return out;
  const clocks = await SlaClocks.load(db, workspaceId);
  const pauses = await repo.pauses(
    workspaceId,
    cases.map((c) => c.id),
  );
  let leads: string[] | undefined;
  let active: Set<string> | undefined;
  for (const c of cases) {
    const s = clocks.status(c, pauses.get(c.id) ?? [], now);
    const due = s.next?.due ?? null;
    if (due !== c.dueAt) {
      await repo.setDue(workspaceId, c.id, due);
      out.changed++;
    }
    for (const k of s.clocks) {
      if (k.stoppedAt !== null || (k.state !== "at_risk" && k.state !== "breached")) continue;
      if (!(await repo.claimAlert(workspaceId, c.id, k.clock, k.state, now))) continue;
      if (!leads || !active) {
        const org = await repo.org(workspaceId);
        active = org.active;
        leads = org.departments
          .filter(
            (d) =>
              d.leadMemberId && effectiveFunction(org.departments, d.id) === "customer_service",
          )
          .map((d) => d.leadMemberId!);
      }
      const recipients = [c.assigneeMemberId, ...leads].filter(
        (m): m is string => !!m && active!.has(m),
      );
      const written = await notify(
        db,
        workspaceId,
        recipients,
        {
          kind: `aftersales.sla.${k.state}`,
          // The case as its pages name it; the deadline on the workspace's wall clock.
          title: msg(`aftersales.sla.alert.${k.state}`, {
            case: c.platformCaseId ?? c.platformOrderId ?? c.caseKey,
            clock: msg(SLA_CLOCK_CODES[k.clock]),
            due: k.due ? localMinute(k.due, clocks.hours.timeZone) : "",
          }),
          body: msg(
            (k.minutesLeft ?? 0) >= 0
              ? "aftersales.sla.minutes_left"
              : "aftersales.sla.minutes_over",
            { minutes: Math.abs(k.minutesLeft ?? 0) },
          ),
          link: `/aftersales/cases/${c.id}`,
        },
        now,
      );
      out.alerts += written.length;
      for (const w of written)
        out.events.push({ type: "notification", memberId: w.memberId, id: w.id });
      out.events.push({
        type: "aftersales.sla.alert",
        caseId: c.id,
        clock: k.clock,
        state: k.state,
      });
    }
  }
  if (out.changed > 0 && !out.events.some((e) => e.type === "aftersales.cases.changed"))
    out.events.push({ type: "aftersales.cases.changed" });
  return out;
}

/** Publishes a refresh's live events (after its transaction has committed). */
export function publishSla(
  deps: Pick<ServiceDeps, "events">,
  outcome: SlaOutcome | undefined,
): void {
  if (!outcome) return;
  for (const e of outcome.events) deps.events?.publish(outcome.workspaceId, e);
}
