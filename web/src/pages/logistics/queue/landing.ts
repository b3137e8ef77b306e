// Where a signed-in person lands: a member of a department whose function is logistics (their own
// department's, as the policy reads it: a sub-team of 物流 counts) starts at the queue (待发货) —
// "the first thing a 物流 member sees" — everyone else at Today. Undefined while the departments load.
import { useDepartments } from "../../../api/hooks";
import type { Me } from "../../../api/types";
import { policyActor } from "../../../../../src/core/policy.js";

export function useLandingPath(me: Me | null | undefined): string | undefined {
  const departmentId = me?.member.departmentId ?? null;
  const departments = useDepartments(departmentId !== null);
  if (!me) return undefined;
  if (departmentId === null) return "/today";
  if (departments.isPending) return undefined;
  const actor = policyActor(
    { role: me.member.role, memberId: me.member.id, departmentId },
    departments.data?.items ?? [],
  );
  return actor.ownFunction === "logistics" ? "/logistics" : "/today";
}
