// The colour of each reconciliation status (core/logistics/reconcile.ts): red for money charged
// that should not be, orange for what needs a look, grey for what cannot be compared yet.
import type { BillStatus } from "./costApi";

export const STATUS_COLOR: Record<BillStatus, string> = {
  ok: "green",
  reweighed: "orange",
  overcharged: "red",
  undercharged: "blue",
  unknown: "magenta",
  duplicate: "volcano",
  not_costed: "default",
};
