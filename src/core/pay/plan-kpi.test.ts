// Scorecard metrics that name their data source (`kpi`): checked in the plan, passed on as a requirement.
import { describe, expect, it } from "vitest";
import { renderMessage } from "../messages/index.js";
import { compilePlan, type PayPlanDefinition } from "./plan.js";
import { requiredInputs } from "./statement.js";
import { PAY_PLAN_TEMPLATES } from "./templates.js";

const cs = (): PayPlanDefinition =>
  structuredClone(PAY_PLAN_TEMPLATES.find((t) => t.id === "customer-service")!.plan);
const metrics = (d: PayPlanDefinition) =>
  (
    d.bonuses[0]!.score as {
      kind: "bands";
      metrics: { kpi?: unknown; better: string; bands: unknown[] }[];
    }
  ).metrics;

describe("a scorecard metric's kpi", () => {
  it("binds the 客服 template's conversion and response times to CS data and leaves the others entered", () => {
    const r = compilePlan(cs());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(
      requiredInputs(r.plan)
        .filter((x) => x.kind === "metric")
        .map((x) => [x.key, "kpi" in x ? x.kpi : undefined]),
    ).toEqual([
      ["bonus.scorecard.inquiry-conversion", "inquiryConversion"],
      ["bonus.scorecard.payment-rate", undefined],
      ["bonus.scorecard.first-response", "firstResponse"],
      ["bonus.scorecard.average-response", "averageResponse"],
      ["bonus.scorecard.other", undefined],
    ]);
  });

  it("refuses an unknown kpi and a direction that contradicts it, naming the field", () => {
    const d = cs();
    metrics(d)[0]!.kpi = "conversion";
    metrics(d)[2]!.better = "higher";
    metrics(d)[2]!.bands = [
      { threshold: 30, score: 100 },
      { threshold: 15, score: 60 },
    ];
    const r = compilePlan(d);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["bonuses.0.score.metrics.0.kpi", "pay.field.one_of"],
      ["bonuses.0.score.metrics.2.better", "pay.field.kpi_better"],
    ]);
    const read = (locale: "en" | "zh-CN") =>
      errors.map((e) => renderMessage(locale, { code: e.code!, params: e.params }));
    expect(read("en")).toEqual([
      "Must be one of inquiryConversion, firstResponse, averageResponse, slaAttainment, avgHandlingMinutes.",
      'firstResponse is better when lower: set better to "lower".',
    ]);
    expect(read("zh-CN")[0]).toBe(
      "只能是 inquiryConversion、firstResponse、averageResponse、slaAttainment、avgHandlingMinutes 之一。",
    );
  });
});
