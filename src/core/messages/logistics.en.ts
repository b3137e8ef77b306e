// English texts of the logistics area's message codes (see index.ts). Keys: "logistics.…" or the
// area's own prefixes (rates., parcel., batch., scan., tracking., writeback., bill., …). Each part of
// the module keeps its texts in its own file, spread here.
import { LOGISTICS_RATES_EN } from "./logistics-rates.en.js";
import { LOGISTICS_QUEUE_EN } from "./logistics-queue.en.js";
import { LOGISTICS_SCAN_EN } from "./logistics-scan.en.js";
import { LOGISTICS_COST_EN } from "./logistics-cost.en.js";
import { LOGISTICS_PEOPLE_EN } from "./logistics-people.en.js";

export const LOGISTICS_EN = {
  "logistics.pack_forbidden":
    "Only the people of a logistics department, their leads and the owner pack and ship",
  ...LOGISTICS_RATES_EN,
  ...LOGISTICS_QUEUE_EN,
  ...LOGISTICS_SCAN_EN,
  ...LOGISTICS_COST_EN,
  ...LOGISTICS_PEOPLE_EN,
} as const satisfies Record<string, string>;
