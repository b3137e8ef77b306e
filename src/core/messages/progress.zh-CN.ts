// progress 领域消息代码的中文文本：键与 progress.en.ts 完全一致（类型检查保证）。
import type { PROGRESS_EN } from "./progress.en.js";

export const PROGRESS_ZH: Record<keyof typeof PROGRESS_EN, string> = {};
