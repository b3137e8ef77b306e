// Routing after-sales cases into people's days (docs/AFTERSALES.md, "Routing"): the workspace's rules
// (read: everyone; change: the owner and the customer_service leads), the queue per person, and
// assigning a case (the owner and the customer_service leads give any case to a customer-service
// member; a customer-service member takes an unassigned case for themselves).
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import { CaseDetailSchema } from "./aftersales.schema.js";
import type { CaseAssignService } from "./assign.service.js";
import {
  AssignBody,
  RoutingQueueSchema,
  RoutingRulesBody,
  RoutingRulesSchema,
} from "./routing.schema.js";
import type { CaseRoutingService } from "./routing.service.js";

const tags = ["aftersales"];
const READ = "Everyone in the workspace (aftersales.read)";
const MANAGE =
  "For the owner and the leads holding the customer_service function (aftersales.manage); 403 otherwise";

export async function routingRoutes(
  app: App,
  services: { caseRouting: CaseRoutingService; caseAssign: CaseAssignService },
): Promise<void> {
  const { caseRouting, caseAssign } = services;
  app.get(
    "/aftersales/routing",
    {
      schema: {
        operationId: "getAftersalesRouting",
        tags,
        summary: `The workspace's routing rules for new cases (strategy, VIP and high-amount overrides, platform queues, skills and estimated minutes per case type, with the defaults). ${READ}`,
        response: { 200: RoutingRulesSchema },
      },
    },
    async (req) => caseRouting.rules(actorOf(req)),
  );
  app.put(
    "/aftersales/routing",
    {
      schema: {
        operationId: "putAftersalesRouting",
        tags,
        summary: `Change the routing rules (with version; 0 when none were saved; 409 when stale). Every member named must be of a customer_service department (400 case.assign.not_handler). Audited; the open cases nobody has are routed again. ${MANAGE}`,
        body: RoutingRulesBody,
        response: { 200: RoutingRulesSchema },
      },
    },
    async (req) => caseRouting.putRules(actorOf(req), req.body),
  );
  app.get(
    "/aftersales/queue",
    {
      schema: {
        operationId: "getAftersalesQueue",
        tags,
        summary: `Open cases per person with counts, estimated minutes and the minutes each has free today; the unassigned apart with why routing left them. ${READ}`,
        response: { 200: RoutingQueueSchema },
      },
    },
    async (req) => caseRouting.queue(actorOf(req)),
  );
  app.post(
    "/aftersales/cases/:id/assign",
    {
      schema: {
        operationId: "assignAftersalesCase",
        tags,
        summary:
          "Assign an open case to a member of a customer_service department: the owner and the customer_service leads assign any case; a customer-service member takes an unassigned case for themselves (403 case.assign.others_forbidden otherwise; 403 case.handle_forbidden outside customer service). 409 on a stale version or a finished case. In the history and the audit log; the new assignee is notified; their day is re-planned.",
        params: IdParams,
        body: AssignBody,
        response: { 200: CaseDetailSchema },
      },
    },
    async (req) => caseAssign.assign(actorOf(req), req.params.id, req.body),
  );
}
