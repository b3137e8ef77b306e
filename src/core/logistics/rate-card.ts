// Rate cards (运费价目表) of carrier contracts: the `dayclear.rate-card/v1` model, its validation with
// row and column, and the exact units it works in. A card has settings (volumetric divisor and mode,
// the weight rounding step, minimum charge, remote-area surcharge, insurance rate, the platforms it
// is limited to) and zones: lists of provinces (GB/T 2260) with weight bands (from, to] each priced
// flat (一口价) or as first weight + additional steps (首重 + 续重). Weights are integer grams, sizes
// integer millimetres, money integer fen; decimal texts ("3.01", "0.5", "12.30") are read digit by
// digit, never through floating point. Pure: the quote arithmetic is in rate-quote.ts, the file
// forms (CSV/XLSX rows, JSON) in rate-card-file.ts (docs/LOGISTICS.md "Rate cards and cost").
import { parseMoney, formatMoney } from "../money.js";
import type { MessageCode, MessageParams } from "../messages/index.js";
import { findProvince, PROVINCES } from "../orders/provinces.js";
import type { Problem } from "../orders/types.js";

export const RATE_CARD_FORMAT = "dayclear.rate-card/v1";

/** Bounds on every number a card or a quote carries (refused beyond them, never clamped). */
export const RATE_LIMITS = {
  /** Heaviest weight a band bound or a parcel may state: 1,000 kg. */
  weightMaxG: 1_000_000,
  /** Longest side of a parcel: 3 m. */
  sideMaxMm: 3_000,
  /** Largest fee, surcharge or declared value: ¥1,000,000. */
  moneyMaxFen: 100_000_000,
  divisorMin: 1_000,
  divisorMax: 30_000,
  zonesMax: 100,
  bandsPerZoneMax: 200,
  nameMax: 60,
  /** Insurance rate at most 100 %, in thousandths of a percent. */
  insuranceMax: 100_000,
} as const;

export const PLATFORMS = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;
export type VolumetricMode = "none" | "full" | "half";
export type BandMode = "flat" | "first_additional";

/** A card's settings in exact units. */
export interface RateSettings {
  /** cm³ per kg (6000, 8000, 12000 …); null = no volumetric weight. */
  divisor: number | null;
  /** 计全抛 full, 计半抛 half (actual + (volumetric − actual) × pct %), or none. */
  volumetric: VolumetricMode;
  /** Integer percent of the excess volumetric weight counted in half mode (1–100). */
  volumetricPct: number;
  /** The chargeable weight is rounded up to this many grams: 1000 or 500. */
  stepG: 1000 | 500;
  /** The first weight of the band counts as the least chargeable weight (至少按首重计). */
  firstWeightMinimum: boolean;
  minimumFen: number;
  remoteSurchargeFen: number;
  /** GB/T 2260 codes of the provinces the surcharge applies to. */
  remoteProvinces: string[];
  /** Share of the declared value charged for insurance, in thousandths of a percent (0.5 % = 500). */
  insuranceMilliPct: number;
  /** The platforms whose orders the card may ship; null = any. */
  platforms: string[] | null;
}

export type Band = { fromG: number; toG: number | null } & (
  | { mode: "flat"; priceFen: number }
  | { mode: "first_additional"; firstG: number; firstFen: number; stepG: number; stepFen: number }
);

export interface Zone {
  name: string;
  /** GB/T 2260 codes. */
  provinces: string[];
  /** Sorted by fromG, contiguous from 0. */
  bands: Band[];
}

/** A validated card, ready to quote. */
export interface RateCard {
  settings: RateSettings;
  zones: Zone[];
  /** Province code → zone index. */
  zoneOf: Map<string, number>;
}

// ---- The file form: `dayclear.rate-card/v1` (also what is stored) --------------------------------

export interface RateBandV1 {
  fromKg: string;
  /** null = no upper bound. */
  toKg: string | null;
  mode: BandMode;
  price?: string;
  firstKg?: string;
  firstFee?: string;
  stepKg?: string;
  stepFee?: string;
}
export interface RateZoneV1 {
  name: string;
  provinces: string[];
  bands: RateBandV1[];
}
export interface RateSettingsV1 {
  divisor: number | null;
  volumetric: VolumetricMode;
  volumetricPct: number | null;
  stepRounding: "1" | "0.5";
  firstWeightMinimum: boolean;
  minimumCharge: string;
  remoteSurcharge: string;
  remoteProvinces: string[];
  /** Percent of the declared value, e.g. "0.5". */
  insuranceRate: string;
  platforms: string[] | null;
}
export interface RateCardV1 {
  format: typeof RATE_CARD_FORMAT;
  /** The carrier's code and the first day (exported; on import the caller's options decide). */
  carrier?: string;
  validFrom?: string;
  settings: RateSettingsV1;
  zones: RateZoneV1[];
}

