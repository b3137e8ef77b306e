import type { AttributionService } from "./attribution.service.js";
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import { OrderSchema } from "./orders.schema.js";
import {
  AttributionSummarySchema,
  CreateRuleBody,
  RuleChangeSchema,
  RuleDeletedSchema,
  RuleSchema,
  SetOwnerBody,
  SummaryQuery,
  UpdateRuleBody,
} from "./attribution.schema.js";
import { Type } from "typebox";

const tags = ["sales attribution"];

export async function attributionRoutes(
  app: App,
  services: { attribution: AttributionService },
): Promise<void> {
  app.get(
    "/attribution-rules",
    {
      schema: {
        tags,
        summary:
          "Sales attribution rules in the order they are tried (the first that matches an order wins)",
        response: { 200: Type.Object({ items: Type.Array(RuleSchema), nextCursor: Type.Null() }) },
      },
    },
    async (req) => services.attribution.listRules(actorOf(req)),
  );
  app.post(
    "/attribution-rules",
    {
      schema: {
        tags,
        summary:
          "Add a rule (owner, leads holding the operations function); orders are re-attributed at once",
        body: CreateRuleBody,
        response: { 201: RuleChangeSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await services.attribution.createRule(actorOf(req), req.body)),
  );
  app.patch(
    "/attribution-rules/:id",
    {
      schema: {
        tags,
        summary: "Change or move a rule (send the version you read); orders are re-attributed",
        params: IdParams,
        body: UpdateRuleBody,
        response: { 200: RuleChangeSchema },
      },
    },
    async (req) => services.attribution.updateRule(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/attribution-rules/:id",
    {
      schema: {
        tags,
        summary: "Delete a rule; orders are re-attributed",
        params: IdParams,
        response: { 200: RuleDeletedSchema },
      },
    },
    async (req) => services.attribution.deleteRule(actorOf(req), req.params.id),
  );
  app.get(
    "/attribution/summary",
    {
      schema: {
        tags,
        summary:
          "Attributed sales per member and department, and the unattributed rest, over paid dates",
        querystring: SummaryQuery,
        response: { 200: AttributionSummarySchema },
      },
    },
    async (req) => services.attribution.summary(actorOf(req), req.query),
  );
  app.put(
    "/orders/:id/owner",
    {
      schema: {
        tags,
        summary:
          "Attribute an order by hand (memberId) or back to the rules (null); 409 in a locked pay month",
        params: IdParams,
        body: SetOwnerBody,
        response: { 200: OrderSchema },
      },
    },
    async (req) => services.attribution.setOwner(actorOf(req), req.params.id, req.body),
  );
}
