import { describe, expect, it } from "vitest";
import { toEpochDay } from "../calendar/date.js";
import { repurchaseRate } from "../kpi/kpi.js";
import { renderMessage } from "../messages/index.js";
import {
  atRiskCustomers,
  dormantCustomers,
  dormantDefinition,
  repurchaseByCustomers,
  repurchaseByOrders,
  repurchaseWithin,
  winBackOutcome,
} from "./repurchase.js";
import { scoreRfm } from "./rfm.js";

const NOV = { from: "2026-11-01", to: "2026-11-30" };
const OCT = { from: "2026-10-01", to: "2026-10-31" };
const day = (d: string) => toEpochDay(d);

describe("repurchase rates, numerator and denominator spelled out", () => {
  const orders = [1, 2, 3, 0, 1];

  it("by customers: those with 2 or more orders ÷ those with one — the KPI's definition", () => {
    const f = repurchaseByCustomers(orders, NOV);
    expect(f).toMatchObject({ definition: "customers", numerator: 2, denominator: 4, rate: 0.5 });
    expect(f.rate).toBe(repurchaseRate(2, 4));
    expect(renderMessage("en", f.definitionMessage)).toBe(
      "Repurchase rate = customers with 2 or more orders 2026-11-01…2026-11-30 ÷ customers with an order 2026-11-01…2026-11-30",
    );
    expect(renderMessage("zh-CN", f.definitionMessage)).toBe(
      "复购率 = 2026-11-01…2026-11-30 下单 2 次及以上的客户数 ÷ 2026-11-01…2026-11-30 有下单的客户数",
    );
  });

  it("by orders: orders after each customer's first ÷ all orders", () => {
    expect(repurchaseByOrders(orders, NOV)).toMatchObject({
      definition: "orders",
      numerator: 3, // 0 + 1 + 2 + 0 + 0
      denominator: 7,
      rate: 3 / 7,
    });
  });

  it("has no rate without a denominator, and refuses a reversed window", () => {
    expect(repurchaseByCustomers([0, 0], NOV)).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
    });
    expect(() => repurchaseByCustomers([1], { from: "2026-11-30", to: "2026-11-01" })).toThrow();
  });

  it("within 30 days: new customers of October whose 30 days had passed by 20 November", () => {
    const first = [
      "2026-10-01",
      "2026-10-05",
      "2026-10-10",
      "2026-10-21",
      "2026-10-25",
      "2026-09-30",
    ].map(day);
    const next = [
      day("2026-10-15"),
      day("2026-11-10"),
      -1,
      day("2026-11-20"),
      day("2026-10-26"),
      day("2026-10-02"),
    ];
    const f = repurchaseWithin(first, next, 30, OCT, "2026-11-20");
    // Back within 30 days: 1 Oct → 15 Oct, 21 Oct → 20 Nov (exactly 30). Not: 5 Oct → 10 Nov (36),
    // 10 Oct (none). 25 Oct has not had its 30 days yet: pending. 30 Sept is outside the window.
    expect(f).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, pending: 1, days: 30 });
    expect(renderMessage("en", f.definitionMessage)).toContain(
      "customers whose first order 2026-10-01…2026-10-31",
    );
  });

  it("a win-back campaign succeeds for those who order within 30 days of the contact", () => {
    const contacted = [day("2026-11-02"), day("2026-11-02"), day("2026-11-03"), day("2026-11-25")];
    const ordered = [day("2026-11-20"), NaN, day("2026-12-04"), day("2026-11-26")];
    const f = winBackOutcome(contacted, ordered, NOV, "2026-12-10");
    // 2 Nov → 20 Nov yes; 2 Nov none; 3 Nov → 4 Dec is 31 days: no; 25 Nov: pending until 25 Dec.
    expect(f).toMatchObject({
      definition: "winback",
      numerator: 1,
      denominator: 3,
      pending: 1,
      days: 30,
    });
  });
});

describe("dormant and at-risk lists", () => {
  it("lists customers with no order for 90 days or more, most valuable first", () => {
    const recency = [10, 90, 89, 200, 365];
    const spend = [500, 10000, 99900, 10000, 5000];
    // 90 and 200 days both spent ¥100: the more recent first.
    expect([...dormantCustomers(recency, spend)]).toEqual([1, 3, 4]);
    expect([...dormantCustomers(recency, spend, 30)]).toEqual([2, 1, 3, 4]);
    expect(renderMessage("en", dormantDefinition("2026-11-30"))).toBe(
      "Dormant: no order for 90 days or more (the last order on or before 2026-09-01)",
    );
  });

  it("lists the At risk and Can't lose them segments, most valuable first", () => {
    const input = {
      recencyDays: [1, 3, 5, 10, 20, 30, 45, 60, 90, 200],
      frequency: [5, 1, 2, 8, 1, 3, 1, 4, 1, 2],
      monetaryFen: [50000, 3000, 12000, 90000, 2500, 20000, 1500, 40000, 800, 6000],
    };
    const res = scoreRfm(input);
    expect([...atRiskCustomers(res, input.recencyDays, input.monetaryFen)]).toEqual([7, 9]);
  });
});
