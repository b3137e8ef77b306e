// Rate-card files (docs/LOGISTICS.md "Rate card files"): a spreadsheet (CSV/XLSX, GBK or UTF-8)
// with one row per zone band, Chinese or English headers —
//   区域/zone, 省份/provinces (separated by 、 or ,), 起始重量/from_kg, 截止重量/to_kg (empty = no
//   upper bound), 方式/mode (一口价|flat, 首重续重|first_additional), 价格/price, 首重/first_kg,
//   首重费/first_fee, 续重单位/step_kg, 续重费/step_fee
// — or `dayclear.rate-card/v1` JSON, which holds the settings too. Both become a RateCardV1 and a
// Locator (the row and column of everything in it) for compileRateCard; problems carry codes and
// params. And back: the rows of a card for a CSV/XLSX export. Pure: the caller reads the bytes into
// records with the order module's readers.
import type { MessageCode, MessageParams } from "../messages/index.js";
import { findColumn } from "../orders/profiles.js";
import { toTable } from "../orders/table.js";
import { cleanCell, normalizeHeader } from "../orders/text.js";
import type { Problem } from "../orders/types.js";
import {
  DEFAULT_SETTINGS,
  jsonLocator,
  RATE_CARD_FORMAT,
  type BandField,
  type BandMode,
  type Locator,
  type RateBandV1,
  type RateCardV1,
  type RateSettingsV1,
  type RateZoneV1,
} from "./rate-card.js";

export type RateColumn = "zone" | "provinces" | BandField;

/** Header aliases per column, compared after normalizeHeader (NFKC, brackets, spaces, case). */
export const RATE_COLUMNS: Record<RateColumn, readonly string[]> = {
  zone: ["区域", "zone", "分区", "区域名称", "地区"],
  provinces: ["省份", "provinces", "province", "目的省份", "目的地", "省份列表"],
  fromKg: ["起始重量", "from_kg", "起始重量(kg)", "重量起", "from"],
  toKg: ["截止重量", "to_kg", "截止重量(kg)", "重量止", "to"],
  mode: ["方式", "mode", "计价方式"],
  price: ["价格", "price", "一口价", "价格(元)"],
  firstKg: ["首重", "first_kg", "首重(kg)"],
  firstFee: ["首重费", "first_fee", "首重价格", "首重费用", "首重费(元)"],
  stepKg: ["续重单位", "step_kg", "续重单位(kg)", "续重步长"],
  stepFee: ["续重费", "step_fee", "续重价格", "续重费用", "续重费(元)"],
};
const REQUIRED: readonly RateColumn[] = ["zone", "provinces", "fromKg", "toKg"];

/** The headers of an export, in the reader's language (both read back). */
export const RATE_HEADERS: Record<"zh-CN" | "en", Record<RateColumn, string>> = {
  "zh-CN": {
    zone: "区域",
    provinces: "省份",
    fromKg: "起始重量",
    toKg: "截止重量",
    mode: "方式",
    price: "价格",
    firstKg: "首重",
    firstFee: "首重费",
    stepKg: "续重单位",
    stepFee: "续重费",
  },
  en: {
    zone: "zone",
    provinces: "provinces",
    fromKg: "from_kg",
    toKg: "to_kg",
    mode: "mode",
    price: "price",
    firstKg: "first_kg",
    firstFee: "first_fee",
    stepKg: "step_kg",
    stepFee: "step_fee",
  },
};
const ORDER: readonly RateColumn[] = [
  "zone",
  "provinces",
  "fromKg",
  "toKg",
  "mode",
  "price",
  "firstKg",
  "firstFee",
  "stepKg",
  "stepFee",
];

const MODES: Record<string, BandMode> = {
  一口价: "flat",
  flat: "flat",
  固定价: "flat",
  首重续重: "first_additional",
  "首重+续重": "first_additional",
  首续重: "first_additional",
  first_additional: "first_additional",
  "first+additional": "first_additional",
};

/** How many rate-card columns a header row holds (picks the header among the first rows). */
export function rateHeaderScore(headers: string[]): number {
  const normalized = headers.map(normalizeHeader);
  return Object.values(RATE_COLUMNS).filter((a) => findColumn(normalized, a) >= 0).length;
}

