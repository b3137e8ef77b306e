import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../calendar/calendar.js";
import { cnHolidaysForYears } from "../calendar/cn-holidays.js";
import {
  pickPolicy,
  slaAttainment,
  slaDue,
  slaStatus,
  unmeasuredClocks,
  type SlaCase,
  type SlaClock,
  type SlaPolicy,
} from "./sla.js";
import { normalizePauses, WorkingHours } from "./working-hours.js";

/** The workspace calendar seeded from the house's China data: Mon–Fri, 2026 holidays, 调休. */
function cn2026(): WorkCalendar {
  const entries = cnHolidaysForYears([2026, 2027]);
  return new WorkCalendar({
    holidays: entries.filter((e) => e.kind === "holiday").map((e) => e.date),
    extraWorkdays: entries.filter((e) => e.kind === "workday").map((e) => e.date),
  });
}

/** 09:00–18:00 in Shanghai with lunch 12:00–13:00: 480 working minutes a day. */
const wh = new WorkingHours({
  calendar: cn2026(),
  timeZone: "Asia/Shanghai",
  shift: { start: "09:00", end: "18:00", breaks: [{ start: "12:00", end: "13:00" }] },
});

/** A Shanghai wall-clock time as the ISO UTC instant the clocks take. */
const sh = (local: string) => new Date(`${local}:00+08:00`).toISOString();

const policy = (targets: SlaPolicy["targets"], extra: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: "p",
  targets,
  ...extra,
});
const kase = (openedAt: string, extra: Partial<SlaCase> = {}): SlaCase => ({
  caseType: "refund_after_shipping",
  platform: "taobao",
  openedAt,
  ...extra,
});
const dueOf = (p: SlaPolicy, c: SlaCase, clock: SlaClock) =>
  slaDue(wh, p, c).find((d) => d.clock === clock)!;
const statusOf = (p: SlaPolicy, c: SlaCase, now: string, clock: SlaClock) =>
  slaStatus(wh, p, c, now).clocks.find((k) => k.clock === clock)!;

