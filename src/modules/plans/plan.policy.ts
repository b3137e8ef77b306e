// Plans: the owner and the leads plan; a plan's owner edits their own plan; members read plans
// and report progress on their own work through Today.
import type { Actor } from "../../core/actor.js";

export type PlanAction = "plan.create" | "plan.edit";

export function canPlan(
  actor: Actor,
  action: PlanAction,
  plan?: { ownerMemberId: string },
): boolean {
  if (actor.role === "owner" || actor.role === "lead") return true;
  return action === "plan.edit" && plan?.ownerMemberId === actor.memberId;
}
