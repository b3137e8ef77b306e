// Monthly pay runs: every member with a plan gets a statement computed by the pure calculator
// from the plan version in force on the period's first day, KPI-bound inputs from the shop data
// and entered inputs; the owner previews, recomputes, then locks. A locked run never changes;
// corrections are adjustments paid by the next run.
import type { Actor } from "../../core/actor.js";
import {
  conflict,
  fail,
  forbidden,
  invalid,
  invalidField,
  notFound,
  staleVersion,
  type FieldError,
} from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { formatMoney, parseMoney } from "../../core/money.js";
import { compilePlan, type CompiledPlan, type PayPlanDefinition } from "../../core/pay/plan.js";
import {
  missingLines,
  requiredInputs,
  type Inputs,
  type Statement,
} from "../../core/pay/statement.js";
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
import { KpiService } from "../orders/kpi.service.js";
import { PayDataSource, type PayMember } from "./pay-inputs.js";
import { managedDepartments } from "../org/org.policy.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { planSegments } from "./pay-plan.service.js";
import { canPay } from "./pay.policy.js";
import { PayRepository } from "./pay.repository.js";

export interface EnteredInput {
  /** null: the same value for everyone (e.g. unattributed sales for a pool). */
  memberId: string | null;
  key: string;
  /** Money as decimal text ("1234.50"); counts, seconds, rates and scores as numbers in text. */
  value: string;
}

