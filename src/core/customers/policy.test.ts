// Who reads and exports customers, from the departments' functions the owner sets (never a name):
// the owner; a lead holding operations or customer_service (through a department they lead or one
// above it); a member of such a department, also of a sub-team with no function of its own.
import { describe, expect, it } from "vitest";
import { can } from "../can.js";
import { policyActor } from "../policy.js";

const departments = [
  {
    id: "ops",
    parentId: null,
    leadMemberId: "ops-lead",
    function: "operations",
  },
  {
    id: "cs",
    parentId: null,
    leadMemberId: "cs-lead",
    function: "customer_service",
  },
  {
    id: "cs-team",
    parentId: "cs",
    leadMemberId: "team-lead",
    function: "none",
  },
  {
    id: "design",
    parentId: null,
    leadMemberId: "design-lead",
    function: "design",
  },
  // A department named 客服 whose function is logistics: the name grants nothing.
  {
    id: "named",
    parentId: null,
    leadMemberId: "named-lead",
    function: "logistics",
  },
];
const actor = (role: "owner" | "lead" | "member", memberId: string, departmentId: string | null) =>
  policyActor({ role, memberId, departmentId }, departments);

describe("customers policy", () => {
  it.each([
    ["owner", actor("owner", "o", null), true, true],
    ["运营 lead", actor("lead", "ops-lead", "ops"), true, true],
    ["客服 lead", actor("lead", "cs-lead", "cs"), true, true],
    ["lead of a 客服 sub-team", actor("lead", "team-lead", "cs-team"), true, true],
    ["运营 member", actor("member", "m1", "ops"), true, false],
    ["member of a 客服 sub-team", actor("member", "m2", "cs-team"), true, false],
    ["设计 lead", actor("lead", "design-lead", "design"), false, false],
    [
      "lead of a department named like 客服 with the logistics function",
      actor("lead", "named-lead", "named"),
      false,
      false,
    ],
    ["member without a department", actor("member", "m3", null), false, false],
  ])("%s: read %s, export %s", (_who, a, read, exp) => {
    expect(can(a, "customers.read")).toBe(read);
    expect(can(a, "customers.export")).toBe(exp);
  });
});
