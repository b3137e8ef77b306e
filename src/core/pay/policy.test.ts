// The pay table gives the rights canPay gave: the owner everything; a lead reads plans and runs and
// the statements of the departments they manage (and their own); a member only their own statement.
import { describe, expect, it } from "vitest";
import { can } from "../can.js";
import { policyActor, type PolicyActor } from "../policy.js";
import { PAY_POLICY, type PayAction } from "./policy.js";

// 运营 (led by lead) with 直播组 below it; 客服 led by someone else.
const departments = [
  { id: "ops", parentId: null, leadMemberId: "lead", function: "operations" },
  { id: "live", parentId: "ops", leadMemberId: null, function: "none" },
  { id: "cs", parentId: null, leadMemberId: "other-lead", function: "customer_service" },
];
const actor = (role: "owner" | "lead" | "member", memberId: string, departmentId: string | null) =>
  policyActor({ role, memberId, departmentId }, departments);
const owner = actor("owner", "owner", null);
const lead = actor("lead", "lead", "ops");
const member = actor("member", "m1", "live");
const ACTIONS = Object.keys(PAY_POLICY) as PayAction[];

describe("PAY_POLICY", () => {
  it("lets the owner do everything", () => {
    for (const a of ACTIONS)
      expect(can(owner, a, { memberId: "x", departmentId: "cs" })).toBe(true);
  });

  it("keeps plans, runs and adjustments the owner's to change; leads read plans and runs", () => {
    const rights = (who: PolicyActor) =>
      (["pay.plan.manage", "pay.plan.read", "pay.run.manage", "pay.run.read"] as const).map((a) =>
        can(who, a),
      );
    expect(rights(lead)).toEqual([false, true, false, true]);
    expect(rights(member)).toEqual([false, false, false, false]);
  });

  it("lets a lead read the statements of the departments they manage and their own; a member only their own", () => {
    const reads = (who: PolicyActor, memberId: string, departmentId: string | null) =>
      can(who, "pay.statement.read", { memberId, departmentId });
    expect(reads(lead, "m1", "live")).toBe(true); // below 运营
    expect(reads(lead, "lead", "ops")).toBe(true);
    expect(reads(lead, "c1", "cs")).toBe(false);
    expect(reads(lead, "x", null)).toBe(false);
    expect(reads(member, "m1", "live")).toBe(true);
    expect(reads(member, "m2", "live")).toBe(false);
  });
});
