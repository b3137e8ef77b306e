// A plan: its header, and tabs for the task grid, the Gantt, the workload, what needs a look
// (late, unscheduled, warnings), its progress against the baseline (earned value) and notes. Every edit re-plans on the server (usePlanEditing).
import { Alert, Card, Space, Tabs, Tag } from "antd";
import { useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { useAllMembers, useSkills } from "../../api/hooks";
import { usePlan, useSchedule, useToday } from "../../api/plans";
import { errorText } from "../../components/errors";
import { NotesPanel } from "../../components/plans/NotesPanel";
import { WorkloadHeatmap } from "../../components/plans/WorkloadHeatmap";
import { buildRows } from "../../components/plans/wbs";
import { lateTasks } from "../../../../src/core/plans/signals";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { PlanGanttTab } from "./PlanGanttTab";
import { PlanHeader } from "./PlanHeader";
import { PlanProblemsTab, problemCount } from "./PlanProblemsTab";
import { PlanProgressTab } from "./PlanProgressTab";
import { PlanTasksTab } from "./PlanTasksTab";
import { usePlanEditing } from "./usePlanEditing";

export function PlanPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { workspace, can } = useMe();
  const plan = usePlan(id);
  const schedule = useSchedule(id);
  const skills = useSkills();
  const members = useAllMembers();
  const [search] = useSearchParams();
  const [tab, setTab] = useState(() => search.get("tab") ?? "tasks");

  const detail = plan.data;
  const rows = useMemo(() => buildRows(detail?.tasks ?? []), [detail]);
  const scheduled = useMemo(
    () => new Map((schedule.data?.tasks ?? []).map((s) => [s.id, s])),
    [schedule.data],
  );
  const critical = useMemo(() => new Set(schedule.data?.criticalPath ?? []), [schedule.data]);
  const memberNames = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.id, m.name])),
    [members.data],
  );
  const taskNames = useMemo(
    () => new Map((detail?.tasks ?? []).map((x) => [x.id, x.name])),
    [detail],
  );
  // One list of late tasks for the header's count and the problems tab.
  const late = useMemo(
    () => lateTasks(schedule.data?.tasks ?? [], detail?.tasks ?? []),
    [schedule.data, detail],
  );
  const editable = !!detail && can("plans.plan.edit", { ownerMemberId: detail.plan.ownerMemberId });
  const serverDay = useToday().data?.date;
  const localDay = useMemo(() => workspaceDate(workspace.timeZone), [workspace.timeZone]);
  // The server's idea of today (its clock, the workspace's time zone) wins over the browser's.
  const today = serverDay ?? localDay;
  const edit = usePlanEditing(id, rows);

  if (plan.isError) return <Alert type="error" title={errorText(plan.error, t, locale)} />;
  if (!detail) return <Card loading />;
  const problems = problemCount(schedule.data, late);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PlanHeader
        plan={detail.plan}
        finish={schedule.data?.finish ?? detail.plan.finish}
        lateCount={late.length}
        unscheduledCount={schedule.data?.unscheduled.length ?? 0}
        editable={editable}
        lastRun={edit.lastRun}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "tasks",
            label: t("plan.tasks"),
            children: (
              <PlanTasksTab
                rows={rows}
                scheduled={scheduled}
                critical={critical}
                skills={skills.data?.items ?? []}
                members={members.data ?? []}
                editable={editable}
                focusTaskId={edit.focusTaskId}
                onPatch={edit.patch}
                onAddBelow={edit.addBelow}
                onDelete={edit.remove}
              />
            ),
          },
          {
            key: "gantt",
            label: t("plan.gantt"),
            children: (
              <PlanGanttTab
                detail={detail}
                rows={rows}
                schedule={schedule.data}
                scheduled={scheduled}
                critical={critical}
                memberNames={memberNames}
                today={today}
                editable={editable}
                onMove={edit.onMove}
                onLink={edit.onLink}
              />
            ),
          },
          {
            key: "workload",
            label: t("plan.workload"),
            children: <WorkloadHeatmap planId={id} today={today} />,
          },
          {
            key: "unscheduled",
            label: (
              <span>
                {t("plan.unscheduled")}
                {problems ? (
                  <Tag color="orange" style={{ marginLeft: 6 }} data-testid="problems-count">
                    {problems}
                  </Tag>
                ) : null}
              </span>
            ),
            children: <PlanProblemsTab detail={detail} schedule={schedule.data} late={late} />,
          },
          {
            key: "progress",
            label: t("plan.progress"),
            children: (
              <PlanProgressTab
                planId={id}
                hasBaseline={!!detail.plan.baselineAt}
                taskName={taskNames}
                editable={editable}
              />
            ),
          },
          {
            key: "notes",
            label: t("plan.notes"),
            children: <NotesPanel targetType="plan" targetId={id} />,
          },
        ]}
      />
    </Space>
  );
}
