// What the signed-in person may do with plans, from the very table the server decides with
// (src/core/plans/policy.ts through src/core/can.ts), so a page offers only what it would accept:
// the owner and the leads plan; a plan's owner edits their own plan; everyone reads.
import type { Me } from "../../api/types";
import { can } from "../../../../src/core/can";
import type { PlansAction } from "../../../../src/core/plans/policy";
import { meAsActor } from "../permissions";

/** The plans rules read the role and the member alone, so no department list is needed. */
export const mayPlan = (me: Me, action: PlansAction, plan?: { ownerMemberId: string }): boolean =>
  can(meAsActor(me, []), action, plan ? { ownerMemberId: plan.ownerMemberId } : {});
