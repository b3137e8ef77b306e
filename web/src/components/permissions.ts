// What the signed-in person may do, so the UI hides what a role cannot do. Shop-data and CS
// rights come from the very code the server decides with (src/core/org/rights.ts: the role and
// the departments' functions), and so do the org rules (src/core/org/policy.ts). The server
// enforces them regardless.
import { useCallback, useMemo } from "react";
import { useDepartments } from "../api/hooks";
import type { Department, Me, Role } from "../api/types";
import { mayDo, type RightsAction } from "../../../src/core/org/rights";
import {
  can as orgCan,
  managedDepartments as managedBy,
  type OrgAction,
  type OrgTarget,
} from "../../../src/core/org/policy";

export function managedDepartments(me: Me, departments: readonly Department[]): Set<string> {
  return managedBy({ role: me.member.role, memberId: me.member.id }, departments);
}

/** May the signed-in person do a shop-data or CS action? The same decision as the server's (core/org/rights.ts). */
export function mayAct(me: Me, departments: readonly Department[], action: RightsAction): boolean {
  return mayDo({ role: me.member.role, memberId: me.member.id }, action, departments);
}

/** mayAct over the workspace's departments; false while they load (for a non-owner), so nothing is offered early. */
export function useMay(me: Me): (action: RightsAction) => boolean {
  const departments = useDepartments();
  const items = departments.data?.items;
  return useCallback(
    (action: RightsAction) =>
      me.member.role === "owner" || (items !== undefined && mayAct(me, items, action)),
    [me, items],
  );
}

export interface Permissions {
  owner: boolean;
  managed: Set<string>;
  /** May create members, invite, manage departments at all. */
  managesSomething: boolean;
  manageDepartment: (id: string | null) => boolean;
  manageMember: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  editOwnOrManaged: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  /** The server's org policy (core/org/policy.ts) for this person. */
  can: (action: OrgAction, target?: OrgTarget) => boolean;
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
      editOwnOrManaged: (m) =>
        owner || m.id === me.member.id || (inScope(m.departmentId) && m.role !== "owner"),
      can: (action, target = {}) =>
        orgCan({ role: me.member.role, memberId: me.member.id }, action, target, managed),
    };
  }, [me, departments.data]);
}
