// What the signed-in person may do with goals, from the very table the server decides with
// (src/core/goals/policy.ts through src/core/can.ts), so a page offers only what it would accept.
import { useCallback, useMemo } from "react";
import { useAllMembers, useDepartments } from "../../api/hooks";
import type { Me } from "../../api/types";
import { can } from "../../../../src/core/can";
import { goalTarget, type GoalsAction } from "../../../../src/core/goals/policy";
import { policyActor } from "../../../../src/core/policy";

/** A goal's subject (a member's goal, a department's) and, for an answer, who proposed it. */
export interface GoalSubject {
  memberId: string | null;
  departmentId: string | null;
  proposedBy?: string | null;
}

export type MayGoal = (action: GoalsAction, subject?: GoalSubject) => boolean;

/** The goals rules for the signed-in person; nothing beyond their own is offered while the org loads. */
export function useGoalRights(me: Me): MayGoal {
  const departments = useDepartments();
  const members = useAllMembers();
  const org = useMemo(() => {
    const list = members.data ?? [];
    return {
      departments: departments.data?.items ?? [],
      members: list.some((m) => m.id === me.member.id)
        ? list
        : [
            ...list,
            { id: me.member.id, role: me.member.role, departmentId: me.member.departmentId },
          ],
    };
  }, [me, departments.data, members.data]);
  const actor = useMemo(
    () =>
      policyActor(
        { role: me.member.role, memberId: me.member.id, departmentId: me.member.departmentId },
        org.departments,
      ),
    [me, org.departments],
  );
  return useCallback(
    (action, subject = { memberId: null, departmentId: null }) =>
      can(actor, action, goalTarget(subject, org)),
    [actor, org],
  );
}
