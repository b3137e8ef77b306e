import { describe, expect, it } from "vitest";
import { followupDue, turnedGood, type FollowupRule } from "./followups.js";
import { qualityAlerts, qualityDepartment, QUALITY_REASON_TEXTS } from "./quality.js";

describe("which reasons are quality reasons, and whose work they are", () => {
  it("reads each platform's reason texts as its export writes them", () => {
    expect(qualityDepartment("taobao", "质量问题")).toBe("operations");
    expect(qualityDepartment("taobao", "大小/尺寸与商品描述不符")).toBe("design");
    expect(qualityDepartment("taobao", "颜色/图案/款式与商品描述不符")).toBe("design");
    expect(qualityDepartment("taobao", "商品与页面描述不符")).toBe("operations");
    expect(qualityDepartment("jd", "收到商品破损")).toBe("operations");
    expect(qualityDepartment("pdd", "尺码不符/色差")).toBe("design");
    expect(qualityDepartment("shopify", "SIZE_TOO_SMALL")).toBe("design");
    expect(qualityDepartment("shopify", "DEFECTIVE")).toBe("operations");
  });
  it("does not count the buyer's own mistake, even when it names a size", () => {
    expect(qualityDepartment("douyin", "尺码拍错/不喜欢/效果不好")).toBeNull();
    expect(qualityDepartment("taobao", "七天无理由退换货")).toBeNull();
    expect(qualityDepartment("taobao", "少件/漏发")).toBeNull();
    expect(qualityDepartment("woocommerce", "尺码拍错了")).toBeNull();
    expect(qualityDepartment("taobao", "")).toBeNull();
    expect(qualityDepartment("taobao", null)).toBeNull();
  });
  it("falls back to the reason's class for a text no list knows: photos and sizes to design", () => {
    expect(qualityDepartment("woocommerce", "衣服有色差")).toBe("design");
    expect(qualityDepartment("woocommerce", "尺码偏小")).toBe("design");
    expect(qualityDepartment("woocommerce", "做工粗糙，开线")).toBe("operations");
    expect(qualityDepartment("woocommerce", "与描述不符")).toBe("operations");
    expect(qualityDepartment("woocommerce", "运费太贵")).toBeNull();
  });
  it("every listed text is classed as the list says (no pattern overrides the list)", () => {
    for (const [platform, texts] of Object.entries(QUALITY_REASON_TEXTS))
      for (const [text, dept] of Object.entries(texts))
        expect(qualityDepartment(platform, text), `${platform} ${text}`).toBe(dept);
  });
});

describe("a SKU crossing the threshold", () => {
  const now = "2026-10-12T04:00:00.000Z";
  const at = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString();
  it("opens one alert per SKU once it has enough cases in the window, not before", () => {
    const cases = [
      { id: "c1", sku: "A", department: "design" as const, openedAt: at(6) },
      { id: "c2", sku: "A", department: "design" as const, openedAt: at(2) },
      { id: "c3", sku: "B", department: "operations" as const, openedAt: at(1) },
      { id: "c4", sku: "A", department: "operations" as const, openedAt: at(1) },
      { id: "c5", sku: "B", department: "operations" as const, openedAt: at(8) },
    ];
    const alerts = qualityAlerts(cases, { minCases: 3, windowDays: 7 }, now);
    expect(alerts).toEqual([
      {
        sku: "A",
        department: "design",
        caseIds: ["c1", "c2", "c4"],
        counts: { operations: 1, design: 2 },
      },
    ]);
    // B has one case in 7 days (c5 is 8 days old), two in 9.
    expect(qualityAlerts(cases, { minCases: 2, windowDays: 7 }, now).map((a) => a.sku)).toEqual([
      "A",
    ]);
    expect(qualityAlerts(cases, { minCases: 2, windowDays: 9 }, now).map((a) => a.sku)).toEqual([
      "A",
      "B",
    ]);
    expect(qualityAlerts(cases, { minCases: 3, windowDays: 3 }, now)).toEqual([]);
  });
  it("sends a tie to operations", () => {
    const cases = [
      { id: "c1", sku: "A", department: "design" as const, openedAt: at(1) },
      { id: "c2", sku: "A", department: "operations" as const, openedAt: at(1) },
    ];
    expect(qualityAlerts(cases, { minCases: 2, windowDays: 7 }, now)[0]!.department).toBe(
      "operations",
    );
  });
});

describe("a follow-up rule", () => {
  const rule: FollowupRule = {
    id: "r",
    name: "回访",
    shopId: "s1",
    platform: null,
    minAmountFen: 10_000,
    trigger: "delivered",
    daysAfter: 3,
    script: "您好",
    active: true,
  };
  const e = { shopId: "s1", platform: "taobao", amountFen: 19_900, date: "2026-10-08" };
  it("is due N days after the event, and made up to three days late (a new rule brings no backlog)", () => {
    expect(followupDue(rule, e, "2026-10-10")).toBeNull();
    expect(followupDue(rule, e, "2026-10-11")).toBe("2026-10-11");
    expect(followupDue(rule, e, "2026-10-14")).toBe("2026-10-11");
    expect(followupDue(rule, e, "2026-10-15")).toBeNull();
  });
  it("takes only its shop, platform and amount, and nothing while off", () => {
    expect(followupDue(rule, { ...e, shopId: "s2" }, "2026-10-12")).toBeNull();
    expect(followupDue(rule, { ...e, amountFen: 9_999 }, "2026-10-12")).toBeNull();
    expect(followupDue({ ...rule, platform: "jd" }, e, "2026-10-12")).toBeNull();
    expect(followupDue({ ...rule, active: false }, e, "2026-10-12")).toBeNull();
  });
  it("counts a bad review turned good, and a good review after a complaint from a bad review", () => {
    expect(turnedGood("turned_good", false)).toBe(true);
    expect(turnedGood("good_review", true)).toBe(true);
    expect(turnedGood("good_review", false)).toBe(false);
    expect(turnedGood("bad_review", true)).toBe(false);
  });
});
