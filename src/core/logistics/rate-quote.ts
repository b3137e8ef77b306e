// What a parcel costs under a rate card, exactly (docs/LOGISTICS.md "Rate cards and cost"):
//   volumetric g    = L × W × H mm³ ÷ divisor            (= L×W×H cm³ ÷ divisor kg)
//   计全抛 full      : weight = max(actual, volumetric)
//   计半抛 half      : weight = actual + (volumetric − actual) × pct %   (when volumetric > actual)
//   chargeable      = weight rounded up to the card's step (1 kg or 0.5 kg); at least the band's
//                     first weight when the card says so
//   band            = the zone's band with from < chargeable ≤ to
//   fee             = flat price, or first fee + ⌈(chargeable − first kg) ÷ step⌉ × step fee
//   total           = max(fee, minimum charge) + remote surcharge + declared value × insurance rate,
//                     rounded once, half away from zero, to the fen
// Every quantity is an integer (grams, mm, fen; the weights in between are kept as numerators over
// 100 × divisor), so there is no floating-point drift. Pure.
import { divRound } from "../money.js";
import { msg, type Message } from "../messages/index.js";
import { findProvince } from "../orders/provinces.js";
import { formatKg, formatPercent3, RATE_LIMITS, type Band, type RateCard } from "./rate-card.js";

