// Monthly pay runs: every member with a plan gets a statement computed by the pure calculator
// from the plan version in force on the period's first day, KPI-bound inputs from the shop data
// and entered inputs; the owner previews, recomputes, then locks. A locked run never changes;
// corrections are adjustments paid by the next run.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, type Locale, type Message } from "../../core/messages/index.js";
import { formatMoney, parseMoney } from "../../core/money.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import { storedLines, storeLines } from "../../core/pay/lines.js";
import { compilePlan, type CompiledPlan, type PayPlanDefinition } from "../../core/pay/plan.js";
import { requiredInputs, type Inputs } from "../../core/pay/statement.js";
import {
  computeMonth,
  prorate,
  type MonthEntry,
  type PlanSegment,
} from "../../core/pay/segments.js";
import { daysBetween } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";
import type { Executor } from "../../db/database.js";
import { MetricSource } from "../metrics/metric-source.js";
import { PayInputReader, type PayMember } from "./pay-inputs.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { payFieldError, payNotFound, payStale } from "./pay-errors.js";
import { planSegments } from "./pay-plan.service.js";
import { PayRepository } from "./pay.repository.js";
import {
  exportRowsOf,
  missingOf,
  monthDaysOf,
  periodRange,
  presentStatement,
  type EnteredInput,
} from "./pay-statements.js";

