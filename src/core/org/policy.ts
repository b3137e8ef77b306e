// Who may do what in the organisation, as one declarative table (the org's part of core/can.ts).
// The owner does everything; a lead manages the departments below the ones they lead, the skills
// of the departments they manage and the members in them; a member reads the org and edits their
// own profile and calendar. Pure: the server's services and the web's buttons ask the same table
// with the same `PolicyActor` (core/policy.ts: its `managed` set is the lead's departments and
// everything below them).
import { isOwner, isSelf, manages, type PolicyTable, type Rule } from "../policy.js";

export type OrgAction =
  | "workspace.manage"
  | "audit.read"
  | "department.create"
  | "department.update"
  | "department.delete"
  | "department.function"
  | "skill.create"
  | "skill.manage"
  | "member.create"
  | "member.update"
  | "member.role"
  | "member.grant_owner"
  | "member.deactivate"
  | "member.skills"
  | "member.calendar"
  | "member.profile"
  | "invitation.read"
  | "invitation.manage";

/** A member of a department the lead manages, who is neither the lead nor an owner. */
const managesOther: Rule = (a, t) =>
  !isSelf(a, t) && manages(a, t.departmentId) && t.role !== "owner";

/**
 * Targets: a department action's `departmentId` is the department itself (for create: the parent,
 * null at the top) and `leadMemberId` its lead; a skill's `departmentId` is the skill's department
 * (null: workspace-wide); a member action's `memberId`, `departmentId` and `role` are the member's.
 */
export const ORG_POLICY: PolicyTable<OrgAction> = {
  "workspace.manage": isOwner,
  "audit.read": isOwner,
  "department.create": (a, t) => isOwner(a) || manages(a, t.departmentId),
  "department.update": (a, t) => isOwner(a) || manages(a, t.departmentId),
  // Below their own departments only: a lead who could delete the department they lead would take
  // every member out of it and off its pay plan (the owner decides that).
  "department.delete": (a, t) =>
    isOwner(a) ||
    (manages(a, t.departmentId) && t.role === undefined && t.leadMemberId !== a.memberId),
  // A department's function grants its leads rights (core/org/rights.ts): only the owner sets it.
  "department.function": isOwner,
  // A lead adds skills for the whole workspace or for the departments they manage.
  "skill.create": (a, t) =>
    isOwner(a) || (a.role === "lead" && (t.departmentId == null || manages(a, t.departmentId))),
  // Renaming or deleting a skill changes who qualifies for tasks: the skills of their own
  // departments only; workspace-wide skills are the owner's.
  "skill.manage": (a, t) => isOwner(a) || manages(a, t.departmentId),
  "member.create": (a, t) => isOwner(a) || managesOther(a, t),
  "member.update": (a, t) => isOwner(a) || managesOther(a, t),
  "member.role": (a, t) => isOwner(a) || managesOther(a, t),
  // Making someone an owner (adding, inviting, or changing a role to owner): an owner only.
  "member.grant_owner": isOwner,
  "member.deactivate": (a, t) => isOwner(a) || managesOther(a, t),
  "member.skills": (a, t) => isOwner(a) || managesOther(a, t),
  "member.calendar": (a, t) =>
    isOwner(a) || isSelf(a, t) || (manages(a, t.departmentId) && t.role !== "owner"),
  "member.profile": (a, t) =>
    isOwner(a) || isSelf(a, t) || (manages(a, t.departmentId) && t.role !== "owner"),
  "invitation.read": (a) => a.role !== "member",
  "invitation.manage": (a, t) => isOwner(a) || manages(a, t.departmentId),
};
