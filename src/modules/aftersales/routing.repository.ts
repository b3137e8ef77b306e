// Routing in the database (docs/AFTERSALES.md, "Routing"): the workspace's rules, the open cases
// waiting for someone, the open work on each member by case type, what routing did with each case,
// and the assignment written with a version check. Every method takes the workspace id.
import { sql } from "kysely";
import { OPEN_STATES } from "../../core/aftersales/cases.js";
import type { Executor } from "../../db/database.js";
import type { AftersalesCaseRoutingTable, AftersalesRoutingTable } from "../../db/schema.js";

export type RoutingRow = AftersalesRoutingTable;
export type CaseRoutingRow = AftersalesCaseRoutingTable;

/** An open case waiting for someone, as routing reads it. */
export interface PendingCase {
  id: string;
  type: string;
  platform: string;
  requestedFen: number;
  customerKey: string | null;
  dueAt: string | null;
  openedAt: string;
  version: number;
}

export class RoutingRepository {
  constructor(private readonly db: Executor) {}

  async rules(workspaceId: string): Promise<RoutingRow | undefined> {
    const r = await this.db
      .selectFrom("aftersalesRouting")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return (
      r && {
        ...r,
        highAmountFen: r.highAmountFen === null ? null : Number(r.highAmountFen),
        overrideFallback: Number(r.overrideFallback),
        version: Number(r.version),
      }
    );
  }

