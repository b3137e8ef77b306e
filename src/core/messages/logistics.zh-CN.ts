// logistics 领域消息代码的中文文本：键与 logistics.en.ts 完全一致（类型检查保证）。
import type { LOGISTICS_EN } from "./logistics.en.js";
import { LOGISTICS_RATES_ZH } from "./logistics-rates.zh-CN.js";
import { LOGISTICS_QUEUE_ZH } from "./logistics-queue.zh-CN.js";
import { LOGISTICS_SCAN_ZH } from "./logistics-scan.zh-CN.js";
import { LOGISTICS_COST_ZH } from "./logistics-cost.zh-CN.js";
import { LOGISTICS_PEOPLE_ZH } from "./logistics-people.zh-CN.js";

export const LOGISTICS_ZH: Record<keyof typeof LOGISTICS_EN, string> = {
  "logistics.pack_forbidden": "只有物流部门的成员、其负责人和店主可以打包发货",
  ...LOGISTICS_RATES_ZH,
  ...LOGISTICS_QUEUE_ZH,
  ...LOGISTICS_SCAN_ZH,
  ...LOGISTICS_COST_ZH,
  ...LOGISTICS_PEOPLE_ZH,
};
