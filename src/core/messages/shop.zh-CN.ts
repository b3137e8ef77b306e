// shop 领域消息代码的中文文本：键与 shop.en.ts 完全一致（类型检查保证）。
import type { SHOP_EN } from "./shop.en.js";

export const SHOP_ZH: Record<keyof typeof SHOP_EN, string> = {};
