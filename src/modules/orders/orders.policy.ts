// Who may do what with shop data. Everyone in the workspace reads orders and KPIs (the team is
// judged by them, so they see them); the owner and the leads holding the operations function
// manage shops, mappings, visitor counts and attribution and import or roll back files. The
// decision is core/org/rights.ts (shared with the web); a department's name plays no part.
import type { RightsAction } from "../../core/org/rights.js";

export type ShopDataAction = Extract<
  RightsAction,
  "shop.manage" | "orders.import" | "orders.read" | "kpi.read"
>;
