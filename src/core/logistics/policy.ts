// Who may do what with logistics (物流) data, as the logistics area's part of core/can.ts.
// Everyone in the workspace reads the queue, parcels, costs and the dashboard (the team is judged by
// them). Packing work (parcels, batches, scanning, typing waybills, printing) belongs to the people of
// a department whose function is logistics, their leads and the owner. Carriers, rate cards, carrier
// bills, tracking imports, write-back templates and settings are managed by the owner and the leads
// holding the logistics function. The function is data the owner sets on a department, never a name.
// Pure: the services and the web's logistics pages ask this table.
import { isOwner, type PolicyActor, type PolicyTable, type Rule } from "../policy.js";

export type LogisticsAction = "logistics.read" | "logistics.pack" | "logistics.manage";

const everyone: Rule = () => true;
const leadHolding = (a: PolicyActor) => isOwner(a) || a.functions.has("logistics");

export const LOGISTICS_POLICY: PolicyTable<LogisticsAction> = {
  "logistics.read": everyone,
  "logistics.pack": (a) => leadHolding(a) || a.ownFunction === "logistics",
  "logistics.manage": leadHolding,
};
