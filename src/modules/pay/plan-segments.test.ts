// Which plan version governs each day of a month (docs/PAY.md "A version effective mid-month").
import { describe, expect, it } from "vitest";
import { planSegments } from "./pay-plan.service.js";

const at = "2026-09-01T00:00:00.000Z";
const version = (id: string, planId: string, number: number, effectiveFrom: string) => ({
  workspaceId: "w",
  id,
  planId,
  number,
  effectiveFrom,
  definition: "{}",
  createdBy: null,
  createdAt: at,
});
const assignment = (
  id: string,
  planId: string,
  targetType: "member" | "role" | "department",
  targetId: string,
  effectiveFrom: string,
) => ({
  workspaceId: "w",
  id,
  planId,
  targetType,
  targetId,
  effectiveFrom,
  createdBy: null,
  createdAt: at,
});
const member = { id: "m1", role: "member", departmentId: "d1" };
const cut = (s: ReturnType<typeof planSegments>) => s.map((x) => [x.from, x.to, x.version.id]);

describe("plan segments of a month", () => {
  it("cuts the month where a version takes effect; a version from before the month governs its start", () => {
    const versions = [
      version("v1", "p", 1, "2026-09-01"),
      version("v2", "p", 2, "2026-10-16"),
      version("v3", "p", 3, "2026-11-01"),
    ];
    expect(
      cut(
        planSegments(
          member,
          [assignment("a", "p", "department", "d1", "2026-09-01")],
          versions,
          "2026-10-01",
          "2026-10-31",
        ),
      ),
    ).toEqual([
      ["2026-10-01", "2026-10-15", "v1"],
      ["2026-10-16", "2026-10-31", "v2"],
    ]);
  });

  it("a plan assigned from the 10th governs from the 10th (no plan before it); a member's own plan from the 20th takes over", () => {
    const versions = [version("dep", "p", 1, "2026-09-01"), version("own", "q", 1, "2026-09-01")];
    const assignments = [
      assignment("a", "p", "department", "d1", "2026-10-10"),
      assignment("b", "q", "member", "m1", "2026-10-20"),
    ];
    expect(cut(planSegments(member, assignments, versions, "2026-10-01", "2026-10-31"))).toEqual([
      ["2026-10-10", "2026-10-19", "dep"],
      ["2026-10-20", "2026-10-31", "own"],
    ]);
  });

  it("a date that changes nothing for this member (another plan's version) does not cut the month", () => {
    const versions = [version("v1", "p", 1, "2026-09-01"), version("x2", "other", 2, "2026-10-16")];
    expect(
      cut(
        planSegments(
          member,
          [assignment("a", "p", "role", "member", "2026-09-01")],
          versions,
          "2026-10-01",
          "2026-10-31",
        ),
      ),
    ).toEqual([["2026-10-01", "2026-10-31", "v1"]]);
  });
});
