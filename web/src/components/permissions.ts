// What the signed-in person may do, so the UI hides what a role cannot do. The rights come from the
// very tables the server decides with: the org's and every area's (src/core/can.ts, asked with the
// `PolicyActor` that src/core/policy.ts builds from /me and the department list), and shop-data and
// CS rights (src/core/org/rights.ts: the role and the departments' functions). The server
// enforces them regardless.
import { useCallback, useMemo } from "react";
import { useDepartments } from "../api/hooks";
import type { Department, Me, Role } from "../api/types";
import { mayDo, type RightsAction } from "../../../src/core/org/rights";
import { can, type Action } from "../../../src/core/can";
import { policyActor, type PolicyActor, type PolicyTarget } from "../../../src/core/policy";

/** The signed-in person as the policy tables see them (the same `policyActor` as the server's). */
export function meAsActor(me: Me, departments: readonly Department[]): PolicyActor {
  return policyActor(
    { role: me.member.role, memberId: me.member.id, departmentId: me.member.departmentId },
    departments,
  );
}

/** The departments the signed-in lead manages: those they lead and everything below. */
export function managedDepartments(me: Me, departments: readonly Department[]): Set<string> {
  return new Set(meAsActor(me, departments).managed);
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
  managed: ReadonlySet<string>;
  /** May create members, invite, manage departments at all. */
  managesSomething: boolean;
  manageDepartment: (id: string | null) => boolean;
  manageMember: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  editOwnOrManaged: (m: { id: string; role: Role; departmentId: string | null }) => boolean;
  /** The server's policy (core/can.ts) for this person. */
  can: (action: Action, target?: PolicyTarget) => boolean;
}

export function usePermissions(me: Me): Permissions {
  const departments = useDepartments();
  return useMemo(() => {
    const actor = meAsActor(me, departments.data?.items ?? []);
    const owner = actor.role === "owner";
    const member = (m: { id: string; role: Role; departmentId: string | null }) => ({
      memberId: m.id,
      role: m.role,
      departmentId: m.departmentId,
    });
    return {
      owner,
      managed: actor.managed,
      managesSomething: owner || actor.managed.size > 0,
      manageDepartment: (id) => can(actor, "department.update", { departmentId: id }),
      manageMember: (m) => can(actor, "member.update", member(m)),
      editOwnOrManaged: (m) => can(actor, "member.profile", member(m)),
      can: (action, target = {}) => can(actor, action, target),
    };
  }, [me, departments.data]);
}
