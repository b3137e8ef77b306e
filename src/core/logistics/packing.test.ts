import { describe, expect, it } from "vitest";
import {
  PACKING,
  forecastPacking,
  learnParcelSeconds,
  localDayStart,
  parcelSeconds,
  splitParcels,
  type PackScan,
} from "./packing.js";

const scans = (memberId: string, start: string, gaps: number[], first = 0): PackScan[] => {
  let t = Date.parse(start);
  const out: PackScan[] = [
    { memberId, at: new Date(t).toISOString(), parcelId: `${memberId}-${first}` },
  ];
  gaps.forEach((g, i) => {
    t += g * 1000;
    out.push({ memberId, at: new Date(t).toISOString(), parcelId: `${memberId}-${first + i + 1}` });
  });
  return out;
};

describe("the time a parcel takes, learned from the pack station", () => {
  it("is the median gap between a packer's parcels, leaving out breaks and a parcel scanned twice", () => {
    const a = scans("a", "2026-11-02T01:00:00Z", [
      ...Array(12).fill(60),
      3600,
      ...Array(3).fill(60),
    ]);
    // b scans each parcel twice (slip re-scanned): the second scan of a parcel is not a new parcel.
    const b = scans("b", "2026-11-02T01:00:00Z", Array(10).fill(120)).flatMap((s) => [
      s,
      { ...s, at: new Date(Date.parse(s.at) + 5000).toISOString() },
    ]);
    const learned = learnParcelSeconds([...a, ...b]);
    // a: 15 gaps of 60 s (the hour is a break); b: 10 gaps of 120 s → median 60.
    expect(learned).toEqual({ seconds: 60, gaps: 25 });
  });

  it("needs enough parcels, and stays within bounds", () => {
    expect(learnParcelSeconds(scans("a", "2026-11-02T01:00:00Z", Array(19).fill(30)))).toBeNull();
    expect(learnParcelSeconds(scans("a", "2026-11-02T01:00:00Z", Array(20).fill(2)))).toEqual({
      seconds: PACKING.minParcelSeconds,
      gaps: 20,
    });
  });

  it("is the one set, else the learned one, else the default", () => {
    const learned = { seconds: 90, gaps: 40 };
    expect(parcelSeconds(45, learned)).toEqual({ seconds: 45, source: "set", gaps: 40 });
    expect(parcelSeconds(null, learned)).toEqual({ seconds: 90, source: "learned", gaps: 40 });
    expect(parcelSeconds(null, null)).toEqual({ seconds: 60, source: "default", gaps: 0 });
  });
});

describe("sharing parcels among the packers of a day", () => {
  it("shares whole parcels by free hours, the remainder to the largest fractions", () => {
    expect(splitParcels(10, [8, 4])).toEqual([7, 3]); // 6.67 / 3.33
    expect(splitParcels(60, [8, 8])).toEqual([30, 30]);
    expect(splitParcels(3, [8, 8])).toEqual([2, 1]);
    expect(splitParcels(5, [0, 0])).toEqual([3, 2]); // nobody has free hours: shared equally
    expect(splitParcels(0, [8])).toEqual([0]);
    expect(splitParcels(7, [])).toEqual([]);
  });

  it("forecasts today, what carries over and the new parcels of the next packing days", () => {
    const w = (memberId: string, capacityHours = 8, dutyHours = 0) => ({
      memberId,
      capacityHours,
      dutyHours,
    });
    const days = forecastPacking({
      today: "2026-11-06", // Friday
      secondsPerParcel: 360, // 10 parcels an hour
      queueParcels: 200,
      packedToday: new Map([["a", 20]]),
      inflowPerDay: 12.5,
      days: [
        { date: "2026-11-06", workers: [w("a"), w("b", 8, 2)] },
        { date: "2026-11-07", workers: [w("a", 0), w("b", 0)] },
        { date: "2026-11-08", workers: [w("a", 0), w("b", 0)] },
        { date: "2026-11-09", workers: [w("a"), w("b")] },
        { date: "2026-11-10", workers: [w("a"), w("b", 4)] },
      ],
    });
    // Friday: a packed 20 (2 h) and has 6 h left, b 6 h after a 2-hour duty: 200 waiting → 100 each.
    expect(days[0]).toMatchObject({ parcels: 220, newParcels: 200, carriedOver: 0 });
    expect(days[0]!.shares).toEqual([
      expect.objectContaining({
        memberId: "a",
        parcels: 120,
        packedParcels: 20,
        hours: 12,
        reservedHours: 8,
        shortHours: 4,
      }),
      expect.objectContaining({
        memberId: "b",
        parcels: 100,
        hours: 10,
        freeHours: 6,
        reservedHours: 6,
        shortHours: 4,
      }),
    ]);
    // Their 12 free hours left pack 120: 80 carry over. Nobody works at the weekend: it waits.
    expect(days[1]).toMatchObject({ parcels: 0, carriedOver: 80, waitingParcels: 92, shares: [] });
    expect(days[2]).toMatchObject({ parcels: 0, waitingParcels: 105, shares: [] });
    // Monday: Saturday's, Sunday's and Monday's orders (37.5 → 37) and the 80 left over.
    expect(days[3]).toMatchObject({ parcels: 117, newParcels: 37, carriedOver: 80 });
    expect(days[3]!.shares.map((s) => [s.parcels, s.hours, s.shortHours])).toEqual([
      [59, 5.9, 0],
      [58, 5.8, 0],
    ]);
    // Tuesday: 12.5 + the half left from Monday → 13; b works 4 hours: a 9, b 4.
    expect(days[4]).toMatchObject({ parcels: 13, newParcels: 13, carriedOver: 0 });
    expect(days[4]!.shares.map((s) => s.parcels)).toEqual([9, 4]);
  });

  it("keeps today's queue for the next packing day when nobody of 物流 works today", () => {
    const days = forecastPacking({
      today: "2026-11-07",
      secondsPerParcel: 60,
      queueParcels: 30,
      packedToday: new Map(),
      inflowPerDay: 0,
      days: [
        { date: "2026-11-07", workers: [{ memberId: "a", capacityHours: 0, dutyHours: 0 }] },
        { date: "2026-11-08", workers: [{ memberId: "a", capacityHours: 8, dutyHours: 0 }] },
      ],
    });
    expect(days[0]).toMatchObject({ parcels: 0, waitingParcels: 30, shares: [] });
    expect(days[1]).toMatchObject({ parcels: 30, carriedOver: 30 });
    expect(days[1]!.shares[0]).toMatchObject({ hours: 0.5, reservedHours: 0.5 });
  });
});

describe("the start of a local day", () => {
  it("is midnight on the zone's wall clock, as a UTC instant", () => {
    expect(localDayStart("2026-11-02", "Asia/Shanghai")).toBe("2026-11-01T16:00:00.000Z");
    expect(localDayStart("2026-03-29", "Europe/Berlin")).toBe("2026-03-28T23:00:00.000Z");
    expect(localDayStart("2026-03-30", "Europe/Berlin")).toBe("2026-03-29T22:00:00.000Z");
  });
});
