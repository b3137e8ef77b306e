// Customer-service performance: the chat accounts linked to members, the imported days, and a
// period's numbers per member and department (core/cs: conversion from the sums, response times
// weighted by inquirers). Everyone reads; the owner and the customer_service leads link accounts.
import type { Actor } from "../../core/actor.js";
import { normalizeAccount } from "../../core/cs/cs-file.js";
import { assertSpan } from "../../core/calendar/range.js";
import { LIMITS } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { lockedThrough, memberNames } from "../orders/attribution.repository.js";
import { PeopleRepository } from "../orders/people.repository.js";
import { badField } from "../orders/refusals.js";
import { authorizeShop } from "../orders/shop.access.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CsPeriod } from "./cs-period.js";
import { presentDay, presentMetrics } from "./cs.presenter.js";
import { CsRepository } from "./cs.repository.js";

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
    await authorizeShop(this.deps.db, actor, "cs.read");
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
    await authorizeShop(this.deps.db, actor, "cs.accounts");
    return this.deps.db.transaction().execute(async (trx) => {
      const ws = actor.workspaceId;
      const repo = new CsRepository(trx);
      const names = await memberNames(trx, ws);
      const seen = new Set<string>();
      input.accounts.forEach((a, i) => {
        const account = normalizeAccount(a.account);
        if (account === "") throw badField(`accounts.${i}.account`, "cs.account_empty");
        if (seen.has(account))
          throw badField(`accounts.${i}.account`, "cs.account_listed_twice", { account });
        seen.add(account);
        if (a.memberId !== null && !names.has(a.memberId))
          throw badField(`accounts.${i}.memberId`, "shop.no_such_member");
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
          message: a.memberId
            ? msg("audit.cs_account.link", {
                account,
                member: names.get(a.memberId) ?? "",
                memberId: a.memberId,
              })
            : msg("audit.cs_account.unlink", { account }),
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
    await authorizeShop(this.deps.db, actor, "cs.read");
    if (q.from && q.to && q.from > q.to) throw badField("to", "range.reversed");
    const limit = q.limit ?? LIMITS.pageSizeDefault;
    let cursor: { date: string; account: string } | undefined;
    if (q.cursor) {
      const m = /^(\d{4}-\d{2}-\d{2})\|(.+)$/s.exec(q.cursor);
      if (!m) throw badField("cursor", "cs.bad_cursor");
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
    await authorizeShop(this.deps.db, actor, "cs.read");
    checkRange(q.from, q.to);
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const people = new PeopleRepository(db);
    const [period, members, departments, links] = await Promise.all([
      CsPeriod.load(db, ws, q),
      people.membersByName(ws),
      people.departments(ws, "sortOrder"),
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
