// 请求不符合接口格式时字段错误的中文文本：键与 fields.en.ts 完全一致（类型检查保证）。
import type { FIELDS_EN } from "./fields.en.js";

export const FIELDS_ZH: Record<keyof typeof FIELDS_EN, string> = {
  "field.type.string": "请填写文字。",
  "field.type.number": "请填写数字。",
  "field.type.integer": "请填写整数。",
  "field.type.boolean": "请选择是或否。",
  "field.type.array": "应为一个列表。",
  "field.type.object": "应填写这一项的各个字段。",
  "field.type.other": "这个值的类型不对。",
  "field.too_short": "至少 {min} 个字符。",
  "field.too_long": "最多 {max} 个字符。",
  "field.below_min": "请填写不小于 {min} 的数。",
  "field.above_max": "请填写不大于 {max} 的数。",
  "field.not_above": "请填写大于 {limit} 的数。",
  "field.not_below": "请填写小于 {limit} 的数。",
  "field.multiple_of": "请填写 {step} 的整数倍。",
  "field.bad_format": "格式不对，这一项不能这样填写。",
  "field.not_allowed": "请从给出的选项中选择。",
  "field.too_few": "至少需要 {min} 项。",
  "field.too_many": "最多 {max} 项。",
  "field.duplicate": "每个值只能出现一次。",
  "field.format.email": "请填写有效的邮箱地址。",
  "field.format.date": "请填写日期（YYYY-MM-DD）。",
  "field.format.decimal": "请填写数字，例如 1234.5。",
  "field.format.month": "请填写月份（YYYY-MM）。",
};