export const splitProvinces = (cell: string): string[] =>
  cell
    .split(/[、,，;；/|\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

export type ReadCard =
  { ok: true; card: RateCardV1; locate: Locator } | { ok: false; problems: Problem[] };

/**
 * A spreadsheet's records (CSV or the first XLSX sheet) as a card with `settings`: zones in the
 * order they first appear, a zone's bands in row order. A zone's provinces are given on its first
 * row; a later row of the zone repeats them or leaves the cell empty.
 */
export function readRateCardRecords(
  file: string,
  records: string[][],
  settings: RateSettingsV1 = DEFAULT_SETTINGS,
): ReadCard {
  const table = toTable(records, rateHeaderScore);
  const normalized = table.headers.map(normalizeHeader);
  const cols = new Map<RateColumn, number>();
  for (const c of ORDER) {
    const i = findColumn(normalized, RATE_COLUMNS[c]);
    if (i >= 0) cols.set(c, i);
  }
  const missing = REQUIRED.filter((c) => !cols.has(c));
  if (missing.length)
    return {
      ok: false,
      problems: [
        {
          file,
          row: table.headerRow,
          column: "",
          code: "rates.card.missing_columns",
          params: {
            columns: missing.map((c) => `${RATE_HEADERS["zh-CN"][c]}/${RATE_HEADERS.en[c]}`),
          },
        },
      ],
    };
  const header = (c: RateColumn) => {
    const i = cols.get(c);
    return i === undefined ? RATE_HEADERS["zh-CN"][c] : table.headers[i]!.trim();
  };
  const problems: Problem[] = [];
  const problem = (row: number, c: RateColumn, code: MessageCode, params: MessageParams = {}) => {
    const column = header(c);
    problems.push({ file, row, column, code, params: { column, ...params } });
  };

  const zones: RateZoneV1[] = [];
  const zoneRows: number[] = [];
  const bandRows: number[][] = [];
  const byName = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const get = (c: RateColumn) => {
      const i = cols.get(c);
      return i === undefined ? "" : cleanCell(cells[i]);
    };
    const name = get("zone");
    if (name === "") {
      problem(row, "zone", "rates.cell.required");
      continue;
    }
    const provinces = splitProvinces(get("provinces"));
    let zi = byName.get(name);
    if (zi === undefined) {
      zi = zones.length;
      byName.set(name, zi);
      zones.push({ name, provinces, bands: [] });
      zoneRows.push(row);
      bandRows.push([]);
    } else if (provinces.length && provinces.join("、") !== zones[zi]!.provinces.join("、")) {
      problem(row, "provinces", "rates.zone.settings_differ", { zone: name });
    }
    const price = get("price");
    const modeText = get("mode");
    let mode: BandMode | undefined =
      MODES[modeText.normalize("NFKC").replace(/\s+/g, "").toLowerCase()];
    if (modeText === "") mode = price !== "" ? "flat" : "first_additional";
    if (mode === undefined) {
      problem(row, "mode", "rates.cell.bad_mode", { value: modeText });
      continue;
    }
    const to = get("toKg");
    const band: RateBandV1 =
      mode === "flat"
        ? { fromKg: get("fromKg"), toKg: to === "" ? null : to, mode, price }
        : {
            fromKg: get("fromKg"),
            toKg: to === "" ? null : to,
            mode,
            firstKg: get("firstKg"),
            firstFee: get("firstFee"),
            stepKg: get("stepKg"),
            stepFee: get("stepFee"),
          };
    zones[zi]!.bands.push(band);
    bandRows[zi]!.push(row);
  }
  if (problems.length) return { ok: false, problems };
  const locate: Locator = {
    band: (z, b, f) => ({ row: bandRows[z]?.[b] ?? table.headerRow, column: header(f) }),
    zone: (z, f) => ({
      row: zoneRows[z] ?? table.headerRow,
      column: header(f === "name" ? "zone" : "provinces"),
    }),
    setting: (f) => ({ row: 1, column: `settings.${f}` }),
  };
  return { ok: true, card: { format: RATE_CARD_FORMAT, settings, zones }, locate };
}

const str = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "number" ? String(v) : String(v);

/** A `dayclear.rate-card/v1` JSON text as a card (numbers may be JSON numbers or decimal texts). */
export function readRateCardJson(file: string, text: string): ReadCard {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          file,
          row: 1,
          column: "",
          code: "rates.card.bad_json",
          params: { reason: (e as Error).message.slice(0, 200) },
        },
      ],
    };
  }
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  if (o.format !== RATE_CARD_FORMAT)
    return {
      ok: false,
      problems: [
        {
          file,
          row: 1,
          column: "format",
          code: "rates.card.bad_format",
          params: { value: String(o.format ?? "") },
        },
      ],
    };
  const s = (typeof o.settings === "object" && o.settings !== null ? o.settings : {}) as Record<
    string,
    unknown
  >;
  const settings: RateSettingsV1 = {
    divisor: s.divisor === null || s.divisor === undefined ? null : (s.divisor as number),
    volumetric: (s.volumetric ?? "none") as RateSettingsV1["volumetric"],
    volumetricPct: s.volumetricPct === undefined ? null : (s.volumetricPct as number | null),
    stepRounding: (str(s.stepRounding) ?? "1") as RateSettingsV1["stepRounding"],
    firstWeightMinimum: s.firstWeightMinimum === true,
    minimumCharge: str(s.minimumCharge) ?? "0",
    remoteSurcharge: str(s.remoteSurcharge) ?? "0",
    remoteProvinces: Array.isArray(s.remoteProvinces) ? s.remoteProvinces.map(String) : [],
    insuranceRate: str(s.insuranceRate) ?? "0",
    platforms: Array.isArray(s.platforms)
      ? s.platforms.map(String)
      : s.platforms === undefined || s.platforms === null
        ? null
        : [],
  };
  const zones: RateZoneV1[] = (Array.isArray(o.zones) ? o.zones : []).map((z: unknown) => {
    const zo = (typeof z === "object" && z !== null ? z : {}) as Record<string, unknown>;
    return {
      name: typeof zo.name === "string" ? zo.name : "",
      provinces: Array.isArray(zo.provinces)
        ? zo.provinces.map(String)
        : typeof zo.provinces === "string"
          ? splitProvinces(zo.provinces)
          : [],
      bands: (Array.isArray(zo.bands) ? zo.bands : []).map((b: unknown) => {
        const bo = (typeof b === "object" && b !== null ? b : {}) as Record<string, unknown>;
        const band: RateBandV1 = {
          fromKg: str(bo.fromKg) ?? "",
          toKg: str(bo.toKg),
          mode: bo.mode as BandMode,
        };
        for (const k of ["price", "firstKg", "firstFee", "stepKg", "stepFee"] as const) {
          const v = str(bo[k]);
          if (v !== null) band[k] = v;
        }
        return band;
      }),
    };
  });
  const card: RateCardV1 = {
    format: RATE_CARD_FORMAT,
    ...(typeof o.carrier === "string" ? { carrier: o.carrier } : {}),
    ...(typeof o.validFrom === "string" ? { validFrom: o.validFrom } : {}),
    settings,
    zones,
  };
  return { ok: true, card, locate: jsonLocator(card) };
}

