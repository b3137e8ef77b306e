// Printing figures next to their targets: "ratio" is measured / target, so ≤ 1 meets a
// "no more than" target.

export interface Figure {
  name: string;
  /** Omitted for a purely textual line. */
  value?: number;
  unit: string;
  /** Upper bound from scheduling.md, if any. */
  target?: number;
  note?: string;
}

export function fmt(v: number, digits = 2): string {
  return Number.isFinite(v) ? v.toFixed(digits) : String(v);
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`);
  for (const f of figures) {
    if (f.value === undefined) {
      console.log(`- ${f.name}: ${f.note ?? ""}`);
      continue;
    }
    const met = f.target !== undefined && f.value <= f.target ? "✓ met" : "✗ NOT met";
    // A zero target (no violations) has no meaningful ratio.
    const ratio =
      f.target === undefined
        ? ""
        : f.target === 0
          ? ` (target 0; ${met})`
          : ` (target ≤ ${fmt(f.target)} ${f.unit}; ratio ${fmt(f.value / f.target)} ${met})`;
    const digits = Number.isInteger(f.value) ? 0 : 2;
    console.log(
      `- ${f.name}: ${fmt(f.value, digits)}${f.unit ? ` ${f.unit}` : ""}${ratio}${f.note ? ` — ${f.note}` : ""}`,
    );
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
