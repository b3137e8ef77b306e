import type { Department, Invitation, Leave, Member, Skill } from "../../db/schema.js";
import type { MemberSkillRow } from "./member.repository.js";
import { isDepartmentFunction } from "../../core/org/rights.js";
import type { DepartmentDto, LeaveDto, MemberDto, SkillDto } from "./org.schema.js";

export const parseWorkweek = (s: string | null): number[] | null =>
  s === null ? null : (JSON.parse(s) as number[]);

export function presentMember(m: Member & { email: string }, skills: MemberSkillRow[]): MemberDto {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    title: m.title,
    departmentId: m.departmentId,
    status: m.status,
    hoursPerDay: m.hoursPerDay,
    workweek: parseWorkweek(m.workweek),
    skills: skills
      .filter((s) => s.memberId === m.id)
      .map((s) => ({ skillId: s.skillId, name: s.skillName, level: s.level })),
    version: m.version,
    createdAt: m.createdAt,
  };
}

export const presentLeave = (l: Leave): LeaveDto => ({
  id: l.id,
  startDate: l.startDate,
  endDate: l.endDate,
  kind: l.kind,
  note: l.note,
});

export const presentSkill = (s: Skill): SkillDto => ({
  id: s.id,
  name: s.name,
  departmentId: s.departmentId,
});

export function presentDepartment(
  d: Department,
  members: { id: string; name: string; departmentId: string | null; status: string }[],
): DepartmentDto {
  return {
    id: d.id,
    name: d.name,
    parentId: d.parentId,
    leadMemberId: d.leadMemberId,
    function: isDepartmentFunction(d.function) ? d.function : "none",
    leadName: members.find((m) => m.id === d.leadMemberId)?.name ?? null,
    sortOrder: d.sortOrder,
    memberCount: members.filter((m) => m.departmentId === d.id && m.status === "active").length,
    version: d.version,
  };
}

export const presentInvitation = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  departmentId: i.departmentId,
  title: i.title,
  expiresAt: i.expiresAt,
  acceptedAt: i.acceptedAt,
  createdAt: i.createdAt,
});
