// Quality cases and 好评回访 follow-ups (docs/AFTERSALES.md, "Quality cases", "Follow-ups"): the quality
// threshold and the tasks it opened, the follow-up rules, the follow-ups and their outcomes, and the
// count of bad reviews turned good per agent per month.
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import {
  FollowupListQuery,
  FollowupListSchema,
  FollowupRulesBody,
  FollowupRulesSchema,
  FollowupSchema,
  QualityBody,
  QualitySchema,
  RecordBody,
  TurnedGoodQuery,
  TurnedGoodSchema,
} from "./care.schema.js";
import type { FollowupService } from "./followups.service.js";
import type { QualityService } from "./quality.service.js";

const tags = ["aftersales"];
const READ = "Everyone in the workspace (aftersales.read)";
const MANAGE =
  "For the owner and the leads holding the customer_service function (aftersales.manage); 403 otherwise";

export async function careRoutes(
  app: App,
  services: { quality: QualityService; followups: FollowupService },
): Promise<void> {
  const { quality, followups } = services;
  app.get(
    "/aftersales/quality",
    {
      schema: {
        operationId: "getAftersalesQuality",
        tags,
        summary: `The quality-case threshold (the defaults, version 0, while none is saved) and the tasks quality cases opened in the last 90 days, each with its SKU, cases and counts. ${READ}`,
        response: { 200: QualitySchema },
      },
    },
    async (req) => quality.get(actorOf(req)),
  );
  app.put(
    "/aftersales/quality",
    {
      schema: {
        operationId: "putAftersalesQuality",
        tags,
        summary: `Set the threshold: minCases quality cases of one SKU within windowDays open one task for 运营 or 设计 (with version; 0 the first time; 409 stale). Audited; checked at once. ${MANAGE}`,
        body: QualityBody,
        response: { 200: QualitySchema },
      },
    },
    async (req) => quality.put(actorOf(req), req.body),
  );
  app.get(
    "/aftersales/followup-rules",
    {
      schema: {
        operationId: "getAftersalesFollowupRules",
        tags,
        summary: `The 好评回访 rules (version 0 while none are saved). ${READ}`,
        response: { 200: FollowupRulesSchema },
      },
    },
    async (req) => followups.rules(actorOf(req)),
  );
  app.put(
    "/aftersales/followup-rules",
    {
      schema: {
        operationId: "putAftersalesFollowupRules",
        tags,
        summary: `Replace the 好评回访 rules (with version; 0 the first time; 409 stale; 400 an unknown shop). Audited; the follow-ups due are made at once. ${MANAGE}`,
        body: FollowupRulesBody,
        response: { 200: FollowupRulesSchema },
      },
    },
    async (req) => followups.putRules(actorOf(req), req.body),
  );
  app.get(
    "/aftersales/followups",
    {
      schema: {
        operationId: "listAftersalesFollowups",
        tags,
        summary: `Follow-ups (the due ones are made first), latest due first; state open|done, assignee me|none|a member's id. ${READ}`,
        querystring: FollowupListQuery,
        response: { 200: FollowupListSchema },
      },
    },
    async (req) => followups.list(actorOf(req), req.query),
  );
  app.post(
    "/aftersales/followups/:id/outcome",
    {
      schema: {
        operationId: "recordAftersalesFollowup",
        tags,
        summary:
          "Record what came of a follow-up: good_review, turned_good (a bad review turned good), no_answer, or bad_review (opens a complaint case on the order, with its SLA clock). The agent it is given to, a customer_service lead or the owner (403 aftersales.followup.others_forbidden; 403 case.handle_forbidden outside customer service); 409 on a stale version or a recorded follow-up.",
        params: IdParams,
        body: RecordBody,
        response: { 200: FollowupSchema },
      },
    },
    async (req) => followups.record(actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/aftersales/followups/turned-good",
    {
      schema: {
        operationId: "getAftersalesTurnedGood",
        tags,
        summary: `Bad reviews turned good per agent (who recorded it) per local month, for the local dates from…to. ${READ}`,
        querystring: TurnedGoodQuery,
        response: { 200: TurnedGoodSchema },
      },
    },
    async (req) => ({ items: await followups.turnedGood(actorOf(req), req.query) }),
  );
}
