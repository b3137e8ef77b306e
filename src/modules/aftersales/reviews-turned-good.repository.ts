// Bad reviews turned good (差评转好评), the after-sales KPI the 客服 pay template pays +5.00 for
// (docs/AFTERSALES.md, "KPIs"). The 好评回访 follow-ups with their outcome "turned good" are being
// built; until they land this reads what exists: a bad review is a complaint case, and it counts as
// turned good when that complaint was resolved (state resolved, any outcome but rejected) in the
// period, for the case's agent (assignee). When follow-ups record their outcome, this file is the
// one place to change: the metric reader, goals, pay and the dashboard all read through it.
import { addDays } from "../../core/calendar/date.js";
import { localMidnight } from "../../core/logistics/local-days.js";
import type { Executor } from "../../db/database.js";

export interface TurnedGoodRow {
  /** The agent credited (the case's assignee); null: nobody had the case. */
  memberId: string | null;
  shopId: string;
  count: number;
}

/**
 * Reviews turned good on the workspace's local days from…to (inclusive) per agent and shop
 * (optionally some shops).
 */
export async function reviewsTurnedGoodBy(
  db: Executor,
  workspaceId: string,
  from: string,
  to: string,
  shopIds: readonly string[] = [],
): Promise<TurnedGoodRow[]> {
  const w = await db
    .selectFrom("workspaces")
    .select("timeZone")
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  const tz = w?.timeZone ?? "UTC";
  const fromIso = new Date(localMidnight(from, tz)).toISOString();
  const toIso = new Date(localMidnight(addDays(to, 1), tz)).toISOString();
  let q = db
    .selectFrom("aftersalesCases")
    .select(["assigneeMemberId", "shopId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workspaceId", "=", workspaceId)
    .where("type", "=", "complaint")
    .where("state", "=", "resolved")
    .where("resolution", "<>", "rejected")
    .where("resolvedAt", ">=", fromIso)
    .where("resolvedAt", "<", toIso);
  if (shopIds.length) q = q.where("shopId", "in", [...shopIds]);
  const rows = await q.groupBy(["assigneeMemberId", "shopId"]).execute();
  return rows.map((r) => ({ memberId: r.assigneeMemberId, shopId: r.shopId, count: Number(r.n) }));
}

/**
 * Reviews turned good on the workspace's local days from…to (inclusive) credited to a member, or to
 * anyone (null).
 */
export async function countReviewsTurnedGood(
  db: Executor,
  workspaceId: string,
  memberId: string | null,
  from: string,
  to: string,
): Promise<number> {
  const rows = await reviewsTurnedGoodBy(db, workspaceId, from, to);
  return rows
    .filter((r) => memberId === null || r.memberId === memberId)
    .reduce((s, r) => s + r.count, 0);
}
