// Who may do what with after-sales cases (售后), as the after-sales area's part of core/can.ts.
// Everyone in the workspace reads cases (the team is judged by them). Working cases — answering,
// moving them along, taking an unassigned one, opening one by hand from an order, importing the
// platforms' after-sales exports — belongs to the people of a department whose function is
// customer_service, their leads and the owner. Assigning cases to others, the workspace's code
// maps and saved import mappings are managed by the owner and the leads holding customer_service.
// The function is data the owner sets on a department, never a name. Pure: the services and the
// web's after-sales pages ask this table.
import { isOwner, type PolicyActor, type PolicyTable, type Rule } from "../policy.js";

export type AftersalesAction =
  | "aftersales.read"
  | "aftersales.handle"
  | "aftersales.manage"
  | "aftersales.kpi.own"
  | "aftersales.kpi.all";

const everyone: Rule = () => true;
const leadHolding = (a: PolicyActor) => isOwner(a) || a.functions.has("customer_service");

export const AFTERSALES_POLICY: PolicyTable<AftersalesAction> = {
  "aftersales.read": everyone,
  "aftersales.handle": (a) => leadHolding(a) || a.ownFunction === "customer_service",
  "aftersales.manage": leadHolding,
  // The after-sales KPIs (dashboard, export): the owner and the customer_service leads see every
  // case's figures; a customer_service member their own cases' (docs/AFTERSALES.md, "KPIs").
  "aftersales.kpi.own": (a) => leadHolding(a) || a.ownFunction === "customer_service",
  "aftersales.kpi.all": leadHolding,
};
