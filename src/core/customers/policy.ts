// Who may read customers (客户), as the customers area's part of core/can.ts. A customer list is
// buyers' (masked) identities with what they spent, gathered across every order of a shop — more
// than one order shows — so it goes to the people whose work is customers, not to everyone:
//   customers.read    the owner; a lead holding operations or customer_service (a department they
//                     manage has that function); a member of a department whose function (own or
//                     inherited through the tree) is operations or customer_service.
//   customers.export  a whole list leaving the app (the dormant CSV for a win-back campaign): the
//                     owner and the leads holding operations or customer_service.
// The function is data the owner sets on a department, never a name. Pure: the services and the
// web's customers pages ask this table.
import type { DepartmentFunction } from "../org/rights.js";
import { isOwner, type PolicyActor, type PolicyTable } from "../policy.js";

export type CustomersAction = "customers.read" | "customers.export";

/** The functions whose people work with customers. */
export const CUSTOMER_FUNCTIONS: readonly DepartmentFunction[] = ["operations", "customer_service"];

const leadHolding = (a: PolicyActor) =>
  isOwner(a) || CUSTOMER_FUNCTIONS.some((f) => a.functions.has(f));

export const CUSTOMERS_POLICY: PolicyTable<CustomersAction> = {
  "customers.read": (a) => leadHolding(a) || CUSTOMER_FUNCTIONS.includes(a.ownFunction),
  "customers.export": leadHolding,
};
