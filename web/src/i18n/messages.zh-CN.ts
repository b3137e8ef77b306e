// 服务器消息代码的中文文本（见 messages.ts）。键与 messages.en.ts 保持一致。
export const MESSAGES_ZH: Record<string, string> = {
  "goal.finalize_early": "{cycle} 到 {endDate} 才结束。现在确定会按今天的实际值固定得分；确认后才能提前确定。",
  "pay.month_locked": "{month} 已关账：{period} 的薪酬核算已锁定，其工资单基于当月数据。更正请在之后的核算中以调整项发放。",
  "import.month_locked": "未导入任何数据：{file} 第 {row} 行会改动已关账的 {month}（{period} 的薪酬核算已锁定）。",
  "pay.inputs_missing": "{period} 薪酬核算还缺 {count} 项输入；请填写并重新计算后再锁定。",
  "rights.operations_required": "只有所有者和职能为“运营”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.customer_service_required": "只有所有者和职能为“客服”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.owner_sets_function": "只有所有者可以设置或更改部门职能（决定其负责人能做什么）。",
  "date.out_of_range": "请填写 {min} 至 {max} 之间的日期。",
  "range.too_long": "一次最多选择 {maxDays} 天。",
  "range.reversed": "结束日期早于开始日期。",
  "text.forbidden_character": "请删除不可见字符 {character}，它无法保存。",
};
