// daily 领域消息代码的中文文本：键与 daily.en.ts 完全一致（类型检查保证）。
import type { DAILY_EN } from "./daily.en.js";

export const DAILY_ZH: Record<keyof typeof DAILY_EN, string> = {
  // daily.today.…（今天：日程、工时、事项）、daily.note.…（笔记）、daily.duty.…（值班）
  "daily.today.not_overseen": "只能查看自己的日程；主管可以查看本部门成员的日程。",
  "daily.today.entity.member": "成员",
  "daily.today.entity.task": "任务",
  "daily.today.entity.item": "事项",
  "daily.today.not_found": "该{what}不存在（可能已被删除，或属于其他工作区）。",
  "daily.today.item_stale": "该事项已在别处修改（当前版本 {currentVersion}），请刷新后再试。",
  "daily.today.task_not_scheduled":
    "这个任务不在你的排程里：只能汇报指派给你、排给你或你记过工时的任务。",
  "daily.today.log_task_or_item": "工时要记在一个任务或一个事项上，二者选一。",
  "daily.today.log_future": "还没到的日子不能记工时。",
  "daily.today.log_too_old": "只能补记最近 {days} 天的工时。",
  "daily.today.day_too_long": "这样一天的工时会超过 {max} 小时。",
  "daily.note.not_found": "该笔记不存在（可能已被删除，或你无权查看）。",
  "daily.note.stale": "该笔记已在别处修改（当前版本 {currentVersion}），请刷新后再试。",
  "daily.note.author_edits": "只有作者可以修改笔记。",
  "daily.note.author_deletes": "只有作者或工作区所有者可以删除笔记。",
  "daily.note.day_target": "日期笔记要关联到一个日期，格式为 YYYY-MM-DD。",
  "daily.note.no_task": "本工作区没有这个任务。",
  "daily.note.no_plan": "本工作区没有这个计划。",
  "daily.duty.not_found": "该值班不存在（可能已被删除，或属于其他工作区）。",
  "daily.duty.ends_before_start": "值班的结束时间必须晚于开始时间。",
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
