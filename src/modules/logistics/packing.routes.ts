// Packing work: a day's expected load per 物流 member and who is short, and the time per parcel.
import { actorOf, type App } from "../../http/app.js";
import type { PackingWorkService } from "./packing-work.service.js";
import {
  PackingLoadQuery,
  PackingLoadSchema,
  PackingSettingsBody,
  PackingSettingsSchema,
} from "./packing.schema.js";

const tags = ["logistics"];

export async function packingRoutes(
  app: App,
  services: { packingWork: PackingWorkService },
): Promise<void> {
  app.get(
    "/logistics/packing/load",
    {
      schema: {
        tags,
        operationId: "getLogisticsPackingLoad",
        summary:
          "A day's packing load (default: the next day someone of 物流 works): parcels expected (waiting now, new a day, left over), each 物流 member's packing hours, duties and plan tasks against their hours, and who is short. The people of 物流, their leads and the owner",
        querystring: PackingLoadQuery,
        response: { 200: PackingLoadSchema },
      },
    },
    async (req) => services.packingWork.load(actorOf(req), req.query),
  );
  app.get(
    "/logistics/packing/settings",
    {
      schema: {
        tags,
        operationId: "getLogisticsPackingSettings",
        summary:
          "The time per parcel packing runs are counted with: the one set, else learned from the pack station, else the default",
        response: { 200: PackingSettingsSchema },
      },
    },
    async (req) => services.packingWork.settings(actorOf(req)),
  );
  app.put(
    "/logistics/packing/settings",
    {
      schema: {
        tags,
        operationId: "updateLogisticsPackingSettings",
        summary:
          "Set the time per parcel (null: learn it from the pack station); 409 on a stale version. People's days re-plan with it at once. The owner and leads holding the logistics function",
        body: PackingSettingsBody,
        response: { 200: PackingSettingsSchema },
      },
    },
    async (req) => services.packingWork.updateSettings(actorOf(req), req.body),
  );
}
