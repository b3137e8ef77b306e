import { describe, expect, it } from "vitest";
import { ACTIONS, can } from "../can.js";
import { policyActor } from "../policy.js";
import type { Role } from "../limits.js";
import { goalTarget, GOALS_POLICY, type GoalsAction } from "./policy.js";

// 运营 (led by 运营主管) with the sub-team 运营一组 under it; 设计 (led by 设计主管). The owner sits in
// 运营 too, so a lead's reach over their department stops at the owner.
const departments = [
  { id: "ops", parentId: null, leadMemberId: "opsLead", function: "operations" },
  { id: "ops1", parentId: "ops", leadMemberId: null, function: "none" },
  { id: "design", parentId: null, leadMemberId: "designLead", function: "design" },
];
const members: { id: string; role: Role; departmentId: string | null }[] = [
  { id: "owner", role: "owner", departmentId: "ops" },
  { id: "opsLead", role: "lead", departmentId: "ops" },
  { id: "designLead", role: "lead", departmentId: "design" },
  { id: "goalOwner", role: "member", departmentId: "ops1" },
  { id: "colleague", role: "member", departmentId: "ops" },
];
const org = { members, departments };
const actor = (id: string) => {
  const m = members.find((x) => x.id === id)!;
  return policyActor({ role: m.role, memberId: m.id, departmentId: m.departmentId }, departments);
};
/** Who of the five may do the action to the subject. */
const who = (
  action: GoalsAction,
  subject: { memberId: string | null; departmentId: string | null; proposedBy?: string | null },
) => members.map((m) => m.id).filter((id) => can(actor(id), action, goalTarget(subject, org)));

const goal = { memberId: "goalOwner", departmentId: null };
const opsGoal = { memberId: null, departmentId: "ops" };

describe("the goals policy table", () => {
  it("is registered in can() with every action prefixed goals.", () => {
    const actions = Object.keys(GOALS_POLICY);
    expect(actions.every((a) => a.startsWith("goals."))).toBe(true);
    expect(ACTIONS).toEqual(expect.arrayContaining(actions));
  });

  it("gives each role its rights over a member's goal", () => {
    const table = Object.fromEntries(
      (Object.keys(GOALS_POLICY) as GoalsAction[]).map((a) => [a, who(a, goal)]),
    );
    expect(table).toEqual({
      "goals.cycle.manage": ["owner"],
      "goals.cycle.remind": ["owner", "opsLead", "designLead"],
      // The lead above the goal's owner (运营一组 is below 运营) and the owner; not the lead of
      // another department, nor a colleague.
      "goals.goal.read": ["owner", "opsLead", "goalOwner"],
      "goals.goal.edit": ["owner", "opsLead", "goalOwner"],
      // Not proposed yet: the member side answers (the flow refuses it by status anyway).
      "goals.goal.answer": ["goalOwner"],
      "goals.assessment.read": ["owner", "opsLead", "goalOwner"],
      "goals.assessment.self": ["goalOwner"],
      "goals.assessment.review": ["owner", "opsLead"],
      "goals.evaluation.read": ["owner", "opsLead", "goalOwner"],
    });
  });

  it("lets the side that did not propose answer", () => {
    expect(who("goals.goal.answer", { ...goal, proposedBy: "goalOwner" })).toEqual([
      "owner",
      "opsLead",
    ]);
    expect(who("goals.goal.answer", { ...goal, proposedBy: "opsLead" })).toEqual(["goalOwner"]);
    expect(who("goals.goal.answer", { ...goal, proposedBy: "owner" })).toEqual(["goalOwner"]);
  });

  it("has a department's lead answer for its goals, and its members read them", () => {
    expect(who("goals.goal.read", opsGoal)).toEqual(["owner", "opsLead", "colleague"]);
    expect(who("goals.goal.edit", opsGoal)).toEqual(["owner", "opsLead"]);
    expect(who("goals.goal.answer", { ...opsGoal, proposedBy: "opsLead" })).toEqual(["owner"]);
    expect(who("goals.goal.answer", { ...opsGoal, proposedBy: "owner" })).toEqual(["opsLead"]);
    // A sub-team without a lead: the lead above oversees its goals, nobody answers for them.
    expect(who("goals.goal.edit", { memberId: null, departmentId: "ops1" })).toEqual([
      "owner",
      "opsLead",
    ]);
    expect(who("goals.goal.read", { memberId: null, departmentId: "ops1" })).toEqual([
      "owner",
      "opsLead",
      "goalOwner",
    ]);
  });

  it("keeps the owner's own goals the owner's: both sides, out of a lead's reach", () => {
    const own = { memberId: "owner", departmentId: null };
    expect(who("goals.goal.edit", own)).toEqual(["owner"]);
    expect(who("goals.goal.answer", { ...own, proposedBy: "owner" })).toEqual(["owner"]);
    expect(who("goals.assessment.review", own)).toEqual(["owner"]);
    // A lead's own goals: their lead above (none here) or the owner reviews, never themselves.
    expect(who("goals.assessment.review", { memberId: "opsLead", departmentId: null })).toEqual([
      "owner",
    ]);
    expect(who("goals.goal.read", { memberId: "opsLead", departmentId: null })).toEqual([
      "owner",
      "opsLead",
    ]);
  });
});
