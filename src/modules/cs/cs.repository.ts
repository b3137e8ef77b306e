// Customer-service performance in the database: account links, the (date, account) rows and the
// imports that wrote them. Every method takes the workspace id and filters by it.
import { sql } from "kysely";
import type { Executor } from "../../db/database.js";
import type { CsAgentDaysTable, CsImportsTable } from "../../db/schema.js";

export interface MemberSums {
  memberId: string;
  days: number;
  inquirers: number;
  paying: number;
  consultations: number;
  received: number;
  salesFen: number;
  firstWeighted: number;
  firstWeight: number;
  avgWeighted: number;
  avgWeight: number;
}

const num = (v: unknown) => Number(v ?? 0);

export class CsRepository {
  constructor(private readonly db: Executor) {}

  async accounts(workspaceId: string) {
    return this.db
      .selectFrom("csAccounts")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("account")
      .execute();
  }

  /** Per account seen in the data: how many days, the first and the last. */
  async accountDays(workspaceId: string) {
    const rows = await this.db
      .selectFrom("csAgentDays")
      .select([
        "account",
        sql<number>`count(*)`.as("days"),
        sql<string>`min(date)`.as("firstDate"),
        sql<string>`max(date)`.as("lastDate"),
      ])
      .where("workspaceId", "=", workspaceId)
      .groupBy("account")
      .execute();
    return rows.map((r) => ({
      account: r.account,
      days: num(r.days),
      firstDate: r.firstDate,
      lastDate: r.lastDate,
    }));
  }

  async link(workspaceId: string, account: string, memberId: string, at: string): Promise<void> {
    const r = await this.db
      .updateTable("csAccounts")
      .set({ memberId, updatedAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("account", "=", account)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await this.db
        .insertInto("csAccounts")
        .values({ workspaceId, account, memberId, createdAt: at, updatedAt: at })
        .execute();
  }

  async unlink(workspaceId: string, account: string): Promise<void> {
    await this.db
      .deleteFrom("csAccounts")
      .where("workspaceId", "=", workspaceId)
      .where("account", "=", account)
      .execute();
  }

  /** Gives an account's days after `after` (null: all) to another member; returns how many moved. */
  async moveDays(
    workspaceId: string,
    account: string,
    memberId: string,
    after: string | null,
  ): Promise<number> {
    let q = this.db
      .updateTable("csAgentDays")
      .set({ memberId })
      .where("workspaceId", "=", workspaceId)
      .where("account", "=", account)
      .where("memberId", "<>", memberId);
    if (after) q = q.where("date", ">", after);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  }

  /** Replaces the (date, account) rows the import holds; returns how many existed before. */
  async replaceDays(workspaceId: string, rows: CsAgentDaysTable[]): Promise<number> {
    const byDate = new Map<string, string[]>();
    for (const r of rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r.account]);
    let replaced = 0;
    for (const [date, accounts] of byDate) {
      for (let i = 0; i < accounts.length; i += 500) {
        const r = await this.db
          .deleteFrom("csAgentDays")
          .where("workspaceId", "=", workspaceId)
          .where("date", "=", date)
          .where("account", "in", accounts.slice(i, i + 500))
          .executeTakeFirst();
        replaced += Number(r.numDeletedRows);
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto("csAgentDays")
        .values(rows.slice(i, i + 500))
        .execute();
    return replaced;
  }

  async createImport(row: CsImportsTable): Promise<void> {
    await this.db.insertInto("csImports").values(row).execute();
  }

  async imports(workspaceId: string, limit: number, cursor?: string) {
    let q = this.db.selectFrom("csImports").selectAll().where("workspaceId", "=", workspaceId);
    if (cursor) q = q.where("id", "<", cursor);
    return q
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
  }

  /** Days newest first, then by account; the cursor is the last row's "date|account". */
  async days(
    workspaceId: string,
    f: {
      from?: string;
      to?: string;
      memberId?: string;
      account?: string;
      limit: number;
      cursor?: { date: string; account: string };
    },
  ) {
    let q = this.db.selectFrom("csAgentDays").selectAll().where("workspaceId", "=", workspaceId);
    if (f.from) q = q.where("date", ">=", f.from);
    if (f.to) q = q.where("date", "<=", f.to);
    if (f.memberId) q = q.where("memberId", "=", f.memberId);
    if (f.account) q = q.where("account", "=", f.account);
    const c = f.cursor;
    if (c)
      q = q.where((eb) =>
        eb.or([
          eb("date", "<", c.date),
          eb.and([eb("date", "=", c.date), eb("account", ">", c.account)]),
        ]),
      );
    return q
      .orderBy("date", "desc")
      .orderBy("account")
      .limit(f.limit + 1)
      .execute();
  }

  /** The period's sums per member, with Σ time × inquirers over the days that have a time. */
  async sums(
    workspaceId: string,
    from: string,
    to: string,
    memberIds?: readonly string[],
  ): Promise<MemberSums[]> {
    let q = this.db
      .selectFrom("csAgentDays")
      .select([
        "memberId",
        sql<number>`count(*)`.as("days"),
        sql<number>`sum(inquirers)`.as("inquirers"),
        sql<number>`sum(paying_inquirers)`.as("paying"),
        sql<number>`sum(coalesce(consultations, 0))`.as("consultations"),
        sql<number>`sum(coalesce(received, 0))`.as("received"),
        sql<number>`sum(coalesce(sales_fen, 0))`.as("salesFen"),
        sql<number>`sum(case when first_response_tenths is null then 0 else first_response_tenths * inquirers end)`.as(
          "firstWeighted",
        ),
        sql<number>`sum(case when first_response_tenths is null then 0 else inquirers end)`.as(
          "firstWeight",
        ),
        sql<number>`sum(case when avg_response_tenths is null then 0 else avg_response_tenths * inquirers end)`.as(
          "avgWeighted",
        ),
        sql<number>`sum(case when avg_response_tenths is null then 0 else inquirers end)`.as(
          "avgWeight",
        ),
      ])
      .where("workspaceId", "=", workspaceId)
      .where("date", ">=", from)
      .where("date", "<=", to);
    if (memberIds) q = q.where("memberId", "in", memberIds.length ? [...memberIds] : [""]);
    const rows = await q.groupBy("memberId").execute();
    return rows.map((r) => ({
      memberId: r.memberId,
      days: num(r.days),
      inquirers: num(r.inquirers),
      paying: num(r.paying),
      consultations: num(r.consultations),
      received: num(r.received),
      salesFen: num(r.salesFen),
      firstWeighted: num(r.firstWeighted),
      firstWeight: num(r.firstWeight),
      avgWeighted: num(r.avgWeighted),
      avgWeight: num(r.avgWeight),
    }));
  }
}
