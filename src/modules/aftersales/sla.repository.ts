// The after-sales SLA tables (docs/AFTERSALES.md, "SLA"): the workspace's policies and shift hours,
// the cases the clocks run on, their deadline (`due_at`, derived, written without a version bump),
// the alerts already sent, and who hears of them. Every method takes the workspace id.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { AftersalesSlaPoliciesTable, AftersalesSlaSettingsTable } from "../../db/schema.js";
import type { CaseRow } from "./cases.repository.js";

export type SlaPolicyRow = AftersalesSlaPoliciesTable;
export type SlaSettingsRow = AftersalesSlaSettingsTable;

/** What the clocks read of a case. */
export type SlaCaseRow = Pick<
  CaseRow,
  | "id"
  | "shopId"
  | "platform"
  | "platformCaseId"
  | "platformOrderId"
  | "caseKey"
  | "type"
  | "state"
  | "assigneeMemberId"
  | "openedAt"
  | "firstResponseAt"
  | "decidedAt"
  | "resolvedAt"
  | "platformDeadlineAt"
  | "dueAt"
  | "slaUnmeasured"
>;

const CASE_COLUMNS = [
  "id",
  "shopId",
  "platform",
  "platformCaseId",
  "platformOrderId",
  "caseKey",
  "type",
  "state",
  "assigneeMemberId",
  "openedAt",
  "firstResponseAt",
  "decidedAt",
  "resolvedAt",
  "platformDeadlineAt",
  "dueAt",
  "slaUnmeasured",
] as const;

const OPEN = ["new", "in_progress", "waiting_buyer", "received", "inspected"];
const CHUNK = 500;

export class SlaRepository {
  constructor(private readonly db: Executor) {}

  async settings(workspaceId: string): Promise<SlaSettingsRow | undefined> {
    const r = await this.db
      .selectFrom("aftersalesSlaSettings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return r && { ...r, version: Number(r.version) };
  }

  async policies(workspaceId: string): Promise<SlaPolicyRow[]> {
    const rows = await this.db
      .selectFrom("aftersalesSlaPolicies")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("sortOrder")
      .execute();
    const n = (v: number | null) => (v === null ? null : Number(v));
    return rows.map((r) => ({
      ...r,
      sortOrder: Number(r.sortOrder),
      firstResponseMinutes: n(r.firstResponseMinutes),
      decisionMinutes: n(r.decisionMinutes),
      resolutionMinutes: n(r.resolutionMinutes),
      atRiskPermille: Number(r.atRiskPermille),
    }));
  }

  /** Writes the settings when the version read is still current (0: none stored); false when stale. */
  async saveSettings(row: SlaSettingsRow, readVersion: number): Promise<boolean> {
    if (readVersion === 0) {
      const r = await this.db
        .insertInto("aftersalesSlaSettings")
        .values({ ...row, version: 1 })
        .onConflict((oc) => oc.column("workspaceId").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const r = await this.db
      .updateTable("aftersalesSlaSettings")
      .set({
        shiftStart: row.shiftStart,
        shiftEnd: row.shiftEnd,
        breaks: row.breaks,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
        version: readVersion + 1,
      })
      .where("workspaceId", "=", row.workspaceId)
      .where("version", "=", readVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async replacePolicies(workspaceId: string, rows: SlaPolicyRow[]): Promise<void> {
    await this.db
      .deleteFrom("aftersalesSlaPolicies")
      .where("workspaceId", "=", workspaceId)
      .execute();
    if (rows.length) await this.db.insertInto("aftersalesSlaPolicies").values(rows).execute();
  }

  /** The workspace's time zone. */
  async timeZone(workspaceId: string): Promise<string> {
    const w = await this.db
      .selectFrom("workspaces")
      .select("timeZone")
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return w.timeZone;
  }

  async cases(workspaceId: string, ids: readonly string[]): Promise<SlaCaseRow[]> {
    const out: SlaCaseRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(
        ...(await this.db
          .selectFrom("aftersalesCases")
          .select(CASE_COLUMNS)
          .where("workspaceId", "=", workspaceId)
          .where("id", "in", ids.slice(i, i + CHUNK))
          .execute()),
      );
    return out;
  }

  /** Every open case of the workspace (the sweep). */
  openCases(workspaceId: string): Promise<SlaCaseRow[]> {
    return this.db
      .selectFrom("aftersalesCases")
      .select(CASE_COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("state", "in", OPEN)
      .execute();
  }

  /** Cases opened in [fromIso, toIso), optionally of one shop (SLA attainment). */
  openedBetween(
    workspaceId: string,
    fromIso: string,
    toIso: string,
    shopId?: string,
  ): Promise<SlaCaseRow[]> {
    let q = this.db
      .selectFrom("aftersalesCases")
      .select(CASE_COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("openedAt", ">=", fromIso)
      .where("openedAt", "<", toIso);
    if (shopId) q = q.where("shopId", "=", shopId);
    return q.execute();
  }

  /** The pauses of cases (waiting for the buyer), per case id. */
  async pauses(
    workspaceId: string,
    ids: readonly string[],
  ): Promise<Map<string, { from: string; to: string | null }[]>> {
    const out = new Map<string, { from: string; to: string | null }[]>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("aftersalesCasePauses")
        .select(["caseId", "startedAt", "endedAt"])
        .where("workspaceId", "=", workspaceId)
        .where("caseId", "in", ids.slice(i, i + CHUNK))
        .orderBy("startedAt")
        .execute();
      for (const r of rows) {
        const list = out.get(r.caseId) ?? [];
        list.push({ from: r.startedAt, to: r.endedAt });
        out.set(r.caseId, list);
      }
    }
    return out;
  }

  /** The deadline a case shows (derived from its clocks: no version bump, nobody's edit undone). */
  async setDue(workspaceId: string, id: string, dueAt: string | null): Promise<void> {
    await this.db
      .updateTable("aftersalesCases")
      .set({ dueAt })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Records an alert; true only for the writer that inserted it (each alert goes out once). */
  async claimAlert(
    workspaceId: string,
    caseId: string,
    clock: string,
    state: string,
    at: string,
  ): Promise<boolean> {
    const r = await this.db
      .insertInto("aftersalesSlaAlerts")
      .values({ workspaceId, caseId, clock, state, sentAt: at })
      .onConflict((oc) => oc.columns(["workspaceId", "caseId", "clock", "state"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The workspace's departments (who leads customer service) and its active members. */
  async org(workspaceId: string) {
    const [departments, members] = await Promise.all([
      this.db
        .selectFrom("departments")
        .select(["id", "parentId", "leadMemberId", "function"])
        .where("workspaceId", "=", workspaceId)
        .execute(),
      this.db
        .selectFrom("members")
        .select(["id"])
        .where("workspaceId", "=", workspaceId)
        .where("status", "=", "active")
        .execute(),
    ]);
    return { departments, active: new Set(members.map((m) => m.id)) };
  }

  /** Workspaces with open cases (the sweep's list). */
  async workspacesWithOpenCases(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("aftersalesCases")
      .select(sql<string>`distinct workspace_id`.as("workspaceId"))
      .where("state", "in", OPEN)
      .execute();
    return rows.map((r) => r.workspaceId);
  }
}
