import ExcelJS from "exceljs";
import { neutralizeFormula } from "../../core/orders/text.js";
import type { PayPlanService } from "./pay-plan.service.js";
import type { PayRunService } from "./pay-run.service.js";
import type { PayAdjustmentService } from "./pay-adjustments.service.js";
import { actorOf, type App } from "../../http/app.js";
import { requestLocale } from "../../http/problem.js";
import { IdParams, Page } from "../shared/common.schema.js";
import {
  AddVersionBody,
  AdjustmentBody,
  AdjustmentListItem,
  AdjustmentListQuery,
  AdjustmentSchema,
  AssignBody,
  ComputeRunBody,
  CreatePlanBody,
  ExportQuery,
  LockBody,
  PayPlanSchema,
  ProjectionParams,
  ProjectionQuery,
  ProjectionSchema,
  RunExportQuery,
  RunPageQuery,
  RunSchema,
  RunSummarySchema,
  StatementParams,
  StatementResponse,
  TemplateSchema,
} from "./pay.schema.js";

export async function payRoutes(
  app: App,
  services: {
    payPlans: PayPlanService;
    payRuns: PayRunService;
    payAdjustments: PayAdjustmentService;
  },
): Promise<void> {
  let tags = ["pay plans"];
  app.get(
    "/pay-plan-templates",
    {
      schema: {
        tags,
        summary:
          "Pay plan templates for 运营, 客服, 设计 and 物流: department and name as messages, the plan's name in the language asked for",
        response: { 200: Page(TemplateSchema) },
      },
    },
    async (req) => ({ items: services.payPlans.templates(requestLocale(req)), nextCursor: null }),
  );
  app.get(
    "/pay-plans",
    {
      schema: {
        tags,
        summary: "Pay plans with their versions and assignments (owner, leads)",
        response: { 200: Page(PayPlanSchema) },
      },
    },
    async (req) => ({ items: await services.payPlans.list(actorOf(req)), nextCursor: null }),
  );
  app.post(
    "/pay-plans",
    {
      schema: {
        tags,
        summary:
          "Create a pay plan from a definition or a template (a template's plan is named in the language asked for)",
        body: CreatePlanBody,
        response: { 201: PayPlanSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.payPlans.create(actorOf(req), req.body, requestLocale(req))),
  );
  app.get(
    "/pay-plans/:id",
    { schema: { tags, summary: "A pay plan", params: IdParams, response: { 200: PayPlanSchema } } },
    async (req) => services.payPlans.get(actorOf(req), req.params.id),
  );
  app.post(
    "/pay-plans/:id/versions",
    {
      schema: {
        tags,
        summary: "Change a plan from an effective date (never inside a locked period)",
        params: IdParams,
        body: AddVersionBody,
        response: { 201: PayPlanSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.payPlans.addVersion(actorOf(req), req.params.id, req.body)),
  );
  app.post(
    "/pay-plans/:id/assignments",
    {
      schema: {
        tags,
        summary: "Assign the plan to a department or a member from a date",
        params: IdParams,
        body: AssignBody,
        response: { 201: PayPlanSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.payPlans.assign(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    "/pay-plans/:id/export",
    {
      schema: {
        tags,
        summary: "The plan file (JSON, docs/PAY.md) of the version in force on a date",
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const def = await services.payPlans.exportPlan(actorOf(req), req.params.id, req.query.on);
      return reply
        .header("content-disposition", `attachment; filename="pay-plan-${req.params.id}.json"`)
        .type("application/json")
        .send(JSON.stringify(def, null, 2));
    },
  );

  tags = ["pay runs"];
  app.get(
    "/pay-runs",
    {
      schema: {
        tags,
        summary: "Pay runs, newest month first (members see locked runs)",
        querystring: RunPageQuery,
        response: { 200: Page(RunSummarySchema) },
      },
    },
    async (req) => services.payRuns.list(actorOf(req), req.query.limit ?? 50, req.query.cursor),
  );
  app.post(
    "/pay-runs",
    {
      schema: {
        tags,
        summary: "Compute (or recompute) the month's draft run",
        body: ComputeRunBody,
        response: { 200: RunSchema },
      },
    },
    async (req) => services.payRuns.compute(actorOf(req), req.body),
  );
  app.get(
    "/pay-runs/:id",
    {
      schema: {
        tags,
        summary: "A run with the statements you may read",
        params: IdParams,
        response: { 200: RunSchema },
      },
    },
    async (req) => services.payRuns.get(actorOf(req), req.params.id),
  );
  app.post(
    "/pay-runs/:id/lock",
    {
      schema: {
        tags,
        summary: "Approve and lock the run (owner); it never changes again",
        params: IdParams,
        body: LockBody,
        response: { 200: RunSchema },
      },
    },
    async (req) => services.payRuns.lock(actorOf(req), req.params.id, req.body.version),
  );
  app.get(
    "/pay-runs/:id/statements/:memberId",
    {
      schema: {
        tags,
        summary: "One member's statement",
        params: StatementParams,
        response: { 200: StatementResponse },
      },
    },
    async (req) => services.payRuns.statement(actorOf(req), req.params.id, req.params.memberId),
  );
  app.get(
    "/pay-runs/:id/export",
    {
      schema: {
        tags,
        summary:
          "The statements you may read as CSV (UTF-8 with BOM) or XLSX, in the reader's language (Accept-Language, else theirs)",
        params: IdParams,
        querystring: RunExportQuery,
      },
    },
    async (req, reply) => {
      const { period, rows } = await services.payRuns.exportRows(
        actorOf(req),
        req.params.id,
        requestLocale(req),
      );
      const name = `pay-${period}`;
      if (req.query.format === "xlsx") {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(period);
        for (const r of rows)
          ws.addRow(r.map((c) => (typeof c === "string" ? neutralizeFormula(c) : c)));
        const buf = await wb.xlsx.writeBuffer();
        return reply
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(Buffer.from(buf));
      }
      const cell = (c: string | number) => {
        const s = neutralizeFormula(String(c));
        return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      return reply
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .type("text/csv; charset=utf-8")
        .send("\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n");
    },
  );
  app.post(
    "/pay-adjustments",
    {
      schema: {
        tags,
        summary: "A correction paid by the next computed run (owner)",
        body: AdjustmentBody,
        response: { 201: AdjustmentSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await services.payRuns.addAdjustment(actorOf(req), req.body)),
  );
  app.get(
    "/pay-adjustments",
    {
      schema: {
        tags,
        summary:
          "Adjustments, newest first: open (waiting for the next run) or settled (paid by a locked run); yours, or those of the people you manage",
        querystring: AdjustmentListQuery,
        response: { 200: Page(AdjustmentListItem) },
      },
    },
    async (req) => services.payAdjustments.list(actorOf(req), req.query),
  );
  app.get(
    "/pay/projection/:memberId",
    {
      schema: {
        tags,
        summary: "Month-to-date pay, and pay if the shop reaches a GMV",
        params: ProjectionParams,
        querystring: ProjectionQuery,
        response: { 200: ProjectionSchema },
      },
    },
    async (req) =>
      services.payRuns.projection(actorOf(req), req.params.memberId, req.query.shopGmv),
  );
}
