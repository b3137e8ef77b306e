// A report's draft for the reader. What the machine wrote (the labels of the role's numbers) is a
// message rendered in the reader's language; what people wrote (task and item titles, the reasons,
// blockers, help needed, notes and comments) is their text and shows as they typed it.
import {
  isMessage,
  msg,
  renderMessage,
  storedMessage,
  type Locale,
  type Message,
  type MessageCode,
} from "../../core/messages/index.js";
import type { ReportDraft } from "../../core/plans/report-draft.js";

/** The role numbers a draft carries, by their stable key. */
export const METRIC_LABELS = {
  gmv: "daily.report.metric.gmv",
  paidOrders: "daily.report.metric.paid_orders",
  aov: "daily.report.metric.aov",
  conversion: "daily.report.metric.conversion",
  refundRate: "daily.report.metric.refund_rate",
} as const satisfies Record<string, MessageCode>;

export type MetricKey = keyof typeof METRIC_LABELS;

export const metricLabel = (key: MetricKey): Message => msg(METRIC_LABELS[key]);

/**
 * The label of a stored metric. Drafts stored before codes existed hold the label the server
 * wrote then, in both languages at once; a member never edits a label, so a known key always means
 * the machine's label, and the key gives its code.
 */
function labelOf(m: { key: string; label: unknown }): Message {
  if (m.key in METRIC_LABELS) return metricLabel(m.key as MetricKey);
  if (isMessage(m.label)) return m.label;
  return storedMessage(typeof m.label === "string" ? m.label : "");
}

/** The draft with each metric's label as a message and as text in the reader's language. */
export function presentDraft(draft: ReportDraft, locale: Locale) {
  return {
    ...draft,
    metrics: draft.metrics.map((m) => {
      const message = labelOf(m);
      return { key: m.key, message, label: renderMessage(locale, message), value: m.value };
    }),
    // A lead's plans: SPI and forecasts as a message, with its text in the reader's language.
    progress: (draft.progress ?? []).map((p) => ({
      ...p,
      text: renderMessage(locale, p.message),
    })),
  };
}
