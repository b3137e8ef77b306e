// The plans table (core/plans/policy.ts) through can(): the owner and the leads plan; a member edits
// only the plans they own; every other member only reads. Same rights as before the table.
import { describe, expect, it } from "vitest";
import { can } from "../can.js";
import { policyActor, type PolicyActor } from "../policy.js";
import { PLANS_POLICY, type PlansAction } from "./policy.js";

const departments = [
  { id: "ops", parentId: null, leadMemberId: "lead", function: "operations" },
  { id: "design", parentId: null, leadMemberId: null, function: "design" },
];
const actor = (role: PolicyActor["role"], memberId: string, departmentId: string | null) =>
  policyActor({ role, memberId, departmentId }, departments);

const ROLES = {
  owner: actor("owner", "boss", null),
  lead: actor("lead", "lead", "ops"),
  "plan's owner (a member)": actor("member", "planner", "design"),
  "another member": actor("member", "other", "design"),
};
// A plan owned by the member "planner", in a department nobody above leads.
const plan = { ownerMemberId: "planner" };

const EXPECTED: Record<keyof typeof ROLES, Record<PlansAction, boolean>> = {
  owner: {
    "plans.plan.create": true,
    "plans.plan.edit": true,
    "plans.plan.delete": true,
    "plans.template.save": true,
    "plans.efficiency.set": true,
  },
  lead: {
    "plans.plan.create": true,
    "plans.plan.edit": true,
    "plans.plan.delete": true,
    "plans.template.save": true,
    "plans.efficiency.set": false,
  },
  "plan's owner (a member)": {
    "plans.plan.create": false,
    "plans.plan.edit": true,
    "plans.plan.delete": true,
    "plans.template.save": false,
    "plans.efficiency.set": false,
  },
  "another member": {
    "plans.plan.create": false,
    "plans.plan.edit": false,
    "plans.plan.delete": false,
    "plans.template.save": false,
    "plans.efficiency.set": false,
  },
};

describe("the plans policy table", () => {
  it("decides every action for every role", () => {
    const actions = Object.keys(PLANS_POLICY) as PlansAction[];
    expect(actions.every((a) => a.startsWith("plans."))).toBe(true);
    for (const [role, who] of Object.entries(ROLES) as [keyof typeof ROLES, PolicyActor][]) {
      const got = Object.fromEntries(actions.map((a) => [a, can(who, a, plan)]));
      expect({ role, ...got }).toEqual({ role, ...EXPECTED[role] });
    }
  });

  it("gives a member nothing over a plan without an owner or with another owner", () => {
    const member = ROLES["plan's owner (a member)"];
    expect(can(member, "plans.plan.edit")).toBe(false);
    expect(can(member, "plans.plan.edit", { ownerMemberId: null })).toBe(false);
    expect(can(member, "plans.plan.edit", { ownerMemberId: "other" })).toBe(false);
    // A lead plans whatever department the plan's people are in: planning is not a managed right.
    expect(can(ROLES.lead, "plans.plan.edit", { ownerMemberId: "other" })).toBe(true);
  });
});
