import { describe, expect, it } from "vitest";
import {
  CASE_STATES,
  CASE_TYPES,
  checkTransition,
  milestones,
  nextStates,
  pauseChange,
  refundOnlyType,
  type CaseState,
} from "./cases.js";
import { caseState, caseType, overridesOf, successResolution } from "./platform-codes.js";
import { reasonCode } from "./reasons.js";

const rules = { inspectBeforeRefund: false };

describe("case transitions", () => {
  it("walks a return from new to refunded, each step allowed", () => {
    let state: CaseState = "new";
    const c = { type: "return_refund" as const, inspection: null };
    for (const to of ["in_progress", "waiting_buyer", "received", "inspected"] as const) {
      expect(
        checkTransition({ ...c, state }, { to, inspection: "passed" }, rules),
        `${state} → ${to}`,
      ).toBeNull();
      state = to;
    }
    expect(
      checkTransition(
        { ...c, state, inspection: "passed" },
        { to: "resolved", resolution: "refunded" },
        rules,
      ),
    ).toBeNull();
  });

  it("refuses to skip ahead, to leave a finished case, and names both states", () => {
    const r = checkTransition(
      { type: "return_refund", state: "new", inspection: null },
      { to: "received" },
      rules,
    );
    expect(r?.code).toBe("case.transition.not_allowed");
    expect(r?.params).toEqual({
      from: { code: "case.state.new" },
      to: { code: "case.state.received" },
    });
    for (const done of ["resolved", "closed"] as const)
      for (const to of CASE_STATES)
        expect(
          checkTransition({ type: "exchange", state: done, inspection: null }, { to }, rules)?.code,
        ).toBe("case.transition.finished");
  });

  it("waits for a return only for types whose goods come back", () => {
    for (const type of CASE_TYPES) {
      const r = checkTransition(
        { type, state: "in_progress", inspection: null },
        { to: "waiting_buyer" },
        rules,
      );
      const returns = type === "return_refund" || type === "exchange" || type === "repair";
      expect(r === null, type).toBe(returns);
      expect(nextStates({ type, state: "in_progress" }).includes("waiting_buyer")).toBe(returns);
    }
  });

  it("resolves only with an outcome the type allows", () => {
    const c = { type: "reship" as const, state: "in_progress" as const, inspection: null };
    expect(checkTransition(c, { to: "resolved" }, rules)?.code).toBe(
      "case.transition.resolution_required",
    );
    expect(checkTransition(c, { to: "resolved", resolution: "exchanged" }, rules)?.code).toBe(
      "case.transition.resolution_not_for_type",
    );
    expect(checkTransition(c, { to: "resolved", resolution: "reshipped" }, rules)).toBeNull();
  });

  it("inspects returned goods before a refund when the workspace says so", () => {
    const received = {
      type: "return_refund" as const,
      state: "received" as const,
      inspection: null,
    };
    const refund = { to: "resolved" as const, resolution: "refunded" as const };
    expect(checkTransition(received, refund, rules)).toBeNull();
    expect(checkTransition(received, refund, { inspectBeforeRefund: true })?.code).toBe(
      "case.transition.inspect_first",
    );
    expect(checkTransition(received, { to: "inspected" }, rules)?.code).toBe(
      "case.transition.inspection_required",
    );
    const failed = { ...received, state: "inspected" as const, inspection: "failed" as const };
    expect(checkTransition(failed, refund, { inspectBeforeRefund: true })?.code).toBe(
      "case.transition.inspection_failed",
    );
    expect(checkTransition(failed, { to: "resolved", resolution: "rejected" }, rules)).toBeNull();
  });

  it("sets first response, decision and end once, and pauses while waiting for the buyer", () => {
    const none = { firstResponseAt: null, decidedAt: null, resolvedAt: null };
    expect(milestones(none, "new", "in_progress", "T1")).toEqual({ firstResponseAt: "T1" });
    expect(milestones(none, "new", "waiting_buyer", "T1")).toEqual({
      firstResponseAt: "T1",
      decidedAt: "T1",
    });
    expect(
      milestones(
        { ...none, firstResponseAt: "T0", decidedAt: "T1" },
        "inspected",
        "resolved",
        "T9",
      ),
    ).toEqual({ resolvedAt: "T9" });
    expect(pauseChange("in_progress", "waiting_buyer")).toBe("open");
    expect(pauseChange("waiting_buyer", "received")).toBe("close");
    expect(pauseChange("received", "inspected")).toBeNull();
  });

  it("tells refund only before from after shipping by the order's shipment", () => {
    expect(refundOnlyType(null, "2026-12-01T00:00:00.000Z")).toBe("refund_before_shipping");
    expect(refundOnlyType("2026-11-30T00:00:00.000Z", "2026-12-01T00:00:00.000Z")).toBe(
      "refund_after_shipping",
    );
    expect(refundOnlyType("2026-12-02T00:00:00.000Z", "2026-12-01T00:00:00.000Z")).toBe(
      "refund_before_shipping",
    );
  });
});

