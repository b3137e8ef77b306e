// 工作区“技能等级效率表”（设置）的中文文本，键与 efficiency.en.ts 相同。
import type { efficiencyEn } from "./efficiency.en";

export const efficiencyZhCN: Record<keyof typeof efficiencyEn, string> = {
  "efficiency.title": "技能等级效率",
  "efficiency.intro":
    "各等级相对等级 3 的工作速度：任务用时 = 工作量 ÷ 负责人在该技能上等级的系数（等级 5 为 1.25 时，10 小时的工作量 8 小时做完）。全部为 1 时计划不变。",
  "efficiency.level": "等级 {level}",
  "efficiency.reference": "基准：固定为 1",
  "efficiency.hours": "10 小时工作量：{hours} 小时",
  "efficiency.neutral": "各等级都是 1：排期不考虑效率差别。",
  "efficiency.ownerOnly": "只有所有者可以修改此表；所有人的计划都按它排期。",
  "efficiency.saved": "已保存：计划已按这些系数重新排期。",
  "efficiency.reset": "全部设为 1",
};
