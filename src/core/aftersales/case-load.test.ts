import { describe, expect, it } from "vitest";
import { caseMinutes, DEFAULT_CASE_MINUTES, spreadCaseMinutes } from "./case-load.js";

describe("a case's estimated minutes", () => {
  it("takes the workspace's table first, else the default of the type", () => {
    expect(caseMinutes("return_refund", null)).toBe(DEFAULT_CASE_MINUTES.return_refund);
    expect(caseMinutes("return_refund", { return_refund: 45 })).toBe(45);
    expect(caseMinutes("exchange", { return_refund: 45 })).toBe(DEFAULT_CASE_MINUTES.exchange);
  });
});

describe("an agent's case minutes over their days", () => {
  it("fills today's free hours first and carries the rest to the next working day", () => {
    const days = [
      { date: "2026-11-06", freeHours: 1.5 },
      { date: "2026-11-07", freeHours: 0 },
      { date: "2026-11-09", freeHours: 8 },
    ];
    expect(spreadCaseMinutes(40, days)).toEqual({
      blocks: [{ date: "2026-11-06", hours: 0.67 }],
      overMinutes: 0,
    });
    expect(spreadCaseMinutes(150, days)).toEqual({
      blocks: [
        { date: "2026-11-06", hours: 1.5 },
        { date: "2026-11-09", hours: 1 },
      ],
      overMinutes: 0,
    });
    expect(spreadCaseMinutes(700, days).overMinutes).toBe(700 - 90 - 480);
  });
});
