import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  routeCases,
  type RoutingAgent,
  type RoutingCase,
  type RoutingResult,
  type RoutingRules,
} from "./routing.js";

const agent = (memberId: string, extra: Partial<RoutingAgent> = {}): RoutingAgent => ({
  memberId,
  working: true,
  capacityMinutes: 480,
  openMinutes: 0,
  ...extra,
});
let seq = 0;
const kase = (caseId: string, extra: Partial<RoutingCase> = {}): RoutingCase => ({
  caseId,
  estimatedMinutes: 30,
  platform: "taobao",
  amountFen: 5_000,
  openedAt: `2026-11-16T01:${String(seq++ % 60).padStart(2, "0")}:00.000Z`,
  ...extra,
});
const at = (minute: number) => `2026-11-16T01:${String(minute).padStart(2, "0")}:00.000Z`;
const who = (r: RoutingResult) =>
  Object.fromEntries(r.assignments.map((a) => [a.caseId, a.memberId]));
const why = (r: RoutingResult) => Object.fromEntries(r.unassigned.map((u) => [u.caseId, u.reason]));
const LEAST: RoutingRules = { strategy: "least_open_work" };

describe("least open work", () => {
  it("gives each case to the member with the least open minutes, then the most room, then by id", () => {
    const agents = [
      agent("a", { openMinutes: 30, capacityMinutes: 120 }),
      agent("b", { capacityMinutes: 60 }),
    ];
    const cases = [1, 2, 3, 4].map((i) => kase(`c${i}`, { openedAt: at(i) }));
    const r = routeCases(cases, agents, LEAST);
    // c1: b has 0 open; c2: both 30 open, a has more room (120 vs 30); c3: b 30 < a 60;
    // c4: b is full (0 left), a takes it.
    expect(who(r)).toEqual({ c1: "b", c2: "a", c3: "b", c4: "a" });
    expect(r.assignments.every((x) => x.rule === "least_open_work")).toBe(true);
    expect(r.agents).toEqual([
      { memberId: "a", assignedMinutes: 60, capacityLeft: 60, openMinutes: 90 },
      { memberId: "b", assignedMinutes: 60, capacityLeft: 0, openMinutes: 60 },
    ]);
  });

  it("routes the most urgent case first, so it gets the last free minutes", () => {
    const agents = [agent("a", { capacityMinutes: 30 })];
    const r = routeCases(
      [
        kase("early-opened", { openedAt: at(1) }),
        kase("due-soon", { openedAt: at(5), dueAt: "2026-11-16T03:00:00.000Z" }),
      ],
      agents,
      LEAST,
    );
    expect(who(r)).toEqual({ "due-soon": "a" });
    expect(why(r)).toEqual({ "early-opened": "no_capacity" });
  });
});

describe("round robin", () => {
  it("goes on after the member who got the last case, in id order, skipping those without room", () => {
    const agents = [agent("c"), agent("a"), agent("b", { capacityMinutes: 30 })];
    const cases = [1, 2, 3, 4].map((i) => kase(`k${i}`, { openedAt: at(i) }));
    const r = routeCases(cases, agents, { strategy: "round_robin", lastAssigned: "a" });
    // After a: b, c, a, then b is full (30 used) so c.
    expect(who(r)).toEqual({ k1: "b", k2: "c", k3: "a", k4: "c" });
    expect(r.lastAssigned).toBe("c");
  });

  it("starts at the first member without a last one, and after a member who has left by id", () => {
    const agents = [agent("m1"), agent("m3")];
    expect(who(routeCases([kase("x")], agents, { strategy: "round_robin" }))).toEqual({ x: "m1" });
    expect(
      who(routeCases([kase("x")], agents, { strategy: "round_robin", lastAssigned: "m2" })),
    ).toEqual({ x: "m3" });
  });
});

describe("queues, skills and who works today", () => {
  const team = [
    agent("a", { platforms: ["taobao"], skills: ["returns"] }),
    agent("b", { platforms: ["jd"] }),
    agent("c", { working: false, skills: ["english"] }),
    agent("d", { platforms: ["jd", "pdd"], capacityMinutes: 20 }),
  ];

  it("only members of the case's platform queue with every skill it needs take it", () => {
    const r = routeCases(
      [
        kase("tb", { platform: "taobao", openedAt: at(1) }),
        kase("jd", { platform: "jd", openedAt: at(2) }),
        kase("ret", { platform: "taobao", skills: ["returns"], openedAt: at(3) }),
      ],
      team,
      LEAST,
    );
    // tb: a (taobao) or c (all platforms, not working) → a; jd: b (d has 20 min, the case 30).
    expect(who(r)).toEqual({ tb: "a", jd: "b", ret: "a" });
  });

  it("says why a case stays unassigned", () => {
    const r = routeCases(
      [
        kase("shopify", { platform: "shopify", openedAt: at(1) }),
        kase("english", { platform: "taobao", skills: ["english", "returns"], openedAt: at(2) }),
        kase("en-only", { platform: "douyin", skills: ["english"], openedAt: at(3) }),
        kase("long", { platform: "pdd", estimatedMinutes: 45, openedAt: at(4) }),
      ],
      team,
      LEAST,
    );
    expect(why(r)).toEqual({
      // c serves every platform but is off today.
      shopify: "nobody_working",
      english: "no_skill",
      "en-only": "nobody_working",
      long: "no_capacity",
    });
    expect(
      why(routeCases([kase("x", { platform: "shopify" })], [team[0]!, team[1]!], LEAST)),
    ).toEqual({
      x: "no_queue",
    });
    expect(why(routeCases([kase("x")], [], LEAST))).toEqual({ x: "no_agents" });
  });
});

