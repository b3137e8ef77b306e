// Who sees and agrees whose goals, as the goals area's part of core/can.ts. A goal belongs to a
// member, or to a department (its lead answers for it). The "member side" is the person who
// answers for the goal; the "manager side" is the owner and the leads of the departments above
// (the actor's `managed` departments). Either side drafts; the side that did not propose agrees or
// sends back. The owner's own goals have no one above: the owner is both sides. Members see their
// own goals and their department's. Pure: the goal services and the web's goal pages ask this table.
import type { Role } from "../limits.js";
import {
  isLead,
  isOwner,
  isSelf,
  manages,
  type PolicyTable,
  type PolicyTarget,
  type Rule,
} from "../policy.js";

export type GoalsAction =
  | "goals.cycle.manage"
  | "goals.cycle.remind"
  | "goals.goal.read"
  | "goals.goal.edit"
  | "goals.goal.answer"
  | "goals.assessment.read"
  | "goals.assessment.self"
  | "goals.assessment.review"
  | "goals.evaluation.read";

/**
 * A goal, or a member as the subject of goals (build it with `goalTarget`): `memberId` is the
 * goal's member (absent for a department goal), `departmentId` the member's department or the
 * goal's, `role` the member's role, `ownerMemberId` the person who answers for the goal (the
 * member, or the department's lead) and `proposedBy` who proposed it.
 */
export interface GoalTarget extends PolicyTarget {
  proposedBy?: string | null;
}

/** The actor answers for the goal (its member side). */
const answers: Rule<GoalTarget> = (a, t) =>
  t.ownerMemberId != null && t.ownerMemberId === a.memberId;

/** The actor is on the manager side (the owner is, even of their own goals). */
const oversees: Rule<GoalTarget> = (a, t) =>
  isOwner(a) || (isLead(a) && !answers(a, t) && t.role !== "owner" && manages(a, t.departmentId));

const eitherSide: Rule<GoalTarget> = (a, t) => answers(a, t) || oversees(a, t);

export const GOALS_POLICY: PolicyTable<GoalsAction, GoalTarget> = {
  "goals.cycle.manage": (a) => isOwner(a),
  "goals.cycle.remind": (a) => isOwner(a) || isLead(a),
  // Either side, and every member of a department reads its department goals.
  "goals.goal.read": (a, t) =>
    eitherSide(a, t) ||
    (t.memberId === undefined && t.departmentId != null && t.departmentId === a.departmentId),
  // Draft, change, propose, remove, reopen.
  "goals.goal.edit": eitherSide,
  // Agree or send back: the side that did not propose (the owner alone on their own goals).
  "goals.goal.answer": (a, t) =>
    t.proposedBy != null && t.proposedBy === t.ownerMemberId ? oversees(a, t) : answers(a, t),
  "goals.assessment.read": eitherSide,
  "goals.assessment.self": (a, t) => isSelf(a, t),
  // The member's lead or the owner (the owner also reviews their own).
  "goals.assessment.review": (a, t) => oversees(a, t) && (!answers(a, t) || isOwner(a)),
  "goals.evaluation.read": eitherSide,
};

/** What a goal target is built from: the workspace's members and departments (ids, roles, leads). */
export interface GoalOrgData {
  members: readonly { id: string; role: Role | string; departmentId: string | null }[];
  departments: readonly { id: string; leadMemberId: string | null }[];
}

/** The person who answers for a goal: its member, or the department's lead. */
export function answererOf(
  subject: { memberId: string | null; departmentId: string | null },
  org: Pick<GoalOrgData, "departments">,
): string | null {
  if (subject.memberId) return subject.memberId;
  return org.departments.find((d) => d.id === subject.departmentId)?.leadMemberId ?? null;
}

/** The target of a goal (or of a member's goals: `{ memberId, departmentId: null }`). */
export function goalTarget(
  subject: { memberId: string | null; departmentId: string | null; proposedBy?: string | null },
  org: GoalOrgData,
): GoalTarget {
  const proposedBy = subject.proposedBy ?? null;
  if (subject.memberId) {
    const m = org.members.find((x) => x.id === subject.memberId);
    return {
      memberId: subject.memberId,
      departmentId: m?.departmentId ?? null,
      ...(m && { role: m.role as Role }),
      ownerMemberId: subject.memberId,
      proposedBy,
    };
  }
  return {
    departmentId: subject.departmentId,
    ownerMemberId: answererOf(subject, org),
    proposedBy,
  };
}
