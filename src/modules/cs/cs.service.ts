// Customer-service performance: the chat accounts linked to members, the imported days, and a
// period's numbers per member and department (core/cs: conversion from the sums, response times
// weighted by inquirers). Everyone reads; the owner and the customer_service leads link accounts.
import type { Actor } from "../../core/actor.js";
import { normalizeAccount } from "../../core/cs/cs-file.js";
import { assertSpan } from "../../core/calendar/range.js";
import { invalidField } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import type { Executor } from "../../db/database.js";
import { lockedThrough, memberNames } from "../orders/attribution.repository.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CsPeriod } from "./cs-period.js";
import { authorizeRight } from "../org/rights.access.js";
import type { CsAction } from "./cs.policy.js";
import { presentDay, presentMetrics } from "./cs.presenter.js";
import { CsRepository } from "./cs.repository.js";

/** Checks the customer-service policy for an actor (the customer_service function, core/org/rights.ts). */
export async function authorizeCs(db: Executor, actor: Actor, action: CsAction): Promise<void> {
  await authorizeRight(db, actor, action);
}

const checkRange = (from: string, to: string) => assertSpan(from, to, LIMITS.csRangeMaxDays);

export class CsService {
  constructor(private readonly deps: ServiceDeps) {}

  private async accountList(db: Executor, workspaceId: string) {
    const repo = new CsRepository(db);
    const [links, seen, names] = await Promise.all([
      repo.accounts(workspaceId),
      repo.accountDays(workspaceId),
      memberNames(db, workspaceId),
    ]);
    const all = new Set([...links.map((l) => l.account), ...seen.map((s) => s.account)]);
    return [...all].sort().map((account) => {
      const link = links.find((l) => l.account === account);
      const s = seen.find((x) => x.account === account);
      return {
        account,
        memberId: link?.memberId ?? null,
        memberName: link ? (names.get(link.memberId) ?? "") : null,
        days: s?.days ?? 0,
        firstDate: s?.firstDate ?? null,
        lastDate: s?.lastDate ?? null,
      };
    });
  }

  async accounts(actor: Actor) {
    await authorizeCs(this.deps.db, actor, "cs.read");
    return { items: await this.accountList(this.deps.db, actor.workspaceId), nextCursor: null };
  }

  /**
   * Links accounts to members (null unlinks). A new member for an account takes over its days after
   * the last locked pay run, as sales attribution does; locked months keep who served then.
   */
  async setAccounts(
    actor: Actor,
    input: { accounts: { account: string; memberId: string | null }[] },
  ) {
    await authorizeCs(this.deps.db, actor, "cs.accounts");
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new CsRepository(trx);
      const names = await memberNames(trx, ws);
      const seen = new Set<string>();
      input.accounts.forEach((a, i) => {
        const account = normalizeAccount(a.account);
        if (account === "") throw invalidField(`accounts.${i}.account`, "must not be empty");
        if (seen.has(account))
          throw invalidField(`accounts.${i}.account`, `"${account}" is listed twice`);
        seen.add(account);
        if (a.memberId !== null && !names.has(a.memberId))
          throw invalidField(`accounts.${i}.memberId`, "No such member in this workspace");
      });
      const at = nowIso(this.deps);
      const locked = await lockedThrough(trx, ws);
      const before = new Map((await repo.accounts(ws)).map((l) => [l.account, l.memberId]));
      let movedDays = 0;
      for (const a of input.accounts) {
        const account = normalizeAccount(a.account);
        const was = before.get(account) ?? null;
        if (was === a.memberId) continue;
        if (a.memberId === null) await repo.unlink(ws, account);
        else {
          await repo.link(ws, account, a.memberId, at);
          movedDays += await repo.moveDays(ws, account, a.memberId, locked);
        }
        await audit(trx, actor, at, {
          action: "cs_account.link",
          entityType: "cs_account",
          entityId: account,
          summary: a.memberId
            ? `Chat account ${account} → ${names.get(a.memberId)}`
            : `Chat account ${account} unlinked`,
          before: { memberId: was },
          after: { memberId: a.memberId },
        });
      }
      return { items: await this.accountList(trx, ws), nextCursor: null, movedDays };
    });
  }

  async days(
    actor: Actor,
    q: {
      from?: string;
      to?: string;
      memberId?: string;
      account?: string;
      limit?: number;
      cursor?: string;
    },
  ) {
    await authorizeCs(this.deps.db, actor, "cs.read");
    if (q.from && q.to && q.from > q.to) throw invalidField("to", "must not be before from");
    const limit = q.limit ?? LIMITS.pageSizeDefault;
    let cursor: { date: string; account: string } | undefined;
    if (q.cursor) {
      const m = /^(\d{4}-\d{2}-\d{2})\|(.+)$/s.exec(q.cursor);
      if (!m) throw invalidField("cursor", "is not a cursor this list gave out");
      cursor = { date: m[1]!, account: m[2]! };
    }
    const db = this.deps.db;
    const rows = await new CsRepository(db).days(actor.workspaceId, {
      ...q,
      account: q.account ? normalizeAccount(q.account) : undefined,
      limit,
      cursor,
    });
    const names = await memberNames(db, actor.workspaceId);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return {
      items: page.map((r) => presentDay(r, names)),
      nextCursor: more ? `${page.at(-1)!.date}|${page.at(-1)!.account}` : null,
    };
  }

  async summary(actor: Actor, q: { from: string; to: string }) {
    await authorizeCs(this.deps.db, actor, "cs.read");
    checkRange(q.from, q.to);
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const [period, members, departments, links] = await Promise.all([
      CsPeriod.load(db, ws, q),
      db
        .selectFrom("members")
        .select(["id", "name", "departmentId"])
        .where("workspaceId", "=", ws)
        .orderBy("name")
        .execute(),
      db
        .selectFrom("departments")
        .select(["id", "name"])
        .where("workspaceId", "=", ws)
        .orderBy("sortOrder")
        .orderBy("name")
        .execute(),
      new CsRepository(db).accounts(ws),
    ]);
    return {
      from: q.from,
      to: q.to,
      total: presentMetrics(period.total),
      members: members
        .filter((m) => period.has(m.id))
        .map((m) => ({
          memberId: m.id,
          name: m.name,
          departmentId: m.departmentId,
          accounts: links
            .filter((l) => l.memberId === m.id)
            .map((l) => l.account)
            .sort(),
          ...presentMetrics(period.member(m.id)),
        })),
      departments: departments
        .map((d) => ({ departmentId: d.id, name: d.name, t: period.department(d.id) }))
        .filter((d) => d.t.days > 0)
        .map((d) => ({ departmentId: d.departmentId, name: d.name, ...presentMetrics(d.t) })),
    };
  }
}
