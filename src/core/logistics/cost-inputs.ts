// A parcel's cost formula as it is stored: not the formula's text but what it is worked out from —
// the revision of the rate card that priced it (the card's id is stored beside it) and the quote's
// inputs (weight in grams, size in mm, province code, whether the weight was estimated). The
// formula a reader sees is the quote of that card revision on those inputs (`costFormulaOf`),
// rendered in the reader's language like any message: the same message the costing made, since the
// quote is pure and a card revision never changes. About 30 bytes a parcel instead of ~350 of the
// formula's JSON, which is most of what a re-cost of a million parcels writes.
//
//   q1:<revision>:<weight g>:<L>x<W>x<H mm or empty>:<province code>:<e when estimated>
//
// Parcels without a cost keep their stored message (why there is none), which starts with "{".
// Pure.
import type { Message } from "../messages/index.js";
import type { RateCard } from "./rate-card.js";
import { quoteCard, type Dims } from "./rate-quote.js";

export interface CostInputs {
  /** The card's revision (rate_card_revisions) the parcel was costed with. */
  revision: number;
  weightG: number;
  dims: Dims | null;
  /** GB/T 2260 code. */
  province: string;
  estimated: boolean;
}

const PREFIX = "q1:";

export function encodeCostInputs(i: CostInputs): string {
  const d = i.dims ? `${i.dims.lengthMm}x${i.dims.widthMm}x${i.dims.heightMm}` : "";
  return `${PREFIX}${i.revision}:${i.weightG}:${d}:${i.province}:${i.estimated ? "e" : ""}`;
}

export const isCostInputs = (stored: string | null | undefined): stored is string =>
  stored != null && stored.startsWith(PREFIX);

const int = (s: string | undefined): number | null =>
  s !== undefined && /^\d{1,12}$/.test(s) ? Number(s) : null;

/** The inputs of a stored formula; null when it is not one (a stored message, or damaged). */
export function decodeCostInputs(stored: string | null | undefined): CostInputs | null {
  if (!isCostInputs(stored)) return null;
  const [rev, weight, dims, province, est, ...rest] = stored.slice(PREFIX.length).split(":");
  const revision = int(rev);
  const weightG = int(weight);
  if (
    revision === null ||
    weightG === null ||
    !province ||
    rest.length ||
    (est !== "" && est !== "e")
  )
    return null;
  let d: Dims | null = null;
  if (dims) {
    const [l, w, h, ...more] = dims.split("x").map(int);
    if (l == null || w == null || h == null || more.length) return null;
    d = { lengthMm: l, widthMm: w, heightMm: h };
  }
  return { revision, weightG, dims: d, province, estimated: est === "e" };
}

/** The formula a stored cost shows: the card revision's quote on the stored inputs. */
export function costFormulaOf(card: RateCard, i: CostInputs): Message {
  const q = quoteCard(card, {
    weightG: i.weightG,
    dims: i.dims,
    province: i.province,
    estimated: i.estimated,
  });
  return q.ok ? q.formula : q.reason;
}
