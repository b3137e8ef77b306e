// Who may do what with customer-service performance data. Everyone in the workspace reads it (the
// team is judged by it, as by the shop KPIs); the owner and the leads of 客服 import files and link
// chat accounts to members.
import type { Actor } from "../../core/actor.js";

export type CsAction = "cs.read" | "cs.import" | "cs.accounts";

/** Department names that count as customer service (departments are data; these are the templates' names). */
export const CS_DEPARTMENTS = ["客服", "客服部", "Customer service", "Customer Service"];

export function canCs(actor: Actor, action: CsAction, ctx: { leadsCustomerService: boolean }): boolean {
  if (actor.role === "owner") return true;
  switch (action) {
    case "cs.read":
      return true;
    case "cs.import":
    case "cs.accounts":
      return actor.role === "lead" && ctx.leadsCustomerService;
  }
}
