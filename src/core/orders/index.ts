// Reading order exports: bytes or rows → detected format → canonical orders, refunds, visitors.
import { decodeBytes, looksGarbled, type Encoding } from "./decode.js";
import type { ColumnMapping, Platform } from "./fields.js";
import { joinItems, mappingProfile, parseTable } from "./parse.js";
import { detectProfiles, headerScore, PROFILES, type Profile } from "./profiles.js";
import { csvDelimiter, parseCsv, toTable, type Table } from "./table.js";
import { CsvShape, fileProblem, FileRefused, refusalProblem } from "./read-limits.js";
import { formatName, platformName, problemAt } from "./problems.js";
import { OrderIdentities } from "./identity.js";
import type {
  ImportWarning,
  ParsedFile,
  ParsedOrder,
  ParsedRefund,
  ParsedVisitorDay,
  Problem,
} from "./types.js";

export * from "./fields.js";
export * from "./types.js";
export { decodeBytes, encodeText, type Encoding } from "./decode.js";
export { findProvince, PROVINCES, splitAddress } from "./provinces.js";
export {
  mapStatus,
  ORDER_STATUSES,
  REFUND_STATUSES,
  type OrderStatus,
  type RefundStatus,
} from "./status.js";
export { localDate, parseLocalTime, wallClockText } from "./time.js";
export { cleanCell, neutralizeFormula, normalizeHeader } from "./text.js";
import { normalizeHeader } from "./text.js";
export { PROFILES, detectProfiles, type Profile } from "./profiles.js";
export { csvError, toTable, type Table } from "./table.js";
export {
  CsvShape,
  fileProblem,
  FileRefused,
  problemFields,
  READ_LIMITS,
  ReadBudget,
  refusalProblem,
  refuse,
  type ReadLimits,
} from "./read-limits.js";
export * from "./problems.js";
export {
  isLater,
  OrderIdentities,
  orderState,
  storedUnderOtherName,
  type OrderState,
  type Outcome,
  type Sighting,
} from "./identity.js";

export type ImportFormat = "auto" | Exclude<Platform, "custom"> | `mapping:${string}`;

export interface SourceTable {
  file: string;
  /** Records as read (CSV or the first sheet of an XLSX). */
  records: string[][];
  encoding: Encoding | "xlsx";
  /** Its place among the files of the import (default: its place in the list). */
  index?: number;
}

export interface ParsedImport {
  files: {
    file: string;
    encoding: string;
    platform: Platform;
    kind: string;
    /** The format's profile id (taobao-orders, mapping:NAME …): its name in each language is shop.format.*. */
    profile: string;
    label: string;
    version: string;
    rows: number;
    unknownColumns: string[];
  }[];
  platform: Platform | null;
  orders: ParsedOrder[];
  refunds: ParsedRefund[];
  visitors: ParsedVisitorDay[];
  lineItems: number;
  problems: Problem[];
  warnings: ImportWarning[];
}

/** CSV bytes → records, or a problem (broken quotes, wrong encoding, empty file). */
export function readCsvBytes(
  file: string,
  bytes: Uint8Array,
): { table: SourceTable } | { problem: Problem } {
  if (bytes.length === 0) return { problem: fileProblem(file, "upload.empty") };
  const { text, encoding } = decodeBytes(bytes);
  if (looksGarbled(text)) return { problem: fileProblem(file, "upload.encoding") };
  if (text.trim() === "") return { problem: fileProblem(file, "upload.empty") };
  // Rows, columns, cells and cell lengths are checked before any record is built.
  try {
    const shape = new CsvShape(csvDelimiter(text));
    shape.feed(text);
    shape.end();
  } catch (e) {
    if (e instanceof FileRefused) return { problem: refusalProblem(file, e) };
    throw e;
  }
  const parsed = parseCsv(text);
  if ("error" in parsed) return { problem: { file, ...parsed.error } };
  return { table: { file, records: parsed.records, encoding } };
}

