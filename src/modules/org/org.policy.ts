// The services' side of the policy tables (core/can.ts, core/org/policy.ts): the actor as the
// tables see it, with the workspace's departments read through the caller's handle (a transaction
// passes its own). Only a lead's rights depend on the departments, so only theirs are read.
import type { Actor } from "../../core/actor.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "./department.repository.js";

export { can, type Action } from "../../core/can.js";
export type { OrgAction } from "../../core/org/policy.js";

/** The `PolicyActor` for a server actor; `departments` when the caller has them already. */
export async function loadPolicyActor(
  db: Executor,
  actor: Actor,
  departments?: Parameters<typeof policyActor>[1],
): Promise<PolicyActor> {
  const list =
    departments ??
    (actor.role === "lead" ? await new DepartmentRepository(db).list(actor.workspaceId) : []);
  return policyActor(actor, list);
}
