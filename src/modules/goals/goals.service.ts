// Goals (MBO): cycles, goals for a member or a department with a manual or KPI-bound metric, the
// agreement flow (either side drafts and proposes, the other side agrees or sends back; an agreed
// goal changes only by a new agreement, the agreed states kept in goal_agreements), the
// self-assessment, the lead's review and the final score pay runs read, reminders and a member's
// evaluation across cycles. Every change is audited in its transaction.
import type { Actor } from "../../core/actor.js";
import { conflict, forbidden, invalid, invalidField, notFound, staleVersion, type FieldError } from "../../core/errors.js";
import { achievement, checkWeights, finalScore, transition, type GoalAction } from "../../core/goals/goals.js";
import { newId } from "../../core/ids.js";
import { localDate } from "../../core/plans/local-date.js";
import type { Executor } from "../../db/database.js";
import { KpiService } from "../orders/kpi.service.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { GoalAccess } from "./goals.policy.js";
import { GoalRepository, type AssessmentRow, type CycleRow, type GoalRow } from "./goals.repository.js";
import type { KpiMetric, MetricDto } from "./goals.schema.js";

const LOWER_IS_BETTER: ReadonlySet<KpiMetric> = new Set(["refundRate"]);
const RATES: ReadonlySet<KpiMetric> = new Set(["conversion", "refundRate", "repurchaseRate"]);
const KPI_UNITS: Record<KpiMetric, string> = { gmv: "元", netGmv: "元", aov: "元", paidOrders: "单", conversion: "%", refundRate: "%", repurchaseRate: "%" };

const toHundredths = (points: number) => Math.round(points * 100);
const fromHundredths = (h: number | null) => (h === null ? null : h / 100);
const round4 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10_000) / 10_000);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const parseMetric = (g: { metric: string }) => JSON.parse(g.metric) as MetricDto;
export const betterOf = (m: MetricDto): "higher" | "lower" => (m.kind === "kpi" ? (LOWER_IS_BETTER.has(m.kpi) ? "lower" : "higher") : (m.better ?? "higher"));

type AssessmentStatus = "open" | "draft" | "submitted" | "reviewed" | "final";
const assessmentStatus = (a: AssessmentRow | undefined): AssessmentStatus =>
  !a ? "open" : a.finalScore !== null ? "final" : a.reviewedAt ? "reviewed" : a.submittedAt ? "submitted" : "draft";

function phase(c: CycleRow, today: string) {
  return today < c.startDate ? "upcoming" as const : today > c.endDate ? "ended" as const : "running" as const;
}
export const presentCycle = (c: CycleRow, today: string) => ({
  id: c.id, name: c.name, kind: c.kind, from: c.startDate, to: c.endDate, status: c.status, phase: phase(c, today), version: c.version, createdAt: c.createdAt, updatedAt: c.updatedAt,
});

type Live = Map<string, string | null>;

export function presentGoal(g: GoalRow, live: Live) {
  const metric = parseMetric(g);
  let actual: string | null = g.actual;
  let actualSource: "kpi" | "entered" | "final" | "none" = g.actual === null ? "none" : metric.kind === "kpi" ? "final" : "entered";
  if (metric.kind === "kpi" && g.actual === null) {
    actual = live.get(g.id) ?? null;
    actualSource = actual === null ? "none" : "kpi";
  }
  const better = betterOf(metric);
  return {
    id: g.id, cycleId: g.cycleId, memberId: g.memberId, departmentId: g.departmentId, title: g.title, weight: g.weight, target: g.target, unit: g.unit, metric, better,
    status: g.status, statusComment: g.statusComment, agreementNo: g.agreementNo, proposedBy: g.proposedBy, actual, actualSource,
    achievement: actual === null ? null : round4(achievement(Number(actual), Number(g.target), better)),
    selfScore: fromHundredths(g.selfScore), selfComment: g.selfComment, leadScore: fromHundredths(g.leadScore), leadComment: g.leadComment,
    createdBy: g.createdBy, version: g.version, createdAt: g.createdAt, updatedAt: g.updatedAt,
  };
}
type GoalDto = ReturnType<typeof presentGoal>;

/** Weighted achievement of the goals that have an actual, as a fraction. */
function weightedAchievement(goals: GoalDto[]): number | null {
  const withA = goals.filter((g) => g.achievement !== null);
  const w = withA.reduce((s, g) => s + g.weight, 0);
  return w === 0 ? null : round4(withA.reduce((s, g) => s + g.weight * g.achievement!, 0) / w);
}

function snapshot(g: GoalRow) {
  return { title: g.title, weight: g.weight, target: g.target, unit: g.unit, metric: parseMetric(g), memberId: g.memberId, departmentId: g.departmentId };
}

export class GoalService {
  constructor(private readonly deps: ServiceDeps) {}

  private async access(db: Executor, actor: Actor) {
    const repo = new GoalRepository(db);
    const [members, departments] = await Promise.all([repo.members(actor.workspaceId), repo.departments(actor.workspaceId)]);
    return new GoalAccess(actor, { members, departments });
  }

