// After-sales cases in the database: the queue (filters, soonest due first, keyset pages), one case
// with its lines, history and pauses, and the writes of the cases service and the imports. Every
// method takes the workspace id and filters by it.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type {
  AftersalesCaseEventsTable,
  AftersalesCaseLinesTable,
  AftersalesCasePausesTable,
  AftersalesCasesTable,
} from "../../db/schema.js";

export type CaseRow = AftersalesCasesTable;
export type CaseLineRow = AftersalesCaseLinesTable;
export type CaseEventRow = AftersalesCaseEventsTable;
export type CasePauseRow = AftersalesCasePausesTable;

/** Cases without a deadline sort after every dated one (a real instant never reaches it). */
export const NO_DUE = "9999-12-31T23:59:59.999Z";

export interface CaseFilter {
  states?: readonly string[];
  shopId?: string;
  /** A member's id, or null: the unassigned cases. */
  assignee?: string | null;
  orderId?: string;
  type?: string;
}

/** Keyset position in the queue: (due or NO_DUE, opened, id). */
export interface CaseCursor {
  due: string;
  opened: string;
  id: string;
}

const num = (r: CaseRow): CaseRow => ({
  ...r,
  requestedFen: Number(r.requestedFen),
  refundFen: r.refundFen === null ? null : Number(r.refundFen),
  version: Number(r.version),
});

export class CaseRepository {
  constructor(private readonly db: Executor) {}

