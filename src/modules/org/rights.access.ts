// The server's side of core/org/rights.ts: reads the workspace's departments through the caller's
// handle (a transaction passes its own) and refuses with a message code naming the function needed.
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import type { MessageCode } from "../../core/messages/index.js";
import { ACTION_FUNCTION, mayDo, type RightsAction } from "../../core/org/rights.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "./department.repository.js";

const REQUIRED = {
  operations: "rights.operations_required",
  customer_service: "rights.customer_service_required",
  design: "rights.design_required",
  logistics: "rights.logistics_required",
  none: "rights.owner_only",
} as const satisfies Record<NonNullable<(typeof ACTION_FUNCTION)[RightsAction]>, MessageCode>;

export async function authorizeRight(
  db: Executor,
  actor: Actor,
  action: RightsAction,
): Promise<void> {
  const need = ACTION_FUNCTION[action];
  if (actor.role === "owner" || need === null) return;
  const departments =
    actor.role === "lead" ? await new DepartmentRepository(db).list(actor.workspaceId) : [];
  if (mayDo(actor, action, departments)) return;
  throw fail("forbidden", REQUIRED[need], { function: need });
}