  private async today(db: Executor, workspaceId: string) {
    const w = await new GoalRepository(db).timeZone(workspaceId);
    return localDate(this.deps.clock(), w?.timeZone ?? "Asia/Shanghai");
  }

  /** Live actuals of KPI-bound goals: the KPI over the cycle's dates up to today (none before it starts). */
  private async liveActuals(workspaceId: string, cycle: CycleRow, goals: GoalRow[], today: string): Promise<Live> {
    const out: Live = new Map();
    const to = cycle.endDate < today ? cycle.endDate : today;
    if (to < cycle.startDate) return out;
    const kpis = new KpiService(this.deps);
    const cache = new Map<string, Awaited<ReturnType<KpiService["compute"]>> | null>();
    for (const g of goals) {
      const m = parseMetric(g);
      if (m.kind !== "kpi" || g.actual !== null) continue;
      const shopIds = m.shopIds ?? [];
      const key = `${m.kpi === "repurchaseRate" ? "r" : "-"}|${shopIds.join(",")}`;
      if (!cache.has(key)) {
        try {
          cache.set(key, await kpis.compute(workspaceId, { shopIds: shopIds.length ? shopIds : undefined, from: cycle.startDate, to, repurchase: m.kpi === "repurchaseRate" }));
        } catch {
          cache.set(key, null); // a shop removed since: no actual rather than a failure
        }
      }
      const k = cache.get(key);
      out.set(g.id, k ? kpiValue(k.totals, m.kpi) : null);
    }
    return out;
  }

  private async cycleOr404(db: Executor, actor: Actor, id: string) {
    const c = await new GoalRepository(db).getCycle(actor.workspaceId, id);
    if (!c) throw notFound("Goal cycle");
    return c;
  }

  private async notify(db: Executor, workspaceId: string, memberId: string | null, kind: string, title: string, body: string, link: string, at: string, out: string[]) {
    if (!memberId) return;
    await new GoalRepository(db).notify({ workspaceId, id: newId(), memberId, kind, title, body, link, readAt: null, createdAt: at });
    out.push(memberId);
  }
  private publish(workspaceId: string, memberIds: string[]) {
    for (const memberId of new Set(memberIds)) this.deps.events?.publish(workspaceId, { type: "notification", memberId });
  }

  // ---- cycles ----

  async listCycles(actor: Actor) {
    const db = this.deps.db;
    const today = await this.today(db, actor.workspaceId);
    return (await new GoalRepository(db).listCycles(actor.workspaceId)).map((c) => presentCycle(c, today));
  }

  async getCycle(actor: Actor, id: string) {
    const db = this.deps.db;
    const c = await this.cycleOr404(db, actor, id);
    const repo = new GoalRepository(db);
    const [access, today, goals, assessments] = await Promise.all([this.access(db, actor), this.today(db, actor.workspaceId), repo.listGoals(actor.workspaceId, { cycleId: id }), repo.assessments(actor.workspaceId, { cycleId: id })]);
    const people = access.overseen();
    const mine = goals.filter((g) => g.memberId && people.some((p) => p.id === g.memberId));
    const live = await this.liveActuals(actor.workspaceId, c, mine, today);
    return {
      ...presentCycle(c, today),
      people: people.map((p) => {
        const gs = mine.filter((g) => g.memberId === p.id).map((g) => presentGoal(g, live));
        const a = assessments.find((x) => x.memberId === p.id);
        return {
          memberId: p.id, name: p.name, departmentId: p.departmentId, goals: gs.length, agreed: gs.filter((g) => g.status === "agreed").length,
          weightTotal: gs.reduce((s, g) => s + g.weight, 0), assessment: assessmentStatus(a), finalScore: fromHundredths(a?.finalScore ?? null), achievement: weightedAchievement(gs),
        };
      }),
    };
  }

