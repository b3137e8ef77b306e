// The services' side of core/logistics/policy.ts: the caller as a `PolicyActor` (the workspace's
// departments read through the caller's handle when the answer depends on them: a member's own
// department's function, a lead's functions) and one question to `can`. 403 names what is missing.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail } from "../../core/errors.js";
import type { LogisticsAction } from "../../core/logistics/policy.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";

export async function authorizeLogistics(
  db: Executor,
  actor: Actor,
  action: LogisticsAction,
): Promise<PolicyActor> {
  const bare = policyActor(actor, []);
  if (can(bare, action)) return bare;
  const full = policyActor(actor, await new DepartmentRepository(db).list(actor.workspaceId));
  if (can(full, action)) return full;
  throw fail(
    "forbidden",
    action === "logistics.pack" ? "logistics.pack_forbidden" : "rights.logistics_required",
    { function: "logistics" },
  );
}
