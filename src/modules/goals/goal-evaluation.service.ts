// A member's evaluation across cycles: achievement against target, the KPI-bound goals' history
// and the trend of the final scores.
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { notFound, type GoalContext } from "./goal-context.js";
import type { KpiMetric } from "./goals.schema.js";
import { fromHundredths, presentGoal, weightedAchievement } from "./goals.presenter.js";

interface SeriesPoint {
  cycleId: string;
  cycleName: string;
  to: string;
  target: string;
  actual: string | null;
  achievement: number | null;
}

export class GoalEvaluationService {
  constructor(private readonly ctx: GoalContext) {}

  /** A member's goals across cycles: achievement against target, the KPI-bound goals' history and the trend of final scores. */
  async evaluation(actor: Actor, memberId: string) {
    const org = await this.ctx.org(actor);
    const member = org.member(memberId);
    if (!member) throw notFound("member");
    if (!org.may("goals.evaluation.read", { memberId, departmentId: null }))
      throw fail("forbidden", "goals.evaluation.read_forbidden");
    const repo = this.ctx.goals();
    const [cycles, goals, assessments, today] = await Promise.all([
      repo.listCycles(actor.workspaceId),
      repo.listGoals(actor.workspaceId, { memberId }),
      repo.assessments(actor.workspaceId, { memberId }),
      this.ctx.today(actor.workspaceId),
    ]);
    const withGoals = cycles
      .filter((c) => goals.some((g) => g.cycleId === c.id))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
      .slice(-24);
    const out = [];
    const series = new Map<KpiMetric, SeriesPoint[]>();
    for (const c of withGoals) {
      const gs = goals.filter((g) => g.cycleId === c.id);
      const live = await this.ctx.actuals.live(actor.workspaceId, c, gs, today);
      const shown = gs.map((g) => presentGoal(g, live));
      for (const g of shown) {
        if (g.metric.kind !== "kpi") continue;
        const list = series.get(g.metric.kpi) ?? [];
        list.push({
          cycleId: c.id,
          cycleName: c.name,
          to: c.endDate,
          target: g.target,
          actual: g.actual,
          achievement: g.achievement,
        });
        series.set(g.metric.kpi, list);
      }
      const a = assessments.find((x) => x.cycleId === c.id);
      out.push({
        cycleId: c.id,
        name: c.name,
        from: c.startDate,
        to: c.endDate,
        finalScore: fromHundredths(a?.finalScore ?? null),
        achievement: weightedAchievement(shown),
        goals: shown.map((g) => ({
          id: g.id,
          title: g.title,
          metric: g.metric,
          unit: g.unit,
          weight: g.weight,
          target: g.target,
          actual: g.actual,
          achievement: g.achievement,
          leadScore: g.leadScore,
        })),
      });
    }
    const scores = out.map((c) => c.finalScore).filter((x): x is number => x !== null);
    const last = scores.at(-1) ?? null;
    const previous = scores.length > 1 ? scores.at(-2)! : null;
    const direction =
      last === null || previous === null
        ? null
        : last - previous > 0.5
          ? ("up" as const)
          : previous - last > 0.5
            ? ("down" as const)
            : ("flat" as const);
    return {
      member: { id: member.id, name: member.name, departmentId: member.departmentId },
      cycles: out,
      kpiSeries: [...series.entries()].map(([kpi, points]) => ({ kpi, points })),
      trend: { direction, lastScore: last, previousScore: previous },
    };
  }
}
