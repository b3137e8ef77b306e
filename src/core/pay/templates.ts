// Pay plan templates for the four departments of an e-commerce shop, drawn from the rules seen in
// real shops (shared formats.md). Amounts are examples a shop adjusts; the structure is the point.
// Texts are written in Chinese from the message catalog; a reader sees them in their own language
// (labels.ts) until the owner rewrites them. A template's department and name are message codes the
// picker renders in the reader's language; a plan made from one takes its name in the language it
// was made in (`templatePlan`), and from then on the name is the owner's text.
import { msg, renderMessage, type Locale, type MessageCode } from "../messages/index.js";
import { templateText } from "./labels.js";
import { PAY_PLAN_FORMAT, type PayPlanDefinition } from "./plan.js";

export interface PayPlanTemplate {
  id: string;
  /** The department the template is for, as a message (运营 / Operations …). */
  department: MessageCode;
  /** The template's name, as a message; `plan.name` holds it in Chinese (the shop's language). */
  name: MessageCode;
  plan: PayPlanDefinition;
}

export const PAY_PLAN_TEMPLATES: readonly PayPlanTemplate[] = [
  {
    id: "operations",
    department: "pay.tpl.department.operations",
    name: "pay.tpl.operations.name",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: templateText("pay.tpl.operations.name"),
      description: templateText("pay.tpl.operations.description"),
      baseSalary: "6000.00",
      commissions: [
        {
          code: "shop-gmv",
          label: templateText("pay.tpl.operations.shop_gmv"),
          base: "gmv",
          scope: "shop",
          tiers: {
            kind: "marginal",
            bands: [
              { from: "0", to: "10000", ratePct: 5 },
              { from: "10000", to: "50000", ratePct: 8 },
              { from: "50000", to: null, ratePct: 12 },
            ],
          },
          gate: { minAchievementPct: 80, target: "50000.00" },
        },
      ],
      bonuses: [],
      events: [],
      pools: [],
    },
  },
  {
    id: "customer-service",
    department: "pay.tpl.department.customer_service",
    name: "pay.tpl.cs.name",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: templateText("pay.tpl.cs.name"),
      description: templateText("pay.tpl.cs.description"),
      baseSalary: "4000.00",
      commissions: [
        {
          code: "attributed",
          label: templateText("pay.tpl.cs.attributed"),
          base: "gmv",
          scope: "person",
          attribution: { kind: "owner" },
          ratePct: 1,
        },
      ],
      bonuses: [
        {
          code: "scorecard",
          label: templateText("pay.tpl.cs.scorecard"),
          bonusBase: "1000.00",
          score: {
            kind: "bands",
            metrics: [
              {
                code: "inquiry-conversion",
                label: templateText("pay.tpl.cs.inquiry_conversion"),
                weight: 40,
                better: "higher",
                bands: [
                  { threshold: 65, score: 100 },
                  { threshold: 55, score: 80 },
                  { threshold: 45, score: 60 },
                ],
                kpi: "inquiryConversion",
              },
              {
                code: "payment-rate",
                label: templateText("pay.tpl.cs.payment_rate"),
                weight: 25,
                better: "higher",
                bands: [
                  { threshold: 90, score: 100 },
                  { threshold: 80, score: 80 },
                ],
              },
              {
                code: "first-response",
                label: templateText("pay.tpl.cs.first_response"),
                weight: 10,
                better: "lower",
                bands: [
                  { threshold: 15, score: 100 },
                  { threshold: 20, score: 90 },
                  { threshold: 25, score: 80 },
                  { threshold: 30, score: 60 },
                ],
                kpi: "firstResponse",
              },
              {
                code: "average-response",
                label: templateText("pay.tpl.cs.average_response"),
                weight: 10,
                better: "lower",
                bands: [
                  { threshold: 30, score: 100 },
                  { threshold: 45, score: 80 },
                  { threshold: 60, score: 60 },
                ],
                kpi: "averageResponse",
              },
              {
                code: "other",
                label: templateText("pay.tpl.cs.other"),
                weight: 15,
                better: "higher",
                bands: [
                  { threshold: 90, score: 100 },
                  { threshold: 70, score: 80 },
                  { threshold: 50, score: 60 },
                ],
              },
            ],
          },
          gate: { minScore: 60 },
        },
      ],
      events: [
        {
          code: "review-turned-good",
          label: templateText("pay.tpl.cs.review_turned_good"),
          amount: "5.00",
          when: "per_event",
          kpi: "reviewsTurnedGood",
        },
      ],
      pools: [
        {
          code: "cs-unattributed",
          label: templateText("pay.tpl.cs.unattributed_pool"),
          base: "gmv",
          source: "unattributed",
          ratePct: 1,
        },
      ],
    },
  },
  {
    id: "design",
    department: "pay.tpl.department.design",
    name: "pay.tpl.design.name",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: templateText("pay.tpl.design.name"),
      description: templateText("pay.tpl.design.description"),
      baseSalary: "7000.00",
      commissions: [
        {
          code: "images",
          label: templateText("pay.tpl.design.images"),
          base: "quantity",
          scope: "person",
          source: "entered",
          perUnit: "20.00",
          cap: "2000.00",
        },
      ],
      bonuses: [
        {
          code: "goals",
          label: templateText("pay.tpl.design.goals"),
          bonusBase: "1500.00",
          score: { kind: "goal" },
          gate: { minScore: 60 },
        },
      ],
      events: [
        {
          code: "late-image",
          label: templateText("pay.tpl.design.late_image"),
          amount: "-20.00",
          when: "per_event",
        },
      ],
      pools: [],
    },
  },
  {
    id: "logistics",
    department: "pay.tpl.department.logistics",
    name: "pay.tpl.logistics.name",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: templateText("pay.tpl.logistics.name"),
      description: templateText("pay.tpl.logistics.description"),
      baseSalary: "4500.00",
      commissions: [
        {
          code: "parcels",
          label: templateText("pay.tpl.logistics.parcels"),
          base: "quantity",
          scope: "person",
          source: "parcels",
          tiers: {
            kind: "marginal",
            bands: [
              { from: "0", to: "3000", perUnit: "0.20" },
              { from: "3000", to: null, perUnit: "0.30" },
            ],
          },
        },
      ],
      bonuses: [],
      events: [
        {
          code: "wrong-shipment",
          label: templateText("pay.tpl.logistics.wrong_shipment"),
          amount: "-10.00",
          when: "per_event",
          kpi: "wrongShipments",
        },
        {
          code: "no-late-handover",
          label: templateText("pay.tpl.logistics.no_late_handover"),
          amount: "100.00",
          when: "if_none",
          kpi: "lateShipments",
        },
      ],
      pools: [],
    },
  },
];

/**
 * A template's plan as a new plan of a reader of `locale`: its name in that language (the owner's
 * text from then on; it does not follow a reader's language later). The rule labels and the
 * description stay the template's texts, which read in every reader's language (labels.ts).
 */
export function templatePlan(template: PayPlanTemplate, locale: Locale): PayPlanDefinition {
  return { ...structuredClone(template.plan), name: renderMessage(locale, msg(template.name)) };
}
