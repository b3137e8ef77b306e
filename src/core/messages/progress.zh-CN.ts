// progress 领域消息代码的中文文本：键与 progress.en.ts 完全一致（类型检查保证）。
import type { PROGRESS_EN } from "./progress.en.js";

export const PROGRESS_ZH: Record<keyof typeof PROGRESS_EN, string> = {
  "progress.slip.baseline":
    "预测完成日 {forecast} 比基线完成日 {baselineFinish} 晚 {days} 个工作日",
  "progress.slip.deadline": "预测完成日 {forecast} 比截止日 {deadline} 晚 {days} 个工作日",
  "progress.cause.started_late":
    "「{task}」{start} 才开始，计划 {plannedStart} 开始：{days} 个工作日",
  "progress.cause.started_late_not_yet":
    "「{task}」尚未开始：计划 {plannedStart} 开始，现排在 {start}：{days} 个工作日",
  "progress.cause.dependency_added":
    "「{task}」现在要等「{predecessor}」（基线后新增的依赖）：{days} 个工作日",
  "progress.cause.absent": "{member} 在「{task}」期间请假 {leaveDays} 个工作日：{days} 个工作日",
  "progress.cause.effort_grew": "「{task}」工作量从 {from} 小时增加到 {to} 小时：{days} 个工作日",
  "progress.cause.slower":
    "「{task}」每天投入的工时少于计划（其他工作、人员共用）：{days} 个工作日",
  "progress.cause.task_added": "基线后新增的「{task}」在决定完成日的路径上：{days} 个工作日",
  "progress.future_date": "请选择今天（{today}）或更早的日期",
  "progress.no_baseline": "该计划还没有基线：请在计划页点“设为基线”，之后进度按基线衡量",
  "progress.unassigned": "未安排人员",
  "progress.unknown_task": "已删除的任务",
  "progress.unknown_member": "已离开的成员",
  "progress.report.line": "“{plan}”：SPI {spi}，预计完成 {forecast}（挣值进度）/ {engine}（重排）",
  "progress.report.line_deadline":
    "“{plan}”：SPI {spi}，预计完成 {forecast}（挣值进度）/ {engine}（重排），截止 {deadline}",
};
