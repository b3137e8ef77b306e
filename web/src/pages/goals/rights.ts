// What the signed-in person may do with goals, from the very table the server decides with
// (src/core/goals/policy.ts through src/core/can.ts), so a page offers only what it would accept.
import { useCallback, useMemo } from "react";
import { useAllMembers } from "../../api/hooks";
import { useMe } from "../../me";
import { can } from "../../../../src/core/can";
import { goalTarget, type GoalsAction } from "../../../../src/core/goals/policy";

/** A goal's subject (a member's goal, a department's) and, for an answer, who proposed it. */
export interface GoalSubject {
  memberId: string | null;
  departmentId: string | null;
  proposedBy?: string | null;
}

export type MayGoal = (action: GoalsAction, subject?: GoalSubject) => boolean;

/** The goals rules for the signed-in person (useMe's actor); nothing beyond their own is offered while the org loads. */
export function useGoalRights(): MayGoal {
  const { member, actor, departments } = useMe();
  const members = useAllMembers();
  const org = useMemo(() => {
    const list = members.data ?? [];
    return {
      departments,
      members: list.some((m) => m.id === member.id)
        ? list
        : [...list, { id: member.id, role: member.role, departmentId: member.departmentId }],
    };
  }, [member, departments, members.data]);
  return useCallback(
    (action, subject = { memberId: null, departmentId: null }) =>
      can(actor, action, goalTarget(subject, org)),
    [actor, org],
  );
}