  /** The queue: soonest due first (no deadline last), then the oldest opened, then the id. */
  async list(
    workspaceId: string,
    f: CaseFilter,
    limit: number,
    after?: CaseCursor,
  ): Promise<CaseRow[]> {
    // The literal, not a parameter: aftersales_cases_queue_idx indexes this very expression.
    const due = sql<string>`coalesce(due_at, ${sql.lit(NO_DUE)})`;
    let q = this.db
      .selectFrom("aftersalesCases")
      .selectAll()
      .where("workspaceId", "=", workspaceId);
    if (f.states?.length) q = q.where("state", "in", [...f.states]);
    if (f.shopId) q = q.where("shopId", "=", f.shopId);
    if (f.assignee !== undefined)
      q =
        f.assignee === null
          ? q.where("assigneeMemberId", "is", null)
          : q.where("assigneeMemberId", "=", f.assignee);
    if (f.orderId) q = q.where("orderId", "=", f.orderId);
    if (f.type) q = q.where("type", "=", f.type);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb(due, ">", after.due),
          eb.and([eb(due, "=", after.due), eb("openedAt", ">", after.opened)]),
          eb.and([
            eb(due, "=", after.due),
            eb("openedAt", "=", after.opened),
            eb("id", ">", after.id),
          ]),
        ]),
      );
    const rows = await q.orderBy(due).orderBy("openedAt").orderBy("id").limit(limit).execute();
    return rows.map(num);
  }

  async byId(workspaceId: string, id: string): Promise<CaseRow | undefined> {
    const r = await this.db
      .selectFrom("aftersalesCases")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r && num(r);
  }

  /** The shop's cases by key (the platform's case id, order:<key>, manual:<id>). */
  async byKeys(workspaceId: string, shopId: string, keys: readonly string[]): Promise<CaseRow[]> {
    const out: CaseRow[] = [];
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      const rows = await this.db
        .selectFrom("aftersalesCases")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("caseKey", "in", part)
        .execute();
      for (const r of rows) out.push(num(r));
    }
    return out;
  }

  /** The cases whose return waybill is this number (stored upper case; the pack station's returns). */
  async byReturnWaybill(workspaceId: string, waybill: string): Promise<CaseRow[]> {
    const rows = await this.db
      .selectFrom("aftersalesCases")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("returnWaybill", "=", waybill)
      .orderBy("openedAt")
      .orderBy("id")
      .execute();
    return rows.map(num);
  }

  /** The cases of orders (any source), by order id. */
  async ofOrders(workspaceId: string, orderIds: readonly string[]): Promise<CaseRow[]> {
    const out: CaseRow[] = [];
    for (let i = 0; i < orderIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("aftersalesCases")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .where("orderId", "in", orderIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.push(num(r));
    }
    return out;
  }

  /** Cases of a shop that name order numbers but are not linked to an order yet. */
  async unlinked(
    workspaceId: string,
    shopId: string,
    platformOrderIds: readonly string[],
  ): Promise<CaseRow[]> {
    const out: CaseRow[] = [];
    for (let i = 0; i < platformOrderIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("aftersalesCases")
        .selectAll()
        .where("workspaceId", "=", workspaceId)
        .where("shopId", "=", shopId)
        .where("orderId", "is", null)
        .where("platformOrderId", "in", platformOrderIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.push(num(r));
    }
    return out;
  }

  async insert(row: CaseRow): Promise<void> {
    await this.db.insertInto("aftersalesCases").values(row).execute();
  }

  /** New cases and their lines, a hundred to a statement (an import's or a sync's hundreds). */
  async insertMany(rows: readonly CaseRow[], lines: readonly CaseLineRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100)
      await this.db
        .insertInto("aftersalesCases")
        .values(rows.slice(i, i + 100))
        .execute();
    for (let i = 0; i < lines.length; i += 200)
      await this.db
        .insertInto("aftersalesCaseLines")
        .values(lines.slice(i, i + 200))
        .execute();
  }

  /** Writes the fields when the version is still `version` (and raises it); false when stale. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    fields: Partial<Omit<CaseRow, "workspaceId" | "id" | "version">>,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("aftersalesCases")
      .set({ ...fields, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async lines(workspaceId: string, caseIds: readonly string[]): Promise<CaseLineRow[]> {
    if (caseIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("aftersalesCaseLines")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("caseId", "in", [...caseIds])
      .orderBy("caseId")
      .orderBy("lineNo")
      .execute();
    return rows.map((l) => ({
      ...l,
      amountFen: l.amountFen === null ? null : Number(l.amountFen),
    }));
  }

  async replaceLines(workspaceId: string, caseId: string, lines: CaseLineRow[]): Promise<void> {
    await this.db
      .deleteFrom("aftersalesCaseLines")
      .where("workspaceId", "=", workspaceId)
      .where("caseId", "=", caseId)
      .execute();
    if (lines.length) await this.db.insertInto("aftersalesCaseLines").values(lines).execute();
  }

  async addEvents(events: CaseEventRow[]): Promise<void> {
    for (let i = 0; i < events.length; i += 200)
      await this.db
        .insertInto("aftersalesCaseEvents")
        .values(events.slice(i, i + 200))
        .execute();
  }

  /** A case's history, oldest first. */
  async events(workspaceId: string, caseId: string): Promise<CaseEventRow[]> {
    return this.db
      .selectFrom("aftersalesCaseEvents")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("caseId", "=", caseId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }

  async pauses(workspaceId: string, caseIds: readonly string[]): Promise<CasePauseRow[]> {
    if (caseIds.length === 0) return [];
    return this.db
      .selectFrom("aftersalesCasePauses")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("caseId", "in", [...caseIds])
      .orderBy("caseId")
      .orderBy("startedAt")
      .execute();
  }

  /** Opens a pause (waiting for the buyer); a second one at the same instant is the same pause. */
  async openPause(workspaceId: string, caseId: string, at: string): Promise<void> {
    await this.db
      .insertInto("aftersalesCasePauses")
      .values({ workspaceId, caseId, startedAt: at, endedAt: null })
      .onConflict((oc) => oc.columns(["workspaceId", "caseId", "startedAt"]).doNothing())
      .execute();
  }

  /** Ends the open pause of a case (the buyer acted). */
  async closePause(workspaceId: string, caseId: string, at: string): Promise<void> {
    await this.db
      .updateTable("aftersalesCasePauses")
      .set({ endedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("caseId", "=", caseId)
      .where("endedAt", "is", null)
      .execute();
  }

  /** The names of members (for assignees and history). */
  async memberNames(workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("members")
      .select(["id", "name"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "in", list)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** A member's role and department (who a case may be assigned to). */
  async member(workspaceId: string, id: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "role", "departmentId", "status"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }
}
