// Earned value against a hand-worked example (PMBOK signs) and the undefined ratios.
import { describe, expect, it } from "vitest";
import { earnedValue, trafficLight, type TaskProgress } from "./earned-value.js";

// Two working weeks: Mon 2 Nov – Fri 13 Nov 2026 without the weekend.
const DAYS = [
  "2026-11-02",
  "2026-11-03",
  "2026-11-04",
  "2026-11-05",
  "2026-11-06",
  "2026-11-09",
  "2026-11-10",
  "2026-11-11",
  "2026-11-12",
  "2026-11-13",
];
const baseline = [
  { id: "A", effortHours: 16, days: ["2026-11-02", "2026-11-03"] },
  { id: "B", effortHours: 24, days: ["2026-11-04", "2026-11-05", "2026-11-06"] },
  { id: "C", effortHours: 16, days: ["2026-11-09", "2026-11-10"] },
];
const progress: TaskProgress[] = [
  { id: "A", percentComplete: 60, done: true, logged: { "2026-11-02": 10, "2026-11-03": 10 } },
  {
    id: "B",
    percentComplete: 50,
    done: false,
    logged: { "2026-11-04": 8, "2026-11-05": 6, "2026-11-06": 5 },
  },
  { id: "C", percentComplete: 0, done: false, logged: {} },
  // Added after the baseline: counted apart.
  { id: "D", percentComplete: 50, done: false, logged: { "2026-11-05": 1 }, effortHours: 4 },
];

describe("earned value on a hand-worked plan", () => {
  const e = earnedValue({ baseline, progress, statusDate: "2026-11-05", workingDays: DAYS });

  it("measures BAC, PV, EV and AC through the status day (a done task is 100 %)", () => {
    expect(e.bac).toBe(56);
    expect(e.pv).toBe(32); // 8 + 8 + 8 + 8
    expect(e.ev).toBe(28); // 16 × 100 % + 24 × 50 %
    expect(e.ac).toBe(34); // 20 + 14 (Friday's 5 h are after the status day)
  });

  it("gives variances with PMBOK's signs: behind and over cost are negative", () => {
    expect(e.sv).toBe(-4);
    expect(e.cv).toBe(-6);
    expect(e.spi).toBe(0.875);
    expect(e.cpi).toBeCloseTo(28 / 34, 12);
    expect(e.csi).toBeCloseTo(0.875 * (28 / 34), 12);
  });

  it("forecasts the cost at completion both ways, and what is left to do", () => {
    expect(e.eac).toBeCloseTo(68, 9); // 56 ÷ (28/34)
    expect(e.eacCombined).toBeCloseTo(34 + (28 * 34) / 24.5, 9); // 72.857…
    expect(e.etc).toBeCloseTo(34, 9);
    expect(e.vac).toBeCloseTo(-12, 9);
    expect(e.tcpi).toBeCloseTo(28 / 22, 12);
  });

  it("finds the earned schedule and a forecast finish from it", () => {
    expect(e.es).toBe(3); // cumulative PV 8, 16, 24 ≤ 28 < 32
    expect(e.at).toBe(4);
    expect(e.spiT).toBe(0.75);
    expect(e.plannedDays).toBe(7); // 2 Nov – 10 Nov
    expect(e.forecastDays).toBeCloseTo(28 / 3, 12);
    expect(e.forecastFinish).toBe("2026-11-13"); // the 10th working day
    expect(e.baselineStart).toBe("2026-11-02");
    expect(e.baselineFinish).toBe("2026-11-10");
  });

  it("counts a task added after the baseline apart", () => {
    expect(e.outsideBaseline).toEqual({ tasks: 1, effortHours: 4, ev: 2, ac: 1 });
  });

  it("lights SPI and CPI at 1.0 and 0.9", () => {
    expect(trafficLight(e.spi)).toBe("red");
    expect(trafficLight(0.9)).toBe("amber");
    expect(trafficLight(1)).toBe("green");
    expect(trafficLight(null)).toBeNull();
  });
});

