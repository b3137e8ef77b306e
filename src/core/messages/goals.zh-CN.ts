// goals 领域消息代码的中文文本：键与 goals.en.ts 完全一致（类型检查保证）。
import type { GOALS_EN } from "./goals.en.js";

export const GOALS_ZH: Record<keyof typeof GOALS_EN, string> = {};
