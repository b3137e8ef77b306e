// One shape of policy for every area: a pure table per area (core/<area>/policy.ts) that maps each
// action to a rule `(actor, target) => boolean`, and one `can(actor, action, target)` over all of
// them. No I/O: a service loads the workspace's departments once (through its own handle), builds
// the `PolicyActor` with `policyActor`, and asks; the web builds the same actor from /me and the
// department list and asks the same tables to hide what a role cannot do.
import type { Role } from "./limits.js";
import {
  effectiveFunction,
  functionsHeld,
  type DepartmentFunction,
  type RightsDepartment,
} from "./org/rights.js";
import { DepartmentTree } from "./org/tree.js";

/** Who asks, with what the data grants them (never a name someone can type). */
export interface PolicyActor {
  role: Role;
  memberId: string;
  /** The member's own department (null: none). */
  departmentId: string | null;
  /** The departments a lead manages: those they lead and every department below (empty otherwise). */
  managed: ReadonlySet<string>;
  /** The functions of the departments a lead manages (operations, customer_service, …). */
  functions: ReadonlySet<DepartmentFunction>;
  /** The function of the member's own department (through the tree; "none" without one). */
  ownFunction: DepartmentFunction;
}

/** What an action is about. Each area reads the fields it needs. */
export interface PolicyTarget {
  /** The member the action is about (their statement, their report, their profile …). */
  memberId?: string;
  /** The department the target belongs to (or the department itself). */
  departmentId?: string | null;
  /** The target member's role. */
  role?: Role;
  /** The member who owns the target (a plan's owner, a goal's owner). */
  ownerMemberId?: string | null;
  /** For a department: its lead. */
  leadMemberId?: string | null;
}

export type Rule<T = PolicyTarget> = (actor: PolicyActor, target: T) => boolean;
export type PolicyTable<A extends string, T = PolicyTarget> = { readonly [K in A]: Rule<T> };

/** The actor as the policy tables see it, from the workspace's departments. */
export function policyActor(
  who: { role: Role; memberId: string; departmentId?: string | null },
  departments: readonly RightsDepartment[],
): PolicyActor {
  const managed =
    who.role === "lead"
      ? new DepartmentTree(departments).subtree(
          ...departments.filter((d) => d.leadMemberId === who.memberId).map((d) => d.id),
        )
      : new Set<string>();
  return {
    role: who.role,
    memberId: who.memberId,
    departmentId: who.departmentId ?? null,
    managed,
    functions: functionsHeld(who, departments),
    ownFunction: effectiveFunction(departments, who.departmentId ?? null),
  };
}

/** Helpers the area tables share. */
export const isOwner = (a: PolicyActor) => a.role === "owner";
export const isLead = (a: PolicyActor) => a.role === "lead";
export const isSelf = (a: PolicyActor, t: PolicyTarget) =>
  t.memberId !== undefined && t.memberId === a.memberId;
export const manages = (a: PolicyActor, departmentId: string | null | undefined) =>
  departmentId != null && a.managed.has(departmentId);
