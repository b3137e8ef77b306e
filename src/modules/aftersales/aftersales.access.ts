// The services' side of core/aftersales/policy.ts: the caller as a `PolicyActor` (the workspace's
// departments read through the caller's handle when the answer depends on them) and one question to
// `can`. 403 names what is missing.
import type { Actor } from "../../core/actor.js";
import type { AftersalesAction } from "../../core/aftersales/policy.js";
import { can } from "../../core/can.js";
import { fail } from "../../core/errors.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";

export async function authorizeAftersales(
  db: Executor,
  actor: Actor,
  action: AftersalesAction,
): Promise<PolicyActor> {
  const bare = policyActor(actor, []);
  if (can(bare, action)) return bare;
  const full = policyActor(actor, await new DepartmentRepository(db).list(actor.workspaceId));
  if (can(full, action)) return full;
  throw fail(
    "forbidden",
    action === "aftersales.handle" ? "case.handle_forbidden" : "rights.customer_service_required",
    { function: "customer_service" },
  );
}