describe("VIP and high-amount overrides", () => {
  const team = [
    agent("a"),
    agent("b", { platforms: ["jd"] }),
    agent("vip-lead", { platforms: ["jd"], openMinutes: 300 }),
  ];
  const rules: RoutingRules = {
    strategy: "least_open_work",
    vipMembers: ["vip-lead"],
    highAmountFen: 100_000,
    highAmountMembers: ["b"],
  };

  it("sends VIP cases to the named members and high amounts to theirs, whatever their queue", () => {
    const r = routeCases(
      [
        kase("vip", { vip: true, openedAt: at(1) }),
        kase("big", { amountFen: 100_000, openedAt: at(2) }),
        kase("small", { amountFen: 99_999, openedAt: at(3) }),
        kase("vip-and-big", { vip: true, amountFen: 500_000, openedAt: at(4) }),
      ],
      team,
      rules,
    );
    expect(who(r)).toEqual({ vip: "vip-lead", big: "b", small: "a", "vip-and-big": "vip-lead" });
    expect(r.assignments.map((x) => x.rule)).toEqual([
      "override",
      "override",
      "least_open_work",
      "override",
    ]);
  });

  it("waits for the lead when no named member can take it, unless told to fall back", () => {
    const off = [agent("a"), agent("vip-lead", { working: false })];
    const c = [kase("vip", { vip: true })];
    expect(why(routeCases(c, off, rules))).toEqual({ vip: "override_unavailable" });
    const r = routeCases(c, off, { ...rules, overrideFallback: true });
    expect(r.assignments).toMatchObject([
      { caseId: "vip", memberId: "a", rule: "least_open_work" },
    ]);
  });

  it("refuses duplicate ids and estimates that are not positive whole minutes", () => {
    expect(() => routeCases([kase("x"), kase("x")], [agent("a")], LEAST)).toThrow(RangeError);
    expect(() => routeCases([kase("x")], [agent("a"), agent("a")], LEAST)).toThrow(RangeError);
    expect(() => routeCases([kase("x", { estimatedMinutes: 0 })], [agent("a")], LEAST)).toThrow(
      RangeError,
    );
  });
});

describe("routing properties", () => {
  const RUNS = { numRuns: 200, seed: 20261214 };
  const platforms = ["taobao", "jd", "pdd"] as const;
  const agentsArb = fc.uniqueArray(
    fc.record({
      memberId: fc.constantFrom(...["m1", "m2", "m3", "m4", "m5", "m6", "m7"]),
      working: fc.boolean(),
      capacityMinutes: fc.integer({ min: 0, max: 300 }),
      openMinutes: fc.integer({ min: 0, max: 200 }),
      skills: fc.subarray(["returns", "english"]),
      platforms: fc.option(fc.subarray([...platforms]), { nil: null }),
    }),
    { selector: (a) => a.memberId, maxLength: 7 },
  );
  const casesArb = fc.uniqueArray(
    fc.record({
      caseId: fc.string({ minLength: 1, maxLength: 4 }),
      estimatedMinutes: fc.integer({ min: 1, max: 120 }),
      platform: fc.constantFrom(...platforms),
      skills: fc.subarray(["returns", "english"], { maxLength: 1 }),
      amountFen: fc.integer({ min: 0, max: 300_000 }),
      vip: fc.boolean(),
      dueAt: fc.option(
        fc.integer({ min: 0, max: 5 }).map((h) => `2026-11-16T0${h}:00:00.000Z`),
        { nil: null },
      ),
      openedAt: fc.integer({ min: 0, max: 59 }).map(at),
    }),
    { selector: (c) => c.caseId, maxLength: 40 },
  );
  const rulesArb = fc.record({
    strategy: fc.constantFrom("least_open_work" as const, "round_robin" as const),
    vipMembers: fc.subarray(["m1", "m2"]),
    highAmountFen: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    highAmountMembers: fc.subarray(["m3", "m9"]),
    overrideFallback: fc.boolean(),
    lastAssigned: fc.option(fc.constantFrom("m2", "m5", "m0"), { nil: null }),
  });

  it("is deterministic, whatever order the cases and members come in", () => {
    fc.assert(
      fc.property(casesArb, agentsArb, rulesArb, fc.integer(), (cases, agents, rules, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) ^ (seed >>> 3) }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const a = routeCases(cases, agents, rules);
        expect(routeCases(shuffle([...cases]), shuffle([...agents]), rules)).toEqual(a);
        expect(routeCases(cases, agents, rules)).toEqual(a);
      }),
      RUNS,
    );
  });

  it("never gives anyone more than their capacity or anything to someone off today; every case is answered once", () => {
    fc.assert(
      fc.property(casesArb, agentsArb, rulesArb, (cases, agents, rules) => {
        const r = routeCases(cases, agents, rules);
        const est = new Map(cases.map((c) => [c.caseId, c.estimatedMinutes]));
        for (const a of agents) {
          const given = r.assignments
            .filter((x) => x.memberId === a.memberId)
            .reduce((s, x) => s + est.get(x.caseId)!, 0);
          expect(given).toBeLessThanOrEqual(Math.max(0, a.capacityMinutes));
          if (!a.working) expect(given).toBe(0);
        }
        const answered = [
          ...r.assignments.map((x) => x.caseId),
          ...r.unassigned.map((u) => u.caseId),
        ];
        expect(answered.sort()).toEqual(cases.map((c) => c.caseId).sort());
      }),
      RUNS,
    );
  });
});
