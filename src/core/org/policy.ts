// Who may do what in the organisation, as one declarative table. The owner does everything; a
// lead manages the departments below the ones they lead, the skills of the departments they
// manage and the members in them; a member reads the org and edits their own profile and
// calendar. Pure: the server's services and the web's buttons ask the same table.
import type { Role } from "../limits.js";
import { DepartmentTree } from "./tree.js";

/** Who asks: their role and member id (a server Actor or the web's signed-in member). */
export interface OrgActor {
  role: Role;
  memberId: string;
}

export type OrgAction =
  | "workspace.manage"
  | "audit.read"
  | "department.create"
  | "department.update"
  | "department.delete"
  | "skill.create"
  | "skill.manage"
  | "member.create"
  | "member.update"
  | "member.role"
  | "member.deactivate"
  | "member.skills"
  | "member.calendar"
  | "member.profile"
  | "invitation.manage";

export interface OrgTarget {
  /** The department the target is in (or, for department actions, the department itself; for a skill, its department). */
  departmentId?: string | null;
  /** For department actions: the department's lead. */
  leadMemberId?: string | null;
  memberId?: string;
  role?: Role;
}

export interface DepartmentLink {
  id: string;
  parentId: string | null;
  leadMemberId: string | null;
}

/** The departments a lead manages: those they lead and every department below them. */
export function managedDepartments(
  actor: OrgActor,
  departments: readonly DepartmentLink[],
): Set<string> {
  if (actor.role !== "lead") return new Set();
  return new DepartmentTree(departments).subtree(
    ...departments.filter((d) => d.leadMemberId === actor.memberId).map((d) => d.id),
  );
}

export function can(
  actor: OrgActor,
  action: OrgAction,
  target: OrgTarget = {},
  managed: ReadonlySet<string> = new Set(),
): boolean {
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
      // Below their own departments only: a lead who could delete the department they lead would
      // take every member out of it and off its pay plan (the owner decides that).
      return (
        inScope &&
        target.departmentId !== undefined &&
        target.role === undefined &&
        target.leadMemberId !== actor.memberId
      );
    case "skill.create":
      return actor.role === "lead" && (target.departmentId == null || inScope);
    case "skill.manage":
      // Renaming or deleting a skill changes who qualifies for tasks: the skills of their own
      // departments only; workspace-wide skills are the owner's.
      return inScope;
    case "member.create":
    case "member.update":
    case "member.skills":
    case "member.deactivate":
      return !self && inScope && target.role !== "owner";
    case "member.role":
      return !self && inScope && target.role !== "owner";
  }
}
