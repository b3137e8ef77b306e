import { Type } from "typebox";
import type { PlanService } from "./plan.service.js";
import type { TaskService } from "./task.service.js";
import type { ScheduleService } from "./schedule.service.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams, Page } from "../shared/common.schema.js";
import {
  CreatePlanBody,
  CreateTaskBody,
  FromTemplateBody,
  PlanDetailSchema,
  PlanListQuery,
  PlanSchema,
  SaveTemplateBody,
  TaskChangeSchema,
  TemplateSchema,
  UpdatePlanBody,
  UpdateTaskBody,
  WorkloadQuery,
} from "./plan.schema.js";
import { WorkloadSchema } from "./workload.schema.js";

const tags = ["plans"];
// The engine's own formats (docs/ENGINE.md) are returned as they are.
const EngineFile = Type.Unknown({
  description: "dayclear.schedule/v1 or dayclear.plan/v1, as documented in docs/ENGINE.md",
});

export async function planRoutes(
  app: App,
  services: { plans: PlanService; tasks: TaskService; schedule: ScheduleService },
): Promise<void> {
  app.get(
    "/plans",
    {
      schema: {
        tags,
        summary: "Plans, newest first",
        querystring: PlanListQuery,
        response: { 200: Page(PlanSchema) },
      },
    },
    async (req) =>
      services.plans.list(actorOf(req), { ...req.query, limit: req.query.limit ?? 50 }),
  );
  app.post(
    "/plans",
    {
      schema: {
        tags,
        summary: "Create a plan",
        body: CreatePlanBody,
        response: { 201: PlanSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.plans.create(actorOf(req), req.body)),
  );
  app.post(
    "/plans/from-template",
    {
      schema: {
        tags,
        summary:
          "Create a plan from a template, placed backwards from the launch date and scheduled at once",
        body: FromTemplateBody,
        response: { 201: PlanDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.plans.fromTemplate(actorOf(req), req.body)),
  );
  app.get(
    "/plan-templates",
    {
      schema: {
        tags,
        summary: "Built-in and saved plan templates",
        querystring: Type.Object({
          locale: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
        }),
        response: {
          200: Type.Object({ items: Type.Array(TemplateSchema), nextCursor: Type.Null() }),
        },
      },
    },
    async (req) => ({
      items: await services.plans.templates(actorOf(req), req.query.locale ?? "zh-CN"),
      nextCursor: null,
    }),
  );
  app.get(
    "/plans/:id",
    {
      schema: {
        tags,
        summary: "A plan with its tasks, actuals and baseline",
        params: IdParams,
        response: { 200: PlanDetailSchema },
      },
    },
    async (req) => services.plans.get(actorOf(req), req.params.id),
  );
  app.patch(
    "/plans/:id",
    {
      schema: {
        tags,
        summary: "Change a plan (send the version you read)",
        params: IdParams,
        body: UpdatePlanBody,
        response: { 200: PlanSchema },
      },
    },
    async (req) => services.plans.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/plans/:id",
    {
      schema: {
        tags,
        summary: "Delete a plan and its tasks",
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await services.plans.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/plans/:id/baseline",
    {
      schema: {
        tags,
        summary: "Freeze the current schedule as the plan's baseline",
        params: IdParams,
        response: { 200: PlanSchema },
      },
    },
    async (req) => services.plans.setBaseline(actorOf(req), req.params.id),
  );
  app.post(
    "/plans/:id/save-as-template",
    {
      schema: {
        tags,
        summary: "Save the plan as a template",
        params: IdParams,
        body: SaveTemplateBody,
        response: { 201: TemplateSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.plans.saveAsTemplate(actorOf(req), req.params.id, req.body.name)),
  );
  app.get(
    "/plans/:id/schedule",
    {
      schema: {
        tags,
        summary: "The plan's current schedule in the engine's result format v1 (team mode)",
        params: IdParams,
        response: { 200: EngineFile },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await services.plans.ensureExists(actor, req.params.id);
      return reply
        .type("application/json; charset=utf-8")
        .send(await services.schedule.forPlanJson(actor.workspaceId, req.params.id));
    },
  );
  app.get(
    "/plans/:id/plan-file",
    {
      schema: {
        tags,
        summary:
          "The plan as the engine sees it (plan format v1: calendar, members, tasks — the whole workspace's work, since members are shared); re-run it with `dayclear schedule`",
        params: IdParams,
        response: { 200: EngineFile },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await services.plans.ensureExists(actor, req.params.id);
      void reply.header("content-disposition", `attachment; filename="plan-${req.params.id}.json"`);
      return services.schedule.planFile(actor.workspaceId);
    },
  );
  app.get(
    "/workload",
    {
      schema: {
        tags,
        summary: "Members × days: planned hours against capacity",
        querystring: WorkloadQuery,
        response: { 200: WorkloadSchema },
      },
    },
    async (req) =>
      services.schedule.workload(
        actorOf(req).workspaceId,
        req.query.from,
        req.query.to,
        req.query.planId,
      ),
  );

  app.post(
    "/plans/:id/tasks",
    {
      schema: {
        tags: ["tasks"],
        summary: "Add a task; the workspace is re-planned at once",
        params: IdParams,
        body: CreateTaskBody,
        response: { 201: TaskChangeSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.tasks.create(actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    "/tasks/:id",
    {
      schema: {
        tags: ["tasks"],
        summary: "Change a task (send the version you read); the workspace is re-planned at once",
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskChangeSchema },
      },
    },
    async (req) => services.tasks.update(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/tasks/:id",
    {
      schema: {
        tags: ["tasks"],
        summary: "Delete a task",
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await services.tasks.delete(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
