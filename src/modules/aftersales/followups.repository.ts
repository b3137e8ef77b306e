// 好评回访 follow-ups in the database (docs/AFTERSALES.md, "Follow-ups"): the orders delivered and the
// cases resolved a rule may take, the follow-up items (one per rule and order or case), what each
// agent has open, the outcome written with a version check, and the count the 客服 metrics and pay
// read: bad reviews turned good per agent per month (`turnedGoodByAgentMonth`). Every method takes
// the workspace id.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { AftersalesFollowupsTable } from "../../db/schema.js";

export type FollowupRow = AftersalesFollowupsTable;

export interface TurnedGoodCount {
  memberId: string;
  /** YYYY-MM, the local month the outcome was recorded in. */
  month: string;
  count: number;
}

export class FollowupRepository {
  constructor(private readonly db: Executor) {}

  /** Orders completed (received by the buyer) in [since, until], not wholly refunded. */
  delivered(workspaceId: string, since: string, until: string) {
    return this.db
      .selectFrom("orders")
      .select([
        "id",
        "shopId",
        "platform",
        "platformOrderId",
        "totalFen",
        "refundFen",
        "completedAt",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("completedAt", ">=", since)
      .where("completedAt", "<=", until)
      .where("cancelledAt", "is", null)
      .orderBy("completedAt")
      .orderBy("id")
      .execute();
  }

  /** Cases resolved in [since, until], with their order's total when they have an order. */
  resolved(workspaceId: string, since: string, until: string) {
    return this.db
      .selectFrom("aftersalesCases as c")
      .leftJoin("orders as o", (j) =>
        j.onRef("o.workspaceId", "=", "c.workspaceId").onRef("o.id", "=", "c.orderId"),
      )
      .select([
        "c.id",
        "c.shopId",
        "c.platform",
        "c.orderId",
        "c.platformOrderId",
        "c.requestedFen",
        "c.resolvedAt",
        "c.assigneeMemberId",
        "o.totalFen",
      ])
      .where("c.workspaceId", "=", workspaceId)
      .where("c.state", "=", "resolved")
      .where("c.resolvedAt", ">=", since)
      .where("c.resolvedAt", "<=", until)
      .orderBy("c.resolvedAt")
      .orderBy("c.id")
      .execute();
  }

  /**
   * Changes whenever an order import is recorded (how many there are and the latest id): the
   * follow-up sweep makes a workspace's follow-ups again when it moved (new deliveries).
   */
  async orderImportsMark(workspaceId: string): Promise<string> {
    const r = await this.db
      .selectFrom("orderImports")
      .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("id").as("last")])
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}:${r?.last ?? ""}`;
  }

  /** Inserts the follow-ups not made yet (one per rule and source); returns how many were new. */
  async insert(rows: FollowupRow[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const r = await this.db
        .insertInto("aftersalesFollowups")
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(["workspaceId", "ruleId", "sourceKey"]).doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  }

  /** The source keys a rule already made follow-ups for, among `keys`. */
  async existing(workspaceId: string, ruleId: string, keys: readonly string[]) {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db
        .selectFrom("aftersalesFollowups")
        .select("sourceKey")
        .where("workspaceId", "=", workspaceId)
        .where("ruleId", "=", ruleId)
        .where("sourceKey", "in", keys.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.sourceKey);
    }
    return out;
  }

  /** Open follow-ups per member (for giving new ones to whoever has fewest). */
  async openCounts(workspaceId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("aftersalesFollowups")
      .select(["memberId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("state", "=", "open")
      .where("memberId", "is not", null)
      .groupBy("memberId")
      .execute();
    return new Map(rows.map((r) => [r.memberId!, Number(r.n)]));
  }

  /**
   * Open follow-ups due by `date` per member: the calls on their Today, whose minutes the engine
   * reserves (routing-load.ts `caseReservations`).
   */
  async dueCounts(workspaceId: string, date: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("aftersalesFollowups")
      .select(["memberId", (eb) => eb.fn.countAll<number>().as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("state", "=", "open")
      .where("memberId", "is not", null)
      .where("dueDate", "<=", date)
      .groupBy("memberId")
      .execute();
    return new Map(rows.map((r) => [r.memberId!, Number(r.n)]));
  }

  /** A member's open follow-ups due by `date`, the oldest due first. */
  dueFor(workspaceId: string, memberId: string, date: string) {
    return this.db
      .selectFrom("aftersalesFollowups")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("state", "=", "open")
      .where("dueDate", "<=", date)
      .orderBy("dueDate")
      .orderBy("id")
      .limit(200)
      .execute();
  }

  list(
    workspaceId: string,
    q: { state?: string; memberId?: string | null; limit: number },
  ): Promise<FollowupRow[]> {
    let query = this.db
      .selectFrom("aftersalesFollowups")
      .selectAll()
      .where("workspaceId", "=", workspaceId);
    if (q.state) query = query.where("state", "=", q.state);
    if (q.memberId !== undefined)
      query =
        q.memberId === null
          ? query.where("memberId", "is", null)
          : query.where("memberId", "=", q.memberId);
    return query.orderBy("dueDate", "desc").orderBy("id", "desc").limit(q.limit).execute();
  }

  async byId(workspaceId: string, id: string): Promise<FollowupRow | undefined> {
    const r = await this.db
      .selectFrom("aftersalesFollowups")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r && { ...r, version: Number(r.version), turnedGood: Number(r.turnedGood) };
  }

  /** Records the outcome when the follow-up is still open at `version`; false when stale. */
  async complete(
    workspaceId: string,
    id: string,
    version: number,
    fields: Pick<
      FollowupRow,
      "outcome" | "turnedGood" | "complaintCaseId" | "note" | "doneAt" | "doneDate" | "doneBy"
    >,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aftersalesFollowups")
      .set({ ...fields, state: "done", version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .where("state", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Whether the case is a complaint a bad review recorded on a follow-up opened. */
  async complaintFromBadReview(workspaceId: string, caseId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom("aftersalesFollowups")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("complaintCaseId", "=", caseId)
      .executeTakeFirst();
    return r !== undefined;
  }

  /**
   * Bad reviews turned good per agent (who recorded it) per local month, for the local dates
   * `from`…`to` (inclusive), optionally one member: what the 客服 metrics and the pay rule "+5.00 per
   * bad review turned good" read.
   */
  async turnedGoodByAgentMonth(
    workspaceId: string,
    q: { from: string; to: string; memberId?: string },
  ): Promise<TurnedGoodCount[]> {
    const month = sql<string>`substr(done_date, 1, 7)`;
    let query = this.db
      .selectFrom("aftersalesFollowups")
      .select(["doneBy", month.as("month"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("workspaceId", "=", workspaceId)
      .where("turnedGood", "=", 1)
      .where("doneDate", ">=", q.from)
      .where("doneDate", "<=", q.to)
      .where("doneBy", "is not", null);
    if (q.memberId) query = query.where("doneBy", "=", q.memberId);
    const rows = await query.groupBy(["doneBy", month]).orderBy("doneBy").orderBy(month).execute();
    return rows.map((r) => ({ memberId: r.doneBy!, month: r.month, count: Number(r.n) }));
  }
}
