// Progress control routes: a plan's earned value (now or on a past day) and its daily history.
import { actorOf, type App } from "../../http/app.js";
import { IdParams } from "../shared/common.schema.js";
import { HistoryQuery, HistorySchema, ProgressQuery, ProgressSchema } from "./progress.schema.js";
import type { ProgressService } from "./progress.service.js";

const tags = ["progress"];

export async function progressRoutes(
  app: App,
  services: { progress: ProgressService },
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
}
