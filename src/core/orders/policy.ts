// Who may do what with shop and customer-service data, as the shop area's part of core/can.ts.
// Everyone in the workspace reads orders, KPIs, attribution and CS numbers (the team is judged by
// them, so they see them); the owner and the leads holding the operations function manage shops,
// mappings, visitor counts and attribution and import or roll back order files; the owner and the
// leads holding the customer_service function import CS files and link chat accounts. What a lead
// holds is the function of the departments they manage (core/org/rights.ts), never a name.
// Pure: the services and the web's shop-data pages ask this table.
import type { MessageCode } from "../messages/index.js";
import type { DepartmentFunction } from "../org/rights.js";
import { isOwner, type PolicyTable, type Rule } from "../policy.js";

export type ShopAction =
  | "shop.orders.read"
  | "shop.kpi.read"
  | "shop.manage"
  | "shop.orders.import"
  | "cs.read"
  | "cs.import"
  | "cs.accounts";

const everyone: Rule = () => true;
/** The owner, or a lead holding the function through a department they manage. */
const holding =
  (fn: DepartmentFunction): Rule =>
  (a) =>
    isOwner(a) || a.functions.has(fn);

export const SHOP_POLICY: PolicyTable<ShopAction> = {
  "shop.orders.read": everyone,
  "shop.kpi.read": everyone,
  "shop.manage": holding("operations"),
  "shop.orders.import": holding("operations"),
  "cs.read": everyone,
  "cs.import": holding("customer_service"),
  "cs.accounts": holding("customer_service"),
};

/** The refusal of an action: it names the function a lead would need (the owner sets it). */
export const SHOP_REFUSAL: Record<ShopAction, MessageCode> = {
  "shop.orders.read": "rights.owner_only",
  "shop.kpi.read": "rights.owner_only",
  "shop.manage": "rights.operations_required",
  "shop.orders.import": "rights.operations_required",
  "cs.read": "rights.owner_only",
  "cs.import": "rights.customer_service_required",
  "cs.accounts": "rights.customer_service_required",
};
