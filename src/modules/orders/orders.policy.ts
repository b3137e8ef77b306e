// Who may do what with shop data. Everyone in the workspace reads orders and KPIs (the team is
// judged by them, so they see them); the owner and the leads of 运营 (Operations) manage shops,
// mappings and visitor counts and import or roll back files.
import type { Actor } from "../../core/actor.js";

export type ShopDataAction = "shop.manage" | "orders.import" | "orders.read" | "kpi.read";

/** Department names that count as Operations (departments are data; these are the templates' names). */
export const OPERATIONS_DEPARTMENTS = ["运营", "运营部", "Operations", "Ops"];

export function canShopData(actor: Actor, action: ShopDataAction, ctx: { leadsOperations: boolean }): boolean {
  if (actor.role === "owner") return true;
  switch (action) {
    case "orders.read":
    case "kpi.read":
      return true;
    case "shop.manage":
    case "orders.import":
      return actor.role === "lead" && ctx.leadsOperations;
  }
}