export function periodRange(period: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw invalidField("period", "must be a month, YYYY-MM");
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, "0")}` };
}

const monthDaysOf = (period: string) => {
  const r = periodRange(period);
  return daysBetween(r.from, r.to) + 1;
};

export const presentStatement = (s: {
  memberId: string;
  memberName: string;
  departmentId: string | null;
  planVersionId: string | null;
  totalFen: number;
  lines: Statement["lines"];
}) => ({
  memberId: s.memberId,
  memberName: s.memberName,
  departmentId: s.departmentId,
  planVersionId: s.planVersionId,
  total: formatMoney(s.totalFen),
  lines: s.lines.map((l) => ({
    kind: l.kind,
    code: l.code,
    label: l.label,
    amount: formatMoney(l.amountFen),
    formula: l.formula,
    inputs: l.inputs,
    sources: l.sources,
    ...(l.missing && { missing: true }),
  })),
});

/** What a run still lacks before it can be locked: one entry per member and input (docs/PAY.md "Inputs still missing"). */
const missingOf = (
  statements: {
    memberId: string;
    memberName: string;
    lines: Pick<Statement["lines"][number], "kind" | "code" | "label" | "missing">[];
  }[],
) =>
  statements.flatMap((s) =>
    missingLines(s.lines).map((l) => ({
      memberId: s.memberId,
      memberName: s.memberName,
      key: `${l.kind}.${l.code}`,
      label: l.label,
    })),
  );

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
    const [members, versions, assignments] = await Promise.all([
      db
        .selectFrom("members")
        .select(["id", "name", "departmentId", "role", "status"])
        .where("workspaceId", "=", workspaceId)
        .where("status", "=", "active")
        .orderBy("id")
        .execute(),
      repo.versions(workspaceId),
      repo.assignments(workspaceId),
    ]);
    const data = new PayDataSource(this.deps, workspaceId, from, to, override);
    const departments = new Map(
      (
        await db
          .selectFrom("departments")
          .select(["id", "name"])
          .where("workspaceId", "=", workspaceId)
          .execute()
      ).map((d) => [d.id, d.name]),
    );
    const errors: FieldError[] = [];
    const enteredValue = (
      memberId: string,
      key: string,
      money: boolean,
    ): { value: number; source: string } | null => {
      const i = entered.findIndex((e) => e.key === key && e.memberId === memberId);
      const j = i >= 0 ? i : entered.findIndex((e) => e.key === key && e.memberId === null);
      if (j < 0) return null;
      const raw = entered[j]!.value;
      if (money) {
        const r = parseMoney(raw);
        if (!r.ok) return (errors.push({ field: `inputs.${j}.value`, message: r.message }), null);
        return { value: r.fen, source: `entered ${raw}` };
      }
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n))
        return (errors.push({ field: `inputs.${j}.value`, message: "must be a number" }), null);
      return { value: n, source: `entered ${raw}` };
    };
    const scores = await db
      .selectFrom("goalAssessments as a")
      .innerJoin("goalCycles as c", (j) =>
        j.onRef("c.workspaceId", "=", "a.workspaceId").onRef("c.id", "=", "a.cycleId"),
      )
      .select(["a.memberId", "a.finalScore", "c.name", "c.endDate"])
      .where("a.workspaceId", "=", workspaceId)
      .where("c.endDate", ">=", from)
      .where("c.endDate", "<=", to)
      .where("a.finalScore", "is not", null)
      .orderBy("c.endDate")
      .execute();
    /** A plan's inputs: over the month (`part` absent), or over a segment's own dates — commissions only, an entered number split by days. */
    const inputsFor = async (
      plan: CompiledPlan,
      m: PayMember,
      source: PayDataSource,
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
            source: `${manual.source} × ${part.days}/${part.monthDays} days`,
          };
          continue;
        }
        const fromData = await source.value(req, m, (id) => departments.get(id) ?? id);
        if (fromData) {
          // Money for commissions and pools on money bases; a scorecard metric (CS data) is a plain number.
          inputs[req.key] = manual
            ? {
                value: manual.value,
                source: `${manual.source} (instead of the shop data: ${PayDataSource.describe(fromData, req)}, ${fromData.source})`,
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
              source: `final score of goal cycle ${s.name}`,
            };
          continue;
        }
        if (manual) inputs[req.key] = manual;
      }
      return inputs;
    };
    const monthEnd = periodRange(from.slice(0, 7)).to;
    const monthDays = daysBetween(from, monthEnd) + 1;
    const sources = new Map<string, PayDataSource>();
    const sourceOf = (f: string, t: string) =>
      sources.get(`${f}|${t}`) ??
      sources.set(`${f}|${t}`, new PayDataSource(this.deps, workspaceId, f, t)).get(`${f}|${t}`)!;
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
    if (errors.length) throw invalid("Some entered inputs are not valid", errors);
    return out;
  }

  async compute(
    actor: Actor,
    input: { period: string; inputs?: EnteredInput[]; version?: number },
  ) {
    if (!canPay(actor, "run.manage")) throw forbidden("Only the owner computes pay runs");
    const { from, to } = periodRange(input.period);
    // Reads (KPIs, plans, inputs) happen before the write transaction: SQLite has one connection,
    // and the KPI service reads through it. The write re-checks the version, so nothing is lost.
    const db = this.deps.db;
    const existing = await new PayRepository(db).getRunByPeriod(actor.workspaceId, input.period);
    if (existing?.status === "locked")
      throw conflict(
        `The pay run for ${input.period} is locked; corrections go into a later run as adjustments`,
      );
    if (existing && input.version !== existing.version)
      throw staleVersion("Pay run", existing.version);
    const data = await new KpiService(this.deps).compute(actor.workspaceId, { from, to });
    if (data.totals.paidOrders === 0)
      throw invalidField(
        "period",
        `There is no shop data for ${input.period}: import the month's orders first`,
      );
    const entered =
      input.inputs ?? (existing ? (JSON.parse(existing.inputs) as EnteredInput[]) : []);
    const entries = await this.entries(db, actor.workspaceId, from, to, entered);
    if (entries.length === 0)
      throw invalid("No active member has a pay plan for this period; assign plans first", [
        { field: "period", message: "no member has a pay plan" },
      ]);
    const runId = existing?.id ?? newId();
    const adjustments = await new PayRepository(db).openAdjustments(actor.workspaceId, runId);
    // Only adjustments of members with a statement are paid by this run; the others stay open.
    const included = adjustments.filter((a) => entries.some((e) => e.memberId === a.memberId));
    for (const e of entries)
      e.adjustments = included
        .filter((a) => a.memberId === e.memberId)
        .map((a) => ({ label: "Adjustment", amountFen: a.amountFen, reason: a.reason }));
    const statements = computeMonth(entries, monthDaysOf(input.period));
    const total = statements.reduce((s, x) => s + x.totalFen, 0);
    return db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const at = nowIso(this.deps);
      if (existing) {
        const updated = await repo.updateRun(actor.workspaceId, existing.id, existing.version, {
          inputs: JSON.stringify(entered),
          totalFen: total,
          computedAt: at,
        });
        if (!updated) throw staleVersion("Pay run", existing.version);
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
          lines: JSON.stringify(s.lines),
        })),
      );
      await audit(trx, actor, at, {
        action: existing ? "pay_run.recompute" : "pay_run.compute",
        entityType: "pay_run",
        entityId: runId,
        summary: `Computed pay run ${input.period}: ${statements.length} statement(s), total ${formatMoney(total)}`,
        after: { period: input.period, inputs: entered, total: formatMoney(total) },
      });
      return this.getIn(trx, actor, runId);
    });
  }

  async lock(actor: Actor, id: string, version: number) {
    if (!canPay(actor, "run.manage")) throw forbidden("Only the owner approves pay runs");
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new PayRepository(trx);
      const run = await repo.getRun(actor.workspaceId, id);
      if (!run) throw notFound("Pay run");
      if (run.status === "locked") throw conflict("The pay run is already locked");
      const names = new Map(
        (
          await trx
            .selectFrom("members")
            .select(["id", "name"])
            .where("workspaceId", "=", actor.workspaceId)
            .execute()
        ).map((m) => [m.id, m.name]),
      );
      const missing = missingOf(
        (await repo.statements(actor.workspaceId, id)).map((x) => ({
          memberId: x.memberId,
          memberName: names.get(x.memberId) ?? "",
          lines: JSON.parse(x.lines) as Statement["lines"],
        })),
      );
      if (missing.length) {
        const list = missing.map((m) => `${m.memberName} · ${m.label}`).join("; ");
        throw fail(
          "conflict",
          "pay.inputs_missing",
          { period: run.period, count: missing.length, missing: list },
          `The pay run ${run.period} cannot be locked: ${missing.length} input(s) are still missing (${list}); enter them and recompute`,
          { extra: { missing } },
        );
      }
      const at = nowIso(this.deps);
      const updated = await repo.updateRun(actor.workspaceId, id, version, {
        status: "locked",
        lockedBy: actor.memberId,
        lockedAt: at,
      });
      if (!updated) throw staleVersion("Pay run", run.version);
      // The adjustments on its statements were linked when it was computed: locking settles exactly those.
      await audit(trx, actor, at, {
        action: "pay_run.lock",
        entityType: "pay_run",
        entityId: id,
        summary: `Approved and locked pay run ${run.period} (total ${formatMoney(run.totalFen)})`,
        after: { status: "locked" },
      });
      return this.getIn(trx, actor, id);
    });
  }

  async addAdjustment(actor: Actor, input: { memberId: string; amount: string; reason: string }) {
    if (!canPay(actor, "run.manage")) throw forbidden("Only the owner adds pay adjustments");
    const r = parseMoney(input.amount);
    if (!r.ok || r.fen === 0) throw invalidField("amount", r.ok ? "must not be zero" : r.message);
    return this.deps.db.transaction().execute(async (trx) => {
      const m = await trx
        .selectFrom("members")
        .select("id")
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", input.memberId)
        .executeTakeFirst();
      if (!m) throw invalidField("memberId", "No such member in this workspace");
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
        summary: `Adjustment ${formatMoney(r.fen)} for the next pay run: ${row.reason}`,
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
    if (!run) throw notFound("Pay run");
    if (actor.role === "member" && run.status !== "locked") throw notFound("Pay run");
    const [rows, departments, members] = await Promise.all([
      repo.statements(actor.workspaceId, id),
      db
        .selectFrom("departments")
        .select(["id", "parentId", "leadMemberId"])
        .where("workspaceId", "=", actor.workspaceId)
        .execute(),
      db
        .selectFrom("members")
        .select(["id", "name"])
        .where("workspaceId", "=", actor.workspaceId)
        .execute(),
    ]);
    const managed = managedDepartments(actor, departments);
    const statements = rows
      .filter((s) =>
        canPay(
          actor,
          "statement.read",
          { memberId: s.memberId, departmentId: s.departmentId },
          managed,
        ),
      )
      .map((s) =>
        presentStatement({
          ...s,
          memberName: members.find((m) => m.id === s.memberId)?.name ?? "",
          lines: JSON.parse(s.lines) as Statement["lines"],
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
    const exists = await this.deps.db
      .selectFrom("payStatements")
      .select("memberId")
      .where("workspaceId", "=", actor.workspaceId)
      .where("runId", "=", id)
      .where("memberId", "=", memberId)
      .executeTakeFirst();
    if (exists)
      throw forbidden("You may read only your own statement and those of the people you manage");
    throw notFound("Statement");
  }

  /** Rows for XLSX/CSV: one row per line, with each statement's total. */
  async exportRows(actor: Actor, id: string) {
    const run = await this.get(actor, id);
    const rows: (string | number)[][] = [
      ["period", "member", "kind", "code", "label", "amount", "formula", "inputs", "sources"],
    ];
    for (const s of run.statements) {
      for (const l of s.lines)
        rows.push([
          run.period,
          s.memberName,
          l.kind,
          l.code,
          l.label,
          l.amount,
          l.formula,
          Object.entries(l.inputs)
            .map(([k, v]) => `${k}=${v}`)
            .join("; "),
          l.sources.join("; "),
        ]);
      rows.push([
        run.period,
        s.memberName,
        "total",
        "",
        "",
        s.total,
        "sum of the lines above",
        "",
        "",
      ]);
    }
    return { period: run.period, rows };
  }

  /** Month-to-date pay for a member, and what it becomes if the shop reaches a GMV. */
  async projection(actor: Actor, memberId: string, atShopGmv?: string) {
    const db = this.deps.db;
    const target = await db
      .selectFrom("members")
      .select(["id", "departmentId"])
      .where("workspaceId", "=", actor.workspaceId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    if (!target) throw notFound("Member");
    const departments = await db
      .selectFrom("departments")
      .select(["id", "parentId", "leadMemberId"])
      .where("workspaceId", "=", actor.workspaceId)
      .execute();
    if (
      !canPay(
        actor,
        "statement.read",
        { memberId, departmentId: target.departmentId },
        managedDepartments(actor, departments),
      )
    )
      throw forbidden(
        "You may see only your own pay projection and those of the people you manage",
      );
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
      if (!r.ok || r.fen < 0)
        throw invalidField("shopGmv", r.ok ? "must not be negative" : r.message);
      gmvFen = r.fen;
    }
    const monthToDate = await pick();
    if (!monthToDate) throw invalidField("memberId", "This member has no pay plan this month");
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
