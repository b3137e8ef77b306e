// The services' side of core/customers/policy.ts: the caller as a `PolicyActor` (the workspace's
// departments read through the caller's handle only when the answer depends on them) and one
// question to `can`. 403 names what is missing.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import type { CustomersAction } from "../../core/customers/policy.js";
import { fail } from "../../core/errors.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";

export async function authorizeCustomers(
  db: Executor,
  actor: Actor,
  action: CustomersAction,
): Promise<PolicyActor> {
  const bare = policyActor(actor, []);
  if (can(bare, action)) return bare;
  const full = policyActor(actor, await new DepartmentRepository(db).list(actor.workspaceId));
  if (can(full, action)) return full;
  throw fail(
    "forbidden",
    action === "customers.export" ? "customers.export_forbidden" : "customers.read_forbidden",
  );
}
