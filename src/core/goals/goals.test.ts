import { describe, expect, it } from "vitest";
import { achievement, checkWeights, finalScore, transition } from "./goals.js";

describe("goal rules", () => {
  it("refuses weights that do not add up to 100, naming the problem", () => {
    expect(checkWeights([{ weight: 60 }, { weight: 40 }])).toEqual([]);
    expect(checkWeights([{ weight: 60 }, { weight: 30 }])).toEqual([
      { field: "goals", message: "weights must add up to 100 (they add up to 90)" },
    ]);
    expect(checkWeights([{ weight: 0 }, { weight: 100 }])).toContainEqual({
      field: "goals.0.weight",
      message: "must be a whole number from 1 to 100",
    });
  });

  it("walks the agreement flow and refuses skipping it", () => {
    expect(transition("draft", "propose")).toBe("proposed");
    expect(transition("proposed", "return")).toBe("returned");
    expect(transition("returned", "propose")).toBe("proposed");
    expect(transition("proposed", "agree")).toBe("agreed");
    expect(transition("draft", "agree")).toBeNull();
    expect(transition("agreed", "propose")).toBeNull();
    expect(transition("agreed", "reopen")).toBe("draft");
  });

  it("weights the lead's scores into the final score, and measures achievement both ways", () => {
    expect(
      finalScore([
        { weight: 60, scoreHundredths: 9000 },
        { weight: 40, scoreHundredths: 7550 },
      ]),
    ).toBe(8420);
    expect(achievement(96_000, 120_000)).toBe(0.8);
    expect(achievement(30, 15, "lower")).toBe(0.5);
    expect(achievement(5, 0)).toBeNull();
  });
});
