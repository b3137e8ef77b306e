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
  // 纠偏方案（core/progress/what-ifs.ts, modules/progress/what-if.service.ts）。
  "progress.whatif.add_person": "把“{task}”交给{member}（其他计划或部门），不再由{from}做",
  "progress.whatif.experienced":
    "把“{task}”交给{member}（{level}级），不再由{from}（{fromLevel}级）做",
  "progress.whatif.fast_track": "“{task}”在“{predecessor}”开始后 {lag} 个工作日开始，不必等它完成",
  "progress.whatif.overlap_risk":
    "“{task}”在“{predecessor}”完成前 {days} 个工作日就开始：前者若有变化需要返工",
  "progress.whatif.overtime": "{member}在 {from} 至 {to} 的 {days} 个工作日每天加班 {hours} 小时",
  "progress.whatif.no_optional_flag": "不提议削减范围：计划关键路径上没有标为可选的未完成任务。",
  "progress.whatif.defer":
    "推迟可选任务“{task}”（剩余 {hours} 小时）：移出本计划的排程，之后可恢复",
  "progress.whatif.defer_risk": "“{task}”不会在截止日期前交付",
  "progress.whatif.efficiency_neutral":
    "本工作区各技能等级效率相同，换更有经验的人只因其更早有空才有帮助。",
  "progress.whatif.no_deadline": "该计划没有截止日期：无需追赶。",
  "progress.whatif.stale": "这些方案计算之后计划已有改动：请重新计算。",
  "progress.whatif.not_applicable": "这项改动无法应用。",
  "progress.whatif.not_optional": "该任务没有标为可选，或已被推迟。",
  "progress.whatif.member_inactive": "该成员已停用。",
  "progress.whatif.application_not_found": "本计划没有这次已应用的纠偏方案。",
  "progress.whatif.already_undone": "这次纠偏方案已经撤销过了。",
  "progress.whatif.undo_stale": "应用这次纠偏方案之后计划又有改动：不能再整体撤销。",
  "progress.whatif.task_not_open": "该任务不是本计划中未完成的任务。",
  "progress.whatif.member_not_qualified": "该成员已停用，或不具备任务所需的技能等级。",
  "progress.whatif.no_such_link": "该任务与这个前置任务之间没有“完成-开始”依赖。",
  "progress.whatif.lag_too_long": "延隔时间超过了前置任务的工期。",
};
