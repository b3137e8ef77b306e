// Who may do what with shop and customer-service data, as the shop area's part of core/can.ts.
// Everyone in the workspace reads orders, KPIs, attribution and CS numbers (the team is judged by
// them, so they see them); the owner and the leads holding the operations function manage shops,
// mappings, visitor counts and attribution and import or roll back order files; the owner and the
// leads holding the customer_service function import CS files and link chat accounts. What a lead
// holds is the function of the departments they manage (core/org/rights.ts), never a name.
// Pure: the services and the web's shop-data pages ask this table.
import { msg, type Message, type MessageCode } from "../messages/index.js";
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

/** The function a lead needs for each action (null: everyone in the workspace may). */
export const SHOP_FUNCTION: Record<ShopAction, DepartmentFunction | null> = {
  "shop.orders.read": null,
  "shop.kpi.read": null,
  "shop.manage": "operations",
  "shop.orders.import": "operations",
  "cs.read": null,
  "cs.import": "customer_service",
  "cs.accounts": "customer_service",
};

const everyone: Rule = () => true;
/** The owner, or a lead holding the function through a department they manage. */
const holding =
  (fn: DepartmentFunction): Rule =>
  (a) =>
    isOwner(a) || a.functions.has(fn);
const rule = (action: ShopAction): Rule => {
  const fn = SHOP_FUNCTION[action];
  return fn === null ? everyone : holding(fn);
};

export const SHOP_POLICY: PolicyTable<ShopAction> = {
  "shop.orders.read": rule("shop.orders.read"),
  "shop.kpi.read": rule("shop.kpi.read"),
  "shop.manage": rule("shop.manage"),
  "shop.orders.import": rule("shop.orders.import"),
  "cs.read": rule("cs.read"),
  "cs.import": rule("cs.import"),
  "cs.accounts": rule("cs.accounts"),
};

const REQUIRED: Record<DepartmentFunction, MessageCode> = {
  operations: "rights.operations_required",
  customer_service: "rights.customer_service_required",
  design: "rights.design_required",
  logistics: "rights.logistics_required",
  none: "rights.owner_only",
};

/** The refusal of an action: it names the function a lead would need (the owner sets it). */
export function shopRefusal(action: ShopAction): Message {
  const fn = SHOP_FUNCTION[action];
  return fn === null ? msg("rights.owner_only") : msg(REQUIRED[fn], { function: fn });
}
