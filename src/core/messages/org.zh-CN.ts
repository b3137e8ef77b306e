// org 领域消息代码的中文文本：键与 org.en.ts 完全一致（类型检查保证）。
import type { ORG_EN } from "./org.en.js";

export const ORG_ZH: Record<keyof typeof ORG_EN, string> = {};
