// Goals (MBO): cycles, goals for a member or a department with a manual or KPI-bound metric, the
// agreement flow, the self-assessment, the lead's review and the final score pay runs read,
// reminders and a member's evaluation across cycles (docs/GOALS.md).
//
// Small sibling services over one shared GoalContext (composition, no base class): each owns one
// part and asks the context for what they share. GoalService composes them for the app's service
// container and keeps the use cases' names in one place for the routes, the demo and the tests.
import type { ServiceDeps } from "../shared/context.js";
import { GoalAssessmentService } from "./goal-assessment.service.js";
import { GoalContext } from "./goal-context.js";
import { GoalCycleService } from "./goal-cycle.service.js";
import { GoalEvaluationService } from "./goal-evaluation.service.js";
import { GoalPlanningService } from "./goal-planning.service.js";
import { GoalReminderService } from "./goal-reminders.service.js";

type Args<S, K extends keyof S> = S[K] extends (...a: infer A) => unknown ? A : never;

export class GoalService {
  readonly cycles: GoalCycleService;
  readonly planning: GoalPlanningService;
  readonly assessments: GoalAssessmentService;
  readonly evaluations: GoalEvaluationService;
  readonly reminders: GoalReminderService;

  constructor(deps: ServiceDeps, context: GoalContext = new GoalContext(deps)) {
    this.cycles = new GoalCycleService(context);
    this.planning = new GoalPlanningService(context);
    this.assessments = new GoalAssessmentService(context);
    this.evaluations = new GoalEvaluationService(context);
    this.reminders = new GoalReminderService(context);
  }

  // Cycles.
  listCycles(...a: Args<GoalCycleService, "listCycles">) {
    return this.cycles.listCycles(...a);
  }
  getCycle(...a: Args<GoalCycleService, "getCycle">) {
    return this.cycles.getCycle(...a);
  }
  createCycle(...a: Args<GoalCycleService, "createCycle">) {
    return this.cycles.createCycle(...a);
  }
  updateCycle(...a: Args<GoalCycleService, "updateCycle">) {
    return this.cycles.updateCycle(...a);
  }
  remind(...a: Args<GoalReminderService, "remind">) {
    return this.reminders.remind(...a);
  }

  // Goals and their agreement.
  listGoals(...a: Args<GoalPlanningService, "listGoals">) {
    return this.planning.listGoals(...a);
  }
  getGoal(...a: Args<GoalPlanningService, "getGoal">) {
    return this.planning.getGoal(...a);
  }
  createGoal(...a: Args<GoalPlanningService, "createGoal">) {
    return this.planning.createGoal(...a);
  }
  updateGoal(...a: Args<GoalPlanningService, "updateGoal">) {
    return this.planning.updateGoal(...a);
  }
  deleteGoal(...a: Args<GoalPlanningService, "deleteGoal">) {
    return this.planning.deleteGoal(...a);
  }
  propose(...a: Args<GoalPlanningService, "propose">) {
    return this.planning.propose(...a);
  }
  agree(...a: Args<GoalPlanningService, "agree">) {
    return this.planning.agree(...a);
  }
  returnGoal(...a: Args<GoalPlanningService, "returnGoal">) {
    return this.planning.returnGoal(...a);
  }
  reopen(...a: Args<GoalPlanningService, "reopen">) {
    return this.planning.reopen(...a);
  }

  // Assessment and evaluation.
  getAssessment(...a: Args<GoalAssessmentService, "getAssessment">) {
    return this.assessments.getAssessment(...a);
  }
  saveSelfAssessment(...a: Args<GoalAssessmentService, "saveSelfAssessment">) {
    return this.assessments.saveSelfAssessment(...a);
  }
  review(...a: Args<GoalAssessmentService, "review">) {
    return this.assessments.review(...a);
  }
  finalize(...a: Args<GoalAssessmentService, "finalize">) {
    return this.assessments.finalize(...a);
  }
  evaluation(...a: Args<GoalEvaluationService, "evaluation">) {
    return this.evaluations.evaluation(...a);
  }
}
