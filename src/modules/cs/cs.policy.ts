// Who may do what with customer-service performance data. Everyone in the workspace reads it (the
// team is judged by it, as by the shop KPIs); the owner and the leads holding the customer_service
// function import files and link chat accounts to members. The decision is core/org/rights.ts
// (shared with the web); a department's name plays no part.
import type { RightsAction } from "../../core/org/rights.js";

export type CsAction = Extract<RightsAction, "cs.read" | "cs.import" | "cs.accounts">;
