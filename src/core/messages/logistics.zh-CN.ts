// logistics 领域消息代码的中文文本：键与 logistics.en.ts 完全一致（类型检查保证）。
import type { LOGISTICS_EN } from "./logistics.en.js";

export const LOGISTICS_ZH: Record<keyof typeof LOGISTICS_EN, string> = {};
