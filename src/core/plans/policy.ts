// Who may plan, as the plans area's part of core/can.ts. The owner and the leads create and edit
// every plan (and save plans as templates); a plan's owner edits their own plan and its tasks, its
// baseline and may delete it; every member reads plans and reports progress on their own work
// through Today (no right needed). Pure: the plan services and the web's plan pages ask this table.
import { isLead, isOwner, type PolicyTable, type Rule } from "../policy.js";

export type PlansAction =
  | "plans.plan.create"
  | "plans.plan.edit"
  | "plans.plan.delete"
  | "plans.template.save"
  | "plans.efficiency.set";

const planner: Rule = (a) => isOwner(a) || isLead(a);
/** The target's `ownerMemberId` is the plan's owner. */
const plannerOrPlanOwner: Rule = (a, t) =>
  planner(a, t) || (t.ownerMemberId != null && t.ownerMemberId === a.memberId);

export const PLANS_POLICY: PolicyTable<PlansAction> = {
  "plans.plan.create": planner,
  "plans.plan.edit": plannerOrPlanOwner,
  "plans.plan.delete": plannerOrPlanOwner,
  "plans.template.save": planner,
  // The efficiency table moves every plan of every department: the owner sets it (all read it).
  "plans.efficiency.set": (a) => isOwner(a),
};
