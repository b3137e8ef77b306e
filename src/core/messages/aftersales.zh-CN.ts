// aftersales 领域消息代码的中文文本：键与 aftersales.en.ts 完全一致（类型检查保证）。
import type { AFTERSALES_EN } from "./aftersales.en.js";

export const AFTERSALES_ZH: Record<keyof typeof AFTERSALES_EN, string> = {};
