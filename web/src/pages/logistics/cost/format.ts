// How the cost pages show the server's figures: yuan as "¥1,234.50" from its decimal text (never
// recomputed), ratios as percentages, grams as kilograms.

/** The server's decimal text ("1234.50", "-0.20") as yuan with thousands separators. */
export function yuan(s: string | null | undefined): string {
  if (s === null || s === undefined) return "—";
  const neg = s.startsWith("-");
  const [whole, frac = "00"] = (neg ? s.slice(1) : s).split(".");
  return `${neg ? "-" : ""}¥${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** A ratio (0.038) as "3.80%"; "—" when there is none. */
export const percent = (r: number | null | undefined): string =>
  r === null || r === undefined ? "—" : `${(r * 100).toFixed(2)}%`;

/** Grams as kilograms with up to three decimals ("1.25 kg"). */
export const kg = (g: number | null | undefined): string =>
  g === null || g === undefined ? "—" : `${(g / 1000).toFixed(3).replace(/\.?0+$/, "")} kg`;
