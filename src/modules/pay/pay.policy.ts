// Who may see and change pay. The owner sets plans, computes, approves and locks runs and reads
// every statement; a lead reads the statements of the departments they manage (and their own); a
// member reads only their own statement and projection.
import type { Actor } from "../../core/actor.js";

export type PayAction = "plan.manage" | "plan.read" | "run.manage" | "run.read" | "statement.read";

export function canPay(
  actor: Actor,
  action: PayAction,
  target: { memberId?: string; departmentId?: string | null } = {},
  managed: ReadonlySet<string> = new Set(),
): boolean {
  if (actor.role === "owner") return true;
  switch (action) {
    case "plan.manage":
    case "run.manage":
      return false;
    case "plan.read":
    case "run.read":
      return actor.role === "lead";
    case "statement.read":
      return (
        target.memberId === actor.memberId ||
        (actor.role === "lead" && target.departmentId != null && managed.has(target.departmentId))
      );
  }
}
