// After-sales SLA routes (docs/AFTERSALES.md, "SLA"): the workspace's policies and shift hours
// (read: everyone; save: the owner and the leads holding customer_service) and SLA attainment.
import { actorOf, type App } from "../../http/app.js";
import type { SlaService } from "./sla.service.js";
import {
  SlaAttainmentQuery,
  SlaAttainmentSchema,
  SlaPoliciesBody,
  SlaPoliciesSchema,
} from "./sla.schema.js";

const tags = ["aftersales"];

export async function aftersalesSlaRoutes(app: App, services: { sla: SlaService }): Promise<void> {
  const { sla } = services;
  app.get(
    "/aftersales/sla-policies",
    {
      schema: {
        operationId: "getAftersalesSlaPolicies",
        tags,
        summary:
          "The workspace's SLA policies per case type and platform (first response, decision, resolution in working minutes of the workspace calendar and shift; at-risk share) and its shift hours; the defaults (isDefault, version 0) while none are saved. Everyone in the workspace (aftersales.read)",
        response: { 200: SlaPoliciesSchema },
      },
    },
    async (req) => sla.policies(actorOf(req)),
  );
  app.put(
    "/aftersales/sla-policies",
    {
      schema: {
        operationId: "putAftersalesSlaPolicies",
        tags,
        summary:
          "Replace the SLA policies and the shift hours (version 0 the first time; a stale version is 409); the open cases' deadlines are re-computed at once; audited. For the owner and the leads holding the customer_service function (aftersales.manage); 403 otherwise",
        body: SlaPoliciesBody,
        response: { 200: SlaPoliciesSchema },
      },
    },
    async (req) => sla.putPolicies(actorOf(req), req.body),
  );
  app.get(
    "/aftersales/sla-attainment",
    {
      schema: {
        operationId: "getAftersalesSlaAttainment",
        tags,
        summary:
          "SLA attainment of the cases opened in the local days from…to (optionally one shop, by id or name): per clock and over all, clocks stopped by their deadline ÷ clocks stopped or running past it. Everyone in the workspace (aftersales.read)",
        querystring: SlaAttainmentQuery,
        response: { 200: SlaAttainmentSchema },
      },
    },
    async (req) => sla.attainment(actorOf(req), req.query),
  );
}
