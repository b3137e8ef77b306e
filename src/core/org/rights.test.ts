import { describe, expect, it } from "vitest";
import { can, type Action } from "../can.js";
import { policyActor } from "../policy.js";
import { effectiveFunction, functionsHeld, type RightsDepartment } from "./rights.js";

// 运营 (operations) with a sub-team 数据组 (none: takes operations) and a 客服 sub-team set to
// customer_service by the owner; 设计 (design) with a sub-department a lead named "运营".
const DEPARTMENTS: RightsDepartment[] = [
  { id: "ops", parentId: null, leadMemberId: "opsLead", function: "operations" },
  { id: "data", parentId: "ops", leadMemberId: "dataLead", function: "none" },
  { id: "opsCs", parentId: "ops", leadMemberId: null, function: "customer_service" },
  { id: "design", parentId: null, leadMemberId: "designLead", function: "design" },
  { id: "fakeOps", parentId: "design", leadMemberId: "designLead", function: "none" },
  { id: "loopA", parentId: "loopB", leadMemberId: null, function: "none" },
  { id: "loopB", parentId: "loopA", leadMemberId: null, function: "none" },
];
// The shop-data and CS actions (core/orders/policy.ts), asked through the one registry.
const ALL: Action[] = [
  "shop.orders.read",
  "shop.kpi.read",
  "shop.manage",
  "shop.orders.import",
  "cs.read",
  "cs.import",
  "cs.accounts",
];
const allowed = (role: "owner" | "lead" | "member", memberId: string) =>
  ALL.filter((a) => can(policyActor({ role, memberId }, DEPARTMENTS), a));

describe("rights from department functions", () => {
  it("takes a department's own function, else its nearest ancestor's, else none (a cycle ends the walk)", () => {
    expect(
      ["ops", "data", "opsCs", "design", "fakeOps", "loopA", "nope"].map((id) =>
        effectiveFunction(DEPARTMENTS, id),
      ),
    ).toEqual(["operations", "operations", "customer_service", "design", "design", "none", "none"]);
    expect(effectiveFunction(DEPARTMENTS, null)).toBe("none");
  });

  it("gives a lead the functions of every department they manage, and a member none", () => {
    expect([...functionsHeld({ role: "lead", memberId: "opsLead" }, DEPARTMENTS)].sort()).toEqual([
      "customer_service",
      "operations",
    ]);
    expect([...functionsHeld({ role: "lead", memberId: "designLead" }, DEPARTMENTS)]).toEqual([
      "design",
    ]);
    expect([...functionsHeld({ role: "member", memberId: "opsLead" }, DEPARTMENTS)]).toEqual([]);
  });

  it("lets the owner do everything, everyone read, and a lead act only with the function the action needs", () => {
    expect(allowed("owner", "anyone")).toEqual(ALL);
    expect(allowed("member", "x")).toEqual(["shop.orders.read", "shop.kpi.read", "cs.read"]);
    expect(allowed("lead", "dataLead")).toEqual([
      "shop.orders.read",
      "shop.kpi.read",
      "shop.manage",
      "shop.orders.import",
      "cs.read",
    ]);
    // A sub-department named 运营 under 设计 grants nothing: the name plays no part.
    expect(allowed("lead", "designLead")).toEqual(["shop.orders.read", "shop.kpi.read", "cs.read"]);
  });
});
