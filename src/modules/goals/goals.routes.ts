import type { GoalService } from "./goals.service.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams, Ok, Page } from "../shared/common.schema.js";
import {
  AssessmentParams,
  AssessmentSchema,
  CommentBody,
  FinalizeBody,
  CreateCycleBody,
  CreateGoalBody,
  CycleDetailSchema,
  CycleSchema,
  EvaluationSchema,
  GoalDetailSchema,
  GoalListQuery,
  GoalSchema,
  RemindSchema,
  ReopenBody,
  ReviewBody,
  SelfAssessmentBody,
  UpdateCycleBody,
  UpdateGoalBody,
  VersionBody,
} from "./goals.schema.js";

export async function goalRoutes(app: App, services: { goals: GoalService }): Promise<void> {
  const g = services.goals;
  let tags = ["goal cycles"];
  app.get(
    "/goal-cycles",
    {
      schema: {
        tags,
        summary: "Goal cycles, newest first (everyone)",
        response: { 200: Page(CycleSchema) },
      },
    },
    async (req) => ({ items: await g.listCycles(actorOf(req)), nextCursor: null }),
  );
  app.post(
    "/goal-cycles",
    {
      schema: {
        tags,
        summary: "Create a goal cycle (owner)",
        body: CreateCycleBody,
        response: { 201: CycleSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await g.createCycle(actorOf(req), req.body)),
  );
  app.get(
    "/goal-cycles/:id",
    {
      schema: {
        tags,
        summary: "A cycle with the progress of everyone you manage (yourself for members)",
        params: IdParams,
        response: { 200: CycleDetailSchema },
      },
    },
    async (req) => g.getCycle(actorOf(req), req.params.id),
  );
  app.patch(
    "/goal-cycles/:id",
    {
      schema: {
        tags,
        summary: "Rename, move or close a cycle (owner)",
        params: IdParams,
        body: UpdateCycleBody,
        response: { 200: CycleSchema },
      },
    },
    async (req) => g.updateCycle(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/goal-cycles/:id/remind",
    {
      schema: {
        tags,
        summary: "Notify the people you manage of what is due in the cycle",
        params: IdParams,
        response: { 200: RemindSchema },
      },
    },
    async (req) => g.remind(actorOf(req), req.params.id),
  );

  tags = ["goals"];
  app.get(
    "/goals",
    {
      schema: {
        tags,
        summary: "Goals of a cycle you may see, with live actuals",
        querystring: GoalListQuery,
        response: { 200: Page(GoalSchema) },
      },
    },
    async (req) => g.listGoals(actorOf(req), req.query),
  );
  app.post(
    "/goals",
    {
      schema: {
        tags,
        summary: "Draft a goal for a member or a department",
        body: CreateGoalBody,
        response: { 201: GoalDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await g.createGoal(actorOf(req), req.body)),
  );
  app.get(
    "/goals/:id",
    {
      schema: {
        tags,
        summary: "A goal with its agreement history",
        params: IdParams,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.getGoal(actorOf(req), req.params.id),
  );
  app.patch(
    "/goals/:id",
    {
      schema: {
        tags,
        summary: "Change a draft or returned goal (an agreed one is reopened first)",
        params: IdParams,
        body: UpdateGoalBody,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.updateGoal(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/goals/:id",
    {
      schema: {
        tags,
        summary: "Remove a goal that was never agreed",
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await g.deleteGoal(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    "/goals/:id/propose",
    {
      schema: {
        tags,
        summary: "Propose the goal (the member's weights must add up to 100)",
        params: IdParams,
        body: VersionBody,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.propose(actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    "/goals/:id/agree",
    {
      schema: {
        tags,
        summary: "Agree a proposed goal (the side that did not propose)",
        params: IdParams,
        body: VersionBody,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.agree(actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    "/goals/:id/return",
    {
      schema: {
        tags,
        summary: "Send a proposed goal back with a comment",
        params: IdParams,
        body: CommentBody,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.returnGoal(actorOf(req), req.params.id, req.body.version, req.body.comment),
  );
  app.post(
    "/goals/:id/reopen",
    {
      schema: {
        tags,
        summary: "Start a new agreement for an agreed goal (the old one stays in the history)",
        params: IdParams,
        body: ReopenBody,
        response: { 200: GoalDetailSchema },
      },
    },
    async (req) => g.reopen(actorOf(req), req.params.id, req.body.version, req.body.comment),
  );

  tags = ["goal assessments"];
  app.get(
    "/goal-cycles/:id/assessments/:memberId",
    {
      schema: {
        tags,
        summary: "A member's self-assessment and review, actuals pre-filled",
        params: AssessmentParams,
        response: { 200: AssessmentSchema },
      },
    },
    async (req) => g.getAssessment(actorOf(req), req.params.id, req.params.memberId),
  );
  app.put(
    "/goal-cycles/:id/assessments/:memberId",
    {
      schema: {
        tags,
        summary:
          "Save or submit your self-assessment (report, self score per goal, manual actuals)",
        params: AssessmentParams,
        body: SelfAssessmentBody,
        response: { 200: AssessmentSchema },
      },
    },
    async (req) => g.saveSelfAssessment(actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  app.put(
    "/goal-cycles/:id/assessments/:memberId/review",
    {
      schema: {
        tags,
        summary: "The lead's review: a score and comment per goal",
        params: AssessmentParams,
        body: ReviewBody,
        response: { 200: AssessmentSchema },
      },
    },
    async (req) => g.review(actorOf(req), req.params.id, req.params.memberId, req.body),
  );
  app.post(
    "/goal-cycles/:id/assessments/:memberId/finalize",
    {
      schema: {
        tags,
        summary:
          "Fix the cycle's final score (what pay runs read); before the cycle's end only with early: true",
        params: AssessmentParams,
        body: FinalizeBody,
        response: { 200: AssessmentSchema },
      },
    },
    async (req) =>
      g.finalize(actorOf(req), req.params.id, req.params.memberId, req.body.version, {
        early: req.body.early,
      }),
  );
  app.get(
    "/members/:id/evaluation",
    {
      schema: {
        tags,
        summary: "A member's goal and KPI history across cycles, achievement and trend",
        params: IdParams,
        response: { 200: EvaluationSchema },
      },
    },
    async (req) => g.evaluation(actorOf(req), req.params.id),
  );
}
