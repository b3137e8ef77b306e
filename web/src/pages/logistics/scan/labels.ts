// What each pack-station outcome is called (the stop banner's title, the recent scans' tags).
import type { Translate } from "../../../i18n";
import type { ScanOutcome } from "./scanApi";

const KEYS = {
  ok: "logistics.scan.outcome.ok",
  unknown: "logistics.scan.outcome.unknown",
  ambiguous: "logistics.scan.outcome.ambiguous",
  wrong_parcel: "logistics.scan.outcome.wrong_parcel",
  already_shipped: "logistics.scan.outcome.already_shipped",
  refunded: "logistics.scan.outcome.refunded",
  cancelled: "logistics.scan.outcome.cancelled",
  unpaid: "logistics.scan.outcome.unpaid",
  invalid: "logistics.scan.outcome.invalid",
  carrier_needed: "logistics.scan.outcome.carrier_needed",
  already_received: "logistics.scan.outcome.already_received",
  return_refused: "logistics.scan.outcome.return_refused",
} as const satisfies Record<ScanOutcome, string>;

export const outcomeLabel = (t: Translate, o: ScanOutcome): string => t(KEYS[o]);