/** Whether a file is the JSON form: named .json, or its first character (after a BOM and spaces) a brace. */
export function isRateCardJson(file: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(file)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x7b;
}

/** The card as spreadsheet rows (header first) with headers in the language; modes as the header's language writes them. */
export function rateCardRows(card: RateCardV1, locale: "zh-CN" | "en"): string[][] {
  const h = RATE_HEADERS[locale];
  const modeName = (m: BandMode) =>
    locale === "zh-CN" ? (m === "flat" ? "一口价" : "首重续重") : m;
  const sep = locale === "zh-CN" ? "、" : ",";
  const rows: string[][] = [ORDER.map((c) => h[c])];
  for (const z of card.zones)
    for (const b of z.bands)
      rows.push([
        z.name,
        z.provinces.join(sep),
        b.fromKg,
        b.toKg ?? "",
        modeName(b.mode),
        b.price ?? "",
        b.firstKg ?? "",
        b.firstFee ?? "",
        b.stepKg ?? "",
        b.stepFee ?? "",
      ]);
  return rows;
}

/** What an import may set beside the file (the CLI's flags, the API's query). */
export interface RateImportOptions {
  /** cm³ per kg, or null for none. */
  divisor?: number | null;
  /** "none", "full" or "half:PCT" (计全抛 / 计半抛). */
  volumetric?: string;
  stepRounding?: "1" | "0.5";
}

/**
 * The file's settings with the options laid over them. A divisor without a volumetric mode counts
 * in full; "half:50" is half with 50 %. An option that is not understood is left to compileRateCard
 * to refuse with its place (settings.volumetric).
 */
export function withOptions(s: RateSettingsV1, o: RateImportOptions): RateSettingsV1 {
  const out = { ...s };
  if (o.divisor !== undefined) out.divisor = o.divisor;
  if (o.volumetric !== undefined) {
    const m = /^(none|full|half)(?::(\d+(?:\.\d+)?)%?)?$/i.exec(o.volumetric.trim());
    if (!m) out.volumetric = o.volumetric as RateSettingsV1["volumetric"];
    else {
      out.volumetric = m[1]!.toLowerCase() as RateSettingsV1["volumetric"];
      out.volumetricPct =
        out.volumetric === "half" ? (m[2] === undefined ? null : Number(m[2])) : null;
    }
  } else if (o.divisor !== undefined && o.divisor !== null && out.volumetric === "none")
    out.volumetric = "full";
  if (o.divisor === null && o.volumetric === undefined) out.volumetric = "none";
  if (o.stepRounding !== undefined) out.stepRounding = o.stepRounding;
  return out;
}
