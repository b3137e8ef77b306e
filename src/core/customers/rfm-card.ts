// How one customer's RFM scores, segment and class were found, as messages for the customer card
// (docs/CUSTOMERS.md, "RFM"): each score with the values its range stands for, the R×F cell of
// the segment, and for the class which side of each centre the customer fell. Pure.
import { msg, type Message } from "../messages/index.js";
import {
  CN_CLASSES,
  RFM_SEGMENTS,
  scoreRange,
  type CnClass,
  type RfmInput,
  type RfmResult,
  type RfmSegment,
  type ScoreRange,
} from "./rfm.js";

export const SEGMENT_CODES = {
  champions: "customers.segment.champions",
  loyal: "customers.segment.loyal",
  potential_loyalists: "customers.segment.potential_loyalists",
  new_customers: "customers.segment.new_customers",
  promising: "customers.segment.promising",
  need_attention: "customers.segment.need_attention",
  about_to_sleep: "customers.segment.about_to_sleep",
  at_risk: "customers.segment.at_risk",
  cant_lose: "customers.segment.cant_lose",
  hibernating: "customers.segment.hibernating",
  lost: "customers.segment.lost",
} as const satisfies Record<RfmSegment, string>;

export const CLASS_CODES = {
  important_value: "customers.class.important_value",
  important_develop: "customers.class.important_develop",
  important_keep: "customers.class.important_keep",
  important_retain: "customers.class.important_retain",
  general_value: "customers.class.general_value",
  general_develop: "customers.class.general_develop",
  general_keep: "customers.class.general_keep",
  general_retain: "customers.class.general_retain",
} as const satisfies Record<CnClass, string>;

export interface RfmCard {
  recencyDays: number;
  orders: number;
  spendFen: number;
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
  segment: RfmSegment;
  cnClass: CnClass;
  /** Which side of each centre: true = recent / frequent / high spend. */
  sides: { r: boolean; f: boolean; m: boolean };
  /** R, F and M lines, the segment line, the class line — in that order. */
  explanation: Message[];
}

function rangeMessage(kind: "days" | "count" | "fen", r: ScoreRange): Message {
  if (kind === "days") {
    if (r.lessThan == null)
      return msg("customers.rfm.range.days_worst", { atLeast: r.atLeast ?? 0 });
    if (r.atLeast == null) return msg("customers.rfm.range.days_best", { lessThan: r.lessThan });
    return msg("customers.rfm.range.days", { lessThan: r.lessThan, atLeast: r.atLeast });
  }
  const code = kind === "fen" ? "fen" : "count";
  if (r.moreThan == null)
    return msg(`customers.rfm.range.${code}_worst`, { atMost: r.atMost ?? 0 });
  if (r.atMost == null) return msg(`customers.rfm.range.${code}_best`, { moreThan: r.moreThan });
  return msg(`customers.rfm.range.${code}`, { moreThan: r.moreThan, atMost: r.atMost });
}

/** The card of customer `i` of a scored set (the same input the result was scored from). */
export function rfmCard(result: RfmResult, input: RfmInput, i: number): RfmCard {
  if (!(Number.isInteger(i) && i >= 0 && i < result.count))
    throw new RangeError(`no customer ${i} among ${result.count}`);
  const days = input.recencyDays[i]!;
  const orders = input.frequency[i]!;
  const spend = input.monetaryFen[i]!;
  const r = scoreRange(result, "r", result.rScore[i]!);
  const f = scoreRange(result, "f", result.fScore[i]!);
  const m = scoreRange(result, "m", result.mScore[i]!);
  const segment = RFM_SEGMENTS[result.segment[i]!]!;
  const cnClass = CN_CLASSES[result.cnClass[i]!]!;
  const sides = {
    r: days < result.r.centre,
    f: orders > result.f.centre,
    m: spend > result.m.centre,
  };
  const centre = msg(`customers.rfm.centre.${result.classCentre}`);
  return {
    recencyDays: days,
    orders,
    spendFen: spend,
    r,
    f,
    m,
    segment,
    cnClass,
    sides,
    explanation: [
      msg("customers.rfm.r", { score: r.score, days, range: rangeMessage("days", r) }),
      msg("customers.rfm.f", { score: f.score, orders, range: rangeMessage("count", f) }),
      msg("customers.rfm.m", { score: m.score, spend, range: rangeMessage("fen", m) }),
      msg("customers.rfm.segment_from", {
        segment: msg(SEGMENT_CODES[segment]),
        r: r.score,
        f: f.score,
      }),
      msg("customers.rfm.class_from", {
        klass: msg(CLASS_CODES[cnClass]),
        r: msg(sides.r ? "customers.rfm.side.r_good" : "customers.rfm.side.r_bad", {
          days,
          centre,
          value: result.r.centre,
        }),
        f: msg(sides.f ? "customers.rfm.side.f_good" : "customers.rfm.side.f_bad", {
          orders,
          centre,
          value: result.f.centre,
        }),
        m: msg(sides.m ? "customers.rfm.side.m_good" : "customers.rfm.side.m_bad", {
          spend,
          centre,
          value: result.m.centre,
        }),
      }),
    ],
  };
}