describe("SLA deadlines in working time", () => {
  it("a 4-hour first response opened Friday 16:00 is due Monday 11:00 (the weekend does not count)", () => {
    const d = dueOf(policy({ firstResponse: 240 }), kase(sh("2026-11-13T16:00")), "firstResponse");
    // Friday 16:00–18:00 = 120 min; Saturday and Sunday off; Monday 09:00–11:00 = 120 min.
    expect(d).toMatchObject({ due: sh("2026-11-16T11:00"), source: "policy", targetMinutes: 240 });
  });

  it("lunch is not working time: 4 hours from 09:00 end at 14:00", () => {
    const d = dueOf(policy({ decision: 240 }), kase(sh("2026-11-16T09:00")), "decision");
    expect(d.due).toBe(sh("2026-11-16T14:00"));
  });

  it("a case opened in the evening or at the weekend starts counting at the next shift", () => {
    expect(dueOf(policy({ decision: 60 }), kase(sh("2026-11-16T21:30")), "decision").due).toBe(
      sh("2026-11-17T10:00"),
    );
    expect(dueOf(policy({ decision: 60 }), kase(sh("2026-11-14T10:00")), "decision").due).toBe(
      sh("2026-11-16T10:00"),
    );
  });

  it("a deadline that uses up a day's last minute stays on that day at 18:00", () => {
    expect(dueOf(policy({ decision: 60 }), kase(sh("2026-11-16T17:00")), "decision").due).toBe(
      sh("2026-11-16T18:00"),
    );
  });

  it("across 国庆 (holidays 2026-10-01…07 in the house data): two working days from 30 Sept 17:00 end on 9 Oct 17:00", () => {
    // 30 Sept 17:00–18:00 = 60; 1–7 Oct holidays; 8 Oct (a Thursday, a working day) = 480;
    // 9 Oct 09:00–12:00 = 180 and 13:00–17:00 = 240: 960 in all.
    const d = dueOf(policy({ resolution: 960 }), kase(sh("2026-09-30T17:00")), "resolution");
    expect(d.due).toBe(sh("2026-10-09T17:00"));
  });

  it("the make-up Saturday 2026-10-10 (调休) is a working day, an ordinary Saturday is not", () => {
    const madeUp = dueOf(
      policy({ firstResponse: 120 }),
      kase(sh("2026-10-09T17:00")),
      "firstResponse",
    );
    expect(madeUp.due).toBe(sh("2026-10-10T10:00"));
    const ordinary = dueOf(
      policy({ firstResponse: 120 }),
      kase(sh("2026-10-16T17:00")),
      "firstResponse",
    );
    expect(ordinary.due).toBe(sh("2026-10-19T10:00"));
  });

  it("the Sunday 2026-09-20 is a make-up working day before 国庆 too", () => {
    const d = dueOf(policy({ firstResponse: 120 }), kase(sh("2026-09-18T17:00")), "firstResponse");
    expect(d.due).toBe(sh("2026-09-20T10:00"));
  });

  it("waiting for the buyer pauses the clock: the paused working time is added back", () => {
    // Opened Monday 09:00, 480 min. 60 min worked until the pause at 10:00; the buyer answers
    // Tuesday 15:00 (180 min that day), Wednesday 09:00–12:00 (180) and 13:00–14:00 (60).
    const c = kase(sh("2026-11-16T09:00"), {
      pauses: [{ from: sh("2026-11-16T10:00"), to: sh("2026-11-17T15:00") }],
    });
    expect(dueOf(policy({ resolution: 480 }), c, "resolution").due).toBe(sh("2026-11-18T14:00"));
    // The same case without the pause: Monday 18:00.
    expect(dueOf(policy({ resolution: 480 }), kase(c.openedAt), "resolution").due).toBe(
      sh("2026-11-16T18:00"),
    );
  });

  it("a pause across a weekend and 国庆 together: the 60 minutes left run from 8 Oct 09:00", () => {
    const c = kase(sh("2026-09-30T09:00"), {
      pauses: [{ from: sh("2026-09-30T16:00"), to: sh("2026-10-08T08:00") }],
    });
    // 30 Sept 09:00–16:00 less lunch = 360 of 420; 60 left from 8 Oct 09:00.
    expect(dueOf(policy({ resolution: 420 }), c, "resolution").due).toBe(sh("2026-10-08T10:00"));
  });

  it("while the buyer has not answered the clock has no deadline; it resumes with what was left", () => {
    const c = kase(sh("2026-11-16T09:00"), {
      pauses: [{ from: sh("2026-11-16T10:00"), to: null }],
    });
    const d = dueOf(policy({ resolution: 480 }), c, "resolution");
    expect(d).toMatchObject({ due: null, paused: true });
    const s = statusOf(policy({ resolution: 480 }), c, sh("2026-11-20T12:00"), "resolution");
    expect(s).toMatchObject({ state: "paused", minutesLeft: 420 });
    expect(s.usedShare).toBeCloseTo(60 / 480);
  });

  it("a deadline the platform gives wins over the policy, even on a Sunday night", () => {
    const c = kase(sh("2026-11-16T09:00"), { platformDue: { decision: sh("2026-11-22T23:59") } });
    const d = dueOf(policy({ decision: 60, resolution: 480 }), c, "decision");
    expect(d).toMatchObject({
      due: sh("2026-11-22T23:59"),
      source: "platform",
      targetMinutes: null,
    });
    expect(dueOf(policy({ decision: 60, resolution: 480 }), c, "resolution").source).toBe("policy");
  });

  it("a clock without a target and without a platform deadline is no clock", () => {
    const s = slaStatus(
      wh,
      policy({ resolution: 480 }),
      kase(sh("2026-11-16T09:00")),
      sh("2026-11-16T09:30"),
    );
    expect(s.clocks.find((k) => k.clock === "firstResponse")).toMatchObject({
      state: "none",
      due: null,
      minutesLeft: null,
    });
  });
});

