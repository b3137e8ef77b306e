// `dayclear whatif` 的中文文本：键与 plans-whatif-cli.en.ts 完全一致（类型检查保证）。
import type { PLANS_WHATIF_CLI_EN } from "./plans-whatif-cli.en.js";

export const PLANS_WHATIF_CLI_ZH: Record<keyof typeof PLANS_WHATIF_CLI_EN, string> = {
  "plans.whatif.cli.head_late": "{file}：预测完成 {finish}，截止 {deadline}：晚 {days} 个工作日。",
  "plans.whatif.cli.head_on_time": "{file}：预测完成 {finish}，截止 {deadline}：按时。",
  "plans.whatif.cli.options": "纠偏方案（完成最早的在前）：",
  "plans.whatif.cli.no_options": "没有可提出的纠偏方案。",
  "plans.whatif.cli.kind.add_person": "换人",
  "plans.whatif.cli.kind.experienced": "更资深的人",
  "plans.whatif.cli.kind.cut_scope": "削减范围",
  "plans.whatif.cli.kind.fast_track": "快速跟进",
  "plans.whatif.cli.kind.overtime": "加班",
  "plans.whatif.cli.finish": "完成 {finish}",
  "plans.whatif.cli.gained": "提前 {days} 个工作日",
  "plans.whatif.cli.lost": "推迟 {days} 个工作日",
  "plans.whatif.cli.unchanged": "没有提前",
  "plans.whatif.cli.meets": "赶上截止日期",
  "plans.whatif.cli.misses": "仍然晚",
  "plans.whatif.cli.cost": "转移 {hours} 小时，加班 {overtime} 小时",
  "plans.whatif.cli.try_only": "仅试算：不是计划修改",
  "plans.whatif.cli.risk": "风险：{risk}",
  "plans.whatif.cli.affected": "工作日安排有变的人：{members}",
  "plans.whatif.cli.best": "最佳组合（方案 {options}）：",
  "plans.whatif.cli.no_best": "没有能让完成提前的组合。",
  "plans.whatif.cli.notes": "说明：",
  "plans.whatif.cli.no_deadline":
    "{file} 中没有任务截止日期：请用 --deadline YYYY-MM-DD 给出要赶上的日期",
  "plans.whatif.cli.not_team": "{file} 是抽象（RCPSP）计划：纠偏方案需要有人员和技能的团队计划",
};
