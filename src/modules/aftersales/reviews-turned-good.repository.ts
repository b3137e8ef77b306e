// Bad reviews turned good (差评转好评), the after-sales KPI the 客服 pay template pays +5.00 for
// (docs/AFTERSALES.md, "KPIs"): the 好评回访 follow-ups whose outcome the agent recorded as turned
// good (a bad review changed after contact, or a good review after the complaint a bad review
// opened), on the local day it was recorded, credited to the agent who recorded it, in the
// follow-up's shop. The metric reader, goals, pay and the dashboard all read through this file.
import type { Executor } from "../../db/database.js";

export interface TurnedGoodRow {
  /** The agent credited (who recorded the outcome). */
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
  let q = db
    .selectFrom("aftersalesFollowups")
    .select(["doneBy", "shopId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workspaceId", "=", workspaceId)
    .where("turnedGood", "=", 1)
    .where("doneDate", ">=", from)
    .where("doneDate", "<=", to);
  if (shopIds.length) q = q.where("shopId", "in", [...shopIds]);
  const rows = await q.groupBy(["doneBy", "shopId"]).execute();
  return rows.map((r) => ({ memberId: r.doneBy, shopId: r.shopId, count: Number(r.n) }));
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
