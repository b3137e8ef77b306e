// What an input key of a run ("commission.images", "event.late-image",
// "bonus.scorecard.inquiry-conversion" …) is called: the label of the rule (or scorecard metric) it
// belongs to in the plans given, else in the shipped templates, as a message (labels.ts) — so a
// page shows "准时交付图片" / "Images delivered on time", never the key. Pure (server and web).
import { msg, type Message } from "../messages/index.js";
import { planText } from "./labels.js";
import type { PayPlanDefinition } from "./plan.js";
import { inputKey } from "./statement.js";
import { PAY_PLAN_TEMPLATES } from "./templates.js";

const TEMPLATE_PLANS = PAY_PLAN_TEMPLATES.map((t) => t.plan);

/** Every input key of a plan with the label of what it measures. */
export function planKeyLabels(def: PayPlanDefinition): [key: string, label: string][] {
  const out: [string, string][] = [];
  for (const c of def.commissions ?? []) out.push([inputKey.commission(c.code), c.label]);
  for (const b of def.bonuses ?? []) {
    if (b.score?.kind === "goal") out.push([inputKey.goal(b.code), b.label]);
    else
      for (const m of b.score?.metrics ?? []) out.push([inputKey.metric(b.code, m.code), m.label]);
  }
  for (const e of def.events ?? []) out.push([inputKey.event(e.code), e.label]);
  for (const p of def.pools ?? []) out.push([inputKey.pool(p.code), p.label]);
  return out;
}

/** The name of an input key: from the plans given (latest first wins), else the templates, else the key. */
export function inputKeyLabel(key: string, plans: readonly PayPlanDefinition[] = []): Message {
  for (const def of [...plans].reverse().concat(TEMPLATE_PLANS))
    for (const [k, label] of planKeyLabels(def)) if (k === key) return planText(label);
  return msg("pay.text", { text: key });
}

/** The name of a scorecard metric by its code alone (statements written before lines named their inputs). */
export function metricLabel(code: string, plans: readonly PayPlanDefinition[] = []): Message {
  for (const def of [...plans].reverse().concat(TEMPLATE_PLANS))
    for (const b of def.bonuses ?? [])
      if (b.score?.kind === "bands")
        for (const m of b.score.metrics) if (m.code === code) return planText(m.label);
  return msg("pay.text", { text: code });
}
