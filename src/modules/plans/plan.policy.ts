// The plan services' side of core/plans/policy.ts (PLANS_POLICY, asked through core/can.ts): the
// owner and the leads plan; a plan's owner edits their own plan; members read plans and report
// progress on their own work through Today. A refusal is 403 with a plans code.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail } from "../../core/errors.js";
import type { MessageCode } from "../../core/messages/index.js";
import type { PlansAction } from "../../core/plans/policy.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";

const REFUSAL = {
  "plans.plan.create": "plans.create_forbidden",
  "plans.plan.edit": "plans.edit_forbidden",
  "plans.plan.delete": "plans.edit_forbidden",
  "plans.template.save": "plans.template_forbidden",
  "plans.efficiency.set": "plans.efficiency.owner_only",
} as const satisfies Record<PlansAction, MessageCode>;

/**
 * The actor as the plans table sees it. Its rules read the role and the member alone (never a
 * department), so no departments are loaded for it.
 */
export const plansActor = (actor: Actor): PolicyActor => policyActor(actor, []);

/** Refuses (403) unless the plans table allows the action; `plan` is the plan acted on. */
export function authorizePlans(
  actor: Actor,
  action: PlansAction,
  plan?: { ownerMemberId: string },
): void {
  if (!can(plansActor(actor), action, plan ? { ownerMemberId: plan.ownerMemberId } : {}))
    throw fail("forbidden", REFUSAL[action]);
}
