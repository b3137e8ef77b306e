import { describe, expect, it } from "vitest";
import { dateInZone, workspaceMonth, workspaceToday } from "./today.js";

const at = (iso: string) => new Date(iso);

describe("workspaceToday: the date on the workspace's wall clock", () => {
  it("turns the day at local midnight, not at UTC midnight (Shanghai, UTC+8)", () => {
    // 23:59 and 00:00 local on 2026-11-26/27 are 15:59 and 16:00 UTC on the 26th.
    expect(workspaceToday(at("2026-11-26T15:59:59Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(workspaceToday(at("2026-11-26T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-27");
  });

  it("is already the 1st of the month in Shanghai at 07:59 local, while UTC is still last month", () => {
    const now = at("2026-11-30T23:59:00Z"); // 07:59 on 1 December in Shanghai
    expect(now.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(workspaceToday(now, "Asia/Shanghai")).toBe("2026-12-01");
    expect(workspaceMonth(now, "Asia/Shanghai")).toBe("2026-12");
    // New year: 07:59 on 1 January 2027 in Shanghai.
    expect(workspaceMonth(at("2026-12-31T23:59:00Z"), "Asia/Shanghai")).toBe("2027-01");
    expect(workspaceMonth(at("2026-12-31T15:59:00Z"), "Asia/Shanghai")).toBe("2026-12");
  });

  it("follows daylight saving time in New York (UTC−5 in winter, UTC−4 in summer)", () => {
    // Winter (EST): local midnight is 05:00 UTC.
    expect(workspaceToday(at("2026-01-15T04:59:00Z"), "America/New_York")).toBe("2026-01-14");
    expect(workspaceToday(at("2026-01-15T05:00:00Z"), "America/New_York")).toBe("2026-01-15");
    // Summer (EDT): local midnight is 04:00 UTC.
    expect(workspaceToday(at("2026-07-15T03:59:00Z"), "America/New_York")).toBe("2026-07-14");
    expect(workspaceToday(at("2026-07-15T04:00:00Z"), "America/New_York")).toBe("2026-07-15");
    // The spring-forward night (2026-03-08, 02:00 → 03:00) and the fall-back night (2026-11-01).
    expect(workspaceToday(at("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(workspaceToday(at("2026-03-08T05:00:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(workspaceToday(at("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(workspaceToday(at("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09");
    expect(workspaceToday(at("2026-11-01T03:59:00Z"), "America/New_York")).toBe("2026-10-31");
    expect(workspaceToday(at("2026-11-01T04:00:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(workspaceToday(at("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(workspaceToday(at("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("is the UTC date in UTC and a day ahead east of the date line", () => {
    expect(workspaceToday(at("2026-02-28T23:59:59Z"), "UTC")).toBe("2026-02-28");
    expect(workspaceToday(at("2026-03-01T00:00:00Z"), "UTC")).toBe("2026-03-01");
    expect(workspaceToday(at("2026-02-28T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-03-01");
    expect(workspaceToday(at("2028-02-28T16:00:00Z"), "Asia/Shanghai")).toBe("2028-02-29");
  });

  it("reads an ISO instant as well as a Date (a stored doneAt)", () => {
    expect(dateInZone("2026-11-26T16:30:00.000Z", "Asia/Shanghai")).toBe("2026-11-27");
  });
});
