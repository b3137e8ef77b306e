// Who may see and change pay, as the pay area's part of core/can.ts. The owner sets plans, computes,
// approves and locks runs, adds adjustments and reads every statement; a lead reads plans and runs,
// and the statements of the departments they manage (and their own); a member reads only their own
// statement, adjustments and projection (and, in the run list, only locked runs: the service).
// Pure: the pay services and the web's pay pages ask this table.
import { isLead, isOwner, isSelf, manages, type PolicyTable, type Rule } from "../policy.js";

export type PayAction =
  "pay.plan.manage" | "pay.plan.read" | "pay.run.manage" | "pay.run.read" | "pay.statement.read";

const owner: Rule = (a) => isOwner(a);
const ownerOrLead: Rule = (a) => isOwner(a) || isLead(a);
/** The target's `memberId` is the statement's member, `departmentId` the department it was computed in. */
const statementReader: Rule = (a, t) =>
  isOwner(a) || isSelf(a, t) || (isLead(a) && manages(a, t.departmentId));

export const PAY_POLICY: PolicyTable<PayAction> = {
  "pay.plan.manage": owner,
  "pay.plan.read": ownerOrLead,
  "pay.run.manage": owner,
  "pay.run.read": ownerOrLead,
  "pay.statement.read": statementReader,
};
