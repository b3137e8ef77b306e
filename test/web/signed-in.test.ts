// useMe()'s pure part: the signed-in person built from /me and the department list is the very
// PolicyActor the server builds (core/policy.ts), and its `can` is the server's table (core/can.ts).
import { describe, expect, it } from "vitest";
import type { Department, Me } from "../../web/src/api/types.js";
import { signedIn, workspaceDate } from "../../web/src/signedIn.js";

const me = (role: Me["member"]["role"], departmentId: string | null = null): Me => ({
  user: { id: "u1", email: "li@example.com", name: "Li", locale: null },
  member: { id: "m1", name: "Li", role, title: null, departmentId, version: 1 },
  workspace: {
    id: "w1",
    name: "Shop",
    timeZone: "Asia/Shanghai",
    currency: "CNY",
    locale: "zh-CN",
    workweek: [1, 2, 3, 4, 5],
    hoursPerDay: 8,
    orgTemplate: null,
    isDemo: false,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
  },
  via: "session",
});
const dept = (
  id: string,
  parentId: string | null,
  leadMemberId: string | null,
  fn: Department["function"] = "none",
): Department => ({
  id,
  name: id,
  parentId,
  leadMemberId,
  leadName: null,
  sortOrder: 0,
  memberCount: 0,
  version: 1,
  function: fn,
});
// 运营 (led by m1) with 直播 below it; 设计 beside them, led by someone else.
const departments = [
  dept("ops", null, "m1", "operations"),
  dept("live", "ops", null),
  dept("design", null, "m2", "design"),
];

describe("the signed-in person from /me", () => {
  it("carries the member, workspace and role from /me", () => {
    const s = signedIn(me("member", "ops"), departments);
    expect(s.member.id).toBe("m1");
    expect(s.workspace.timeZone).toBe("Asia/Shanghai");
    expect(s.role).toBe("member");
    expect(s.actor).toMatchObject({ role: "member", memberId: "m1", departmentId: "ops" });
  });

  it("gives a lead the departments they lead and those below, with their functions", () => {
    const lead = signedIn(me("lead", "ops"), departments);
    expect([...lead.actor.managed].sort()).toEqual(["live", "ops"]);
    expect([...lead.actor.functions]).toEqual(["operations"]);
    expect(lead.can("department.update", { departmentId: "live" })).toBe(true);
    expect(lead.can("department.update", { departmentId: "design" })).toBe(false);
    // A member leading nothing manages nothing, whatever the departments say.
    expect(signedIn(me("member", "ops"), departments).actor.managed.size).toBe(0);
  });

  it("manages nothing while the departments load, so nothing beyond one's own is offered early", () => {
    const lead = signedIn(me("lead", "ops"));
    expect(lead.actor.managed.size).toBe(0);
    expect(lead.can("department.update", { departmentId: "live" })).toBe(false);
  });

  it("asks the server's tables: plans for the owner and leads, a plan's owner on their own plan", () => {
    expect(signedIn(me("owner")).can("plans.plan.create")).toBe(true);
    expect(signedIn(me("lead")).can("plans.plan.create")).toBe(true);
    const member = signedIn(me("member"));
    expect(member.can("plans.plan.create")).toBe(false);
    expect(member.can("plans.plan.edit", { ownerMemberId: "m1" })).toBe(true);
    expect(member.can("plans.plan.edit", { ownerMemberId: "m2" })).toBe(false);
    expect(signedIn(me("owner")).can("audit.read")).toBe(true);
    expect(member.can("audit.read")).toBe(false);
  });

  it("knows today in the workspace's time zone, not the browser's", () => {
    // 23:30 UTC on 31 October is already 1 November in Shanghai.
    const now = new Date("2026-10-31T23:30:00Z");
    expect(workspaceDate("Asia/Shanghai", now)).toBe("2026-11-01");
    expect(workspaceDate("UTC", now)).toBe("2026-10-31");
    expect(workspaceDate("America/New_York", now)).toBe("2026-10-31");
  });
});
