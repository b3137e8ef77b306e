// The workspace's routing rules as the services use them (stored as JSON text in
// aftersales_routing; none stored: least open work, no overrides, the default minutes).
import { DEFAULT_CASE_MINUTES } from "../../core/aftersales/case-load.js";
import type { CaseType } from "../../core/aftersales/cases.js";
import type { RoutingStrategy } from "../../core/aftersales/routing.js";
import type { RoutingRow } from "./routing.repository.js";

export interface Rules {
  strategy: RoutingStrategy;
  vipMembers: string[];
  vipCustomers: string[];
  highAmountFen: number | null;
  highAmountMembers: string[];
  overrideFallback: boolean;
  /** memberId → the platforms they serve (a member not listed serves every platform). */
  queues: Record<string, string[]>;
  skillsByType: Partial<Record<CaseType, string[]>>;
  minutesByType: Partial<Record<CaseType, number>>;
  lastAssigned: string | null;
  version: number;
}

function json<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function rulesOf(row: RoutingRow | undefined): Rules {
  return {
    strategy: (row?.strategy as RoutingStrategy | undefined) ?? "least_open_work",
    vipMembers: json(row?.vipMembers, []),
    vipCustomers: json(row?.vipCustomers, []),
    highAmountFen: row?.highAmountFen ?? null,
    highAmountMembers: json(row?.highAmountMembers, []),
    overrideFallback: (row?.overrideFallback ?? 0) === 1,
    queues: json(row?.queues, {}),
    skillsByType: json(row?.skillsByType, {}),
    minutesByType: json(row?.minutesByType, {}),
    lastAssigned: row?.lastAssigned ?? null,
    // A row only round robin wrote (version 0) is no edit anyone made.
    version: row?.version ?? 0,
  };
}

/** The rules as the API gives them, with the default minutes beside the workspace's own. */
export const presentRules = (r: Rules) => ({
  strategy: r.strategy,
  vipMembers: r.vipMembers,
  vipCustomers: r.vipCustomers,
  highAmountFen: r.highAmountFen,
  highAmountMembers: r.highAmountMembers,
  overrideFallback: r.overrideFallback,
  queues: r.queues,
  skillsByType: r.skillsByType,
  minutesByType: r.minutesByType,
  defaultMinutes: { ...DEFAULT_CASE_MINUTES },
  version: r.version,
});