  async createCycle(actor: Actor, input: { name: string; kind: "month" | "quarter" | "custom"; from: string; to: string }) {
    if (actor.role !== "owner") throw forbidden("Only the owner creates goal cycles");
    checkRange(input.from, input.to);
    const at = nowIso(this.deps);
    const row: CycleRow = { workspaceId: actor.workspaceId, id: newId(), name: input.name.trim(), kind: input.kind, startDate: input.from, endDate: input.to, status: "open", version: 1, createdAt: at, updatedAt: at };
    if (!row.name) throw invalidField("name", "must not be blank");
    await this.deps.db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).insertCycle(row);
      await audit(trx, actor, at, { action: "goal_cycle.create", entityType: "goal_cycle", entityId: row.id, summary: `Created goal cycle ${row.name} (${row.startDate}…${row.endDate})`, after: { name: row.name, kind: row.kind, from: row.startDate, to: row.endDate } });
    });
    return presentCycle(row, await this.today(this.deps.db, actor.workspaceId));
  }

  async updateCycle(actor: Actor, id: string, input: { version: number; name?: string; from?: string; to?: string; status?: "open" | "closed" }) {
    const c = await this.cycleOr404(this.deps.db, actor, id);
    if (actor.role !== "owner") throw forbidden("Only the owner changes goal cycles");
    if (c.version !== input.version) throw staleVersion("Goal cycle", c.version);
    const from = input.from ?? c.startDate;
    const to = input.to ?? c.endDate;
    checkRange(from, to);
    const name = input.name?.trim() ?? c.name;
    if (!name) throw invalidField("name", "must not be blank");
    const at = nowIso(this.deps);
    const updated = await this.deps.db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateCycle(actor.workspaceId, id, input.version, { name, startDate: from, endDate: to, status: input.status ?? c.status, updatedAt: at });
      if (!u) throw staleVersion("Goal cycle", c.version);
      await audit(trx, actor, at, { action: "goal_cycle.update", entityType: "goal_cycle", entityId: id, summary: `Changed goal cycle ${u.name}`, before: { name: c.name, from: c.startDate, to: c.endDate, status: c.status }, after: { name: u.name, from: u.startDate, to: u.endDate, status: u.status } });
      return u;
    });
    return presentCycle(updated, await this.today(this.deps.db, actor.workspaceId));
  }

  // ---- goals ----

  async listGoals(actor: Actor, q: { cycleId: string; memberId?: string; departmentId?: string }) {
    const db = this.deps.db;
    const c = await this.cycleOr404(db, actor, q.cycleId);
    const access = await this.access(db, actor);
    if (q.memberId) {
      if (!access.member(q.memberId)) throw notFound("Member");
      if (!access.canRead({ memberId: q.memberId, departmentId: null })) throw forbidden("You may only see your own goals, or those of the people you manage");
    }
    const goals = (await new GoalRepository(db).listGoals(actor.workspaceId, { cycleId: q.cycleId, memberId: q.memberId, departmentId: q.departmentId })).filter((g) => access.canRead(g));
    const live = await this.liveActuals(actor.workspaceId, c, goals, await this.today(db, actor.workspaceId));
    return { items: goals.map((g) => presentGoal(g, live)), nextCursor: null };
  }

  private async goalFor(db: Executor, actor: Actor, id: string) {
    const g = await new GoalRepository(db).getGoal(actor.workspaceId, id);
    if (!g) throw notFound("Goal");
    const access = await this.access(db, actor);
    if (!access.canRead(g)) throw forbidden("You may only see your own goals, or those of the people you manage");
    const cycle = (await new GoalRepository(db).getCycle(actor.workspaceId, g.cycleId))!;
    return { g, access, cycle };
  }

  private async present(db: Executor, actor: Actor, g: GoalRow, cycle: CycleRow, withHistory = false) {
    const live = await this.liveActuals(actor.workspaceId, cycle, [g], await this.today(db, actor.workspaceId));
    const agreements = withHistory ? await new GoalRepository(db).agreements(actor.workspaceId, g.id) : [];
    return { ...presentGoal(g, live), agreements: agreements.map((a) => ({ agreementNo: a.agreementNo, snapshot: JSON.parse(a.snapshot) as unknown, agreedBy: a.agreedBy, agreedAt: a.agreedAt })) };
  }

  async getGoal(actor: Actor, id: string) {
    const { g, cycle } = await this.goalFor(this.deps.db, actor, id);
    return this.present(this.deps.db, actor, g, cycle, true);
  }

  private async checkMetric(db: Executor, workspaceId: string, metric: MetricDto, field = "metric") {
    if (metric.kind !== "kpi" || !metric.shopIds?.length) return;
    const shops = new Set((await new GoalRepository(db).shopIds(workspaceId)).map((s) => s.id));
    const errors: FieldError[] = metric.shopIds.flatMap((id, i) => (shops.has(id) ? [] : [{ field: `${field}.shopIds.${i}`, message: "no such shop" }]));
    if (errors.length) throw invalid("The goal names a shop that does not exist", errors);
  }

  /** Once the self-assessment is submitted, the goals it assesses stay as they were agreed. */
  private async assertNotAssessed(db: Executor, workspaceId: string, g: GoalRow) {
    if (!g.memberId) return;
    const status = assessmentStatus(await new GoalRepository(db).getAssessment(workspaceId, g.cycleId, g.memberId));
    if (status === "final") throw conflict("The cycle's result is final for this member; the goal no longer changes");
    if (status !== "open" && status !== "draft") throw conflict("The self-assessment is submitted; the goals it assesses no longer change");
  }

  async createGoal(actor: Actor, input: { cycleId: string; memberId?: string; departmentId?: string; title: string; weight: number; target: string; unit?: string; metric: MetricDto }) {
    const db = this.deps.db;
    const cycle = await new GoalRepository(db).getCycle(actor.workspaceId, input.cycleId);
    if (!cycle) throw invalidField("cycleId", "no such goal cycle");
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if ((input.memberId === undefined) === (input.departmentId === undefined)) throw invalid("A goal is for a member or for a department", [{ field: "memberId", message: "give exactly one of memberId and departmentId" }]);
    const access = await this.access(db, actor);
    const subject = { memberId: input.memberId ?? null, departmentId: null as string | null };
    if (input.memberId) {
      const m = access.member(input.memberId);
      if (!m || m.status !== "active") throw invalidField("memberId", "no such active member");
    } else {
      if (!access.org.departments.some((d) => d.id === input.departmentId)) throw invalidField("departmentId", "no such department");
      subject.departmentId = input.departmentId!;
    }
    if (!access.isSelf(subject) && !access.manages(subject)) throw forbidden("Goals are drafted by the member or by their lead or the owner");
    await this.checkMetric(db, actor.workspaceId, input.metric);
    const title = input.title.trim();
    if (!title) throw invalidField("title", "must not be blank");
    const at = nowIso(this.deps);
    const row: GoalRow = {
      workspaceId: actor.workspaceId, id: newId(), cycleId: cycle.id, memberId: subject.memberId, departmentId: subject.departmentId, title, weight: input.weight, target: input.target,
      unit: input.unit ?? (input.metric.kind === "kpi" ? KPI_UNITS[input.metric.kpi] : ""), metric: JSON.stringify(input.metric), status: "draft", statusComment: null, agreementNo: 1,
      actual: null, selfScore: null, selfComment: null, leadScore: null, leadComment: null, createdBy: actor.memberId, proposedBy: null, version: 1, createdAt: at, updatedAt: at,
    };
    await db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).insertGoal(row);
      await audit(trx, actor, at, { action: "goal.create", entityType: "goal", entityId: row.id, summary: `Drafted goal "${title}" (weight ${row.weight}, target ${row.target}${row.unit})`, after: snapshot(row) });
    });
    return this.present(db, actor, row, cycle, true);
  }

  async updateGoal(actor: Actor, id: string, input: { version: number; title?: string; weight?: number; target?: string; unit?: string; metric?: MetricDto }) {
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g)) throw forbidden("Goals are changed by the member or by their lead or the owner");
    if (g.version !== input.version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (g.status === "agreed") throw conflict("An agreed goal changes only by a new agreement: reopen it first (POST /goals/{id}/reopen)");
    if (g.status === "proposed") throw conflict("The goal is proposed: agree or send it back first");
    if (input.metric) await this.checkMetric(db, actor.workspaceId, input.metric);
    const title = input.title?.trim() ?? g.title;
    if (!title) throw invalidField("title", "must not be blank");
    const at = nowIso(this.deps);
    const updated = await db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateGoal(actor.workspaceId, id, g.version, {
        title, weight: input.weight ?? g.weight, target: input.target ?? g.target, unit: input.unit ?? g.unit, metric: input.metric ? JSON.stringify(input.metric) : g.metric, updatedAt: at,
      });
      if (!u) throw staleVersion("Goal", g.version);
      await audit(trx, actor, at, { action: "goal.update", entityType: "goal", entityId: id, summary: `Changed goal "${u.title}"`, before: snapshot(g), after: snapshot(u) });
      return u;
    });
    return this.present(db, actor, updated, cycle, true);
  }

  async deleteGoal(actor: Actor, id: string) {
    const db = this.deps.db;
    const { g, access } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g)) throw forbidden("Goals are removed by the member or by their lead or the owner");
    const history = await new GoalRepository(db).agreements(actor.workspaceId, id);
    if (g.status === "agreed" || g.status === "proposed" || history.length > 0) throw conflict("Only a goal that was never agreed and is not proposed can be removed");
    const at = nowIso(this.deps);
    await db.transaction().execute(async (trx) => {
      await new GoalRepository(trx).deleteGoal(actor.workspaceId, id);
      await audit(trx, actor, at, { action: "goal.delete", entityType: "goal", entityId: id, summary: `Removed goal "${g.title}"`, before: snapshot(g) });
    });
  }

  /** The subject's goals in the cycle must weigh 100 in all before they are proposed or agreed. */
  private async checkSubjectWeights(db: Executor, workspaceId: string, g: GoalRow) {
    const all = await new GoalRepository(db).listGoals(workspaceId, g.memberId ? { cycleId: g.cycleId, memberId: g.memberId } : { cycleId: g.cycleId, departmentId: g.departmentId! });
    const errors = checkWeights(all);
    if (errors.length) throw invalid(`The goals' weights must add up to 100 before they are proposed or agreed (they add up to ${all.reduce((s, x) => s + x.weight, 0)})`, errors);
  }

  private async move(actor: Actor, id: string, version: number, action: Exclude<GoalAction, "reopen">, comment?: string) {
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (action === "propose" ? !access.isSelf(g) && !access.manages(g) : !access.canAnswer(g, g.proposedBy)) {
      throw forbidden(action === "propose" ? "Goals are proposed by the member or by their lead or the owner" : "The goal is agreed or sent back by the side that did not propose it");
    }
    if (g.version !== version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    const to = transition(g.status, action);
    if (!to) throw conflict(`A ${g.status} goal cannot be ${action === "propose" ? "proposed" : action === "agree" ? "agreed" : "sent back"}`);
    if (action !== "return") await this.checkSubjectWeights(db, actor.workspaceId, g);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    const self = access.selfOf(g);
    const updated = await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      const u = await repo.updateGoal(actor.workspaceId, id, g.version, {
        status: to, updatedAt: at, statusComment: action === "return" ? comment! : null, ...(action === "propose" && { proposedBy: actor.memberId }),
      });
      if (!u) throw staleVersion("Goal", g.version);
      if (action === "agree") await repo.insertAgreement({ workspaceId: actor.workspaceId, id: newId(), goalId: id, agreementNo: u.agreementNo, snapshot: JSON.stringify(snapshot(u)), agreedBy: actor.memberId, agreedAt: at });
      const verb = action === "propose" ? "Proposed" : action === "agree" ? "Agreed" : "Sent back";
      await audit(trx, actor, at, { action: `goal.${action}`, entityType: "goal", entityId: id, summary: `${verb} goal "${u.title}"${action === "agree" ? ` (agreement ${u.agreementNo})` : ""}${comment ? `: ${comment}` : ""}`, before: { status: g.status }, after: { status: to, ...(comment && { comment }) } });
      const link = `/goals?cycle=${g.cycleId}`;
      if (action === "propose") {
        const other = actor.memberId === self ? (g.memberId ? access.reviewerOf(g.memberId) : access.reviewerOf(self ?? "")) : self;
        if (other !== actor.memberId) await this.notify(trx, actor.workspaceId, other, "goal.proposed", `目标待确认 · Goal to agree: ${u.title}`, `${cycle.name}`, link, at, notified);
      } else if (g.proposedBy && g.proposedBy !== actor.memberId) {
        const title = action === "agree" ? `目标已确认 · Goal agreed: ${u.title}` : `目标被退回 · Goal sent back: ${u.title}`;
        await this.notify(trx, actor.workspaceId, g.proposedBy, `goal.${action === "agree" ? "agreed" : "returned"}`, title, comment ?? cycle.name, link, at, notified);
      }
      return u;
    });
    this.publish(actor.workspaceId, notified);
    return this.present(db, actor, updated, cycle, true);
  }

  propose(actor: Actor, id: string, version: number) { return this.move(actor, id, version, "propose"); }
  agree(actor: Actor, id: string, version: number) { return this.move(actor, id, version, "agree"); }
  returnGoal(actor: Actor, id: string, version: number, comment: string) {
    if (!comment.trim()) throw invalidField("comment", "say why the goal goes back");
    return this.move(actor, id, version, "return", comment.trim());
  }

  /** A new agreement: the agreed goal goes back to draft with the next agreement number; the agreed state stays in the history. */
  async reopen(actor: Actor, id: string, version: number, comment?: string) {
    const db = this.deps.db;
    const { g, access, cycle } = await this.goalFor(db, actor, id);
    if (!access.isSelf(g) && !access.manages(g)) throw forbidden("Goals are reopened by the member or by their lead or the owner");
    if (g.version !== version) throw staleVersion("Goal", g.version);
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (!transition(g.status, "reopen")) throw conflict("Only an agreed goal is reopened; change a draft directly");
    await this.assertNotAssessed(db, actor.workspaceId, g);
    const at = nowIso(this.deps);
    const updated = await db.transaction().execute(async (trx) => {
      const u = await new GoalRepository(trx).updateGoal(actor.workspaceId, id, g.version, { status: "draft", agreementNo: g.agreementNo + 1, statusComment: comment?.trim() || null, proposedBy: null, updatedAt: at });
      if (!u) throw staleVersion("Goal", g.version);
      await audit(trx, actor, at, { action: "goal.reopen", entityType: "goal", entityId: id, summary: `Reopened goal "${g.title}" for agreement ${u.agreementNo}${comment ? `: ${comment}` : ""}`, before: { status: g.status, agreementNo: g.agreementNo }, after: { status: "draft", agreementNo: u.agreementNo } });
      return u;
    });
    return this.present(db, actor, updated, cycle, true);
  }

  // ---- assessment ----

  private async assessmentContext(db: Executor, actor: Actor, cycleId: string, memberId: string) {
    const cycle = await this.cycleOr404(db, actor, cycleId);
    const access = await this.access(db, actor);
    const member = access.member(memberId);
    if (!member) throw notFound("Member");
    const subject = { memberId, departmentId: null };
    if (!access.isSelf(subject) && !access.manages(subject)) throw forbidden("You may only see your own assessment, or those of the people you manage");
    const repo = new GoalRepository(db);
    const [goals, row] = await Promise.all([repo.listGoals(actor.workspaceId, { cycleId, memberId }), repo.getAssessment(actor.workspaceId, cycleId, memberId)]);
    return { cycle, access, member, goals, row, subject };
  }

  private async presentAssessment(actor: Actor, ctx: Awaited<ReturnType<GoalService["assessmentContext"]>>) {
    const { cycle, access, member, goals, row, subject } = ctx;
    const live = await this.liveActuals(actor.workspaceId, cycle, goals, await this.today(this.deps.db, actor.workspaceId));
    const status = assessmentStatus(row);
    const allAgreed = goals.length > 0 && goals.every((g) => g.status === "agreed");
    const reviewer = access.manages(subject) && (!access.isSelf(subject) || actor.role === "owner");
    return {
      cycleId: cycle.id, memberId: member.id, memberName: member.name, status, report: row?.report ?? null, submittedAt: row?.submittedAt ?? null,
      reviewComment: row?.reviewComment ?? null, reviewedBy: row?.reviewedBy ?? null, reviewedAt: row?.reviewedAt ?? null, finalScore: fromHundredths(row?.finalScore ?? null), version: row?.version ?? 0,
      canSelfAssess: access.isSelf(subject) && allAgreed && cycle.status === "open" && (status === "open" || status === "draft"),
      canReview: reviewer && cycle.status === "open" && (status === "submitted" || status === "reviewed"),
      goals: goals.map((g) => presentGoal(g, live)),
    };
  }

  async getAssessment(actor: Actor, cycleId: string, memberId: string) {
    return this.presentAssessment(actor, await this.assessmentContext(this.deps.db, actor, cycleId, memberId));
  }

  private goalIndex(goals: GoalRow[], entries: { goalId: string }[]) {
    const errors: FieldError[] = [];
    entries.forEach((e, i) => { if (!goals.some((g) => g.id === e.goalId)) errors.push({ field: `goals.${i}.goalId`, message: "not one of this member's goals in the cycle" }); });
    if (new Set(entries.map((e) => e.goalId)).size !== entries.length) errors.push({ field: "goals", message: "a goal is listed twice" });
    if (errors.length) throw invalid("The assessment names goals that are not this member's in the cycle", errors);
  }

  async saveSelfAssessment(actor: Actor, cycleId: string, memberId: string, input: { version: number; report: string; goals: { goalId: string; selfScore?: number | null; actual?: string | null; comment?: string | null }[]; submit?: boolean }) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const { cycle, goals, row, access } = ctx;
    if (memberId !== actor.memberId) throw forbidden("The self-assessment is written by the member");
    if (cycle.status === "closed") throw conflict("The goal cycle is closed");
    if (goals.length === 0 || goals.some((g) => g.status !== "agreed")) throw conflict("Every goal of the cycle must be agreed before the self-assessment");
    const status = assessmentStatus(row);
    if (status !== "open" && status !== "draft") throw conflict("The self-assessment is already submitted");
    if ((row?.version ?? 0) !== input.version) throw staleVersion("Assessment", row?.version ?? 0);
    this.goalIndex(goals, input.goals);
    const errors: FieldError[] = [];
    input.goals.forEach((e, i) => {
      const g = goals.find((x) => x.id === e.goalId)!;
      if (e.actual != null && parseMetric(g).kind === "kpi") errors.push({ field: `goals.${i}.actual`, message: "comes from the shop data for a KPI-bound goal" });
    });
    if (input.submit) {
      if (!input.report.trim()) errors.push({ field: "report", message: "write the report before submitting" });
      goals.forEach((g) => {
        const e = input.goals.find((x) => x.goalId === g.id);
        const score = e && e.selfScore !== undefined ? e.selfScore : fromHundredths(g.selfScore);
        if (score === null) {
          const i = input.goals.findIndex((x) => x.goalId === g.id);
          errors.push({ field: i >= 0 ? `goals.${i}.selfScore` : "goals", message: i >= 0 ? "a self score is needed to submit" : `a self score is needed for "${g.title}"` });
        }
      });
    }
    if (errors.length) throw invalid("The self-assessment is not complete", errors);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const e of input.goals) {
        const g = goals.find((x) => x.id === e.goalId)!;
        const u = await repo.updateGoal(actor.workspaceId, g.id, g.version, {
          ...(e.selfScore !== undefined && { selfScore: e.selfScore === null ? null : toHundredths(e.selfScore) }),
          ...(e.comment !== undefined && { selfComment: e.comment?.trim() || null }),
          ...(e.actual !== undefined && { actual: e.actual }), updatedAt: at,
        });
        if (!u) throw staleVersion("Goal", g.version);
      }
      const patch = { report: input.report, submittedAt: input.submit ? at : null };
      if (row) {
        if (!(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, patch))) throw staleVersion("Assessment", row.version);
      } else {
        await repo.insertAssessment({ workspaceId: actor.workspaceId, cycleId, memberId, ...patch, reviewComment: null, reviewedBy: null, reviewedAt: null, finalScore: null, version: 1 });
      }
      await audit(trx, actor, at, { action: input.submit ? "goal_assessment.submit" : "goal_assessment.save", entityType: "goal_assessment", entityId: `${cycleId}/${memberId}`, summary: `${input.submit ? "Submitted" : "Saved"} the self-assessment for ${cycle.name}`, after: { goals: input.goals } });
      if (input.submit) await this.notify(trx, actor.workspaceId, access.reviewerOf(memberId), "goal.self_assessed", `自评待审核 · Self-assessment to review: ${ctx.member.name}`, cycle.name, `/goals?cycle=${cycleId}&member=${memberId}`, at, notified);
    });
    this.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }

  private assertReviewer(ctx: Awaited<ReturnType<GoalService["assessmentContext"]>>, actor: Actor) {
    if (!ctx.access.manages(ctx.subject) || (ctx.access.isSelf(ctx.subject) && actor.role !== "owner")) throw forbidden("The review is written by the member's lead or the owner");
    if (ctx.cycle.status === "closed") throw conflict("The goal cycle is closed");
    const status = assessmentStatus(ctx.row);
    if (status === "final") throw conflict("The result is already final");
    if (status !== "submitted" && status !== "reviewed") throw conflict("The member has not submitted the self-assessment yet");
    return ctx.row!;
  }

  async review(actor: Actor, cycleId: string, memberId: string, input: { version: number; comment: string; goals: { goalId: string; score?: number | null; comment?: string | null }[] }) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const row = this.assertReviewer(ctx, actor);
    if (row.version !== input.version) throw staleVersion("Assessment", row.version);
    this.goalIndex(ctx.goals, input.goals);
    const at = nowIso(this.deps);
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const e of input.goals) {
        const g = ctx.goals.find((x) => x.id === e.goalId)!;
        const u = await repo.updateGoal(actor.workspaceId, g.id, g.version, {
          ...(e.score !== undefined && { leadScore: e.score === null ? null : toHundredths(e.score) }), ...(e.comment !== undefined && { leadComment: e.comment?.trim() || null }), updatedAt: at,
        });
        if (!u) throw staleVersion("Goal", g.version);
      }
      if (!(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, { reviewComment: input.comment, reviewedBy: actor.memberId, reviewedAt: at }))) throw staleVersion("Assessment", row.version);
      await audit(trx, actor, at, { action: "goal_assessment.review", entityType: "goal_assessment", entityId: `${cycleId}/${memberId}`, summary: `Reviewed ${ctx.member.name}'s goals for ${ctx.cycle.name}`, after: { comment: input.comment, goals: input.goals } });
    });
    return this.getAssessment(actor, cycleId, memberId);
  }

  /** Fixes the cycle's final score (Σ weight × lead score ÷ 100) and the KPI actuals as of now. */
  async finalize(actor: Actor, cycleId: string, memberId: string, version: number) {
    const db = this.deps.db;
    const ctx = await this.assessmentContext(db, actor, cycleId, memberId);
    const row = this.assertReviewer(ctx, actor);
    if (row.version !== version) throw staleVersion("Assessment", row.version);
    const errors: FieldError[] = ctx.goals.flatMap((g, i) => (g.leadScore === null ? [{ field: `goals.${i}.score`, message: `"${g.title}" has no review score` }] : []));
    if (errors.length) throw invalid("Every goal needs a review score before the result is final", errors);
    const score = finalScore(ctx.goals.map((g) => ({ weight: g.weight, scoreHundredths: g.leadScore! })));
    const live = await this.liveActuals(actor.workspaceId, ctx.cycle, ctx.goals, await this.today(db, actor.workspaceId));
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      const repo = new GoalRepository(trx);
      for (const g of ctx.goals) {
        if (!live.has(g.id)) continue;
        if (!(await repo.updateGoal(actor.workspaceId, g.id, g.version, { actual: live.get(g.id) ?? null, updatedAt: at }))) throw staleVersion("Goal", g.version);
      }
      if (!(await repo.updateAssessment(actor.workspaceId, cycleId, memberId, row.version, { finalScore: score, reviewedBy: actor.memberId, reviewedAt: row.reviewedAt ?? at }))) throw staleVersion("Assessment", row.version);
      await audit(trx, actor, at, { action: "goal_assessment.finalize", entityType: "goal_assessment", entityId: `${cycleId}/${memberId}`, summary: `Final score of ${ctx.member.name} for ${ctx.cycle.name}: ${(score / 100).toFixed(2)}`, after: { finalScore: score / 100 } });
      await this.notify(trx, actor.workspaceId, memberId === actor.memberId ? null : memberId, "goal.final", `考核结果已确定 · Your result for ${ctx.cycle.name}: ${(score / 100).toFixed(2)}`, row.reviewComment ?? "", `/goals?cycle=${cycleId}`, at, notified);
    });
    this.publish(actor.workspaceId, notified);
    return this.getAssessment(actor, cycleId, memberId);
  }

  /** In-app reminders of what is due in the cycle for the people the actor manages. */
  async remind(actor: Actor, cycleId: string) {
    const db = this.deps.db;
    const cycle = await this.cycleOr404(db, actor, cycleId);
    if (actor.role === "member") throw forbidden("Reminders are sent by leads and the owner");
    const access = await this.access(db, actor);
    const repo = new GoalRepository(db);
    const [goals, assessments, today] = await Promise.all([repo.listGoals(actor.workspaceId, { cycleId }), repo.assessments(actor.workspaceId, { cycleId }), this.today(db, actor.workspaceId)]);
    const at = nowIso(this.deps);
    const notified: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (const p of access.overseen()) {
        if (p.id === actor.memberId) continue;
        const mine = goals.filter((g) => g.memberId === p.id);
        const a = assessmentStatus(assessments.find((x) => x.memberId === p.id));
        const due: string[] = [];
        if (mine.length === 0) due.push("制定目标 · set your goals");
        if (mine.some((g) => g.status === "draft" || g.status === "returned")) due.push("提交目标 · propose your goals");
        if (mine.some((g) => g.status === "proposed" && g.proposedBy !== p.id)) due.push("确认目标 · agree your goals");
        if (mine.length > 0 && mine.every((g) => g.status === "agreed") && today >= addDays(cycle.endDate, -3) && (a === "open" || a === "draft")) due.push(`自评（截止 ${cycle.endDate}）· self-assessment due ${cycle.endDate}`);
        if (due.length) await this.notify(trx, actor.workspaceId, p.id, "goal.reminder", `目标待办 · Goals: ${cycle.name}`, due.join("\n"), `/goals?cycle=${cycleId}`, at, notified);
      }
    });
    this.publish(actor.workspaceId, notified);
    return { notified: notified.length };
  }

  // ---- evaluation ----

  /** A member's goals across cycles: achievement against target, the KPI-bound goals' history and the trend of final scores. */
  async evaluation(actor: Actor, memberId: string) {
    const db = this.deps.db;
    const access = await this.access(db, actor);
    const member = access.member(memberId);
    if (!member) throw notFound("Member");
    if (!access.isSelf({ memberId, departmentId: null }) && !access.manages({ memberId, departmentId: null })) throw forbidden("You may only see your own evaluation, or those of the people you manage");
    const repo = new GoalRepository(db);
    const [cycles, goals, assessments, today] = await Promise.all([repo.listCycles(actor.workspaceId), repo.listGoals(actor.workspaceId, { memberId }), repo.assessments(actor.workspaceId, { memberId }), this.today(db, actor.workspaceId)]);
    const withGoals = cycles.filter((c) => goals.some((g) => g.cycleId === c.id)).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)).slice(-24);
    const out = [];
    const series = new Map<string, { cycleId: string; cycleName: string; to: string; target: string; actual: string | null; achievement: number | null }[]>();
    for (const c of withGoals) {
      const gs = goals.filter((g) => g.cycleId === c.id);
      const live = await this.liveActuals(actor.workspaceId, c, gs, today);
      const shown = gs.map((g) => presentGoal(g, live));
      for (const g of shown) {
        if (g.metric.kind !== "kpi") continue;
        const list = series.get(g.metric.kpi) ?? [];
        list.push({ cycleId: c.id, cycleName: c.name, to: c.endDate, target: g.target, actual: g.actual, achievement: g.achievement });
        series.set(g.metric.kpi, list);
      }
      const a = assessments.find((x) => x.cycleId === c.id);
      out.push({
        cycleId: c.id, name: c.name, from: c.startDate, to: c.endDate, finalScore: fromHundredths(a?.finalScore ?? null), achievement: weightedAchievement(shown),
        goals: shown.map((g) => ({ id: g.id, title: g.title, metric: g.metric, unit: g.unit, weight: g.weight, target: g.target, actual: g.actual, achievement: g.achievement, leadScore: g.leadScore })),
      });
    }
    const scores = out.map((c) => c.finalScore).filter((x): x is number => x !== null);
    const last = scores.at(-1) ?? null;
    const previous = scores.length > 1 ? scores.at(-2)! : null;
    const direction = last === null || previous === null ? null : last - previous > 0.5 ? "up" as const : previous - last > 0.5 ? "down" as const : "flat" as const;
    return {
      member: { id: member.id, name: member.name, departmentId: member.departmentId }, cycles: out,
      kpiSeries: [...series.entries()].map(([kpi, points]) => ({ kpi, points })), trend: { direction, lastScore: last, previousScore: previous },
    };
  }
}

function checkRange(from: string, to: string) {
  if (to < from) throw invalidField("to", "the cycle ends before it starts");
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 400 * 86_400_000) throw invalidField("to", "a cycle lasts at most 400 days");
}

/** The KPI's value as goal text: money in yuan, counts, rates in percent (two decimals). */
export function kpiValue(totals: { gmv: string; netGmv: string; aov: string; paidOrders: number; conversion: number | null; refundRate: number | null; repurchaseRate: number | null }, kpi: KpiMetric): string | null {
  if (RATES.has(kpi)) {
    const v = totals[kpi as "conversion" | "refundRate" | "repurchaseRate"];
    return v === null ? null : (v * 100).toFixed(2);
  }
  if (kpi === "paidOrders") return String(totals.paidOrders);
  return totals[kpi as "gmv" | "netGmv" | "aov"];
}
