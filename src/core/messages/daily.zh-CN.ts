// daily 领域消息代码的中文文本：键与 daily.en.ts 完全一致（类型检查保证）。
import type { DAILY_EN } from "./daily.en.js";

export const DAILY_ZH: Record<keyof typeof DAILY_EN, string> = {};
