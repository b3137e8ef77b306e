// The workspace's efficiency table (docs/ENGINE.md "Efficiency"): read by every member, set by the owner.
import { actorOf, type App } from "../../http/app.js";
import { EfficiencyBody, EfficiencySchema } from "./efficiency.schema.js";
import type { EfficiencyService } from "./efficiency.service.js";

const tags = ["plans"];

export async function efficiencyRoutes(
  app: App,
  services: { efficiency: EfficiencyService },
): Promise<void> {
  app.get(
    "/workspace/efficiency",
    {
      schema: {
        operationId: "getWorkspaceEfficiency",
        tags,
        summary:
          "How fast each skill level works relative to level 3 (hours on a task = effort ÷ the factor of the assignee's level); every level 1 until set. Everyone in the workspace",
        response: { 200: EfficiencySchema },
      },
    },
    async (req) => services.efficiency.get(actorOf(req)),
  );
  app.put(
    "/workspace/efficiency",
    {
      schema: {
        operationId: "putWorkspaceEfficiency",
        tags,
        summary:
          "Set the efficiency table (every level, level 3 = 1, each from 0.1 to 5; with the version read, 0 when none was saved; 409 plans.efficiency.stale when stale). Audited; the workspace is re-planned with it. The owner only (403 plans.efficiency.owner_only)",
        body: EfficiencyBody,
        response: { 200: EfficiencySchema },
      },
    },
    async (req) => services.efficiency.put(actorOf(req), req.body),
  );
}