describe("SLA status now", () => {
  const p = policy({ firstResponse: 100 });
  const c = kase(sh("2026-11-16T09:00")); // due 10:40

  it("is on track below 80 % of the target, at risk from 80 %, breached after the deadline", () => {
    expect(statusOf(p, c, sh("2026-11-16T10:19"), "firstResponse")).toMatchObject({
      state: "on_track",
      minutesLeft: 21,
      due: sh("2026-11-16T10:40"),
    });
    expect(statusOf(p, c, sh("2026-11-16T10:20"), "firstResponse")).toMatchObject({
      state: "at_risk",
      minutesLeft: 20,
    });
    expect(statusOf(p, c, sh("2026-11-16T10:40"), "firstResponse").state).toBe("at_risk");
    expect(statusOf(p, c, sh("2026-11-16T10:41"), "firstResponse")).toMatchObject({
      state: "breached",
      minutesLeft: -1,
    });
  });

  it("the at-risk share is the policy's", () => {
    const half = policy({ firstResponse: 100 }, { atRiskShare: 0.5 });
    expect(statusOf(half, c, sh("2026-11-16T09:49"), "firstResponse").state).toBe("on_track");
    expect(statusOf(half, c, sh("2026-11-16T09:50"), "firstResponse").state).toBe("at_risk");
  });

  it("minutes left are working minutes: Friday 17:30 with a Monday 10:00 deadline has 90 left", () => {
    const fri = kase(sh("2026-11-20T16:00"));
    const s = statusOf(
      policy({ firstResponse: 180 }),
      fri,
      sh("2026-11-20T17:30"),
      "firstResponse",
    );
    expect(s).toMatchObject({ due: sh("2026-11-23T10:00"), minutesLeft: 90, state: "on_track" });
  });

  it("an answer in time is met with its margin; a late one is breached and stays so", () => {
    const early = kase(c.openedAt, { firstResponseAt: sh("2026-11-16T10:00") });
    expect(statusOf(p, early, sh("2026-11-18T10:00"), "firstResponse")).toMatchObject({
      state: "met",
      minutesLeft: 40,
      stoppedAt: sh("2026-11-16T10:00"),
    });
    const late = kase(c.openedAt, { firstResponseAt: sh("2026-11-16T11:00") });
    expect(statusOf(p, late, sh("2026-11-18T10:00"), "firstResponse")).toMatchObject({
      state: "breached",
      minutesLeft: -20,
    });
  });

  it("resolving a case stops the clocks that have no instant of their own", () => {
    const done = kase(c.openedAt, { resolvedAt: sh("2026-11-16T09:30") });
    const s = slaStatus(
      wh,
      policy({ firstResponse: 100, decision: 100, resolution: 480 }),
      done,
      sh("2026-11-17T09:00"),
    );
    expect(s.clocks.map((k) => k.state)).toEqual(["met", "met", "met"]);
    expect(s.state).toBe("met");
    expect(s.next).toBeNull();
  });

  it("a step taken on the platform before Dayclear saw the case is not measured: no deadline, neither met nor breached", () => {
    // Imported a week after the buyer opened it, already agreed on the platform at a time the
    // export does not give: the late import must not read as a breached decision.
    const seen = kase(c.openedAt, {
      firstResponseAt: sh("2026-11-23T09:00"),
      decidedAt: sh("2026-11-23T09:00"),
      unmeasured: unmeasuredClocks("firstResponse,decision,bogus"),
    });
    const pol = policy({ firstResponse: 100, decision: 100, resolution: 4800 });
    const s = slaStatus(wh, pol, seen, sh("2026-11-23T10:00"));
    expect(s.clocks.map((k) => [k.clock, k.source, k.state, k.due])).toEqual([
      ["firstResponse", "unmeasured", "none", null],
      ["decision", "unmeasured", "none", null],
      ["resolution", "policy", "on_track", expect.any(String)],
    ]);
    expect(s.state).toBe("on_track");
    expect(slaAttainment([s]).all).toEqual({ met: 0, breached: 0, rate: null });
    // Without the mark the same case reads breached twice.
    const marked = slaStatus(wh, pol, { ...seen, unmeasured: [] }, sh("2026-11-23T10:00"));
    expect(marked.clocks.slice(0, 2).map((k) => k.state)).toEqual(["breached", "breached"]);
  });

  it("a waiting case shows paused, and its deadline moves by the time it waited", () => {
    const waiting = kase(c.openedAt, { pauses: [{ from: sh("2026-11-16T09:30"), to: null }] });
    const s = slaStatus(wh, policy({ resolution: 480 }), waiting, sh("2026-11-16T15:00"));
    expect(s.state).toBe("paused");
    const back = kase(c.openedAt, {
      pauses: [{ from: sh("2026-11-16T09:30"), to: sh("2026-11-16T15:00") }],
    });
    // 30 min before the pause, 180 from 15:00 to 18:00, then 270 on Tuesday: 09:00–12:00, 13:00–14:30.
    expect(
      statusOf(policy({ resolution: 480 }), back, sh("2026-11-16T15:00"), "resolution"),
    ).toMatchObject({
      state: "on_track",
      due: sh("2026-11-17T14:30"),
      minutesLeft: 450,
    });
  });

  it("a platform deadline's budget runs from the end of the last wait", () => {
    // Received back Tuesday 09:00 after waiting; the platform wants the refund by Wednesday 09:00.
    const c2 = kase(sh("2026-11-16T09:00"), {
      pauses: [{ from: sh("2026-11-16T10:00"), to: sh("2026-11-17T09:00") }],
      platformDue: { resolution: sh("2026-11-18T09:00") },
    });
    // Budget: Tuesday 480 working minutes; at 15:00 300 of them are used (62.5 %).
    const s = statusOf(policy({}), c2, sh("2026-11-17T15:00"), "resolution");
    expect(s).toMatchObject({ state: "on_track", minutesLeft: 180, source: "platform" });
    expect(s.usedShare).toBeCloseTo(300 / 480);
    expect(statusOf(policy({}), c2, sh("2026-11-17T16:30"), "resolution").state).toBe("at_risk");
  });

  it("the case shows its worst state and the running clock due first", () => {
    const c3 = kase(sh("2026-11-16T09:00"), { firstResponseAt: sh("2026-11-16T09:10") });
    const s = slaStatus(
      wh,
      policy({ firstResponse: 30, decision: 240, resolution: 960 }),
      c3,
      sh("2026-11-16T13:30"),
    );
    expect(s.clocks.map((k) => k.state)).toEqual(["met", "at_risk", "on_track"]);
    expect(s.state).toBe("at_risk");
    expect(s.next).toMatchObject({ clock: "decision", due: sh("2026-11-16T14:00") });
  });
});

