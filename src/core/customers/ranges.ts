// What an RFM score stands for in values, as the web's cut-off table and the CLI print it: a
// compact range, or none when the score's cut-offs tie (nobody can have it).
export interface Range {
  atLeast?: number | null;
  lessThan?: number | null;
  moreThan?: number | null;
  atMost?: number | null;
}

/** A score no value can have: its cut-offs tie (many customers with one order make F's 2 and 3 empty). */
export function emptyRange(r: Range): boolean {
  if (r.atLeast != null && r.lessThan != null) return r.atLeast >= r.lessThan;
  if (r.moreThan != null && r.atMost != null) return r.atMost <= r.moreThan;
  return false;
}

/** A score's values compactly: R "≥10 <30", F and M ">1 ≤2" (an open end left out). */
export function rangeText(r: Range, value: (n: number) => string = String): string {
  return [
    r.atLeast != null ? `≥${value(r.atLeast)}` : "",
    r.lessThan != null ? `<${value(r.lessThan)}` : "",
    r.moreThan != null ? `>${value(r.moreThan)}` : "",
    r.atMost != null ? `≤${value(r.atMost)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
