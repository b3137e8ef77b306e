// Pay plan templates for the four departments of an e-commerce shop, drawn from the rules seen in
// real shops (shared formats.md). Amounts are examples a shop adjusts; the structure is the point.
import { PAY_PLAN_FORMAT, type PayPlanDefinition } from "./plan.js";

export interface PayPlanTemplate {
  id: string;
  department: "运营" | "客服" | "设计" | "物流";
  plan: PayPlanDefinition;
}

export const PAY_PLAN_TEMPLATES: readonly PayPlanTemplate[] = [
  {
    id: "operations",
    department: "运营",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: "运营 · 店铺销售额阶梯提成",
      description:
        "店铺销售额超额累进提成，未达目标 80% 不计提。Shop GMV commission on marginal tiers (超额累进), nothing below 80 % of target.",
      baseSalary: "6000.00",
      commissions: [
        {
          code: "shop-gmv",
          label: "店铺销售额提成 Shop GMV commission",
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
    department: "客服",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: "客服 · 个人业绩 + 公共池 + 考核奖金",
      description:
        "个人归属销售额提成、未归属销售额 1% 的公共池均分、客服考核奖金。Attributed sales commission, an equal share of 1 % of unattributed sales, and the CS scorecard bonus.",
      baseSalary: "4000.00",
      commissions: [
        {
          code: "attributed",
          label: "个人询单销售额提成 Attributed sales commission",
          base: "gmv",
          scope: "person",
          attribution: { kind: "owner" },
          ratePct: 1,
        },
      ],
      bonuses: [
        {
          code: "scorecard",
          label: "客服考核奖金 CS scorecard bonus",
          bonusBase: "1000.00",
          score: {
            kind: "bands",
            metrics: [
              {
                code: "inquiry-conversion",
                label: "询单转化率 Inquiry conversion (%)",
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
                label: "付款率 Payment rate (%)",
                weight: 25,
                better: "higher",
                bands: [
                  { threshold: 90, score: 100 },
                  { threshold: 80, score: 80 },
                ],
              },
              {
                code: "first-response",
                label: "首次响应 First response (s)",
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
                label: "平均响应 Average response (s)",
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
                label: "其他 Other (lead's points)",
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
          label: "差评转好评 Bad review turned good",
          amount: "5.00",
          when: "per_event",
        },
      ],
      pools: [
        {
          code: "cs-unattributed",
          label: "静默下单公共池 Unattributed sales pool",
          base: "gmv",
          source: "unattributed",
          ratePct: 1,
        },
      ],
    },
  },
  {
    id: "design",
    department: "设计",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: "设计 · 准时交付奖金",
      description:
        "按时交付图片计件奖励，迟交扣款。Bonus on images delivered on time; each late image costs.",
      baseSalary: "7000.00",
      commissions: [
        {
          code: "images",
          label: "准时交付图片 Images delivered on time",
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
          label: "目标考核奖金 Goal bonus",
          bonusBase: "1500.00",
          score: { kind: "goal" },
          gate: { minScore: 60 },
        },
      ],
      events: [
        { code: "late-image", label: "逾期交付 Late image", amount: "-20.00", when: "per_event" },
      ],
      pools: [],
    },
  },
  {
    id: "logistics",
    department: "物流",
    plan: {
      format: PAY_PLAN_FORMAT,
      name: "物流 · 计件与差错",
      description:
        "按发货包裹计件，错发每单 −10 元，当月无延迟交接 +100 元。Per parcel shipped, −10 元 per wrong shipment, +100 元 for a month with no late hand-over.",
      baseSalary: "4500.00",
      commissions: [
        {
          code: "parcels",
          label: "发货计件 Parcels shipped",
          base: "quantity",
          scope: "person",
          source: "entered",
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
          label: "错发漏发 Wrong or missed shipment",
          amount: "-10.00",
          when: "per_event",
        },
        {
          code: "no-late-handover",
          label: "当月无延迟发货 No late shipment this month",
          amount: "100.00",
          when: "if_none",
          kpi: "lateShipments",
        },
      ],
      pools: [],
    },
  },
];
