// Rights from data, never from names. What a department may do is its function, an explicit
// setting only the owner grants (stored on the department); a department without one takes its
// parent's, through the tree. A lead holds the functions of every department they manage (those
// they lead and everything below them: they could appoint themselves lead there anyway). Members
// read; the owner does everything. `policyActor` (core/policy.ts) puts the functions a lead holds on
// the actor, and each area's table (e.g. core/orders/policy.ts) asks for the one an action needs.
import type { Role } from "../limits.js";
import { DepartmentTree } from "./tree.js";

export const DEPARTMENT_FUNCTIONS = [
  "operations",
  "design",
  "customer_service",
  "logistics",
  "none",
] as const;
export type DepartmentFunction = (typeof DEPARTMENT_FUNCTIONS)[number];

export const isDepartmentFunction = (v: unknown): v is DepartmentFunction =>
  (DEPARTMENT_FUNCTIONS as readonly unknown[]).includes(v);

export interface RightsDepartment {
  id: string;
  parentId: string | null;
  leadMemberId: string | null;
  function: string;
}

export interface RightsHolder {
  role: Role;
  memberId: string;
}

/** A department's function: its own, else its nearest ancestor's, else none (a cycle in bad data ends the walk). */
export function effectiveFunction(
  departments: readonly RightsDepartment[],
  id: string | null,
): DepartmentFunction {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  for (
    let d = id === null ? undefined : byId.get(id);
    d && !seen.has(d.id);
    d = d.parentId === null ? undefined : byId.get(d.parentId)
  ) {
    seen.add(d.id);
    if (isDepartmentFunction(d.function) && d.function !== "none") return d.function;
  }
  return "none";
}

/** The functions a lead holds: those of every department they manage. */
export function functionsHeld(
  who: RightsHolder,
  departments: readonly RightsDepartment[],
): Set<DepartmentFunction> {
  if (who.role !== "lead") return new Set();
  const managed = new DepartmentTree(departments).subtree(
    ...departments.filter((d) => d.leadMemberId === who.memberId).map((d) => d.id),
  );
  return new Set(
    [...managed].map((id) => effectiveFunction(departments, id)).filter((f) => f !== "none"),
  );
}
