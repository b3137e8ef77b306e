// A period's after-sales figures (docs/AFTERSALES.md, "KPIs"), read once per range and shop
// selection: every case opened or ended in the local days from…to with what it adds
// (core/aftersales/kpi.ts), its SLA clocks as GET /aftersales/sla-attainment counts them, the bad
// reviews turned good (countReviewsTurnedGood's source) and the paid orders the rates divide by.
// Grouped by shop, agent (the case's assignee), reason or SKU, every line is a sum of cases, so a
// total is the sum of its lines. Per member and department (sub-departments included) for goals and
// pay through the MetricSource, the lines for the after-sales dashboard.
import {
  addFigures,
  caseFigures,
  ZERO_FIGURES,
  type AftersalesFigures,
} from "../../core/aftersales/kpi.js";
import { addDays } from "../../core/calendar/date.js";
import { localMidnight } from "../../core/logistics/local-days.js";
import { DepartmentTree } from "../../core/org/tree.js";
import type { Executor } from "../../db/database.js";
import { PeopleRepository } from "../orders/people.repository.js";
import { AftersalesKpiRepository } from "./aftersales-kpi.repository.js";
import { reviewsTurnedGoodBy } from "./reviews-turned-good.repository.js";
import { slaOfCasesOpened } from "./sla-attainment.js";
import { SlaRepository } from "./sla.repository.js";

export type AftersalesSubject =
  { member: string } | { department: string } | "unattributed" | "all";

/** What one case (or one agent's reviews in a shop) adds, with what it is grouped by. */
interface Part {
  shopId: string;
  memberId: string | null;
  /** null for the reviews' parts (not a case of a reason or SKU). */
  reasonCode: string | null;
  sku: string | null;
  review: boolean;
  f: AftersalesFigures;
}

export interface FigureLine<K> {
  key: K;
  figures: AftersalesFigures;
}

export class AftersalesPeriod {
  private constructor(
    readonly from: string,
    readonly to: string,
    readonly fromIso: string,
    readonly toIso: string,
    private readonly parts: Part[],
    private readonly paidByShop: Map<string, number>,
    private readonly memberDept: Map<string, string | null>,
    private readonly tree: DepartmentTree,
    private readonly db: Executor,
    readonly workspaceId: string,
    readonly shopIds: readonly string[],
  ) {}

  static async load(
    db: Executor,
    workspaceId: string,
    range: { from: string; to: string },
    shopIds: readonly string[],
    now: string,
  ): Promise<AftersalesPeriod> {
    const tz = await new SlaRepository(db).timeZone(workspaceId);
    const fromIso = new Date(localMidnight(range.from, tz)).toISOString();
    const toIso = new Date(localMidnight(addDays(range.to, 1), tz)).toISOString();
    const repo = new AftersalesKpiRepository(db);
    const people = new PeopleRepository(db);
    const [cases, sla, reviews, paid, members, departments] = await Promise.all([
      repo.casesOfPeriod(workspaceId, fromIso, toIso, shopIds),
      slaOfCasesOpened(
        db,
        workspaceId,
        fromIso,
        toIso,
        shopIds.length === 1 ? shopIds[0]! : null,
        now,
      ),
      reviewsTurnedGoodBy(db, workspaceId, range.from, range.to, shopIds),
      repo.paidOrdersByShop(workspaceId, range.from, range.to, shopIds),
      people.memberDepartments(workspaceId),
      people.departmentParents(workspaceId),
    ]);
    const clocks = new Map<string, { met: number; breached: number }>();
    for (const { row, sla: s } of sla) {
      let met = 0;
      let breached = 0;
      for (const k of s.clocks) {
        if (k.state === "met") met++;
        else if (k.state === "breached") breached++;
      }
      clocks.set(row.id, { met, breached });
    }
    const parts: Part[] = cases.map((c) => {
      const f = caseFigures(c, fromIso, toIso);
      const k = clocks.get(c.id);
      if (k) {
        f.slaMet = k.met;
        f.slaBreached = k.breached;
      }
      return {
        shopId: c.shopId,
        memberId: c.assigneeMemberId,
        reasonCode: c.reasonCode,
        sku: c.sku,
        review: false,
        f,
      };
    });
    for (const r of reviews)
      parts.push({
        shopId: r.shopId,
        memberId: r.memberId,
        reasonCode: null,
        sku: null,
        review: true,
        f: { ...ZERO_FIGURES, reviewsTurnedGood: r.count },
      });
    return new AftersalesPeriod(
      range.from,
      range.to,
      fromIso,
      toIso,
      parts,
      paid,
      new Map(members.map((m) => [m.id, m.departmentId])),
      new DepartmentTree(departments),
      db,
      workspaceId,
      shopIds,
    );
  }

  /** Any case opened or ended in the period (else a person's counts are entered, not zeros). */
  get recorded(): boolean {
    return this.parts.some((p) => !p.review);
  }

  private matches(subject: AftersalesSubject): (p: Part) => boolean {
    if (subject === "all") return () => true;
    if (subject === "unattributed") return (p) => p.memberId === null;
    if ("member" in subject) return (p) => p.memberId === subject.member;
    const ids = this.tree.subtree(subject.department);
    return (p) => {
      const d = p.memberId ? this.memberDept.get(p.memberId) : null;
      return !!d && ids.has(d);
    };
  }

  /** The figures of a subject: the cases they had (assignee), their reviews turned good. */
  figures(subject: AftersalesSubject = "all"): AftersalesFigures {
    const m = this.matches(subject);
    return this.parts.filter(m).reduce((s, p) => addFigures(s, p.f), { ...ZERO_FIGURES });
  }

  /** Orders paid in the period over the shops (the rates' denominator). */
  paidOrders(): number {
    return [...this.paidByShop.values()].reduce((s, n) => s + n, 0);
  }

  paidOrdersOf(shopId: string): number {
    return this.paidByShop.get(shopId) ?? 0;
  }

  private group<K>(
    key: (p: Part) => K,
    only: AftersalesSubject,
    withReviews: boolean,
  ): FigureLine<K>[] {
    const m = this.matches(only);
    const out = new Map<K, AftersalesFigures>();
    for (const p of this.parts) {
      if (!m(p) || (p.review && !withReviews)) continue;
      const k = key(p);
      out.set(k, addFigures(out.get(k) ?? { ...ZERO_FIGURES }, p.f));
    }
    return [...out].map(([k, figures]) => ({ key: k, figures }));
  }

  /** Lines per shop (every figure). */
  byShop(only: AftersalesSubject = "all"): FigureLine<string>[] {
    return this.group((p) => p.shopId, only, true);
  }
  /** Lines per agent, null for cases nobody had (every figure). */
  byMember(only: AftersalesSubject = "all"): FigureLine<string | null>[] {
    return this.group((p) => p.memberId, only, true);
  }
  /** Lines per reason class of the cases (reviews turned good are not a reason's). */
  byReason(only: AftersalesSubject = "all"): FigureLine<string | null>[] {
    return this.group((p) => p.reasonCode, only, false);
  }
  /** Lines per SKU of the cases' first line (reviews turned good are not a SKU's). */
  bySku(only: AftersalesSubject = "all"): FigureLine<string | null>[] {
    return this.group((p) => p.sku, only, false);
  }

  /** Orders paid in the period with a line of each SKU (over the period's shops). */
  paidOrdersBySku(skus: readonly string[]): Promise<Map<string, number>> {
    return new AftersalesKpiRepository(this.db).paidOrdersBySku(
      this.workspaceId,
      this.from,
      this.to,
      skus,
      this.shopIds,
    );
  }
}
