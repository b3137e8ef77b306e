// plans 领域消息代码的中文文本：键与 plans.en.ts 完全一致（类型检查保证）。
import type { PLANS_EN } from "./plans.en.js";

export const PLANS_ZH: Record<keyof typeof PLANS_EN, string> = {};
