import { describe, expect, it } from "vitest";
import { renderMessage, type Message } from "../messages/index.js";
import { achievement, checkWeights, finalScore, transition } from "./goals.js";

const texts = (m: Message) => [renderMessage("en", m), renderMessage("zh-CN", m)];

describe("goal rules", () => {
  it("refuses weights that do not add up to 100, naming the problem", () => {
    expect(checkWeights([{ weight: 60 }, { weight: 40 }])).toEqual([]);
    const [total] = checkWeights([{ weight: 60 }, { weight: 30 }]);
    expect(total).toMatchObject({
      field: "goals",
      code: "goals.weight.total",
      params: { total: 90 },
    });
    expect(texts(total as Message)).toEqual([
      "The weights must add up to 100 (they add up to 90).",
      "权重合计须为 100（目前为 90）。",
    ]);
    const range = checkWeights([{ weight: 0 }, { weight: 100 }]).find(
      (e) => e.field === "goals.0.weight",
    );
    expect(range?.code).toBe("goals.weight.range");
    expect(texts(range as Message)).toEqual([
      "Enter a whole number from 1 to 100.",
      "请填写 1 到 100 之间的整数。",
    ]);
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
