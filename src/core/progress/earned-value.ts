// Earned value for a plan (or a person's or a department's share of it), from its frozen baseline,
// with PMBOK's signs (docs/ENGINE.md "Progress control"; /shared/docs/scheduling.md):
//   BAC  = Σ baseline effort (hours)
//   PV   = baseline hours planned up to the status day, each task's effort spread evenly over its
//          baseline working days (holidays are not working days, so they carry none)
//   EV   = Σ baseline effort × % complete (100 % when done)
//   AC   = hours logged up to the status day
//   SV = EV − PV, CV = EV − AC, SPI = EV ÷ PV, CPI = EV ÷ AC, CSI = SPI × CPI
//   EAC  = BAC ÷ CPI;  EAC(SPI×CPI) = AC + (BAC − EV) ÷ (CPI × SPI);  ETC = EAC − AC;  VAC = BAC − EAC
//   TCPI = (BAC − EV) ÷ (BAC − AC)
//   ES   = the working days from the baseline's first day through the last day whose cumulative PV
//          ≤ EV;  AT = the working days elapsed (through the status day);  SPI(t) = ES ÷ AT;
//          forecast duration = planned duration ÷ SPI(t), counted on from the first day.
// A ratio with a zero (or undefined) denominator is undefined: null, shown as "—", never NaN or ∞.
// Tasks without a baseline (added after it) are counted apart until the next baseline. Pure.

export interface BaselineTask {
  id: string;
  /** Baseline effort, hours. */
  effortHours: number;
  /** The working days the baseline planned the task on (ISO dates; the effort is spread evenly). */
  days: readonly string[];
}

export interface TaskProgress {
  id: string;
  /** 0–100. */
  percentComplete: number;
  done: boolean;
  /** Hours logged on it, by day (ISO date → hours). */
  logged: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Its current effort (for tasks added after the baseline). */
  effortHours?: number;
}

export interface EvmInput {
  baseline: readonly BaselineTask[];
  progress: readonly TaskProgress[];
  /** The status day (ISO): PV, AC and AT count through it. */
  statusDate: string;
  /**
   * The workspace's working days in order, covering at least the baseline's first day through the
   * later of its last day and the status day, and far enough on for a forecast (else the forecast
   * finish is null).
   */
  workingDays: readonly string[];
}

export interface Evm {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  sv: number;
  cv: number;
  spi: number | null;
  cpi: number | null;
  csi: number | null;
  eac: number | null;
  /** AC + (BAC − EV) ÷ (CPI × SPI): the estimate when schedule pressure also holds. */
  eacCombined: number | null;
  etc: number | null;
  vac: number | null;
  tcpi: number | null;
  /** Earned schedule, working days. */
  es: number;
  /** Actual time, working days elapsed through the status day. */
  at: number;
  spiT: number | null;
  /** Planned duration in working days (baseline first through last day). */
  plannedDays: number;
  forecastDays: number | null;
  /** The forecast finish from earned schedule (ISO), null when undefined or beyond the calendar. */
  forecastFinish: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  /** Tasks added after the baseline: counted apart until re-baselined. */
  outsideBaseline: { tasks: number; effortHours: number; ev: number; ac: number };
}

/** a ÷ b, or null when b is zero or either is undefined. */
export const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 || !Number.isFinite(a / b) ? null : a / b;

const loggedThrough = (logged: TaskProgress["logged"], through: string): number => {
  const entries = logged instanceof Map ? [...logged.entries()] : Object.entries(logged);
  return entries.reduce((s, [d, h]) => (d <= through ? s + h : s), 0);
};

const pct = (p: TaskProgress | undefined) =>
  p === undefined ? 0 : p.done ? 1 : Math.min(100, Math.max(0, p.percentComplete)) / 100;

