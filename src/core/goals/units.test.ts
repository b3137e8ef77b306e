// A goal's unit as a code: a target reads naturally in either language, and what a person types
// in the unit field (in either language) comes back as the same code.
import { describe, expect, it } from "vitest";
import { LOCALES, renderMessage } from "../messages/index.js";
import { GOAL_UNITS, goalUnitLabel, goalUnitOf, goalValue, kpiUnit } from "./units.js";

const both = (value: string, unit: string) => ({
  en: renderMessage("en", goalValue(value, unit)),
  zh: renderMessage("zh-CN", goalValue(value, unit)),
});

describe("goal units", () => {
  it("renders a target with its unit, money grouped by thousands, in each language", () => {
    expect(both("310000", "unit.yuan")).toEqual({ en: "¥310,000", zh: "310,000 元" });
    expect(both("371256.50", "unit.yuan")).toEqual({ en: "¥371,256.50", zh: "371,256.50 元" });
    expect(both("60", "unit.percent")).toEqual({ en: "60%", zh: "60%" });
    expect(both("13.7", "unit.second")).toEqual({ en: "13.7 s", zh: "13.7 秒" });
    expect(both("1200", "unit.order")).toEqual({ en: "1,200 orders", zh: "1,200 单" });
    // A unit typed by hand stays as typed; no unit: the number alone.
    expect(both("40", "张")).toEqual({ en: "40 张", zh: "40 张" });
    expect(both("12000", "")).toEqual({ en: "12,000", zh: "12,000" });
  });

  it("stores what is typed in either language as the code, and anything else as typed", () => {
    for (const unit of GOAL_UNITS)
      for (const locale of LOCALES)
        expect(goalUnitOf(renderMessage(locale, goalUnitLabel(unit)))).toBe(unit);
    expect(goalUnitOf(" 元 ")).toBe("unit.yuan");
    expect(goalUnitOf("CNY")).toBe("unit.yuan");
    expect(goalUnitOf("unit.second")).toBe("unit.second");
    expect(goalUnitOf(" 张 ")).toBe("张");
    expect(goalUnitOf("")).toBe("");
    expect(renderMessage("en", goalUnitLabel("款"))).toBe("款");
  });

  it("gives each KPI its unit: money in yuan, rates in percent, response times in seconds", () => {
    expect(kpiUnit("gmv")).toBe("unit.yuan");
    expect(kpiUnit("attributedSales")).toBe("unit.yuan");
    expect(kpiUnit("paidOrders")).toBe("unit.order");
    expect(kpiUnit("inquiryConversion")).toBe("unit.percent");
    expect(kpiUnit("firstResponse")).toBe("unit.second");
    expect(kpiUnit("nothing")).toBe("");
  });
});