describe("SLA policies and attainment", () => {
  const all = policy({ resolution: 960 }, { id: "all" });
  const pdd = policy({ resolution: 480 }, { id: "pdd", platforms: ["pdd"] });
  const refunds = policy(
    { resolution: 240 },
    { id: "refunds", caseTypes: ["refund_before_shipping"] },
  );
  const both = policy(
    { resolution: 120 },
    { id: "pdd-refunds", platforms: ["pdd"], caseTypes: ["refund_before_shipping"] },
  );

  it("picks the most specific policy: type and platform, type, platform, then the catch-all", () => {
    const list = [all, pdd, refunds, both];
    expect(pickPolicy(list, "refund_before_shipping", "pdd")?.id).toBe("pdd-refunds");
    expect(pickPolicy(list, "refund_before_shipping", "jd")?.id).toBe("refunds");
    expect(pickPolicy(list, "exchange", "pdd")?.id).toBe("pdd");
    expect(pickPolicy(list, "exchange", "jd")?.id).toBe("all");
    expect(pickPolicy([pdd, refunds], "exchange", "jd")).toBeNull();
    expect(pickPolicy([all, policy({}, { id: "second" })], "exchange", "jd")?.id).toBe("all");
  });

  it("refuses targets that are not positive whole minutes", () => {
    expect(() => slaDue(wh, policy({ decision: 0 }), kase(sh("2026-11-16T09:00")))).toThrow(
      RangeError,
    );
    expect(() => slaDue(wh, policy({ decision: 1.5 }), kase(sh("2026-11-16T09:00")))).toThrow(
      RangeError,
    );
    expect(() =>
      slaDue(wh, policy({}, { atRiskShare: 1.2 }), kase(sh("2026-11-16T09:00"))),
    ).toThrow(RangeError);
  });

  it("attainment counts met and breached clocks, a running breach included", () => {
    const p = policy({ firstResponse: 60, resolution: 480 });
    const now = sh("2026-11-17T12:00");
    const o = sh("2026-11-16T09:00");
    const statuses = [
      kase(o, { firstResponseAt: sh("2026-11-16T09:30"), resolvedAt: sh("2026-11-16T17:00") }), // met, met
      kase(o, { firstResponseAt: sh("2026-11-16T11:00"), resolvedAt: sh("2026-11-16T17:00") }), // breached, met
      kase(o, { firstResponseAt: sh("2026-11-16T09:30") }), // met, running past 18:00 Monday: breached
      kase(sh("2026-11-17T11:30"), {}), // running in time: neither
    ].map((c) => slaStatus(wh, p, c, now));
    const a = slaAttainment(statuses);
    expect(a.firstResponse).toEqual({ met: 2, breached: 1, rate: 2 / 3 });
    expect(a.resolution).toEqual({ met: 2, breached: 1, rate: 2 / 3 });
    expect(a.decision).toEqual({ met: 0, breached: 0, rate: null });
    expect(a.all).toEqual({ met: 4, breached: 2, rate: 4 / 6 });
  });
});

