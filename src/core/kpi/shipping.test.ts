import { describe, expect, it } from "vitest";
import { shipOnTime, type ShipRow } from "./shipping.js";

const row = (r: Partial<ShipRow>): ShipRow => ({
  paidAt: "2026-10-01T02:00:00.000Z",
  shippedAt: null,
  promisedShipAt: null,
  status: "shipped",
  windowHours: 48,
  ...r,
});
const NOW = Date.parse("2026-10-10T00:00:00Z");

describe("ship-on-time rate", () => {
  it("counts shipped orders against the promised time, else payment + the shop's window", () => {
    const r = shipOnTime(
      [
        row({ shippedAt: "2026-10-03T02:00:00.000Z" }), // exactly 48 h: on time
        row({ shippedAt: "2026-10-03T02:00:01.000Z" }), // one second late
        row({ shippedAt: "2026-10-02T12:00:00.000Z", promisedShipAt: "2026-10-02T02:00:00.000Z" }), // the platform promised 24 h: late
        row({ shippedAt: "2026-10-02T00:00:00.000Z", windowHours: 24 }), // a 24-hour shop, on time
      ],
      NOW,
    );
    expect(r).toEqual({ due: 4, onTime: 2, late: 2, overdue: 0, rate: 0.5 });
  });

  it("counts unshipped orders past their time as overdue, and leaves out what never had to ship", () => {
    const r = shipOnTime(
      [
        row({ status: "paid" }), // paid 10-01, not shipped by 10-10: overdue
        row({ status: "paid", paidAt: "2026-10-09T12:00:00.000Z" }), // still within its 48 hours: not due yet
        row({ status: "refunded" }), // refunded before shipping: nothing to ship
        row({ status: "cancelled" }),
      ],
      NOW,
    );
    expect(r).toEqual({ due: 1, onTime: 0, late: 0, overdue: 1, rate: 0 });
    expect(shipOnTime([], NOW).rate).toBeNull();
  });
});