/** Cumulative PV at the end of each working day of `days` (same order). */
export function cumulativePv(baseline: readonly BaselineTask[], days: readonly string[]): number[] {
  const perDay = new Map<string, number>();
  for (const t of baseline) {
    if (t.days.length === 0) continue;
    const share = t.effortHours / t.days.length;
    for (const d of t.days) perDay.set(d, (perDay.get(d) ?? 0) + share);
  }
  let sum = 0;
  return days.map((d) => (sum += perDay.get(d) ?? 0));
}

export function earnedValue(input: EvmInput): Evm {
  const { baseline, progress, statusDate, workingDays } = input;
  const byId = new Map(progress.map((p) => [p.id, p]));
  const inBaseline = new Set(baseline.map((t) => t.id));
  const allDays = baseline.flatMap((t) => t.days).sort();
  const baselineStart = allDays[0] ?? null;
  const baselineFinish = allDays[allDays.length - 1] ?? null;

  const bac = baseline.reduce((s, t) => s + t.effortHours, 0);
  const ev = baseline.reduce((s, t) => s + t.effortHours * pct(byId.get(t.id)), 0);
  const ac = baseline.reduce((s, t) => {
    const p = byId.get(t.id);
    return p ? s + loggedThrough(p.logged, statusDate) : s;
  }, 0);

  // The calendar from the baseline's first day on; PV through the status day.
  const days = baselineStart === null ? [] : workingDays.filter((d) => d >= baselineStart);
  const cum = cumulativePv(baseline, days);
  const statusIndex = lastIndexAtOrBefore(days, statusDate);
  const pv = statusIndex < 0 ? 0 : cum[statusIndex]!;
  const at = statusIndex + 1;

  // ES: the count of days through the last one whose cumulative PV ≤ EV (a small tolerance keeps
  // float sums of the same hours equal).
  let es = 0;
  for (let i = 0; i < cum.length; i++) {
    if (cum[i]! <= ev + 1e-9) es = i + 1;
    else break;
  }
  if (ev < 1e-9) es = 0;
  const plannedDays = baselineFinish === null ? 0 : lastIndexAtOrBefore(days, baselineFinish) + 1;

  const spi = ratio(ev, pv);
  const cpi = ratio(ev, ac);
  const csi = spi === null || cpi === null ? null : spi * cpi;
  const eac = ratio(bac, cpi);
  const eacCombined = (() => {
    const r = ratio(bac - ev, csi);
    return r === null ? null : ac + r;
  })();
  const spiT = ratio(es, at);
  const forecastDays = ratio(plannedDays, spiT);
  const forecastFinish =
    forecastDays === null ? null : (days[Math.ceil(forecastDays - 1e-9) - 1] ?? null);

  const outside = progress.filter((p) => !inBaseline.has(p.id));
  return {
    bac,
    pv,
    ev,
    ac,
    sv: ev - pv,
    cv: ev - ac,
    spi,
    cpi,
    csi,
    eac,
    eacCombined,
    etc: eac === null ? null : eac - ac,
    vac: eac === null ? null : bac - eac,
    tcpi: ratio(bac - ev, bac - ac),
    es,
    at,
    spiT,
    plannedDays,
    forecastDays,
    forecastFinish,
    baselineStart,
    baselineFinish,
    outsideBaseline: {
      tasks: outside.length,
      effortHours: outside.reduce((s, p) => s + (p.effortHours ?? 0), 0),
      ev: outside.reduce((s, p) => s + (p.effortHours ?? 0) * pct(p), 0),
      ac: outside.reduce((s, p) => s + loggedThrough(p.logged, statusDate), 0),
    },
  };
}

/** The index of the last day ≤ `date` in sorted `days`, or −1. */
function lastIndexAtOrBefore(days: readonly string[], date: string): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A traffic light for SPI / CPI: green ≥ 1.0, amber ≥ 0.9, red below; none when undefined. */
export const trafficLight = (r: number | null): "green" | "amber" | "red" | null =>
  r === null ? null : r >= 1 ? "green" : r >= 0.9 ? "amber" : "red";