export interface Dims {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface QuoteInput {
  /** Actual weight in grams (at least 1). */
  weightG: number;
  dims?: Dims | null;
  /** Destination province: a GB/T 2260 code or a name ("浙江省", "浙"). */
  province: string;
  /** Declared value for insurance (保价), fen; none = not insured. */
  declaredFen?: number | null;
  /** The weight was estimated (from the SKUs' weights), not weighed: the formula says so. */
  estimated?: boolean;
}

export interface Quote {
  ok: true;
  chargeableG: number;
  /** The total in fen. */
  feeFen: number;
  zone: string;
  /** The band's own fee before the minimum, surcharge and insurance. */
  bandFen: number;
  /** The formula with its inputs, like a pay line (a message the reader's language renders). */
  formula: Message;
  inputs: {
    weightG: number;
    dims: Dims | null;
    volumetricG: number | null;
    province: string;
    declaredFen: number | null;
  };
}
export interface NoQuote {
  ok: false;
  reason: Message;
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/** A quote's input outside the bounds (weight, sides, declared value), as a message; null when fine. */
export function quoteInputProblem(input: QuoteInput): Message | null {
  const w = input.weightG;
  if (!Number.isInteger(w) || w < 1 || w > RATE_LIMITS.weightMaxG)
    return msg("rates.quote.bad_weight", { max: formatKg(RATE_LIMITS.weightMaxG) });
  if (input.dims) {
    for (const side of [input.dims.lengthMm, input.dims.widthMm, input.dims.heightMm])
      if (!Number.isInteger(side) || side < 1 || side > RATE_LIMITS.sideMaxMm)
        return msg("rates.quote.bad_dims", { max: RATE_LIMITS.sideMaxMm / 10 });
  }
  const d = input.declaredFen;
  if (d != null && (!Number.isInteger(d) || d < 0 || d > RATE_LIMITS.moneyMaxFen))
    return msg("rates.quote.bad_declared");
  return null;
}

const findBand = (bands: Band[], g: number) =>
  bands.find((b) => g > b.fromG && (b.toG === null || g <= b.toG)) ??
  // Nothing weighs 0 after rounding up; the first band (from 0) takes a zero all the same.
  (g === 0 ? bands[0] : undefined);

const cm = (mm: number) => formatKg(mm * 100); // mm → cm text: 305 mm → "30.5"

/** The parcel's cost under the card, or why the card cannot price it. */
export function quoteCard(card: RateCard, input: QuoteInput): Quote | NoQuote {
  return quote(card, input, true);
}

/** A quote's figures without its formula. */
export type QuoteFee = Omit<Quote, "formula">;

/**
 * The same quote without building its formula (the figures are computed by the same code): for
 * costing many parcels, whose formulas are stored as their inputs (cost-inputs.ts) and built on read.
 */
export function quoteFee(card: RateCard, input: QuoteInput): QuoteFee | NoQuote {
  return quote(card, input, false);
}

/** Stands for every part of the formula when it is not asked for. */
const UNSAID: Message = Object.freeze({ code: "rates.f.cost" });

function quote(card: RateCard, input: QuoteInput, explain: boolean): Quote | NoQuote {
  const bad = quoteInputProblem(input);
  if (bad) return { ok: false, reason: bad };
  const province = findProvince(input.province);
  if (!province)
    return { ok: false, reason: msg("rates.province.unknown", { value: input.province }) };
  const zi = card.zoneOf.get(province.code);
  if (zi === undefined)
    return { ok: false, reason: msg("rates.out.no_coverage", { province: province.name }) };
  const zone = card.zones[zi]!;
  const s = card.settings;
  const a = input.weightG;
  const dims = input.dims ?? null;

  // The weight: numerators over den = 100 × divisor grams, compared and rounded up to the step.
  let weight: Message = UNSAID;
  let effectiveNum: number;
  let den = 100;
  let volumetricG: number | null = null;
  const stepKg = explain ? formatKg(s.stepG) : "";
  if (s.volumetric !== "none" && s.divisor !== null && dims) {
    const d = s.divisor;
    const v = dims.lengthMm * dims.widthMm * dims.heightMm; // mm³; v ÷ d = grams
    den = 100 * d;
    const actualNum = a * den;
    const volNum = v * 100;
    volumetricG = divRound(v, d);
    const shown = () => ({
      actual: formatKg(a),
      l: cm(dims.lengthMm),
      w: cm(dims.widthMm),
      h: cm(dims.heightMm),
      divisor: d,
      volumetric: formatKg(volumetricG!),
      step: stepKg,
    });
    if (s.volumetric === "half" && volNum > actualNum) {
      effectiveNum = actualNum + (v - a * d) * s.volumetricPct;
      if (explain)
        weight = msg("rates.f.weight_half", {
          ...shown(),
          pct: s.volumetricPct,
          effective: formatKg(ceilDiv(effectiveNum, den)),
        });
    } else {
      effectiveNum = Math.max(actualNum, volNum);
      if (explain) weight = msg("rates.f.weight_max", shown());
    }
  } else {
    effectiveNum = a * den;
    if (explain) weight = msg("rates.f.weight", { actual: formatKg(a), step: stepKg });
  }
  if (explain && input.estimated) weight = msg("rates.f.weight_estimated", { weight });
  let chargeableG = ceilDiv(effectiveNum, den * s.stepG) * s.stepG;
  let band = findBand(zone.bands, chargeableG);
  if (
    band &&
    s.firstWeightMinimum &&
    band.mode === "first_additional" &&
    chargeableG < band.firstG
  ) {
    chargeableG = band.firstG;
    band = findBand(zone.bands, chargeableG);
    if (explain) weight = msg("rates.f.first_weight_min", { weight, first: formatKg(chargeableG) });
  }
  if (explain) weight = msg("rates.f.chargeable", { weight, chargeable: formatKg(chargeableG) });
  if (!band)
    return {
      ok: false,
      reason: msg("rates.out.no_band", { zone: zone.name, weight: formatKg(chargeableG) }),
    };

  const range = !explain
    ? UNSAID
    : band.toG === null
      ? msg("rates.f.range_open", { from: formatKg(band.fromG) })
      : msg("rates.f.range", { from: formatKg(band.fromG), to: formatKg(band.toG) });
  let bandFen: number;
  let fee: Message = UNSAID;
  if (band.mode === "flat") {
    bandFen = band.priceFen;
    if (explain) fee = msg("rates.f.flat", { zone: zone.name, range, price: bandFen });
  } else {
    const steps = ceilDiv(Math.max(0, chargeableG - band.firstG), band.stepG);
    bandFen = band.firstFen + steps * band.stepFen;
    if (explain)
      fee = msg("rates.f.first_additional", {
        zone: zone.name,
        range,
        first: formatKg(band.firstG),
        firstFee: band.firstFen,
        steps,
        step: formatKg(band.stepG),
        stepFee: band.stepFen,
        fee: bandFen,
      });
  }
  let freight = bandFen;
  if (freight < s.minimumFen) {
    freight = s.minimumFen;
    if (explain) fee = msg("rates.f.minimum", { fee, minimum: s.minimumFen });
  }
  if (s.remoteSurchargeFen > 0 && s.remoteProvinces.includes(province.code)) {
    freight += s.remoteSurchargeFen;
    if (explain)
      fee = msg("rates.f.remote", {
        fee,
        province: province.name,
        surcharge: s.remoteSurchargeFen,
      });
  }
  // Insurance is the one fraction: kept over 100,000 (thousandths of a percent) and rounded once.
  const declared = input.declaredFen ?? null;
  let total = freight;
  if (declared !== null && declared > 0 && s.insuranceMilliPct > 0) {
    total = divRound(freight * 100_000 + declared * s.insuranceMilliPct, 100_000);
    if (explain)
      fee = msg("rates.f.insurance", {
        fee,
        declared,
        rate: formatPercent3(s.insuranceMilliPct),
      });
  }
  return {
    ok: true,
    chargeableG,
    feeFen: total,
    zone: zone.name,
    bandFen,
    formula: explain ? msg("rates.f.cost", { weight, fee, total }) : UNSAID,
    inputs: { weightG: a, dims, volumetricG, province: province.code, declaredFen: declared },
  };
}