describe("working hours elsewhere", () => {
  it("follows a zone with daylight saving: Berlin 09:00–17:00 across 29 March 2026", () => {
    const berlin = new WorkingHours({
      calendar: new WorkCalendar(),
      timeZone: "Europe/Berlin",
      shift: { start: "09:00", end: "17:00" },
    });
    // Friday 27 March 16:00 CET (15:00Z) + 120 min: 60 on Friday, Monday 09:00–10:00 CEST (08:00Z).
    const d = slaDue(berlin, policy({ decision: 120 }), kase("2026-03-27T15:00:00.000Z"));
    expect(d.find((x) => x.clock === "decision")!.due).toBe("2026-03-30T08:00:00.000Z");
  });

  it("refuses a shift that is not HH:MM or ends before it starts, and an unknown zone", () => {
    const calendar = new WorkCalendar();
    expect(() => new WorkingHours({ calendar, shift: { start: "9:00", end: "18:00" } })).toThrow(
      RangeError,
    );
    expect(() => new WorkingHours({ calendar, shift: { start: "18:00", end: "09:00" } })).toThrow(
      RangeError,
    );
    expect(
      () =>
        new WorkingHours({
          calendar,
          shift: { start: "09:00", end: "18:00", breaks: [{ start: "08:00", end: "10:00" }] },
        }),
    ).toThrow(RangeError);
    expect(
      () =>
        new WorkingHours({
          calendar,
          timeZone: "Mars/Olympus",
          shift: { start: "09:00", end: "18:00" },
        }),
    ).toThrow();
  });
});

describe("SLA properties", () => {
  const RUNS = { numRuns: 300, seed: 20261214 };
  const START = Date.parse("2026-09-01T00:00:00Z");
  const SPAN = 120 * 86_400_000; // September–December 2026: 中秋, 国庆 and their 调休 days
  const instant = fc
    .integer({ min: START, max: START + SPAN })
    .map((ms) => Math.floor(ms / 60_000) * 60_000);
  const pause = fc
    .tuple(instant, fc.integer({ min: 1, max: 5 * 24 * 60 }))
    .map(([from, len]) => ({ from, to: from + len * 60_000 }));
  const toCase = (opened: number, pauses: { from: number; to: number }[]): SlaCase =>
    kase(new Date(opened).toISOString(), {
      pauses: pauses.map((p) => ({
        from: new Date(p.from).toISOString(),
        to: new Date(p.to).toISOString(),
      })),
    });
  const resolutionDue = (minutes: number, c: SlaCase) =>
    dueOf(policy({ resolution: minutes }), c, "resolution").due;

  it("adding a pause never makes a deadline earlier", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3000 }),
        fc.array(pause, { maxLength: 4 }),
        pause,
        (opened, minutes, pauses, extra) => {
          const before = resolutionDue(minutes, toCase(opened, pauses))!;
          const after = resolutionDue(minutes, toCase(opened, [...pauses, extra]))!;
          expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse(before));
        },
      ),
      RUNS,
    );
  });

  it("a deadline always falls in working time and holds exactly the target's working minutes", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 3000 }),
        fc.array(pause, { maxLength: 4 }),
        (opened, minutes, pauses) => {
          const due = resolutionDue(minutes, toCase(opened, pauses))!;
          const ms = Date.parse(due);
          expect(wh.isWorking(ms)).toBe(true);
          const clipped = normalizePauses(
            pauses.map((p) => ({ from: Math.max(p.from, opened), to: p.to })),
          );
          expect(wh.workingBetween(opened, ms, clipped)).toBe(minutes * 60_000);
        },
      ),
      RUNS,
    );
  });
});
