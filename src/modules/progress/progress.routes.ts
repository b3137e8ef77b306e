// Progress control routes: a plan's earned value (now or on a past day) and its daily history.
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import {
  ApplicationParams,
  ApplyWhatIfBody,
  ApplyWhatIfSchema,
  HistoryQuery,
  HistorySchema,
  LastWhatIfSchema,
  ProgressQuery,
  ProgressSchema,
  UndoWhatIfSchema,
  WhatIfsSchema,
} from "./progress.schema.js";
import type { ProgressService } from "./progress.service.js";
import type { WhatIfService } from "./what-if.service.js";

const tags = ["progress"];

export async function progressRoutes(
  app: App,
  services: { progress: ProgressService; whatIfs: WhatIfService },
): Promise<void> {
  app.get(
    "/plans/:id/progress",
    {
      schema: {
        tags,
        summary:
          "A plan's earned value from its baseline (whole plan, per person, per department), both forecasts and why it slipped",
        params: IdParams,
        querystring: ProgressQuery,
        response: { 200: ProgressSchema },
      },
    },
    async (req) => services.progress.get(actorOf(req), req.params.id, req.query),
  );
  app.get(
    "/plans/:id/progress/history",
    {
      schema: {
        tags,
        summary:
          "A plan's daily earned-value snapshots, today's live figures and the baseline's planned curve",
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: HistorySchema },
      },
    },
    async (req) => services.progress.history(actorOf(req), req.params.id, req.query),
  );
  app.post(
    "/plans/:id/what-ifs",
    {
      schema: {
        tags,
        summary:
          "Corrective actions for a plan that misses its deadline, each scored on a copy of the workspace's schedule; nothing is written",
        params: IdParams,
        response: { 200: WhatIfsSchema },
      },
    },
    async (req) => services.whatIfs.propose(actorOf(req), req.params.id),
  );
  app.post(
    "/plans/:id/what-ifs/apply",
    {
      schema: {
        tags,
        summary:
          "Apply an option's changes as one audited plan edit (409 when the plan changed since the options were computed)",
        params: IdParams,
        body: ApplyWhatIfBody,
        response: { 200: ApplyWhatIfSchema },
      },
    },
    async (req) => services.whatIfs.apply(actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/plans/:id/what-ifs/last",
    {
      schema: {
        tags,
        summary:
          "The plan's latest applied what-if not undone, and whether it can still be undone (null when none)",
        params: IdParams,
        response: { 200: LastWhatIfSchema },
      },
    },
    async (req) => services.whatIfs.last(actorOf(req), req.params.id),
  );
  app.post(
    "/plans/:id/what-ifs/:applicationId/undo",
    {
      schema: {
        tags,
        summary:
          "Undo an applied what-if as one audited plan edit: its assignees, links and deferred tasks go back and its overtime is removed (409 when the plan changed since it was applied, or already undone)",
        params: ApplicationParams,
        response: { 200: UndoWhatIfSchema },
      },
    },
    async (req) => services.whatIfs.undo(actorOf(req), req.params.id, req.params.applicationId),
  );
}
