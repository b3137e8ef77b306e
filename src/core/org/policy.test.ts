// The org's policy table (core/org/policy.ts) through `can` (core/can.ts), for every role: the
// owner, a lead of a department with a sub-team, a lead of another department, a member, and a
// member without a department. Each case lists exactly who may; everyone else may not.
import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "../can.js";
import { policyActor, type PolicyTarget } from "../policy.js";
import type { RightsDepartment } from "./rights.js";
import { ORG_POLICY, type OrgAction } from "./policy.js";

// 运营 (ops, led by opsLead) with a sub-team 直播 (live, no lead); 设计 (design, led by designLead).
const DEPARTMENTS: RightsDepartment[] = [
  { id: "ops", parentId: null, leadMemberId: "opsLead", function: "operations" },
  { id: "live", parentId: "ops", leadMemberId: null, function: "none" },
  { id: "design", parentId: null, leadMemberId: "designLead", function: "design" },
];
const ACTORS = {
  owner: policyActor({ role: "owner", memberId: "owner", departmentId: null }, DEPARTMENTS),
  opsLead: policyActor({ role: "lead", memberId: "opsLead", departmentId: "ops" }, DEPARTMENTS),
  designLead: policyActor(
    { role: "lead", memberId: "designLead", departmentId: "design" },
    DEPARTMENTS,
  ),
  opsMember: policyActor(
    { role: "member", memberId: "opsMember", departmentId: "ops" },
    DEPARTMENTS,
  ),
  loner: policyActor({ role: "member", memberId: "loner", departmentId: null }, DEPARTMENTS),
};
type Who = keyof typeof ACTORS;
const WHO = Object.keys(ACTORS) as Who[];

const opsMember = { memberId: "opsMember", departmentId: "ops", role: "member" } as const;
const liveMember = { memberId: "liveMember", departmentId: "live", role: "member" } as const;
const opsLeadSelf = { memberId: "opsLead", departmentId: "ops", role: "lead" } as const;
const ownerInOps = { memberId: "owner2", departmentId: "ops", role: "owner" } as const;
const designMember = { memberId: "designMember", departmentId: "design", role: "member" } as const;
const lonerSelf = { memberId: "loner", departmentId: null, role: "member" } as const;

const CASES: [OrgAction, PolicyTarget, Who[]][] = [
  ["workspace.manage", {}, ["owner"]],
  ["audit.read", {}, ["owner"]],
  ["invitation.read", {}, ["owner", "opsLead", "designLead"]],
  ["department.create", { departmentId: null }, ["owner"]],
  ["department.create", { departmentId: "ops" }, ["owner", "opsLead"]],
  ["department.create", { departmentId: "live" }, ["owner", "opsLead"]],
  ["department.create", { departmentId: "design" }, ["owner", "designLead"]],
  ["department.update", { departmentId: "ops" }, ["owner", "opsLead"]],
  ["department.update", { departmentId: "live" }, ["owner", "opsLead"]],
  ["department.update", { departmentId: null }, ["owner"]],
  // A lead never deletes the department they lead; below it, they may.
  ["department.delete", { departmentId: "ops", leadMemberId: "opsLead" }, ["owner"]],
  ["department.delete", { departmentId: "live", leadMemberId: null }, ["owner", "opsLead"]],
  ["department.delete", { departmentId: "design", leadMemberId: "designLead" }, ["owner"]],
  ["department.function", { departmentId: "live" }, ["owner"]],
  ["department.function", { departmentId: "design" }, ["owner"]],
  ["skill.create", { departmentId: null }, ["owner", "opsLead", "designLead"]],
  ["skill.create", { departmentId: "live" }, ["owner", "opsLead"]],
  ["skill.create", { departmentId: "design" }, ["owner", "designLead"]],
  ["skill.manage", { departmentId: null }, ["owner"]],
  ["skill.manage", { departmentId: "ops" }, ["owner", "opsLead"]],
  ["skill.manage", { departmentId: "design" }, ["owner", "designLead"]],
  ["member.create", { departmentId: "live", role: "member" }, ["owner", "opsLead"]],
  ["member.create", { departmentId: null, role: "member" }, ["owner"]],
  ["member.create", { departmentId: "ops", role: "owner" }, ["owner"]],
  ["member.grant_owner", {}, ["owner"]],
  ["member.grant_owner", opsMember, ["owner"]],
  ["invitation.manage", { departmentId: "live" }, ["owner", "opsLead"]],
  ["invitation.manage", { departmentId: null }, ["owner"]],
];
// Every action on a member: the lead of their department (or above) manages them, never
// themselves or an owner; a member manages no one.
for (const action of [
  "member.update",
  "member.role",
  "member.deactivate",
  "member.skills",
] as const) {
  CASES.push(
    [action, opsMember, ["owner", "opsLead"]],
    [action, liveMember, ["owner", "opsLead"]],
    [action, designMember, ["owner", "designLead"]],
    [action, opsLeadSelf, ["owner"]],
    [action, ownerInOps, ["owner"]],
    [action, lonerSelf, ["owner"]],
  );
}
// One's own profile and calendar are one's own; a lead edits those of the people they manage.
for (const action of ["member.profile", "member.calendar"] as const) {
  CASES.push(
    [action, opsMember, ["owner", "opsLead", "opsMember"]],
    [action, liveMember, ["owner", "opsLead"]],
    [action, designMember, ["owner", "designLead"]],
    [action, opsLeadSelf, ["owner", "opsLead"]],
    [action, ownerInOps, ["owner"]],
    [action, lonerSelf, ["owner", "loner"]],
  );
}

describe("the org policy table", () => {
  it("decides every case for every role exactly as listed", () => {
    for (const [action, target, allowed] of CASES) {
      const seen = WHO.filter((who) => can(ACTORS[who], action, target));
      expect([action, target, seen]).toEqual([action, target, allowed]);
    }
  });

  it("has a case for every org action, and every org action is in the one registry", () => {
    const orgActions = Object.keys(ORG_POLICY) as OrgAction[];
    expect(new Set(CASES.map(([a]) => a))).toEqual(new Set(orgActions));
    for (const a of orgActions) expect(ACTIONS).toContain(a satisfies Action);
  });

  it("lets the owner do every org action to anything, and a member none but their own profile and calendar", () => {
    for (const a of Object.keys(ORG_POLICY) as OrgAction[]) {
      expect([a, can(ACTORS.owner, a, opsMember)]).toEqual([a, true]);
      expect([a, can(ACTORS.opsMember, a, opsMember)]).toEqual([
        a,
        a === "member.profile" || a === "member.calendar",
      ]);
    }
  });

  it("gives a lead the departments they lead and everything below", () => {
    expect([...ACTORS.opsLead.managed].sort()).toEqual(["live", "ops"]);
    expect([...ACTORS.designLead.managed]).toEqual(["design"]);
    expect(ACTORS.opsMember.managed.size).toBe(0);
  });
});
