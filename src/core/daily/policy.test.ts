import { describe, expect, it } from "vitest";
import { can } from "../can.js";
import { policyActor, type PolicyActor } from "../policy.js";
import { DAILY_POLICY, type DailyAction } from "./policy.js";

// 运营 (led by opsLead) has a sub-team 直播 (led by nobody); 设计 is led by designLead.
const departments = [
  { id: "ops", parentId: null, leadMemberId: "opsLead", function: "operations" },
  { id: "live", parentId: "ops", leadMemberId: null, function: "none" },
  { id: "design", parentId: null, leadMemberId: "designLead", function: "design" },
];
const actor = (role: "owner" | "lead" | "member", memberId: string, departmentId: string | null) =>
  policyActor({ role, memberId, departmentId }, departments);

const owner = actor("owner", "owner", null);
const opsLead = actor("lead", "opsLead", "ops"); // the lead of the member's department
const designLead = actor("lead", "designLead", "design"); // the lead of another department
const member = actor("member", "anna", "live"); // the member themself (in 直播, under 运营)
const other = actor("member", "bo", "live"); // another member of the same department

/** The member the actions are about: anna, in 直播 below 运营. */
const anna = { memberId: "anna", departmentId: "live" };

const ROLES: [string, PolicyActor][] = [
  ["owner", owner],
  ["lead of the member's department", opsLead],
  ["lead of another department", designLead],
  ["the member themself", member],
  ["another member", other],
];

/** Expected answers in the order of ROLES. */
const EXPECTED: Record<DailyAction, [boolean, boolean, boolean, boolean, boolean]> = {
  "daily.today.read": [true, true, false, true, false],
  "daily.task.report": [false, false, false, true, false],
  "daily.item.manage": [false, false, false, true, false],
  "daily.duty.read": [true, true, false, true, false],
  "daily.duty.manage": [true, true, false, true, false],
  "daily.report.read": [true, true, false, true, false],
  "daily.report.write": [false, false, false, true, false],
  "daily.report.comment": [true, true, false, true, false],
  "daily.report.acknowledge": [true, true, false, false, false],
  "daily.report.nudge": [true, true, false, false, false],
  // Who the row is about, not who may read it (the server's list holds only the overseen).
  "daily.report.team_row": [true, true, true, false, true],
  "daily.note.read_day": [false, false, false, true, false],
  "daily.note.edit": [false, false, false, true, false],
  "daily.note.delete": [true, false, false, true, false],
};

describe("the daily policy table", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(DAILY_POLICY).sort());
  });

  for (const [action, expected] of Object.entries(EXPECTED) as [DailyAction, boolean[]][]) {
    it(`${action}: ${ROLES.map(([name], i) => `${name} ${expected[i] ? "may" : "may not"}`).join(", ")}`, () => {
      expect(ROLES.map(([, a]) => can(a, action, anna))).toEqual(expected);
    });
  }

  it("lets a lead oversee their own day and report, and the members below the department they lead", () => {
    expect(can(opsLead, "daily.today.read", { memberId: "opsLead", departmentId: "ops" })).toBe(
      true,
    );
    expect(can(opsLead, "daily.report.write", { memberId: "opsLead", departmentId: "ops" })).toBe(
      true,
    );
    expect(
      can(opsLead, "daily.report.acknowledge", { memberId: "opsLead", departmentId: "ops" }),
    ).toBe(false);
    expect(can(designLead, "daily.today.read", { memberId: "dan", departmentId: "design" })).toBe(
      true,
    );
  });

  it("gives nobody but the owner and the member the day of a member without a department", () => {
    const loner = { memberId: "anna", departmentId: null };
    expect(
      [owner, opsLead, designLead, member, other].map((a) => can(a, "daily.today.read", loner)),
    ).toEqual([true, false, false, true, false]);
  });

  it("lists one's own row in the team's reports for the owner only", () => {
    const self = (a: PolicyActor) => can(a, "daily.report.team_row", { memberId: a.memberId });
    expect([owner, opsLead, designLead, member].map(self)).toEqual([true, false, false, false]);
  });

  it("treats a lead with no department they lead like a member", () => {
    const idle = actor("lead", "idle", "live");
    expect(can(idle, "daily.today.read", anna)).toBe(false);
    expect(can(idle, "daily.report.nudge", anna)).toBe(false);
  });
});
