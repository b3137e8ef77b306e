// PSPLIB 读取器无法读懂 .sm 文件时的中文文本：键与 plans-psplib.en.ts 完全一致（类型检查保证）。
import type { PLANS_PSPLIB_EN } from "./plans-psplib.en.js";

export const PLANS_PSPLIB_ZH: Record<keyof typeof PLANS_PSPLIB_EN, string> = {
  "plans.psplib.no_header": "PSPLIB：缺少“jobs”或“renewable”表头行",
  "plans.psplib.bad_counts": "PSPLIB：工序数或资源数无效",
  "plans.psplib.no_sections":
    "PSPLIB：缺少 PRECEDENCE RELATIONS、REQUESTS/DURATIONS 或 RESOURCEAVAILABILITIES 段",
  "plans.psplib.successor_count": "PSPLIB：第 {line} 行，工序 {job} 应有 {count} 个后继",
  "plans.psplib.successor_unknown": "PSPLIB：第 {line} 行，工序 {job} 的后继 {successor} 不是工序",
  "plans.psplib.precedence_lines": "PSPLIB：应有 {expected} 行紧前关系，只找到 {found} 行",
  "plans.psplib.request_lines": "PSPLIB：应有 {expected} 行资源需求，只找到 {found} 行",
  "plans.psplib.no_availabilities": "PSPLIB：缺少资源可用量",
};