describe("undefined ratios are null, never NaN or Infinity", () => {
  it("before the plan starts and with nothing logged", () => {
    const e = earnedValue({
      baseline,
      progress: progress.map((p) => ({ ...p, percentComplete: 0, done: false, logged: {} })),
      statusDate: "2026-10-30",
      workingDays: DAYS,
    });
    expect([e.pv, e.ev, e.ac, e.at, e.es]).toEqual([0, 0, 0, 0, 0]);
    for (const v of [e.spi, e.cpi, e.csi, e.eac, e.eacCombined, e.etc, e.vac, e.spiT])
      expect(v).toBeNull();
    expect(e.forecastDays).toBeNull();
    expect(e.forecastFinish).toBeNull();
    expect(e.tcpi).toBe(1); // (56 − 0) ÷ (56 − 0)
  });

  it("when the hours logged equal the budget, TCPI is undefined", () => {
    const e = earnedValue({
      baseline: [{ id: "A", effortHours: 8, days: ["2026-11-02"] }],
      progress: [{ id: "A", percentComplete: 50, done: false, logged: { "2026-11-02": 8 } }],
      statusDate: "2026-11-02",
      workingDays: DAYS,
    });
    expect(e.tcpi).toBeNull();
    expect(e.cpi).toBe(0.5);
    expect(e.eac).toBe(16);
  });

  it("an empty baseline measures nothing", () => {
    const e = earnedValue({
      baseline: [],
      progress: [],
      statusDate: "2026-11-05",
      workingDays: DAYS,
    });
    expect(e.bac).toBe(0);
    expect(e.spi).toBeNull();
    expect(e.baselineStart).toBeNull();
    expect(e.plannedDays).toBe(0);
  });
});

describe("signs when ahead of schedule and under cost", () => {
  // Same plan on Wednesday 4 Nov: A done in 12 h, B already 75 % with 10 h logged, C not started.
  const e = earnedValue({
    baseline,
    progress: [
      { id: "A", percentComplete: 100, done: true, logged: { "2026-11-02": 6, "2026-11-03": 6 } },
      { id: "B", percentComplete: 75, done: false, logged: { "2026-11-04": 10 } },
      { id: "C", percentComplete: 0, done: false, logged: {} },
    ],
    statusDate: "2026-11-04",
    workingDays: DAYS,
  });

  it("gives positive variances, ratios above 1 and a cost forecast under budget", () => {
    expect(e.pv).toBe(24); // 8 + 8 + 8
    expect(e.ev).toBe(34); // 16 + 24 × 75 %
    expect(e.ac).toBe(22);
    expect(e.sv).toBe(10); // ahead: positive
    expect(e.cv).toBe(12); // under cost: positive
    expect(e.spi).toBeCloseTo(34 / 24, 12);
    expect(e.cpi).toBeCloseTo(34 / 22, 12);
    expect(e.eac).toBeCloseTo(56 * (22 / 34), 9); // 36.235…
    expect(e.vac).toBeCloseTo(56 - 56 * (22 / 34), 9); // positive: under budget
    expect(e.etc).toBeCloseTo(56 * (22 / 34) - 22, 9);
    expect(e.tcpi).toBeCloseTo(22 / 34, 12); // (56 − 34) ÷ (56 − 22) < 1: easier than so far
  });

  it("earns schedule beyond the days elapsed and forecasts an early finish", () => {
    // Cumulative PV 8, 16, 24, 32: the last ≤ 34 is day 4 (Thursday), with 3 days elapsed.
    expect(e.es).toBe(4);
    expect(e.at).toBe(3);
    expect(e.spiT).toBeCloseTo(4 / 3, 12);
    expect(e.forecastDays).toBeCloseTo(7 * 0.75, 12); // 5.25 days → the 6th working day
    expect(e.forecastFinish).toBe("2026-11-09");
    expect(trafficLight(e.spi)).toBe("green");
    expect(trafficLight(e.cpi)).toBe("green");
  });
});
