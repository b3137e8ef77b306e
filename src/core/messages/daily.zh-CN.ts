// daily 领域消息代码的中文文本：键与 daily.en.ts 完全一致（类型检查保证）。
import type { DAILY_EN } from "./daily.en.js";

export const DAILY_ZH: Record<keyof typeof DAILY_EN, string> = {
  // daily.report.…（日报）
  "daily.report.own_only": "日报只能由本人填写。",
  "daily.report.today_only": "日报只能写当天（{today}）的。",
  "daily.report.stale": "这份日报已在别处修改（当前版本 {currentVersion}），请刷新后再试。",
  "daily.report.already_submitted": "这份日报已经提交了。",
  "daily.report.reasons_required": "请为每项未完成的任务写明原因。",
  "daily.report.reason_required": "「{task}」为什么没有完成？",
  "daily.report.not_found": "该成员 {date} 还没有日报。",
  "daily.report.ack_own": "日报由审阅人确认，不能确认自己的日报。",
  "daily.report.nudge_self": "不能催自己：你的日报在“日报”页填写。",
  "daily.report.metric.gmv": "成交额（GMV）",
  "daily.report.metric.paid_orders": "支付订单",
  "daily.report.metric.aov": "客单价",
  "daily.report.metric.conversion": "支付转化率",
  "daily.report.metric.refund_rate": "退款率",
  // daily.feed.…（日历订阅）
  "daily.feed.not_found": "该日历链接不存在：已被撤销或更换。",
  "daily.feed.calendar_name": "Dayclear：{member}",
  "daily.feed.event_summary": "{task}（{hours} 小时）",
  // notification.…（通知）
  "notification.not_found": "该通知不存在。",
  "notification.text": "{text}",
  "notification.report.comment": "你 {date} 的日报有新点评",
  "notification.report.nudge": "请提交今天（{date}）的日报",
  "notification.report.nudge_body": "{name}，负责人在等你的日报。",
};
