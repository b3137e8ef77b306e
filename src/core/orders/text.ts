// Header matching and the Excel-keeping quirks platforms leave in cells.

/** A header as we compare it: NFKC (full-width → half-width), brackets unified, spaces dropped, lower case. */
export function normalizeHeader(h: string): string {
  return h
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .replace(/[【〔［[]/g, "(")
    .replace(/[】〕］\]]/g, ")")
    .replace(/\s+/g, "")
    .replace(/^"+|"+$/g, "")
    .toLowerCase();
}

/**
 * Strips what spreadsheets and platforms wrap values in: `="123"` and `=""` (Taobao), a leading
 * `'` (phones, zips), a leading tab (PDD, Douyin ids), surrounding spaces. `-`/`--`/`null` are
 * empty when `dashIsEmpty` (Douyin writes `-` for nothing).
 */
export function cleanCell(raw: string | undefined, dashIsEmpty = true): string {
  if (raw === undefined || raw === "") return "";
  // Most cells need nothing: they start with none of BOM, space, tab, `=`, `'`, end without
  // space, and are not dash-like. A cell's first and last characters decide it without regexes.
  const a = raw.charCodeAt(0),
    z = raw.charCodeAt(raw.length - 1);
  const plainStart =
    (a > 0x20 && a < 0x7f && a !== 0x3d && a !== 0x27 && a !== 0x2d && a !== 0x6e && a !== 0x4e) ||
    (a > 0x3000 && a !== 0xfeff);
  const plainEnd = (z > 0x20 && z < 0x7f) || (z > 0x3000 && z !== 0xfeff);
  if (plainStart && plainEnd) return raw;
  let s = raw.replace(/^\uFEFF/, "");
  s = s.replace(/^[\t\s]+|[\t\s]+$/g, "");
  const eq = /^="(.*)"$/s.exec(s);
  if (eq) s = eq[1]!.trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  s = s.replace(/^\t+/, "").trim();
  if (dashIsEmpty && (s === "-" || s === "--" || s.toLowerCase() === "null")) return "";
  return s;
}

/** Taobao writes tracking numbers as `No:SF123…`. */
export const stripTrackingPrefix = (s: string): string =>
  s.replace(/^(?:No|NO|no)\s*[:：]\s*/, "").trim();

/** A cell that a spreadsheet would run as a formula, made inert (CSV/XLSX exports). */
export function neutralizeFormula(s: string): string {
  // A plain number ("-5.00") is data, not a formula, and stays a number.
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Packed WooCommerce cells: `name:Shirt|product_id:12|sku:S-1|quantity:2|total:40.00`. */
export function parsePacked(cell: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of cell.split("|")) {
    const i = part.indexOf(":");
    if (i <= 0) continue;
    out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}
