// English texts of the aftersales area's message codes (see index.ts). Keys: "aftersales.…" or the
// area's own prefixes (case., …). Each part of the area keeps its texts in its own file, spread here.
import { AFTERSALES_CARE_EN } from "./aftersales-care.en.js";
import { AFTERSALES_CASES_EN } from "./aftersales-cases.en.js";
import { AFTERSALES_CORE_EN } from "./aftersales-core.en.js";
import { AFTERSALES_KPI_EN } from "./aftersales-kpi.en.js";
import { AFTERSALES_ROUTING_EN } from "./aftersales-routing.en.js";

export const AFTERSALES_EN = {
  ...AFTERSALES_CASES_EN,
  ...AFTERSALES_CARE_EN,
  ...AFTERSALES_CORE_EN,
  ...AFTERSALES_KPI_EN,
  ...AFTERSALES_ROUTING_EN,
} as const satisfies Record<string, string>;
