// Ship-on-time rate (发货及时率): of the paid orders that had to ship — they shipped, or their
// ship-by time has passed — the share shipped by that time. The ship-by time is the one the
// platform promised the buyer (承诺发货时间) when the export has it, else payment + the shop's
// dispatch window (48 hours unless set). Orders cancelled or refunded before shipping had nothing
// to ship and are not counted; an unshipped order past its time counts as late (overdue).

export interface ShipRow {
  paidAt: string;
  shippedAt: string | null;
  promisedShipAt: string | null;
  status: string;
  windowHours: number;
}

export interface ShipOnTime {
  /** Orders that had to ship by now. */
  due: number;
  onTime: number;
  /** Shipped after the ship-by time. */
  late: number;
  /** Not shipped and past the ship-by time. */
  overdue: number;
  /** onTime ÷ due; null when nothing was due. */
  rate: number | null;
}

export const shipBy = (r: Pick<ShipRow, "paidAt" | "promisedShipAt" | "windowHours">): number =>
  r.promisedShipAt
    ? Date.parse(r.promisedShipAt)
    : Date.parse(r.paidAt) + r.windowHours * 3_600_000;

export function shipOnTime(rows: Iterable<ShipRow>, now: number): ShipOnTime {
  let due = 0,
    onTime = 0,
    late = 0,
    overdue = 0;
  for (const r of rows) {
    const by = shipBy(r);
    if (r.shippedAt) {
      due++;
      if (Date.parse(r.shippedAt) <= by) onTime++;
      else late++;
    } else if (r.status !== "cancelled" && r.status !== "refunded" && by < now) {
      due++;
      overdue++;
    }
  }
  return { due, onTime, late, overdue, rate: due === 0 ? null : onTime / due };
}
