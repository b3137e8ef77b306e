// Who sees and agrees whose goals. A goal belongs to a member, or to a department (its lead
// answers for it). The "member side" is that person; the "manager side" is the owner and the leads
// of the departments above them (org.policy's managedDepartments). Either side drafts; the side
// that did not propose agrees or sends back. The owner's own goals have no one above: the owner
// is both sides. Members see their own goals and their department's.
import type { Actor } from "../../core/actor.js";
import { managedDepartments, type DepartmentLink } from "../org/org.policy.js";

export interface OrgView {
  members: {
    id: string;
    name: string;
    role: string;
    departmentId: string | null;
    status: string;
  }[];
  departments: (DepartmentLink & { name: string })[];
}

export interface GoalSubject {
  memberId: string | null;
  departmentId: string | null;
}

export class GoalAccess {
  readonly managed: Set<string>;
  constructor(
    readonly actor: Actor,
    readonly org: OrgView,
  ) {
    this.managed = managedDepartments(actor, org.departments);
  }

  member(id: string) {
    return this.org.members.find((m) => m.id === id);
  }

  /** The person who answers for the goal: the member, or the department's lead. */
  selfOf(s: GoalSubject): string | null {
    if (s.memberId) return s.memberId;
    return this.org.departments.find((d) => d.id === s.departmentId)?.leadMemberId ?? null;
  }

  isSelf(s: GoalSubject): boolean {
    return this.selfOf(s) === this.actor.memberId;
  }

  /** The actor is on the manager side of the goal (possibly also its member side, for the owner). */
  manages(s: GoalSubject): boolean {
    if (this.actor.role === "owner") return true;
    if (this.actor.role !== "lead" || this.isSelf(s)) return false;
    if (s.memberId) {
      const m = this.member(s.memberId);
      return (
        !!m && m.role !== "owner" && m.departmentId !== null && this.managed.has(m.departmentId)
      );
    }
    return s.departmentId !== null && this.managed.has(s.departmentId);
  }

  canRead(s: GoalSubject): boolean {
    if (this.isSelf(s) || this.manages(s)) return true;
    return (
      s.memberId === null && s.departmentId !== null && s.departmentId === this.actor.departmentId
    );
  }

  /** Agreeing or sending back: the side that did not propose (the owner alone on their own goals). */
  canAnswer(s: GoalSubject, proposedBy: string | null): boolean {
    const self = this.selfOf(s);
    const ownersOwn = this.actor.role === "owner" && self === this.actor.memberId;
    if (ownersOwn) return true;
    const proposedBySelf = proposedBy !== null && proposedBy === self;
    return proposedBySelf ? this.manages(s) : this.isSelf(s);
  }

  /** Members whose goals the actor oversees (themselves included), active only. */
  overseen(): OrgView["members"] {
    return this.org.members.filter(
      (m) =>
        m.status === "active" &&
        (m.id === this.actor.memberId || this.manages({ memberId: m.id, departmentId: null })),
    );
  }

  /** Who reviews a member: the nearest lead above them who is not them, else the owner. */
  reviewerOf(memberId: string): string | null {
    const m = this.member(memberId);
    let dep = this.org.departments.find((d) => d.id === m?.departmentId);
    const seen = new Set<string>();
    while (dep && !seen.has(dep.id)) {
      seen.add(dep.id);
      if (dep.leadMemberId && dep.leadMemberId !== memberId) return dep.leadMemberId;
      dep = this.org.departments.find((d) => d.id === dep!.parentId);
    }
    return (
      this.org.members.find((x) => x.role === "owner" && x.status === "active" && x.id !== memberId)
        ?.id ??
      this.org.members.find((x) => x.role === "owner")?.id ??
      null
    );
  }
}