export class PayRunService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Members with a plan on a date, their compiled plan version and their entries' inputs. */
  private async entries(
    db: Executor,
    workspaceId: string,
    from: string,
    to: string,
    entered: EnteredInput[],
    override?: { shopGmvFen: number },
  ) {
    const repo = new PayRepository(db);
    const [members, versions, assignments, departmentRows, scores] = await Promise.all([
      repo.activeMembers(workspaceId),
      repo.versions(workspaceId),
      repo.assignments(workspaceId),
      repo.departments(workspaceId),
      repo.finalGoalScores(workspaceId, from, to),
    ]);
    const reader = (f: string, t: string, o?: { shopGmvFen: number }) =>
      new PayInputReader(new MetricSource(this.deps, workspaceId, { from: f, to: t }, db), o);
    const data = reader(from, to, override);
    const departments = new Map(departmentRows.map((d) => [d.id, d.name]));
    const errors: FieldError[] = [];
    const enteredValue = (
      memberId: string,
      key: string,
      money: boolean,
    ): { value: number; source: Message } | null => {
      const i = entered.findIndex((e) => e.key === key && e.memberId === memberId);
      const j = i >= 0 ? i : entered.findIndex((e) => e.key === key && e.memberId === null);
      if (j < 0) return null;
      const raw = entered[j]!.value;
      const source = msg("pay.src.entered", { value: raw });
      if (money) {
        const r = parseMoney(raw);
        if (!r.ok)
          return (
            errors.push(fieldError(`inputs.${j}.value`, "pay.field.money_invalid", { value: raw })),
            null
          );
        return { value: r.fen, source };
      }
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n))
        return (errors.push(fieldError(`inputs.${j}.value`, "pay.field.number")), null);
      return { value: n, source };
    };
    /** A plan's inputs: over the month (`part` absent), or over a segment's own dates — commissions only, an entered number split by days. */
    const inputsFor = async (
      plan: CompiledPlan,
      m: PayMember,
      source: PayInputReader,
      part?: { daysBefore: number; days: number; monthDays: number },
    ): Promise<Inputs> => {
      const inputs: Inputs = {};
      for (const req of requiredInputs(plan)) {
        if (part && req.kind !== "commission") continue;
        const money = "base" in req && req.base !== "quantity";
        const manual = enteredValue(m.id, req.key, money);
        if (part && manual) {
          inputs[req.key] = {
            value: prorate(manual.value, part.daysBefore, part.days, part.monthDays),
            source: msg("pay.src.prorated", {
              source: manual.source,
              days: part.days,
              monthDays: part.monthDays,
            }),
          };
          continue;
        }
        const fromData = await source.value(req, m, (id) => departments.get(id) ?? id);
        if (fromData) {
          // Money for commissions and pools on money bases; a scorecard metric (CS data) is a plain number.
          inputs[req.key] = manual
            ? {
                value: manual.value,
                source: msg("pay.src.instead", {
                  entered: manual.source,
                  data: PayInputReader.describe(fromData, req),
                  source: fromData.source,
                }),
              }
            : fromData;
          continue;
        }
        if (req.kind === "goal_score") {
          const s = scores.filter((x) => x.memberId === m.id).at(-1);
          if (manual) inputs[req.key] = manual;
          else if (s)
            inputs[req.key] = {
              value: s.finalScore! / 100,
              source: msg("pay.src.goal_cycle", { cycle: s.name }),
            };
          continue;
        }
        if (manual) inputs[req.key] = manual;
      }
      return inputs;
    };
    const monthEnd = periodRange(from.slice(0, 7)).to;
    const monthDays = daysBetween(from, monthEnd) + 1;
    const sources = new Map<string, PayInputReader>();
    const sourceOf = (f: string, t: string) =>
      sources.get(`${f}|${t}`) ?? sources.set(`${f}|${t}`, reader(f, t)).get(`${f}|${t}`)!;
    const out: (MonthEntry & {
      memberName: string;
      departmentId: string | null;
      planVersionId: string;
    })[] = [];
    for (const m of members) {
      // The versions in force over the month (docs/PAY.md "A version effective mid-month"): one segment per version, from the day it takes over.
      const segments = planSegments(m, assignments, versions, from, monthEnd);
      if (segments.length === 0) continue;
      const compiled = segments.map((x) =>
        compilePlan(JSON.parse(x.version.definition) as PayPlanDefinition),
      );
      if (compiled.some((c) => !c.ok)) continue; // stored definitions were validated when saved
      const plans = compiled.map((c) => (c as { ok: true; plan: CompiledPlan }).plan);
      const inputs = await inputsFor(plans[0]!, m, data);
      let split: PlanSegment[] | undefined;
      if (segments.length > 1) {
        split = [];
        let daysBefore = daysBetween(from, segments[0]!.from);
        for (const [i, x] of segments.entries()) {
          const days = daysBetween(x.from, x.to) + 1;
          const month = i === 0 ? inputs : await inputsFor(plans[i]!, m, data);
          // Dates still to come (a projection) have no sales yet.
          const own =
            x.from > to
              ? {}
              : await inputsFor(plans[i]!, m, sourceOf(x.from, x.to < to ? x.to : to), {
                  daysBefore,
                  days,
                  monthDays,
                });
          split.push({
            from: x.from,
            to: x.to,
            days,
            planVersionId: x.version.id,
            plan: plans[i]!,
            month,
            own,
          });
          daysBefore += days;
        }
      }
      out.push({
        memberId: m.id,
        memberName: m.name,
        departmentId: m.departmentId,
        planVersionId: segments[0]!.version.id,
        plan: plans[0]!,
        inputs,
        ...(split && { segments: split }),
      });
    }
    if (errors.length)
      throw fail("invalid", "pay.run.inputs_invalid", { count: errors.length }, { fields: errors });
    return out;
  }

  /** The actor as the pay policy sees them (the departments they manage, through this handle). */
  private async policy(db: Executor, actor: Actor): Promise<PolicyActor> {
    return policyActor(actor, await new PayRepository(db).departments(actor.workspaceId));
  }

  async compute(
    actor: Actor,
    input: { period: string; inputs?: EnteredInput[]; version?: number },
  ) {
    const db = this.deps.db;
    if (!can(await this.policy(db, actor), "pay.run.manage"))
      throw fail("forbidden", "pay.forbidden.runs_manage");
    const { from, to } = periodRange(input.period);
    // Reads (KPIs, plans, inputs) happen before the write transaction: SQLite has one connection,
    // and the KPI service reads through it. The write re-checks the version, so nothing is lost.
    const existing = await new PayRepository(db).getRunByPeriod(actor.workspaceId, input.period);
    if (existing?.status === "locked")
      throw fail("conflict", "pay.run.locked", { period: input.period });
    if (existing && input.version !== existing.version) throw payStale("run", existing.version);
    const data = await new MetricSource(this.deps, actor.workspaceId, { from, to }).kpis();
    if (data.totals.paidOrders === 0)
      throw payFieldError("period", "pay.run.no_shop_data", { period: input.period });
    const entered =
      input.inputs ?? (existing ? (JSON.parse(existing.inputs) as EnteredInput[]) : []);
    const entries = await this.entries(db, actor.workspaceId, from, to, entered);
    if (entries.length === 0)
      throw fail("invalid", "pay.run.no_plans", undefined, {
        fields: [fieldError("period", "pay.run.no_plan_field")],
      });
    const runId = existing?.id ?? newId();
    const adjustments = await new PayRepository(db).openAdjustments(actor.workspaceId, runId);
    // Only adjustments of members with a statement are paid by this run; the others stay open.
    const included = adjustments.filter((a) => entries.some((e) => e.memberId === a.memberId));
    for (const e of entries)
      e.adjustments = included
        .filter((a) => a.memberId === e.memberId)
        .map((a) => ({ amountFen: a.amountFen, reason: a.reason }));
    const statements = computeMonth(entries, monthDaysOf(input.period));
    const total = statements.reduce((s, x) => s + x.totalFen, 0);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const at = nowIso(this.deps);
      if (existing) {
        const updated = await repo.updateRun(actor.workspaceId, existing.id, existing.version, {
          inputs: JSON.stringify(entered),
          totalFen: total,
          computedAt: at,
        });
        if (!updated) throw payStale("run", existing.version);
      } else {
        await repo.createRun({
          workspaceId: actor.workspaceId,
          id: runId,
          period: input.period,
          fromDate: from,
          toDate: to,
          status: "draft",
          inputs: JSON.stringify(entered),
          totalFen: total,
          computedAt: at,
          createdBy: actor.memberId,
          lockedBy: null,
          lockedAt: null,
          version: 1,
          createdAt: at,
        });
      }
      await repo.linkAdjustments(
        actor.workspaceId,
        runId,
        included.map((a) => a.id),
      );
      await repo.replaceStatements(
        actor.workspaceId,
        runId,
        statements.map((s, i) => ({
          workspaceId: actor.workspaceId,
          runId,
          memberId: s.memberId,
          departmentId: entries[i]!.departmentId,
          planVersionId: entries[i]!.planVersionId,
          totalFen: s.totalFen,
          lines: storeLines(s.lines),
        })),
      );
      await audit(trx, actor, at, {
        action: existing ? "pay_run.recompute" : "pay_run.compute",
        entityType: "pay_run",
        entityId: runId,
        message: msg(existing ? "audit.pay_run.recompute" : "audit.pay_run.compute", {
          period: input.period,
          count: statements.length,
          total,
        }),
        after: { period: input.period, inputs: entered, total: formatMoney(total) },
      });
      return this.getIn(trx, actor, runId);
    });
  }

  async lock(actor: Actor, id: string, version: number) {
    if (!can(await this.policy(this.deps.db, actor), "pay.run.manage"))
      throw fail("forbidden", "pay.forbidden.runs_manage");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const run = await repo.getRun(actor.workspaceId, id);
      if (!run) throw payNotFound("run");
      if (run.status === "locked") throw fail("conflict", "pay.run.already_locked");
      const names = new Map((await repo.members(actor.workspaceId)).map((m) => [m.id, m.name]));
      const missing = missingOf(
        (await repo.statements(actor.workspaceId, id)).map((x) => ({
          memberId: x.memberId,
          memberName: names.get(x.memberId) ?? "",
          lines: storedLines(x.lines),
        })),
      );
      if (missing.length)
        throw fail(
          "conflict",
          "pay.inputs_missing",
          { period: run.period, count: missing.length },
          { extra: { missing } },
        );
      const at = nowIso(this.deps);
      const updated = await repo.updateRun(actor.workspaceId, id, version, {
        status: "locked",
        lockedBy: actor.memberId,
        lockedAt: at,
      });
      if (!updated) throw payStale("run", run.version);
      // The adjustments on its statements were linked when it was computed: locking settles exactly those.
      await audit(trx, actor, at, {
        action: "pay_run.lock",
        entityType: "pay_run",
        entityId: id,
        message: msg("audit.pay_run.lock", { period: run.period, total: run.totalFen }),
        after: { status: "locked" },
      });
      return this.getIn(trx, actor, id);
    });
  }

  async addAdjustment(actor: Actor, input: { memberId: string; amount: string; reason: string }) {
    if (!can(await this.policy(this.deps.db, actor), "pay.run.manage"))
      throw fail("forbidden", "pay.forbidden.adjust");
    const r = parseMoney(input.amount);
    if (!r.ok) throw payFieldError("amount", "pay.field.money_invalid", { value: input.amount });
    if (r.fen === 0) throw payFieldError("amount", "pay.field.not_zero");
    return this.deps.db.transaction().execute(async (trx) => {
      const m = await new PayRepository(trx).member(actor.workspaceId, input.memberId);
      if (!m) throw payFieldError("memberId", "pay.adjust.no_member");
      const at = nowIso(this.deps);
      const row = {
        workspaceId: actor.workspaceId,
        id: newId(),
        memberId: input.memberId,
        amountFen: r.fen,
        reason: input.reason.trim(),
        runId: null,
        createdBy: actor.memberId,
        createdAt: at,
      };
      await new PayRepository(trx).addAdjustment(row);
      await audit(trx, actor, at, {
        action: "pay_adjustment.create",
        entityType: "pay_adjustment",
        entityId: row.id,
        message: msg("audit.pay_adjustment.create", {
          amount: r.fen,
          member: m.name,
          memberId: m.id,
          reason: row.reason,
        }),
        after: row,
      });
      return {
        id: row.id,
        memberId: row.memberId,
        amount: formatMoney(r.fen),
        reason: row.reason,
        runId: null,
        createdAt: at,
      };
    });
  }

  async list(actor: Actor, limit: number, cursor?: string) {
    const rows = await new PayRepository(this.deps.db).listRuns(actor.workspaceId, limit, cursor);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const visible = actor.role === "member" ? page.filter((r) => r.status === "locked") : page;
    return {
      items: visible.map((r) => this.presentRun(r, actor.role === "owner")),
      nextCursor: more ? page.at(-1)!.period : null,
    };
  }

  private presentRun(
    r: {
      id: string;
      period: string;
      fromDate: string;
      toDate: string;
      status: "draft" | "locked";
      totalFen: number;
      computedAt: string;
      lockedAt: string | null;
      version: number;
    },
    withTotal = true,
  ) {
    return {
      id: r.id,
      period: r.period,
      from: r.fromDate,
      to: r.toDate,
      status: r.status,
      total: withTotal ? formatMoney(r.totalFen) : null,
      computedAt: r.computedAt,
      lockedAt: r.lockedAt,
      version: r.version,
    };
  }

  async get(actor: Actor, id: string) {
    return this.getIn(this.deps.db, actor, id);
  }

  /** The run with the statements the actor may read: all (owner), their departments' (lead), their own (member). */
  private async getIn(db: Executor, actor: Actor, id: string) {
    const repo = new PayRepository(db);
    const run = await repo.getRun(actor.workspaceId, id);
    if (!run) throw payNotFound("run");
    if (actor.role === "member" && run.status !== "locked") throw payNotFound("run");
    const [rows, who, members] = await Promise.all([
      repo.statements(actor.workspaceId, id),
      this.policy(db, actor),
      repo.members(actor.workspaceId),
    ]);
    const statements = rows
      .filter((s) =>
        can(who, "pay.statement.read", { memberId: s.memberId, departmentId: s.departmentId }),
      )
      .map((s) =>
        presentStatement({
          ...s,
          memberName: members.find((m) => m.id === s.memberId)?.name ?? "",
          lines: storedLines(s.lines),
        }),
      );
    return {
      ...this.presentRun(run, actor.role === "owner"),
      inputs: actor.role === "owner" ? (JSON.parse(run.inputs) as EnteredInput[]) : [],
      statements,
      missing: run.status === "locked" ? [] : missingOf(statements),
    };
  }

  /** One member's statement; another member's is refused (403), another workspace's run is 404. */
  async statement(actor: Actor, id: string, memberId: string) {
    const run = await this.get(actor, id);
    const s = run.statements.find((x) => x.memberId === memberId);
    if (s) return { run: { id: run.id, period: run.period, status: run.status }, statement: s };
    if (await new PayRepository(this.deps.db).hasStatement(actor.workspaceId, id, memberId))
      throw fail("forbidden", "pay.forbidden.statement");
    throw payNotFound("statement");
  }

  /** Rows for XLSX/CSV in the reader's language (`exportRowsOf`). */
  async exportRows(actor: Actor, id: string, locale: Locale) {
    return exportRowsOf(await this.get(actor, id), locale);
  }

  /** Month-to-date pay for a member, and what it becomes if the shop reaches a GMV. */
  async projection(actor: Actor, memberId: string, atShopGmv?: string) {
    const db = this.deps.db;
    const target = await new PayRepository(db).member(actor.workspaceId, memberId);
    if (!target) throw payNotFound("member");
    const who = await this.policy(db, actor);
    if (!can(who, "pay.statement.read", { memberId, departmentId: target.departmentId }))
      throw fail("forbidden", "pay.forbidden.projection");
    const today = workspaceToday(
      this.deps.clock(),
      (await new WorkspaceRepository(db).getById(actor.workspaceId))?.timeZone ?? "Asia/Shanghai",
    );
    const period = today.slice(0, 7);
    const { from } = periodRange(period);
    const draft = await new PayRepository(db).getRunByPeriod(actor.workspaceId, period);
    const entered = draft ? (JSON.parse(draft.inputs) as EnteredInput[]) : [];
    const pick = async (override?: { shopGmvFen: number }) => {
      const entries = await this.entries(db, actor.workspaceId, from, today, entered, override);
      const i = entries.findIndex((e) => e.memberId === memberId);
      if (i < 0) return null;
      const s = computeMonth(entries, monthDaysOf(period))[i]!;
      return presentStatement({
        ...s,
        memberName: entries[i]!.memberName,
        departmentId: entries[i]!.departmentId,
        planVersionId: entries[i]!.planVersionId,
      });
    };
    let gmvFen: number | undefined;
    if (atShopGmv !== undefined) {
      const r = parseMoney(atShopGmv);
      if (!r.ok) throw payFieldError("shopGmv", "pay.field.money_invalid", { value: atShopGmv });
      if (r.fen < 0) throw payFieldError("shopGmv", "pay.field.negative");
      gmvFen = r.fen;
    }
    const monthToDate = await pick();
    if (!monthToDate) throw payFieldError("memberId", "pay.projection.no_plan");
    return {
      period,
      from,
      to: today,
      monthToDate,
      atShopGmv:
        gmvFen === undefined
          ? null
          : { shopGmv: formatMoney(gmvFen), statement: await pick({ shopGmvFen: gmvFen }) },
    };
  }
}
