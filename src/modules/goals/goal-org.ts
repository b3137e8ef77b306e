// The organisation as the goal services see it for one actor: the members and departments read
// once, the actor's `PolicyActor`, and the questions the goals table (core/goals/policy.ts) is asked
// through `can`. Who reviews whom is data, not a right: the nearest lead above, else the owner.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { goalTarget, answererOf, type GoalsAction } from "../../core/goals/policy.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { GoalOrgRows } from "./goals.repository.js";

/** A goal's subject: a member's goal, a department's, or (memberId alone) a member's goals. */
export interface GoalSubject {
  memberId: string | null;
  departmentId: string | null;
  proposedBy?: string | null;
}

export class GoalOrg {
  readonly policyActor: PolicyActor;

  constructor(
    readonly actor: Actor,
    readonly members: GoalOrgRows["members"],
    readonly departments: GoalOrgRows["departments"],
  ) {
    this.policyActor = policyActor(actor, departments);
  }

  member(id: string) {
    return this.members.find((m) => m.id === id);
  }

  /** May the actor do the goals action to the subject? (core/goals/policy.ts) */
  may(action: GoalsAction, subject: GoalSubject = { memberId: null, departmentId: null }): boolean {
    return can(this.policyActor, action, goalTarget(subject, this));
  }

  /** The person who answers for the goal: the member, or the department's lead. */
  answererOf(s: GoalSubject): string | null {
    return answererOf(s, this);
  }

  /** Members whose goals the actor oversees (themselves included), active only. */
  overseen() {
    return this.members.filter(
      (m) =>
        m.status === "active" &&
        (m.id === this.actor.memberId ||
          this.may("goals.assessment.read", { memberId: m.id, departmentId: null })),
    );
  }

  /** Who reviews a member: the nearest lead above them who is not them, else the owner. */
  reviewerOf(memberId: string): string | null {
    const m = this.member(memberId);
    let dep = this.departments.find((d) => d.id === m?.departmentId);
    const seen = new Set<string>();
    while (dep && !seen.has(dep.id)) {
      seen.add(dep.id);
      if (dep.leadMemberId && dep.leadMemberId !== memberId) return dep.leadMemberId;
      dep = this.departments.find((d) => d.id === dep!.parentId);
    }
    return (
      this.members.find((x) => x.role === "owner" && x.status === "active" && x.id !== memberId)
        ?.id ??
      this.members.find((x) => x.role === "owner")?.id ??
      null
    );
  }
}
