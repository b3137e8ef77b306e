// The services' side of core/orders/policy.ts: the caller as a `PolicyActor` (the departments read
// through the caller's handle, only when the answer depends on them) and one question to `can`.
// A refusal is 403 with the code naming the function a lead would need.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail } from "../../core/errors.js";
import { shopRefusal, type ShopAction } from "../../core/orders/policy.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { loadPolicyActor } from "../org/org.policy.js";

/**
 * May the actor do a shop or CS action? Returns the `PolicyActor` the answer was given for. A
 * right nobody needs a function for (reading) is answered without reading the departments; a
 * lead's functions are read once, and only when an action needs one.
 */
export async function authorizeShop(
  db: Executor,
  actor: Actor,
  action: ShopAction,
): Promise<PolicyActor> {
  const bare = policyActor(actor, []);
  if (can(bare, action)) return bare;
  if (actor.role === "lead") {
    const full = await loadPolicyActor(db, actor);
    if (can(full, action)) return full;
  }
  const refusal = shopRefusal(action);
  throw fail("forbidden", refusal.code, refusal.params);
}
