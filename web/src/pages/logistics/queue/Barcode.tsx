// A Code128 barcode of a text (the parcel id on a slip). jsbarcode encodes it (its object
// renderer returns the bars as "1"/"0" modules) and React draws the bars as ONE path: a 2,000-slip
// batch printed 2,000 jsbarcode SVGs of ~100 <rect>s each from 2,000 layout effects before.
import JsBarcode from "jsbarcode";
import { useMemo } from "react";

/** The bars of a text as modules ("1" black, "0" white), or null if Code128 cannot encode it. */
function modules(value: string): string | null {
  const target: { encodings?: { data: string }[] } = {};
  try {
    JsBarcode(target, value, { format: "CODE128" });
  } catch {
    return null;
  }
  return target.encodings?.map((e) => e.data).join("") ?? null;
}

/** An SVG path of the black runs, `unit` px per module, `height` tall. */
function barsPath(bits: string, height: number, unit: number): string {
  const x = (n: number) => Math.round(n * unit * 100) / 100;
  let d = "";
  for (let i = 0; i < bits.length;) {
    if (bits[i] !== "1") {
      i++;
      continue;
    }
    let j = i;
    while (bits[j] === "1") j++;
    d += `M${x(i)} 0H${x(j)}V${height}H${x(i)}z`;
    i = j;
  }
  return d;
}

export function Barcode({
  value,
  height = 40,
  width = 1.2,
}: {
  value: string;
  height?: number;
  width?: number;
}) {
  const bits = useMemo(() => modules(value), [value]);
  const fontSize = 11;
  if (bits === null)
    return (
      <span className="dc-barcode" data-testid="barcode" data-value={value}>
        {value}
      </span>
    );
  const w = bits.length * width;
  return (
    <svg
      className="dc-barcode"
      data-testid="barcode"
      data-value={value}
      width={w}
      height={height + fontSize + 2}
      viewBox={`0 0 ${w} ${height + fontSize + 2}`}
      shapeRendering="crispEdges"
    >
      <path d={barsPath(bits, height, width)} fill="#000" />
      <text
        x={w / 2}
        y={height + fontSize}
        textAnchor="middle"
        fontFamily="monospace"
        fontSize={fontSize}
      >
        {value}
      </text>
    </svg>
  );
}