export const DEFAULT_SETTINGS: RateSettingsV1 = {
  divisor: null,
  volumetric: "none",
  volumetricPct: null,
  stepRounding: "1",
  firstWeightMinimum: false,
  minimumCharge: "0.00",
  remoteSurcharge: "0.00",
  remoteProvinces: [],
  insuranceRate: "0",
  platforms: null,
};

// ---- Exact units ---------------------------------------------------------------------------------

const decimal = (text: string, places: number): number | null => {
  const s = text.normalize("NFKC").trim();
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  let frac = m[2] ?? "";
  if (frac.length > places) {
    if (/[^0]/.test(frac.slice(places))) return null;
    frac = frac.slice(0, places);
  }
  return Number(m[1]) * 10 ** places + Number(frac.padEnd(places, "0") || "0");
};

/** "3", "3.01", "0.5", "2.5kg", "2.5公斤" → grams; null when not a weight with at most 3 decimals. */
export function parseKg(text: string): number | null {
  const s = text
    .normalize("NFKC")
    .trim()
    .replace(/\s*(kg|公斤|千克)$/i, "");
  const g = decimal(s, 3);
  return g !== null && g <= RATE_LIMITS.weightMaxG ? g : null;
}

/** Grams as kg text without trailing zeros: 3000 → "3", 3010 → "3.01", 500 → "0.5". */
export function formatKg(g: number): string {
  const whole = Math.floor(g / 1000);
  const frac = String(g % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A side in cm ("30", "30.5", "30.5cm") → millimetres; null beyond 1 decimal or the longest side. */
export function parseCm(text: string): number | null {
  const mm = decimal(
    text
      .normalize("NFKC")
      .trim()
      .replace(/\s*(cm|厘米)$/i, ""),
    1,
  );
  return mm !== null && mm >= 1 && mm <= RATE_LIMITS.sideMaxMm ? mm : null;
}

/** "30x20x10", "30×20×10", "30*20*10 cm" → millimetres; null when not three sides. */
export function parseDims(
  text: string,
): { lengthMm: number; widthMm: number; heightMm: number } | null {
  const parts = text
    .normalize("NFKC")
    .trim()
    .replace(/\s*(cm|厘米)$/i, "")
    .split(/\s*[x×*X]\s*/);
  if (parts.length !== 3) return null;
  const [l, w, h] = parts.map(parseCm);
  return l && w && h ? { lengthMm: l, widthMm: w, heightMm: h } : null;
}

/** "0.5" (%) → 500 thousandths of a percent; null beyond 3 decimals or 100 %. */
export function parsePercent3(text: string): number | null {
  const v = decimal(text.replace(/%$/, ""), 3);
  return v !== null && v <= RATE_LIMITS.insuranceMax ? v : null;
}
export const formatPercent3 = (v: number): string => formatKg(v);

// ---- Validation ----------------------------------------------------------------------------------

export type BandField =
  "fromKg" | "toKg" | "mode" | "price" | "firstKg" | "firstFee" | "stepKg" | "stepFee";
export type ZoneField = "name" | "provinces";
export type SettingField = keyof RateSettingsV1;

/** Where something of the card sits in its file: a spreadsheet row and the column's header. */
export type Place = { row: number; column: string };
export interface Locator {
  band(zone: number, band: number, field: BandField): Place;
  zone(zone: number, field: ZoneField): Place;
  setting(field: SettingField): Place;
}

/**
 * Places in a card that came as JSON: `row` counts the bands as the CSV form would (the header is
 * row 1, the first zone's first band row 2), `column` is the JSON path.
 */
export function jsonLocator(v1: Pick<RateCardV1, "zones">): Locator {
  const firstRow: number[] = [];
  let row = 2;
  for (const z of v1.zones ?? []) {
    firstRow.push(row);
    row += Math.max(1, Array.isArray(z?.bands) ? z.bands.length : 0);
  }
  return {
    band: (z, b, f) => ({ row: (firstRow[z] ?? 2) + b, column: `zones[${z}].bands[${b}].${f}` }),
    zone: (z, f) => ({ row: firstRow[z] ?? 2, column: `zones[${z}].${f}` }),
    setting: (f) => ({ row: 1, column: `settings.${f}` }),
  };
}

export type Compiled =
  { ok: true; card: RateCard; notCovered: string[] } | { ok: false; problems: Problem[] };

const STEP_G = new Set([500, 1000]);

/**
 * Checks a card and turns it into exact units: every band's numbers, no gap or overlap between the
 * bands of a zone (the first from 0 kg, an open upper bound only last), each province known and in
 * one zone only, consistent settings. Problems carry their place (`locate`); `notCovered` lists the
 * provinces no zone holds (names, by GB/T 2260 order).
 */
export function compileRateCard(
  file: string,
  v1: RateCardV1,
  locate: Locator = jsonLocator(v1),
): Compiled {
  const problems: Problem[] = [];
  const at = (p: Place, code: MessageCode, params: MessageParams = {}) =>
    problems.push({
      file,
      row: p.row,
      column: p.column,
      code,
      params: p.column ? { column: p.column, ...params } : params,
    });

  const settings = compileSettings(v1.settings ?? DEFAULT_SETTINGS, locate, at);
  const zones: Zone[] = [];
  const zoneOf = new Map<string, number>();
  if (!Array.isArray(v1.zones) || v1.zones.length === 0)
    at({ row: 1, column: "" }, "rates.card.no_zones");
  else if (v1.zones.length > RATE_LIMITS.zonesMax)
    at({ row: 1, column: "" }, "rates.card.too_many_zones", { max: RATE_LIMITS.zonesMax });
  else
    v1.zones.forEach((z, zi) => {
      const name = typeof z?.name === "string" ? z.name.trim() : "";
      if (name === "" || name.length > RATE_LIMITS.nameMax)
        at(locate.zone(zi, "name"), "rates.zone.bad_name", { max: RATE_LIMITS.nameMax });
      else if (zones.some((o) => o.name === name))
        at(locate.zone(zi, "name"), "rates.zone.twice", { zone: name });
      const provinces: string[] = [];
      const list = Array.isArray(z?.provinces) ? z.provinces : [];
      if (list.length === 0)
        at(locate.zone(zi, "provinces"), "rates.zone.no_provinces", { zone: name });
      for (const text of list) {
        const p = typeof text === "string" ? findProvince(text) : null;
        if (!p) {
          at(locate.zone(zi, "provinces"), "rates.province.unknown", { value: String(text) });
          continue;
        }
        const other = zoneOf.get(p.code);
        if (other !== undefined && other !== zi)
          at(locate.zone(zi, "provinces"), "rates.province.twice", {
            province: p.name,
            zone: name,
            other: zones[other]?.name ?? v1.zones[other]?.name ?? "",
          });
        else if (other === undefined) {
          zoneOf.set(p.code, zi);
          provinces.push(p.code);
        }
      }
      zones.push({ name, provinces, bands: compileBands(zi, name, z?.bands, locate, at) });
    });
  if (problems.length) return { ok: false, problems };
  const notCovered = PROVINCES.filter((p) => !zoneOf.has(p.code)).map((p) => p.name);
  return { ok: true, card: { settings, zones, zoneOf }, notCovered };
}

type At = (p: Place, code: MessageCode, params?: MessageParams) => void;

function compileSettings(s: RateSettingsV1, locate: Locator, at: At): RateSettings {
  const out: RateSettings = {
    divisor: null,
    volumetric: "none",
    volumetricPct: 100,
    stepG: 1000,
    firstWeightMinimum: s.firstWeightMinimum === true,
    minimumFen: 0,
    remoteSurchargeFen: 0,
    remoteProvinces: [],
    insuranceMilliPct: 0,
    platforms: null,
  };
  if (s.divisor !== null && s.divisor !== undefined) {
    const d = Number(s.divisor);
    if (!Number.isInteger(d) || d < RATE_LIMITS.divisorMin || d > RATE_LIMITS.divisorMax)
      at(locate.setting("divisor"), "rates.setting.divisor", {
        value: String(s.divisor),
        min: RATE_LIMITS.divisorMin,
        max: RATE_LIMITS.divisorMax,
      });
    else out.divisor = d;
  }
  const mode = s.volumetric ?? "none";
  if (mode !== "none" && mode !== "full" && mode !== "half")
    at(locate.setting("volumetric"), "rates.setting.volumetric", { value: String(mode) });
  else {
    out.volumetric = mode;
    if (mode !== "none" && s.divisor == null)
      at(locate.setting("divisor"), "rates.setting.divisor_required", { mode });
    if (mode === "half") {
      const pct = Number(s.volumetricPct);
      if (!Number.isInteger(pct) || pct < 1 || pct > 100)
        at(locate.setting("volumetricPct"), "rates.setting.pct", {
          value: String(s.volumetricPct),
        });
      else out.volumetricPct = pct;
    }
  }
  const step = String(s.stepRounding ?? "1");
  const stepG = parseKg(step);
  if (stepG === null || !STEP_G.has(stepG))
    at(locate.setting("stepRounding"), "rates.setting.step_rounding", { value: step });
  else out.stepG = stepG as 500 | 1000;
  const money = (field: "minimumCharge" | "remoteSurcharge", text: unknown) => {
    const r = parseMoney(String(text ?? "0"));
    if (!r.ok || r.fen < 0 || r.fen > RATE_LIMITS.moneyMaxFen) {
      at(locate.setting(field), "rates.cell.bad_money", { value: String(text) });
      return 0;
    }
    return r.fen;
  };
  out.minimumFen = money("minimumCharge", s.minimumCharge);
  out.remoteSurchargeFen = money("remoteSurcharge", s.remoteSurcharge);
  for (const text of Array.isArray(s.remoteProvinces) ? s.remoteProvinces : []) {
    const p = typeof text === "string" ? findProvince(text) : null;
    if (!p)
      at(locate.setting("remoteProvinces"), "rates.province.unknown", { value: String(text) });
    else if (!out.remoteProvinces.includes(p.code)) out.remoteProvinces.push(p.code);
  }
  const ins = parsePercent3(String(s.insuranceRate ?? "0"));
  if (ins === null)
    at(locate.setting("insuranceRate"), "rates.setting.insurance", {
      value: String(s.insuranceRate),
    });
  else out.insuranceMilliPct = ins;
  if (s.platforms !== null && s.platforms !== undefined) {
    const list = Array.isArray(s.platforms) ? s.platforms : [];
    const bad = list.filter((p) => !(PLATFORMS as readonly string[]).includes(String(p)));
    if (!Array.isArray(s.platforms) || list.length === 0 || bad.length)
      at(locate.setting("platforms"), "rates.setting.platforms", {
        value: bad.map(String).join(",") || "[]",
        allowed: PLATFORMS.join(", "),
      });
    else out.platforms = [...new Set(list.map(String))];
  }
  return out;
}

function compileBands(zi: number, zone: string, raw: unknown, locate: Locator, at: At): Band[] {
  const list = Array.isArray(raw) ? (raw as RateBandV1[]) : [];
  if (list.length === 0) {
    at(locate.zone(zi, "name"), "rates.zone.no_bands", { zone });
    return [];
  }
  if (list.length > RATE_LIMITS.bandsPerZoneMax) {
    at(locate.zone(zi, "name"), "rates.zone.too_many_bands", {
      zone,
      max: RATE_LIMITS.bandsPerZoneMax,
    });
    return [];
  }
  const bands: { band: Band; index: number }[] = [];
  list.forEach((b, bi) => {
    const here = (f: BandField) => locate.band(zi, bi, f);
    let ok = true;
    const kg = (f: "fromKg" | "toKg" | "firstKg" | "stepKg", v: unknown): number => {
      const g =
        v === undefined || v === null || String(v).trim() === "" ? null : parseKg(String(v));
      if (g === null) {
        ok = false;
        at(
          here(f),
          v == null || String(v).trim() === "" ? "rates.cell.required" : "rates.cell.bad_weight",
          {
            value: v == null ? "" : String(v),
          },
        );
        return 0;
      }
      return g;
    };
    const fen = (f: "price" | "firstFee" | "stepFee", v: unknown): number => {
      const text = v == null ? "" : String(v);
      const r = parseMoney(text);
      if (!r.ok || r.fen < 0 || r.fen > RATE_LIMITS.moneyMaxFen) {
        ok = false;
        at(here(f), text.trim() === "" ? "rates.cell.required" : "rates.cell.bad_money", {
          value: text,
        });
        return 0;
      }
      return r.fen;
    };
    const fromG = kg("fromKg", b?.fromKg);
    const open = b?.toKg === null || b?.toKg === undefined || String(b.toKg).trim() === "";
    const toG = open ? null : kg("toKg", b.toKg);
    if (ok && toG !== null && toG <= fromG) {
      ok = false;
      at(here("toKg"), "rates.band.empty", { from: formatKg(fromG), to: formatKg(toG) });
    }
    let band: Band | null = null;
    if (b?.mode === "flat") band = { fromG, toG, mode: "flat", priceFen: fen("price", b.price) };
    else if (b?.mode === "first_additional") {
      const firstG = kg("firstKg", b.firstKg);
      const firstFen = fen("firstFee", b.firstFee);
      const stepG = kg("stepKg", b.stepKg);
      const stepFen = fen("stepFee", b.stepFee);
      if (ok && !STEP_G.has(stepG)) {
        ok = false;
        at(here("stepKg"), "rates.band.step", { value: formatKg(stepG) });
      }
      band = { fromG, toG, mode: "first_additional", firstG, firstFen, stepG, stepFen };
    } else {
      ok = false;
      at(here("mode"), "rates.cell.bad_mode", { value: String(b?.mode ?? "") });
    }
    if (ok && band) bands.push({ band, index: bi });
  });
  if (bands.length !== list.length) return [];
  // In file order the bands of a zone must follow one another: from 0, each from the last one's to.
  let prevTo: number | null = 0;
  for (const { band, index } of bands) {
    const place = locate.band(zi, index, "fromKg");
    if (prevTo === null) {
      at(place, "rates.band.after_open", { zone, from: formatKg(band.fromG) });
      break;
    }
    if (band.fromG > prevTo)
      at(place, index === 0 ? "rates.band.first_not_zero" : "rates.band.gap", {
        zone,
        from: formatKg(prevTo),
        to: formatKg(band.fromG),
      });
    else if (band.fromG < prevTo)
      at(place, "rates.band.overlap", { zone, from: formatKg(band.fromG), to: formatKg(prevTo) });
    prevTo = band.toG;
  }
  return bands.map((b) => b.band);
}

// ---- Back to the file form -----------------------------------------------------------------------

/** The compiled card's settings in the file form (decimal texts, province names). */
export function settingsV1(s: RateSettings): RateSettingsV1 {
  const name = (code: string) => findProvince(code)?.name ?? code;
  return {
    divisor: s.divisor,
    volumetric: s.volumetric,
    volumetricPct: s.volumetric === "half" ? s.volumetricPct : null,
    stepRounding: s.stepG === 500 ? "0.5" : "1",
    firstWeightMinimum: s.firstWeightMinimum,
    minimumCharge: formatMoney(s.minimumFen),
    remoteSurcharge: formatMoney(s.remoteSurchargeFen),
    remoteProvinces: s.remoteProvinces.map(name),
    insuranceRate: formatPercent3(s.insuranceMilliPct),
    platforms: s.platforms,
  };
}

/** The compiled card in the file form, every number written canonically. */
export function cardV1(
  card: RateCard,
  extra: { carrier?: string; validFrom?: string } = {},
): RateCardV1 {
  return {
    format: RATE_CARD_FORMAT,
    ...extra,
    settings: settingsV1(card.settings),
    zones: card.zones.map((z) => ({
      name: z.name,
      provinces: z.provinces.map((c) => findProvince(c)?.name ?? c),
      bands: z.bands.map((b): RateBandV1 => {
        const range = { fromKg: formatKg(b.fromG), toKg: b.toG === null ? null : formatKg(b.toG) };
        return b.mode === "flat"
          ? { ...range, mode: "flat", price: formatMoney(b.priceFen) }
          : {
              ...range,
              mode: "first_additional",
              firstKg: formatKg(b.firstG),
              firstFee: formatMoney(b.firstFen),
              stepKg: formatKg(b.stepG),
              stepFee: formatMoney(b.stepFen),
            };
      }),
    })),
  };
}
