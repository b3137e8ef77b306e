// Rights from data, never from names. What a department may do is its function, an explicit
// setting only the owner grants (stored on the department); a department without one takes its
// parent's, through the tree. A lead holds the functions of every department they manage (those
// they lead and everything below them: they could appoint themselves lead there anyway). Members
// read; the owner does everything. The server's policies and the web's buttons both decide here.
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

/** Shop data (shop.manage: shops, mappings, visitor counts, attribution; orders.import: imports and roll-backs) and customer-service data. */
export type RightsAction =
  | "orders.read"
  | "kpi.read"
  | "shop.manage"
  | "orders.import"
  | "cs.read"
  | "cs.import"
  | "cs.accounts";

/** The function a lead needs for an action; null: everyone in the workspace may. */
export const ACTION_FUNCTION: Record<RightsAction, DepartmentFunction | null> = {
  "orders.read": null,
  "kpi.read": null,
  "shop.manage": "operations",
  "orders.import": "operations",
  "cs.read": null,
  "cs.import": "customer_service",
  "cs.accounts": "customer_service",
};

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

/** May this person do the action? The owner may; otherwise everyone or a lead holding the function. */
export function mayDo(
  who: RightsHolder,
  action: RightsAction,
  departments: readonly RightsDepartment[],
): boolean {
  if (who.role === "owner") return true;
  const need = ACTION_FUNCTION[action];
  return need === null || functionsHeld(who, departments).has(need);
}
