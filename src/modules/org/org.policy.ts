// Who may do what in the organisation, as one declarative table. The owner does everything; a
// lead manages the departments they lead (and those below them) and the members in them; a
// member reads the org and edits their own profile and calendar.
import { DepartmentTree } from "../../core/org/tree.js";
import type { Actor } from "../../core/actor.js";
import type { Role } from "../../core/limits.js";

export type OrgAction =
  | "workspace.manage" | "audit.read"
  | "department.create" | "department.update" | "department.delete"
  | "skill.manage"
  | "member.create" | "member.update" | "member.role" | "member.deactivate" | "member.skills" | "member.calendar" | "member.profile"
  | "invitation.manage";

export interface OrgTarget {
  /** The department the target is in (or, for department actions, the department itself). */
  departmentId?: string | null;
  memberId?: string;
  role?: Role;
}

export interface DepartmentLink {
  id: string;
  parentId: string | null;
  leadMemberId: string | null;
}

/** The departments a lead manages: those they lead and every department below them. */
export function managedDepartments(actor: Actor, departments: readonly DepartmentLink[]): Set<string> {
  if (actor.role !== "lead") return new Set();
  return new DepartmentTree(departments).subtree(...departments.filter((d) => d.leadMemberId === actor.memberId).map((d) => d.id));
}

export function can(actor: Actor, action: OrgAction, target: OrgTarget = {}, managed: ReadonlySet<string> = new Set()): boolean {
  if (actor.role === "owner") return true;
  const self = target.memberId !== undefined && target.memberId === actor.memberId;
  const inScope = target.departmentId != null && managed.has(target.departmentId);
  switch (action) {
    case "workspace.manage":
    case "audit.read":
      return false;
    case "member.profile":
    case "member.calendar":
      return self || (inScope && target.role !== "owner");
    case "department.create":
    case "department.update":
    case "invitation.manage":
      return inScope;
    case "department.delete":
      return inScope && target.departmentId !== undefined && target.role === undefined;
    case "skill.manage":
      return actor.role === "lead";
    case "member.create":
    case "member.update":
    case "member.skills":
    case "member.deactivate":
      return !self && inScope && target.role !== "owner";
    case "member.role":
      return !self && inScope && target.role !== "owner";
  }
}
