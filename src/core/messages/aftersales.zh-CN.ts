// aftersales 领域消息代码的中文文本：键与 aftersales.en.ts 完全一致（类型检查保证）。各部分的文本在各自的文件里。
import type { AFTERSALES_EN } from "./aftersales.en.js";
import { AFTERSALES_CARE_ZH } from "./aftersales-care.zh-CN.js";
import { AFTERSALES_CASES_ZH } from "./aftersales-cases.zh-CN.js";
import { AFTERSALES_CORE_ZH } from "./aftersales-core.zh-CN.js";
import { AFTERSALES_KPI_ZH } from "./aftersales-kpi.zh-CN.js";
import { AFTERSALES_ROUTING_ZH } from "./aftersales-routing.zh-CN.js";

export const AFTERSALES_ZH: Record<keyof typeof AFTERSALES_EN, string> = {
  ...AFTERSALES_CASES_ZH,
  ...AFTERSALES_CARE_ZH,
  ...AFTERSALES_CORE_ZH,
  ...AFTERSALES_KPI_ZH,
  ...AFTERSALES_ROUTING_ZH,
};
