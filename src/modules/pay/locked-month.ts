// A locked pay month is closed (docs/PAY.md "A locked month is closed"): every date on or before
// the last day of the latest locked pay run. A write that would change a number such a run read —
// an order paid then, a refund of one, a visitor count, a CS performance day — is refused with
// 409 `pay.month_locked` naming the month and the run. Rules that apply across time (attribution
// rules, a shop's ship window) change only the open months. One helper for every writer; it reads
// through the caller's executor (inside a transaction, the transaction — never the root handle).
import { fail, type DomainError } from "../../core/errors.js";
import type { Executor } from "../../db/database.js";
import { PayRepository } from "./pay.repository.js";

/** The latest locked run: every date on or before `through` is closed. */
export interface PayLock {
  runId: string;
  period: string;
  through: string;
}

export async function payLock(db: Executor, workspaceId: string): Promise<PayLock | null> {
  const r = await new PayRepository(db).latestLock(workspaceId);
  return r ? { runId: r.id, period: r.period, through: r.toDate } : null;
}

/** Is the date (YYYY-MM-DD) in a closed month? Undated rows (unpaid orders) are never closed. */
export const isClosed = (lock: PayLock | null, date: string | null | undefined): date is string =>
  lock !== null && typeof date === "string" && date !== "" && date <= lock.through;

/** The closed months among some dates, sorted. */
export function lockedMonthsOf(
  lock: PayLock | null,
  dates: Iterable<string | null | undefined>,
): string[] {
  const months = new Set<string>();
  for (const d of dates) if (isClosed(lock, d)) months.add(d.slice(0, 7));
  return [...months].sort();
}

/** The closed months among `dates`, read through the caller's executor. */
export async function lockedMonths(
  db: Executor,
  workspaceId: string,
  dates: Iterable<string | null | undefined>,
): Promise<string[]> {
  return lockedMonthsOf(await payLock(db, workspaceId), dates);
}

/** 409 `pay.month_locked` {month, runId, period}: the write would change a locked month. */
export const monthLocked = (lock: PayLock, month: string): DomainError =>
  fail(
    "conflict",
    "pay.month_locked",
    { month, runId: lock.runId, period: lock.period },
    `${month} is closed: pay run ${lock.period} (${lock.runId}) is locked, and its statements rest on that month's figures; corrections go into a later run as adjustments`,
    { extra: { month, runId: lock.runId, period: lock.period } },
  );

/** 409 `import.month_locked` {month, runId, period, file, row}: an import holding a row of a locked month is refused whole. */
export const importMonthLocked = (
  lock: PayLock,
  month: string,
  at: { file: string; row: number },
): DomainError =>
  fail(
    "conflict",
    "import.month_locked",
    { month, runId: lock.runId, period: lock.period, file: at.file, row: at.row },
    `The import was refused; nothing was stored. ${at.file ? `${at.file} ` : ""}row ${at.row} changes ${month}, which is closed: pay run ${lock.period} (${lock.runId}) is locked`,
    { extra: { month, runId: lock.runId, period: lock.period, file: at.file, row: at.row } },
  );

/** Refuses (409) when any of the dates is in a closed month. */
export async function refuseLockedMonths(
  db: Executor,
  workspaceId: string,
  dates: Iterable<string | null | undefined>,
): Promise<void> {
  const lock = await payLock(db, workspaceId);
  const months = lockedMonthsOf(lock, dates);
  if (lock && months.length) throw monthLocked(lock, months[0]!);
}
