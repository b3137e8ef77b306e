// The demo shop's 双11 plan in progress: created from the template a week ago, with five working
// days of history (planned work, logged hours, finished tasks, one that slipped and rolled over),
// submitted daily reports with the leads' comments, and notes — so a newcomer sees the loop work.
import type { Actor } from "../../core/actor.js";
import { newId } from "../../core/ids.js";
import { draftReport } from "../../core/plans/report-draft.js";
import { freezeBaseline } from "../../core/progress/baseline.js";
import { workspaceCalendar } from "../daily/today.service.js";
import { PlanHistoryRepository } from "../plans/plan-history.repository.js";
import { PlanRepository } from "../plans/plan.repository.js";
import { PlanService } from "../plans/plan.service.js";
import { ScheduleRepository } from "../plans/schedule.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import type { ServiceDeps } from "../shared/context.js";

const REASONS = ["素材延迟到货，明天继续", "等运营确认价格，先做其他", "临时处理大量售后咨询"];
const COMMENTS = [
  "辛苦了，明天优先把这个收尾。",
  "很好，注意和设计同步进度。",
  "卡住的地方直接找我。",
];

export async function seedDemoPlans(deps: ServiceDeps, owner: Actor): Promise<void> {
  const db = deps.db;
  const schedule = new ScheduleService(deps);
  const today = await schedule.today(db, owner.workspaceId);
  const cal = await workspaceCalendar(db, owner.workspaceId);
  const past: string[] = [];
  for (let d = cal.previousWorkday(today); past.length < 5; d = cal.previousWorkday(d))
    past.unshift(d);
  const launch = cal.addWorkdays(today, 22);
  const detail = await new PlanService(deps).fromTemplate(owner, {
    templateId: "double11",
    name: "年终大促作战计划（双11 模板）",
    launchDate: launch,
    startDate: past[0]!,
  });
  const result = await schedule.forPlan(owner.workspaceId, detail.plan.id);
  const members = await new ScheduleRepository(db).members(owner.workspaceId);
  const departments = await new ScheduleRepository(db).departmentLeads(owner.workspaceId);
  const start = new Map(result.tasks.map((t) => [t.id, t]));
  const leaves = detail.tasks.filter(
    (t) => !t.milestone && t.effortHours > 0 && start.get(t.id)?.assignee,
  );
  const at = deps.clock().toISOString();

  const ws = owner.workspaceId;
  const byMember = new Map<string, typeof leaves>();
  for (const t of [...leaves].sort((a, b) =>
    start.get(a.id)!.start < start.get(b.id)!.start ? -1 : 1,
  )) {
    const m = start.get(t.id)!.assignee!;
    byMember.set(m, [...(byMember.get(m) ?? []), t]);
  }
  await deps.db.transaction().execute(async (trx) => {
    const history = new PlanHistoryRepository(trx);
    let slipped = 0;
    const done = new Set<string>();
    const finishedOn = new Map<string, string>();
    const logged = new Map<string, number>();
    for (const [memberId, queue] of byMember) {
      const member = members.find((m) => m.id === memberId)!;
      // About half of each day went to this plan; the rest was the shop's daily work.
      const capacity = Math.min(4, member.hoursPerDay ?? 8);
      for (const [dayIndex, date] of past.entries()) {
        let free = capacity;
        const planned: { taskId: string; title: string; planName: string; hours: number }[] = [];
        const logs: { taskId: string; itemId: null; title: string; hours: number }[] = [];
        for (const t of queue) {
          if (free <= 0 || done.has(t.id)) continue;
          const left = t.effortHours - (logged.get(t.id) ?? 0);
          const hours = Math.min(left, free);
          free -= hours;
          planned.push({ taskId: t.id, title: t.name, planName: detail.plan.name, hours });
          // One task slips on the fourth day: half the planned hours get done, the rest rolls over.
          const slip = dayIndex === 3 && slipped < 2 && logs.length === 0;
          const worked = slip ? Math.max(1, Math.floor(hours / 2)) : hours;
          if (slip) slipped++;
          logs.push({ taskId: t.id, itemId: null, title: t.name, hours: worked });
          logged.set(t.id, (logged.get(t.id) ?? 0) + worked);
          if (logged.get(t.id)! >= t.effortHours) {
            done.add(t.id);
            finishedOn.set(t.id, date);
          }
          if (slip) break;
        }
        if (planned.length === 0) continue;
        for (const p of planned) {
          await new ScheduleRepository(trx).insertAllocation(ws, {
            memberId,
            date,
            taskId: p.taskId,
            planId: detail.plan.id,
            hours: p.hours,
          });
        }
        for (const l of logs) {
          await history.insertWorkLog(ws, {
            id: newId(),
            memberId,
            date,
            taskId: l.taskId,
            itemId: null,
            hours: l.hours,
            note: null,
            createdAt: `${date}T10:00:00.000Z`,
          });
        }
        const draft = draftReport({
          date,
          planned,
          logged: logs,
          itemsDone: [],
          tomorrowDate: cal.nextWorkday(date),
          tomorrow: [],
          tasks: planned.map((p) => ({
            taskId: p.taskId,
            title: p.title,
            planName: p.planName,
            done: done.has(p.taskId),
            doneToday: done.has(p.taskId),
            remainingHours: Math.max(
              0,
              leaves.find((t) => t.id === p.taskId)!.effortHours - (logged.get(p.taskId) ?? 0),
            ),
          })),
        });
        const reasons = Object.fromEntries(
          draft.notDone.map((n, i) => [n.taskId, REASONS[i % REASONS.length]!]),
        );
        for (const n of draft.notDone) n.reason = reasons[n.taskId]!;
        const reportId = newId();
        const submittedAt = `${date}T10:30:00.000Z`;
        await history.insertReport(ws, {
          id: reportId,
          memberId,
          date,
          status: "submitted",
          content: JSON.stringify(draft),
          blockers: draft.notDone.length ? "素材和价格确认有延迟" : null,
          helpNeeded: null,
          note: null,
          submittedAt,
          acknowledgedBy: null,
          version: 1,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        });
        const lead = departments.find((d) => d.id === member.departmentId)?.leadMemberId;
        if (lead && lead !== memberId && (dayIndex + memberId.length) % 2 === 0) {
          await history.insertReportComment(ws, {
            id: newId(),
            reportId,
            authorMemberId: lead,
            body: COMMENTS[dayIndex % COMMENTS.length]!,
            createdAt: `${date}T11:00:00.000Z`,
          });
        }
      }
    }
    for (const t of leaves) {
      const hours = logged.get(t.id) ?? 0;
      if (hours === 0) continue;
      await new PlanRepository(trx).setTaskProgress(
        ws,
        t.id,
        done.has(t.id)
          ? {
              status: "done",
              doneAt: `${finishedOn.get(t.id) ?? past[past.length - 1]}T10:00:00.000Z`,
              remainingHours: 0,
            }
          : { status: "in_progress", remainingHours: Math.max(1, t.effortHours - hours) },
      );
    }
    await history.insertNote(ws, {
      id: newId(),
      authorMemberId: owner.memberId,
      targetType: "plan",
      targetId: detail.plan.id,
      title: "目标",
      body: "## 今年目标\n\n- GMV **120 万**，同比 +20%\n- 主推款 20 个，首页 11-01 上线\n- 发货：24 小时内发出 98%",
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  });
  // The baseline as it was frozen on the first day: each member's queue at the same half day on
  // this plan, without the slips, until it is done — so earned value measures the week's history
  // against the plan it followed (the two slipped tasks put it a little behind).
  const planned: { member: string; date: string; task: string; hours: number }[] = [];
  for (const [memberId, queue] of byMember) {
    const member = members.find((m) => m.id === memberId)!;
    const capacity = Math.min(4, member.hoursPerDay ?? 8);
    let date = past[0]!;
    let free = capacity;
    for (const t of queue) {
      let left = t.effortHours;
      for (let guard = 0; left > 0 && guard < 400; guard++) {
        if (free <= 0) {
          date = cal.nextWorkday(date);
          free = capacity;
        }
        const hours = Math.min(left, free);
        planned.push({ member: memberId, date, task: t.id, hours });
        left -= hours;
        free -= hours;
      }
    }
  }
  const leafIds = new Set(leaves.map((t) => t.id));
  const baseline = freezeBaseline({
    tasks: detail.tasks,
    schedule: { tasks: result.tasks.filter((t) => !leafIds.has(t.id)), allocations: planned },
    logs: [],
    deps: detail.tasks.flatMap((t) =>
      t.dependsOn.map((d) => ({ taskId: t.id, predecessorId: d.taskId })),
    ),
    today: past[0]!,
  });
  await new PlanRepository(db).setBaseline(
    ws,
    detail.plan.id,
    JSON.stringify(baseline),
    `${past[0]}T02:00:00.000Z`,
  );
  const outcome = await deps.db
    .transaction()
    .execute((trx) => schedule.replan(trx, owner.workspaceId, null));
  schedule.committed(outcome);
}