describe("platform codes", () => {
  it("maps each platform's type codes and texts to ours", () => {
    expect(caseType("pdd", "2")).toBe("refund_only");
    expect(caseType("pdd", "3")).toBe("return_refund");
    expect(caseType("pdd", "5")).toBe("reship");
    expect(caseType("douyin", "1")).toBe("refund_after_shipping");
    expect(caseType("douyin", "2")).toBe("refund_before_shipping");
    expect(caseType("douyin", "6")).toBe("price_protection");
    expect(caseType("douyin", "8")).toBe("repair");
    expect(caseType("jd", "20")).toBe("exchange");
    expect(caseType("jd", "80")).toBe("reship");
    expect(caseType("taobao", "REFUND_AND_RETURN")).toBe("return_refund");
    expect(caseType("taobao", "是")).toBe("return_refund");
    expect(caseType("shopify", "RETURN")).toBe("return_refund");
    expect(caseType("woocommerce", "replacement")).toBe("exchange");
    // Excel writes numbers as 2.0; full-width digits are read as ASCII.
    expect(caseType("pdd", "2.0")).toBe("refund_only");
    expect(caseType("pdd", "３")).toBe("return_refund");
    expect(caseType("pdd", "99")).toBeNull();
  });

  it("maps states, full-width commas and all, with the outcome a success means per type", () => {
    expect(caseState("taobao", "卖家已经同意退款，等待买家退货")).toEqual({
      state: "waiting_buyer",
    });
    expect(caseState("taobao", "WAIT_SELLER_CONFIRM_GOODS")).toEqual({ state: "received" });
    expect(caseState("taobao", "卖家拒绝退款")).toEqual({ state: "resolved", outcome: "rejected" });
    expect(caseState("douyin", "7")).toEqual({ state: "waiting_buyer" });
    expect(caseState("douyin", "11")).toEqual({ state: "received" });
    expect(caseState("douyin", "14")).toEqual({ state: "resolved", outcome: "exchanged" });
    expect(caseState("pdd", "10")).toEqual({ state: "resolved", outcome: "success" });
    expect(caseState("pdd", "32")).toEqual({ state: "in_progress", decided: true });
    expect(caseState("jd", "60")).toEqual({ state: "closed" });
    expect(caseState("shopify", "DECLINED")).toEqual({ state: "resolved", outcome: "rejected" });
    expect(successResolution("exchange")).toBe("exchanged");
    expect(successResolution("repair")).toBe("reshipped");
    expect(successResolution("refund_after_shipping")).toBe("refunded");
  });

  it("tries the workspace's own codes first", () => {
    const own = overridesOf([
      { platform: "pdd", kind: "state", code: "99", target: "in_progress" },
      { platform: "pdd", kind: "type", code: "2", target: "complaint" },
    ]);
    expect(caseState("pdd", "99", own)).toEqual({ state: "in_progress" });
    expect(caseType("pdd", "2", own)).toBe("complaint");
    expect(caseType("jd", "2", own)).toBeNull();
  });
});

describe("reason codes", () => {
  it("groups the platforms' reason texts", () => {
    expect(reasonCode("质量问题")).toBe("quality");
    expect(reasonCode("与商品描述不符")).toBe("not_as_described");
    expect(reasonCode("七天无理由退换货")).toBe("changed_mind");
    expect(reasonCode("尺码拍错/不喜欢/效果不好")).toBe("size");
    expect(reasonCode("DEFECTIVE")).toBe("quality");
    expect(reasonCode("SIZE_TOO_SMALL")).toBe("size");
    expect(reasonCode("快递一直不到")).toBe("other");
    expect(reasonCode("")).toBeNull();
  });
});
