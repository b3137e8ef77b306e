// Statement lines as stored: since messages have codes, a line's name, formula, inputs and sources
// are messages ({code, params}, numbers as parameters) inside the statement's JSON. Lines stored
// before were English prose; a locked statement never changes its numbers, so those are read as
// they are — every text a `legacy.text` message that shows the words it was written with — and
// only what was never prose is given its code: the engine's own line names ("Base salary",
// "Adjustment"), the template labels (labels.ts), the input and metric names, the scope and basis.
import { isMessage, msg, storedMessage, type Message } from "../messages/index.js";
import { metricLabel } from "./keys.js";
import { planText } from "./labels.js";
import { COMMISSION_BASES, SCOPES } from "./plan.js";
import {
  inputLabel,
  isInputKey,
  type LineInput,
  type LineKind,
  type PayLine,
} from "./statement.js";

const asMessage = (v: unknown): Message =>
  isMessage(v) ? v : storedMessage(typeof v === "string" ? v : JSON.stringify(v ?? ""));

/** A legacy input value: scope and basis were codes, everything else prose. */
function legacyValue(key: string, v: unknown): Message {
  if (key === "scope" && (SCOPES as readonly unknown[]).includes(v))
    return msg(`pay.in.scope.${v as (typeof SCOPES)[number]}`);
  if (key === "basis" && (COMMISSION_BASES as readonly unknown[]).includes(v))
    return msg(`pay.basis.${v as (typeof COMMISSION_BASES)[number]}`);
  return asMessage(v);
}

function legacyLabel(kind: LineKind, label: unknown): Message {
  if (kind === "base" && label === "Base salary") return msg("pay.line.base");
  if (kind === "adjustment" && label === "Adjustment") return msg("pay.line.adjustment");
  return typeof label === "string" ? planText(label) : asMessage(label);
}

function readInputs(raw: unknown): LineInput[] {
  if (Array.isArray(raw))
    return raw.map((x: { key?: unknown; label?: unknown; value?: unknown }) => ({
      key: String(x.key ?? ""),
      label: asMessage(x.label),
      value: asMessage(x.value),
    }));
  if (typeof raw !== "object" || raw === null) return [];
  // Before codes: { key: "prose" }, a scorecard metric under its code.
  return Object.entries(raw as Record<string, unknown>).map(([key, v]) => ({
    key,
    label: isInputKey(key) ? inputLabel(key) : metricLabel(key),
    value: legacyValue(key, v),
  }));
}

interface StoredLine {
  kind: LineKind;
  code: string;
  label: unknown;
  amountFen: number;
  formula: unknown;
  inputs: unknown;
  sources: unknown;
  missing?: boolean;
}

/** The lines of a stored statement (its `lines` JSON), as messages whichever way they were written. */
export function storedLines(json: string): PayLine[] {
  const raw = JSON.parse(json) as StoredLine[];
  return raw.map((l) => ({
    kind: l.kind,
    code: l.code,
    label: isMessage(l.label) ? l.label : legacyLabel(l.kind, l.label),
    amountFen: l.amountFen,
    formula: asMessage(l.formula),
    inputs: readInputs(l.inputs),
    sources: Array.isArray(l.sources) ? l.sources.map(asMessage) : [],
    ...(l.missing ? { missing: true } : {}),
  }));
}

/** A statement's lines for its `lines` column. */
export const storeLines = (lines: readonly PayLine[]): string => JSON.stringify(lines);
