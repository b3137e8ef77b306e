// What the signed-in person may do, so the UI hides what a role cannot do. The rights come from the
// very tables the server decides with: the org's and every area's (src/core/can.ts), asked with the
// `PolicyActor` that src/core/policy.ts builds from /me and the department list (the departments a
// lead manages, the functions they hold). While the departments load, a lead manages nothing, so
// nothing is offered early. The server enforces them regardless.
import { useMemo } from "react";
import { useDepartments } from "../api/hooks";
import type { Department, Me, Role } from "../api/types";
import { can, type Action } from "../../../src/core/can";
import { policyActor, type PolicyActor, type PolicyTarget } from "../../../src/core/policy";

/** The signed-in person as the policy tables see them (the same `policyActor` as the server's). */
export function meAsActor(me: Me, departments: readonly Department[]): PolicyActor {
  return policyActor(
    { role: me.member.role, memberId: me.member.id, departmentId: me.member.departmentId },
    departments,
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
