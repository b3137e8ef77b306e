// What the signed-in person may do, so the UI hides what a role cannot do. Shop-data and CS
// rights come from the very code the server decides with (src/core/org/rights.ts: the role and
// the departments' functions); the org rules mirror the server's org policy. The server enforces
// them regardless.
import { useCallback, useMemo } from "react";
import { useDepartments } from "../api/hooks";
import type { Department, Me, Role } from "../api/types";
import { mayDo, type RightsAction } from "../../../src/core/org/rights";
import { DepartmentTree } from "../../../src/core/org/tree";

export function managedDepartments(me: Me, departments: readonly Department[]): Set<string> {
  if (me.member.role !== "lead") return new Set();
  return new DepartmentTree(departments).subtree(...departments.filter((d) => d.leadMemberId === me.member.id).map((d) => d.id));
}

/** May the signed-in person do a shop-data or CS action? The same decision as the server's (core/org/rights.ts). */
export function mayAct(me: Me, departments: readonly Department[], action: RightsAction): boolean {
  return mayDo({ role: me.member.role, memberId: me.member.id }, action, departments);
}

/** mayAct over the workspace's departments; false while they load (for a non-owner), so nothing is offered early. */
export function useMay(me: Me): (action: RightsAction) => boolean {
  const departments = useDepartments();
  const items = departments.data?.items;
  return useCallback((action: RightsAction) => me.member.role === "owner" || (items !== undefined && mayAct(me, items, action)), [me, items]);
}

export interface Permissions {
  owner: boolean;
  managed: Set<string>;
  /** May create members, invite, manage departments at all. */
  managesSomething: boolean;
  manageDepartment: (id: string | null) => boolean;
  manageMember: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  editOwnOrManaged: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
}

export function usePermissions(me: Me): Permissions {
  const departments = useDepartments();
  return useMemo(() => {
    const owner = me.member.role === "owner";
    const managed = managedDepartments(me, departments.data?.items ?? []);
    const inScope = (d: string | null) => d !== null && managed.has(d);
    const manageMember = (m: { id: string; role: Role; departmentId: string | null }) =>
      owner || (m.id !== me.member.id && inScope(m.departmentId) && m.role !== "owner");
    return {
      owner,
      managed,
      managesSomething: owner || managed.size > 0,
      manageDepartment: (id) => owner || inScope(id),
      manageMember,
      editOwnOrManaged: (m) => owner || m.id === me.member.id || (inScope(m.departmentId) && m.role !== "owner"),
    };
  }, [me, departments.data]);
}
