// plans 领域 “capacity” 部分的中文文本：键与 plans-capacity.en.ts 完全一致（类型检查保证）。
import type { PLANS_CAPACITY_EN } from "./plans-capacity.en.js";

export const PLANS_CAPACITY_ZH: Record<keyof typeof PLANS_CAPACITY_EN, string> = {
  "plans.file.not_level_key": "必须是等级 1..5，实际为 {got}",
  "plans.file.overtime_not_object": "{path} 必须是对象 {member, date, hours}",
  "plans.file.not_boolean": "必须是 true 或 false，实际为 {got}",
  "plans.efficiency.owner_only": "只有工作区所有者可以设置效率表。",
  "plans.efficiency.stale": "效率表已被他人修改（当前版本 {currentVersion}），请刷新后重试。",
  "plans.efficiency.reference_level":
    "等级 3 是基准，系数固定为 1（其他等级的系数表示相对它的工作速度）。",
  "plans.efficiency.out_of_range": "请输入 {min} 到 {max} 之间的系数。",
  "audit.plans.efficiency_set": "技能等级效率设为 1：{l1}，2：{l2}，3：{l3}，4：{l4}，5：{l5}",
};