export function chooseProfile(
  table: Table,
  format: ImportFormat,
  file: string,
  mappings: Map<string, ColumnMapping>,
): { profile: Profile; version: string; mapping?: ColumnMapping } | { problem: Problem } {
  const detected = detectProfiles(table.headers);
  if (format.startsWith("mapping:")) {
    const name = format.slice("mapping:".length);
    const mapping = mappings.get(name);
    if (!mapping)
      return { problem: problemAt(file, 1, "", "shop.import.mapping_unknown", { mapping: name }) };
    const profile = mappingProfile(mapping, name);
    const missing = Object.entries(mapping.fields).filter(
      ([, h]) => h && !table.headers.some((x) => x.trim() === h.trim()),
    );
    if (missing.length)
      return {
        problem: problemAt(
          file,
          table.headerRow,
          missing[0]![1]!,
          "shop.import.mapping_column_missing",
          { column: missing[0]![1]!, mapping: name },
        ),
      };
    return { profile, version: "mapping", mapping };
  }
  const best = detected[0];
  if (!best || (format !== "auto" && !detected.some((d) => d.profile.platform === format))) {
    // The closest format by its identifying headers: name the first one that is missing.
    const normalized = table.headers.map(normalizeHeader);
    const candidates = PROFILES.filter(
      (p) => p.kind !== "visitors" && (format === "auto" || p.platform === format),
    );
    let closest: { p: Profile; missing: string[] } | null = null;
    for (const p of candidates) {
      const missing = p.signature.filter((h) => !normalized.includes(normalizeHeader(h)));
      if (
        missing.length < p.signature.length / 2 + (format === "auto" ? 0 : 1) &&
        (!closest || missing.length < closest.missing.length)
      )
        closest = { p, missing };
    }
    if (closest && !(best && format !== "auto")) {
      const [column, ...others] = closest.missing as [string, ...string[]];
      const params = { column, format: formatName(closest.p.id) };
      return {
        problem: others.length
          ? problemAt(file, table.headerRow, column, "shop.import.format_columns_missing", {
              ...params,
              others,
            })
          : problemAt(file, table.headerRow, column, "shop.import.format_column_missing", params),
      };
    }
  }
  if (format === "auto") {
    if (!best) return { problem: problemAt(file, table.headerRow, "", "shop.import.unrecognised") };
    return { profile: best.profile, version: best.version };
  }
  const mine = detected.find((d) => d.profile.platform === format || d.profile.kind === "visitors");
  if (mine) return { profile: mine.profile, version: mine.version };
  const expected = PROFILES.find((p) => p.platform === format && p.kind === "orders");
  return {
    problem: best
      ? problemAt(file, table.headerRow, "", "shop.import.other_format", {
          detected: formatName(best.profile.id),
          chosen: platformName(format),
          platform: platformName(best.profile.platform),
        })
      : problemAt(file, table.headerRow, "", "shop.import.not_format", {
          expected: expected ? formatName(expected.id) : platformName(format),
          headers: expected?.signature ?? [],
        }),
  };
}

/**
 * Parses one import (one or more files of one shop) into canonical records and problems. An order
 * in several files is kept once, in its latest state (identity.ts). `identities`: the import's
 * record of orders when more sources follow (a streamed import); its warnings are then the
 * caller's to give, else they are given here.
 */
export function parseImport(
  sources: SourceTable[],
  opts: {
    format: ImportFormat;
    mappings?: Map<string, ColumnMapping>;
    identities?: OrderIdentities;
  },
): ParsedImport {
  const out: ParsedImport = {
    files: [],
    platform: null,
    orders: [],
    refunds: [],
    visitors: [],
    lineItems: 0,
    problems: [],
    warnings: [],
  };
  const parsed: ParsedFile[] = [];
  const places: number[] = []; // each parsed file's place in the import
  for (const [i, src] of sources.entries()) {
    if (src.records.length === 0) {
      out.problems.push(fileProblem(src.file, "upload.empty"));
      continue;
    }
    const table = toTable(src.records, headerScore);
    const choice = chooseProfile(table, opts.format, src.file, opts.mappings ?? new Map());
    if ("problem" in choice) {
      out.problems.push(choice.problem);
      continue;
    }
    const p = parseTable(table, choice.profile, src.file, {
      mapping: choice.mapping,
      version: choice.version,
    });
    parsed.push(p);
    places.push(src.index ?? i);
    out.files.push({
      file: src.file,
      encoding: src.encoding,
      platform: p.platform,
      kind: p.kind,
      profile: p.profileId,
      label: p.label,
      version: p.version,
      rows: p.rowCount,
      unknownColumns: p.unknownColumns,
    });
    out.problems.push(...p.problems);
    out.warnings.push(...p.warnings);
  }
  const platforms = new Set(parsed.filter((p) => p.kind !== "visitors").map((p) => p.platform));
  if (platforms.size > 1)
    out.problems.push(
      problemAt(undefined, 1, "", "shop.import.platforms_differ", {
        platforms: [...platforms].map(platformName),
      }),
    );
  out.platform = platforms.size === 1 ? [...platforms][0]! : null;
  const identities = opts.identities ?? new OrderIdentities();
  const at = new Map<string, number>(); // order key → its place in out.orders
  for (const [j, p] of parsed.entries()) {
    for (const o of p.orders) {
      const seen = identities.add(o, places[j]!, p.file);
      if (seen.kind === "other_name") out.problems.push(seen.problem);
      else if (seen.kind === "first") {
        at.set(o.orderKey, out.orders.length);
        out.orders.push(o);
      } else if (seen.kind === "later") out.orders[at.get(o.orderKey)!] = o;
    }
    out.refunds.push(...p.refunds);
    out.visitors.push(...p.visitors);
  }
  if (!opts.identities) out.warnings.push(...identities.warnings());
  for (const p of parsed)
    if (p.itemsByOrder.size) {
      if (out.orders.length === 0)
        out.problems.push(problemAt(p.file, 1, "", "shop.import.items_need_orders"));
      out.warnings.push(...joinItems(out.orders, p.itemsByOrder, p.file));
    }
  out.lineItems = out.orders.reduce((s, o) => s + o.items.length, 0);
  return out;
}
