// The week navigator's arithmetic: weeks named by their Monday, previous/next/this week and a
// picked day land on a Monday, nothing outside the dates the API accepts, and the span reads in
// the page's language.
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/limits.js";
import {
  clampWeek,
  shiftWeek,
  weekBounds,
  weekEnd,
  weekLabel,
} from "../../web/src/components/week.js";

describe("the week navigator's weeks", () => {
  it("names a week by its Monday, whatever day was picked", () => {
    expect(clampWeek("2026-11-02")).toBe("2026-11-02"); // a Monday
    expect(clampWeek("2026-11-05")).toBe("2026-11-02"); // Thursday
    expect(clampWeek("2026-11-08")).toBe("2026-11-02"); // Sunday belongs to the week before
    expect(clampWeek("2027-01-01")).toBe("2026-12-28"); // across a new year
    expect(weekEnd("2026-11-02")).toBe("2026-11-08");
    expect(weekEnd("2026-11-02", 4)).toBe("2026-11-29");
  });

  it("goes back and forward a week at a time, over month and year ends", () => {
    expect(shiftWeek("2026-11-02", -1)).toBe("2026-10-26");
    expect(shiftWeek("2026-11-30", 1)).toBe("2026-12-07");
    expect(shiftWeek("2026-12-28", 1)).toBe("2027-01-04");
    expect(shiftWeek("2024-02-26", 1)).toBe("2024-03-04"); // leap February
  });

  it("keeps every week inside the dates the API accepts", () => {
    // 2000-01-01 is a Saturday: the first whole week starts on Monday 3 January; 2099-12-31 is a
    // Thursday: the last whole week ends on Sunday 27 December.
    expect(LIMITS.dateMin).toBe("2000-01-01");
    expect(weekBounds()).toEqual({ first: "2000-01-03", last: "2099-12-21" });
    expect(shiftWeek("2000-01-03", -1)).toBeNull();
    expect(shiftWeek("2099-12-21", 1)).toBeNull();
    expect(clampWeek("2000-01-01")).toBe("2000-01-03");
    expect(clampWeek("2100-06-01")).toBe("2099-12-21");
    // A four-week view ends by dateMax too.
    const four = weekBounds(4);
    expect(four.last).toBe("2099-11-30");
    expect(weekEnd(four.last, 4) <= LIMITS.dateMax).toBe(true);
    expect(shiftWeek(four.last, 1, 4)).toBeNull();
    expect(clampWeek("2099-12-31", 4)).toBe(four.last);
  });

  it("reads the span in the page's language", () => {
    expect(weekLabel("zh-CN", "2026-11-02")).toBe("2026年11月2日 – 11月8日");
    expect(weekLabel("en", "2026-11-02")).toBe("Nov 2 – Nov 8, 2026");
    expect(weekLabel("zh-CN", "2026-12-28")).toBe("2026年12月28日 – 2027年1月3日");
    expect(weekLabel("en", "2026-12-28")).toBe("Dec 28, 2026 – Jan 3, 2027");
    expect(weekLabel("en", "2026-11-02", 4)).toBe("Nov 2 – Nov 29, 2026");
  });
});
