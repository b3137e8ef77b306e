// Where a refused import's problem is: its place in front of its text, each named once.
import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import { placedProblem, problemAt } from "./problems.js";

const placed = (p: Parameters<typeof placedProblem>[0]) => ({
  en: renderMessage("en", placedProblem(p)),
  zh: renderMessage("zh-CN", placedProblem(p)),
});

describe("placedProblem", () => {
  it("names the column once when the problem's own text names it", () => {
    const column = "用户实付金额(元)";
    const cell = problemAt("bad.csv", 3, column, "shop.cell.not_amount", {
      column,
      value: "12.3.4",
    });
    expect(placed(cell)).toEqual({
      en: "bad.csv row 3: 用户实付金额(元): “12.3.4” is not an amount.",
      zh: "bad.csv 第 3 行：用户实付金额(元)：“12.3.4”不是金额。",
    });
    expect(placed({ ...cell, file: undefined }).en).toBe(
      "Row 3: 用户实付金额(元): “12.3.4” is not an amount.",
    );
  });

  it("keeps the column in the place when the text does not name it", () => {
    const unlinked = problemAt("qianniu.csv", 3, "旺旺", "cs.account_unlinked", {
      account: "小美",
    });
    expect(placed(unlinked)).toEqual({
      en: "qianniu.csv row 3, column 旺旺: The chat account “小美” is not linked to a member; link it on the Chat accounts tab first.",
      zh: expect.stringMatching(/^qianniu\.csv 第 3 行“旺旺”列：/),
    });
    // A text that names another column than the place's keeps the place's column too.
    const other = problemAt("bad.csv", 4, "买家实付", "shop.cell.empty", { column: "实付" });
    expect(placed(other).en).toBe("bad.csv row 4, column 买家实付: 实付 is empty.");
  });
});
