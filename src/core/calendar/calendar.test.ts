import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkCalendar } from "./calendar.js";
import { CN_HOLIDAY_YEARS, CN_HOLIDAYS, cnHolidaysForYears } from "./cn-holidays.js";
import { addDays, fromEpochDay, isIsoDate, isoWeekday, toEpochDay } from "./date.js";

function cn2026(): WorkCalendar {
  const entries = cnHolidaysForYears([2026]);
  return new WorkCalendar({
    workweek: [1, 2, 3, 4, 5],
    hoursPerDay: 8,
    holidays: entries.filter((e) => e.kind === "holiday").map((e) => e.date),
    extraWorkdays: entries.filter((e) => e.kind === "workday").map((e) => e.date),
  });
}

describe("ISO dates on epoch days", () => {
  it("round-trips every date of 2024–2028 and knows weekdays", () => {
    for (let d = toEpochDay("2024-01-01"); d <= toEpochDay("2028-12-31"); d++) {
      expect(toEpochDay(fromEpochDay(d))).toBe(d);
    }
    expect(isoWeekday("2026-10-01")).toBe(4); // Thursday
    expect(isoWeekday("2026-09-20")).toBe(7); // Sunday
    expect(isoWeekday("1970-01-01")).toBe(4);
  });

  it("rejects impossible and malformed dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(() => toEpochDay("2026-02-30")).toThrow(RangeError);
  });

  it("adds days across month, year and DST-like boundaries regardless of TZ", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });
});

describe("mainland China 2026 calendar", () => {
  const cal = cn2026();

  it("takes National Day week off and works the make-up Sunday and Saturday", () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkday("2026-10-08")).toBe(true);
    expect(cal.isWorkday("2026-09-20")).toBe(true); // Sunday 调休
    expect(cal.isWorkday("2026-10-10")).toBe(true); // Saturday 调休
    expect(cal.isWorkday("2026-10-11")).toBe(false); // ordinary Sunday
  });

  it("takes Spring Festival off with make-up days on 2026-02-14 and 2026-02-28", () => {
    for (let d = 15; d <= 23; d++) expect(cal.isWorkday(`2026-02-${d}`)).toBe(false);
    expect(cal.isWorkday("2026-02-14")).toBe(true);
    expect(cal.isWorkday("2026-02-28")).toBe(true);
    expect(cal.isWorkday("2026-02-24")).toBe(true);
  });

  it("adds and subtracts workdays across the National Day week", () => {
    expect(cal.nextWorkday("2026-09-30")).toBe("2026-10-08");
    expect(cal.addWorkdays("2026-09-30", 1)).toBe("2026-10-08");
    expect(cal.addWorkdays("2026-09-30", 3)).toBe("2026-10-10"); // Thu 8, Fri 9, Sat 10 (调休)
    expect(cal.addWorkdays("2026-09-18", 1)).toBe("2026-09-20"); // Fri → make-up Sunday
    expect(cal.subtractWorkdays("2026-10-08", 1)).toBe("2026-09-30");
    expect(cal.subtractWorkdays("2026-10-12", 2)).toBe("2026-10-09");
    expect(cal.previousWorkday("2026-10-07")).toBe("2026-09-30");
    expect(cal.addWorkdays("2026-10-03", 0)).toBe("2026-10-03");
  });

  it("counts workdays: September 2026 has 22 (incl. the 20th), October 2026 has 18 (incl. the 10th)", () => {
    // September: 22 weekdays minus Mid-Autumn Friday 25th = 21, plus make-up Sunday 20th = 22.
    expect(cal.countWorkdays("2026-09-01", "2026-09-30")).toBe(22);
    // October: 22 weekdays minus 5 (1, 2, 5, 6, 7) = 17, plus Saturday 10th = 18.
    expect(cal.countWorkdays("2026-10-01", "2026-10-31")).toBe(18);
    expect(cal.countWorkdays("2026-10-31", "2026-10-01")).toBe(0);
  });

  it("add then count agree for any start and distance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 1, max: 60 }),
        (offset, n) => {
          const start = addDays("2026-01-01", offset);
          const end = cal.addWorkdays(start, n);
          expect(cal.isWorkday(end)).toBe(true);
          expect(cal.countWorkdays(addDays(start, 1), end)).toBe(n);
          expect(cal.subtractWorkdays(end, n) <= start).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("member calendars", () => {
  const cal = cn2026();

  it("a part-timer works only their own days, never on holidays, at their own hours", () => {
    const pt = cal.forMember({ workweek: [1, 3, 5], hoursPerDay: 4, daysOff: ["2026-11-04"] });
    expect(pt.capacityHours("2026-11-02")).toBe(4); // Monday
    expect(pt.capacityHours("2026-11-03")).toBe(0); // Tuesday, not their day
    expect(pt.capacityHours("2026-11-04")).toBe(0); // day off
    expect(pt.capacityHours("2026-10-05")).toBe(0); // National Day Monday
    expect(pt.isWorkday("2026-10-10")).toBe(false); // make-up Saturday replaces a weekday they may not work
    expect(pt.nextWorkday("2026-11-02")).toBe("2026-11-06");
  });

  it("a full-timer follows make-up days and loses their days off", () => {
    const m = cal.forMember({ daysOff: ["2026-10-09"] });
    expect(m.capacityHours("2026-10-10")).toBe(8);
    expect(m.capacityHours("2026-10-09")).toBe(0);
    expect(m.addWorkdays("2026-09-30", 2)).toBe("2026-10-10");
  });

  it("a weekend-shift member works Saturdays the team does not", () => {
    const m = cal.forMember({ workweek: [3, 4, 5, 6, 7] });
    expect(m.isWorkday("2026-11-07")).toBe(true);
    expect(m.isWorkday("2026-11-02")).toBe(false);
  });
});

describe("CN holiday data", () => {
  it("covers 2025–2027 with dated, named, sorted entries", () => {
    expect(CN_HOLIDAY_YEARS).toEqual([2025, 2026, 2027]);
    const dates = CN_HOLIDAYS.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of CN_HOLIDAYS) {
      expect(isIsoDate(e.date)).toBe(true);
      expect(e.name.length).toBeGreaterThan(0);
      // make-up workdays fall on weekends
      if (e.kind === "workday") expect(isoWeekday(e.date)).toBeGreaterThanOrEqual(6);
    }
    expect(CN_HOLIDAYS.find((e) => e.date === "2026-10-01")?.name).toBe("国庆节");
    expect(cnHolidaysForYears([2027]).find((e) => e.date === "2027-02-05")?.name).toBe("春节");
    expect(cnHolidaysForYears([2025]).every((e) => e.date.startsWith("2025"))).toBe(true);
    // 2025 National Day + Mid-Autumn: Oct 1–8 off, make-up Sep 28 and Oct 11
    const y2025 = cnHolidaysForYears([2025]);
    expect(
      y2025.filter((e) => e.date >= "2025-10-01" && e.date <= "2025-10-08" && e.kind === "holiday"),
    ).toHaveLength(8);
  });
});
