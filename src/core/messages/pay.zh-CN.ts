// pay 领域消息代码的中文文本：键与 pay.en.ts 完全一致（类型检查保证）。
import type { PAY_EN } from "./pay.en.js";

export const PAY_ZH: Record<keyof typeof PAY_EN, string> = {};