  /** Writes the rules when they are still at `version` (0: none yet); false when stale. */
  async putRules(row: RoutingRow, version: number): Promise<boolean> {
    if (version === 0) {
      const r = await this.db
        .insertInto("aftersalesRouting")
        .values(row)
        .onConflict((oc) => oc.column("workspaceId").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const { workspaceId, lastAssigned: _keep, ...fields } = row;
    const r = await this.db
      .updateTable("aftersalesRouting")
      .set(fields)
      .where("workspaceId", "=", workspaceId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Round robin's place: whom the last case went to (no version change: a run is not an edit). */
  async setLastAssigned(workspaceId: string, memberId: string, at: string): Promise<void> {
    const r = await this.db
      .updateTable("aftersalesRouting")
      .set({ lastAssigned: memberId })
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await this.db
        .insertInto("aftersalesRouting")
        .values({
          workspaceId,
          strategy: "least_open_work",
          vipMembers: "[]",
          vipCustomers: "[]",
          highAmountFen: null,
          highAmountMembers: "[]",
          overrideFallback: 0,
          queues: "{}",
          skillsByType: "{}",
          minutesByType: "{}",
          lastAssigned: memberId,
          version: 0,
          updatedAt: at,
          updatedBy: null,
        })
        .onConflict((oc) => oc.column("workspaceId").doUpdateSet({ lastAssigned: memberId }))
        .execute();
  }

  /** Open cases nobody has, most urgent first (deadline, opening, id), at most `limit`. */
  async pending(workspaceId: string, limit: number): Promise<PendingCase[]> {
    const rows = await this.db
      .selectFrom("aftersalesCases")
      .select([
        "id",
        "type",
        "platform",
        "requestedFen",
        "customerKey",
        "dueAt",
        "openedAt",
        "version",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("state", "in", [...OPEN_STATES])
      .where("assigneeMemberId", "is", null)
      .orderBy("dueAt")
      .orderBy("openedAt")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...r,
      requestedFen: Number(r.requestedFen),
      version: Number(r.version),
    }));
  }

  /**
   * Open cases by assignee (null: nobody) and type, with why nobody has them where routing said:
   * the assigned ones counted from aftersales_cases_open_work_idx alone (no table row, no routing
   * record), the unassigned ones — few — with their routing record, in one statement. The open
   * states are literals so the partial index's condition is seen to hold on both databases.
   */
  async openCounts(workspaceId: string) {
    const open = sql<boolean>`${sql.ref("c.state")} in (${sql.join(OPEN_STATES.map((s) => sql.lit(s)))})`;
    const assigned = this.db
      .selectFrom("aftersalesCases as c")
      .select((eb) => [
        "c.assigneeMemberId as memberId",
        "c.type as type",
        sql<string | null>`null`.as("reason"),
        eb.fn.countAll<number | string>().as("count"),
      ])
      .where("c.workspaceId", "=", workspaceId)
      .where(open)
      .where("c.assigneeMemberId", "is not", null)
      .groupBy(["c.assigneeMemberId", "c.type"]);
    const unassigned = this.db
      .selectFrom("aftersalesCases as c")
      .leftJoin("aftersalesCaseRouting as r", (j) =>
        j.onRef("r.workspaceId", "=", "c.workspaceId").onRef("r.caseId", "=", "c.id"),
      )
      .select((eb) => [
        "c.assigneeMemberId as memberId",
        "c.type as type",
        "r.reason as reason",
        eb.fn.countAll<number | string>().as("count"),
      ])
      .where("c.workspaceId", "=", workspaceId)
      .where(open)
      .where("c.assigneeMemberId", "is", null)
      .groupBy(["c.assigneeMemberId", "c.type", "r.reason"]);
    const rows = await assigned.unionAll(unassigned).execute();
    return rows.map((r) => ({
      memberId: r.memberId,
      type: r.type,
      reason: r.reason ?? null,
      count: Number(r.count),
    }));
  }

  /** Records what routing (or a person) did with cases: one row per case, the last word kept. */
  async record(rows: readonly CaseRoutingRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await this.db
        .insertInto("aftersalesCaseRouting")
        .values(rows.slice(i, i + 200))
        .onConflict((oc) =>
          oc.columns(["workspaceId", "caseId"]).doUpdateSet((eb) => ({
            memberId: eb.ref("excluded.memberId"),
            rule: eb.ref("excluded.rule"),
            reason: eb.ref("excluded.reason"),
            estimatedMinutes: eb.ref("excluded.estimatedMinutes"),
            routedAt: eb.ref("excluded.routedAt"),
          })),
        )
        .execute();
  }

  /**
   * A routing run's assignments in one statement per 500 cases: an UPDATE joined to the list of
   * (case, version read, member) that gives each case still nobody's and still at that version to
   * its member (the version is not raised, as `assign` with `bump` false), returning the ids it
   * gave. A case someone took or changed since it was read is left out. (Two statements per member
   * before: 40 round trips for 1,000 cases over 20 agents.)
   */
  async assignMany(
    workspaceId: string,
    items: readonly { caseId: string; version: number; memberId: string }[],
    at: string,
  ): Promise<Set<string>> {
    const done = new Set<string>();
    for (let i = 0; i < items.length; i += 500) {
      const list = sql.join(
        items
          .slice(i, i + 500)
          .map((it) => sql`(${it.caseId}, cast(${it.version} as integer), ${it.memberId})`),
      );
      // VALUES' columns are column1… on both databases.
      const r = await sql<{ id: string }>`update aftersales_cases
        set assignee_member_id = v.column3, updated_at = ${at}
        from (values ${list}) as v
        where aftersales_cases.workspace_id = ${workspaceId}
          and aftersales_cases.id = v.column1
          and aftersales_cases.version = v.column2
          and aftersales_cases.assignee_member_id is null
        returning aftersales_cases.id`.execute(this.db);
      for (const row of r.rows) done.add(row.id);
    }
    return done;
  }

  /**
   * Gives a case to a member when it is still at `version` (and, with `onlyUnassigned`, still
   * nobody's); raises the version unless `bump` is false (routing a case nobody had conflicts with
   * no one's edit: a person's move read before it still applies). False when someone else changed
   * it first.
   */
  async assign(
    workspaceId: string,
    caseId: string,
    version: number,
    memberId: string,
    at: string,
    onlyUnassigned: boolean,
    bump = true,
  ): Promise<boolean> {
    let q = this.db
      .updateTable("aftersalesCases")
      .set({ assigneeMemberId: memberId, version: bump ? version + 1 : version, updatedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", caseId)
      .where("version", "=", version);
    if (onlyUnassigned) q = q.where("assigneeMemberId", "is", null);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
