// Case types, states, reasons, outcomes and SLA words in the page's language, from the shared
// message catalogs (src/core/messages/aftersales-*.ts: the same texts as the server and the CLI),
// and amounts in fen as money.
import { formatFen } from "../../../../src/core/messages/index.js";
import type { Locale } from "../../api/types";
import { messageText } from "../../i18n/messages";

const text = (locale: Locale, code: string, fallback: string) =>
  messageText(locale, code) ?? fallback;

export const typeLabel = (l: Locale, type: string) => text(l, `case.type.${type}`, type);
export const stateLabel = (l: Locale, state: string) => text(l, `case.state.${state}`, state);
export const reasonLabel = (l: Locale, code: string) => text(l, `case.reason.${code}`, code);
export const resolutionLabel = (l: Locale, r: string) => text(l, `case.resolution.${r}`, r);
export const inspectionLabel = (l: Locale, r: string) => text(l, `case.inspection.${r}`, r);
export const sourceLabel = (l: Locale, s: string) => text(l, `case.source.${s}`, s);
export const clockLabel = (l: Locale, c: string) =>
  text(l, `aftersales.sla.clock.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`, c);
export const slaStateLabel = (l: Locale, s: string) => text(l, `aftersales.sla.state.${s}`, s);

/** Integer fen as money: 5000 CNY → "¥50.00", other currencies after the amount. */
export const money = (fen: number, currency: string) =>
  currency === "CNY" ? `¥${formatFen(fen)}` : `${formatFen(fen)} ${currency}`;

/** Tag colours of our states. */
export const STATE_COLOR: Record<string, string> = {
  new: "blue",
  in_progress: "processing",
  waiting_buyer: "gold",
  received: "cyan",
  inspected: "purple",
  resolved: "green",
  closed: "default",
};

/** What a case is called: the platform's case id, else (opened by hand) its order's number. */
export const caseName = (c: {
  platformCaseId: string | null;
  platformOrderId: string | null;
  caseKey: string;
}) => c.platformCaseId ?? c.platformOrderId ?? c.caseKey;
