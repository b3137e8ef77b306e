import { DeleteOutlined, DownloadOutlined, FlagOutlined, SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useAllMembers, useSkills } from "../../api/hooks";
import {
  planKeys,
  usePlan,
  usePlanMutations,
  useSchedule,
  useTaskMutations,
  useToday,
  type PlanTask,
  type TaskInput,
} from "../../api/plans";
import type { Me } from "../../api/types";
import { errorText, useApiErrors } from "../../components/errors";
import { Gantt, type Zoom } from "../../components/plans/Gantt";
import { NotesPanel } from "../../components/plans/NotesPanel";
import { TaskGrid } from "../../components/plans/TaskGrid";
import { WorkloadHeatmap } from "../../components/plans/WorkloadHeatmap";
import { buildRows, colorFor, type Row } from "../../components/plans/wbs";
import { lateTasks } from "../../../../src/core/plans/signals";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { messageText, renderMessage } from "../../i18n/messages";
import { mayPlan } from "../../components/plans/planRights";

export function PlanPage({ me }: { me: Me }) {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const plan = usePlan(id);
  const schedule = useSchedule(id);
  const skills = useSkills();
  const members = useAllMembers();
  const tasks = useTaskMutations();
  const planMut = usePlanMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [zoom, setZoom] = useState<Zoom>("day");
  const [search] = useSearchParams();
  const [tab, setTab] = useState(() => search.get("tab") ?? "tasks");
  const [lastRun, setLastRun] = useState<{ ms: number; finish: string } | null>(null);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [templateName, setTemplateName] = useState("");

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
  const taskName = useMemo(
    () => new Map((detail?.tasks ?? []).map((x) => [x.id, x.name])),
    [detail],
  );
  // One list of late tasks for the header's count and the warnings tab.
  const late = useMemo(
    () => lateTasks(schedule.data?.tasks ?? [], detail?.tasks ?? []),
    [schedule.data, detail],
  );
  const editable = !!detail && mayPlan(me, "plans.plan.edit", detail.plan);
  const serverDay = useToday().data?.date;
  const localDay = useMemo(
    () => new Intl.DateTimeFormat("en-CA", { timeZone: me.workspace.timeZone }).format(new Date()),
    [me.workspace.timeZone],
  );
  // The server's idea of today (its clock, the workspace's time zone) wins over the browser's.
  const today = serverDay ?? localDay;

  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: planKeys.plans }), [qc]);

  const patch = useCallback(
    async (task: PlanTask, body: TaskInput) => {
      try {
        const res = await tasks.update.mutateAsync({ id: task.id, version: task.version, ...body });
        setLastRun({ ms: Math.round(res.schedule.ms), finish: res.schedule.finish });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          void message.warning(t("error.conflict"));
          await refresh();
          return;
        }
        const text =
          e instanceof ApiError && e.fieldErrors.length
            ? e.fieldErrors
                .map((f) => messageText(locale, f.code, f.params) ?? f.message)
                .join("; ")
            : errorText(e, t, locale);
        void message.error(text);
        throw new Error(text);
      }
    },
    [tasks.update, message, t, locale, refresh],
  );

  const addBelow = useCallback(
    async (row: Row | null) => {
      try {
        const res = await tasks.create.mutateAsync({
          planId: id,
          name: t("plan.newTaskName"),
          effortHours: 8,
          parentId: row?.task.parentId ?? undefined,
          sortOrder: row ? row.task.sortOrder : rows.length,
        });
        setLastRun({ ms: Math.round(res.schedule.ms), finish: res.schedule.finish });
        await refresh();
        setFocusTaskId(res.task.id);
        return res.task.id;
      } catch (e) {
        onError(e);
        return null;
      }
    },
    [tasks.create, id, t, rows.length, refresh, onError],
  );

  const onMove = useCallback(
    (task: PlanTask, date: string) => {
      patch(task, { earliestStart: date }).then(
        () => void message.success(t("gantt.moved", { date })),
        () => undefined,
      );
    },
    [patch, message, t],
  );
  const onLink = useCallback(
    (from: PlanTask, to: PlanTask) => {
      if (to.dependsOn.some((d) => d.taskId === from.id)) return;
      patch(to, { dependsOn: [...to.dependsOn, { taskId: from.id, type: "FS", lagDays: 0 }] }).then(
        () => void message.success(t("gantt.linkAdded")),
        () => undefined,
      );
    },
    [patch, message, t],
  );

  if (plan.isError) return <Alert type="error" title={errorText(plan.error, t, locale)} />;
  if (!detail) return <Card loading />;
  const p = detail.plan;
  const finish = schedule.data?.finish ?? p.finish;

  const ganttTab = phone ? (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("plan.phoneList")}</Typography.Text>
      <List
        size="small"
        data-testid="gantt-list"
        dataSource={rows.filter((r) => scheduled.has(r.task.id))}
        renderItem={(r) => {
          const s = scheduled.get(r.task.id)!;
          return (
            <List.Item style={{ paddingLeft: r.depth * 12 }}>
              <Flex vertical style={{ width: "100%", minWidth: 0 }}>
                <Typography.Text strong={r.summary} ellipsis>
                  {r.wbs} {r.task.name}
                </Typography.Text>
                <Flex gap={4} wrap align="center">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.start} → {s.finish}
                  </Typography.Text>
                  {s.assignee ? (
                    <Tag color={colorFor(s.assignee)}>{memberNames.get(s.assignee)}</Tag>
                  ) : null}
                  {critical.has(r.task.id) && !s.summary ? (
                    <Tag color="red">{t("task.critical")}</Tag>
                  ) : null}
                  {s.late ? (
                    <Tag color="volcano">{t("task.late", { days: s.lateDays })}</Tag>
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Space>
  ) : (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Segmented
          value={zoom}
          onChange={(v) => setZoom(v as Zoom)}
          data-testid="gantt-zoom"
          options={[
            { value: "day", label: t("gantt.day") },
            { value: "week", label: t("gantt.week") },
            { value: "month", label: t("gantt.month") },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("gantt.legend")}
        </Typography.Text>
      </Flex>
      <Gantt
        rows={rows}
        schedule={schedule.data}
        baseline={detail.baseline}
        memberNames={memberNames}
        today={today}
        zoom={zoom}
        editable={editable}
        onMove={onMove}
        onLink={onLink}
        height={600}
      />
      {editable ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("gantt.dragHint")}
        </Typography.Text>
      ) : null}
    </Space>
  );

  const unscheduled = schedule.data?.unscheduled ?? [];
  // Warnings as messages in the page's language; a schedule stored before codes has English texts.
  const warnings =
    schedule.data?.notices?.map((n) => renderMessage(locale, n)) ?? schedule.data?.warnings ?? [];
  const nameIn = (ids: string) =>
    ids
      .split(" → ")
      .map((x) => taskName.get(x) ?? x)
      .join(" → ");
  const reasonOf = (u: (typeof unscheduled)[number]) =>
    messageText(
      locale,
      u.code,
      u.params && {
        ...u.params,
        ...(typeof u.params.task === "string" && { task: nameIn(u.params.task) }),
        ...(typeof u.params.path === "string" && { path: nameIn(u.params.path) }),
      },
    ) ?? u.reason;
  const problems = unscheduled.length + warnings.length + late.length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} align="start">
          <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              <Link to="/plans">{t("plans.title")}</Link> /
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-name">
              {p.name}
            </Typography.Title>
            <Flex gap={6} wrap align="center">
              <Tag>{t(`plans.kind.${p.kind}` as MessageKey)}</Tag>
              <Tag color="blue">{t(`plans.status.${p.status}` as MessageKey)}</Tag>
              <Typography.Text data-testid="plan-finish">
                <FlagOutlined /> {t("plan.finishLabel", { date: finish ?? "—" })}
              </Typography.Text>
              {p.launchDate ? (
                <Typography.Text type="secondary">
                  · {t("plans.launchBefore", { date: p.launchDate })}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary">
                ·{" "}
                {p.baselineAt
                  ? t("plan.baselineAt", { date: p.baselineAt.slice(0, 10) })
                  : t("plan.noBaseline")}
              </Typography.Text>
              {late.length ? (
                <Tag color="volcano" data-testid="plan-late-count">
                  {t("plans.late", { count: late.length })}
                </Tag>
              ) : null}
              {unscheduled.length ? (
                <Tag color="orange">{t("plans.unscheduled", { count: unscheduled.length })}</Tag>
              ) : null}
            </Flex>
          </Space>
          <Space wrap>
            {editable ? (
              <Popconfirm
                title={t("plan.baselineConfirm")}
                okText={t("common.yes")}
                cancelText={t("common.no")}
                onConfirm={() =>
                  planMut.baseline.mutate(id, {
                    onSuccess: () => void message.success(t("plan.baselineSet")),
                    onError: (e) => onError(e),
                  })
                }
              >
                <Button icon={<FlagOutlined />} data-testid="plan-baseline">
                  {t("plan.setBaseline")}
                </Button>
              </Popconfirm>
            ) : null}
            {mayPlan(me, "plans.template.save") ? (
              <Button
                icon={<SaveOutlined />}
                onClick={() => {
                  setTemplateName(p.name);
                  setTemplateOpen(true);
                }}
              >
                {t("plan.saveTemplate")}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/plans/${id}/plan-file`}
              download
              title={t("plan.downloadHint")}
            >
              {t("plan.download")}
            </Button>
            {editable ? (
              <Popconfirm
                title={t("plan.deleteConfirm")}
                okText={t("common.yes")}
                cancelText={t("common.no")}
                onConfirm={() =>
                  planMut.remove.mutate(id, {
                    onSuccess: () => void navigate("/plans"),
                    onError: (e) => onError(e),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
              </Popconfirm>
            ) : null}
          </Space>
        </Flex>
        {lastRun ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-rescheduled">
            {t("plan.rescheduled", { ms: lastRun.ms, finish: lastRun.finish })}
          </Typography.Text>
        ) : null}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "tasks",
            label: t("plan.tasks"),
            children:
              rows.length || !editable ? (
                <Space orientation="vertical" style={{ width: "100%" }}>
                  {editable ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("plan.keyboardHint")}
                    </Typography.Text>
                  ) : null}
                  <TaskGrid
                    rows={rows}
                    scheduled={scheduled}
                    critical={critical}
                    skills={skills.data?.items ?? []}
                    members={members.data ?? []}
                    editable={editable}
                    onPatch={patch}
                    onAddBelow={addBelow}
                    focusTaskId={focusTaskId}
                    height={phone ? 420 : 560}
                    onDelete={(task) =>
                      tasks.remove.mutate(task.id, { onError: (e) => onError(e) })
                    }
                  />
                  {editable ? (
                    <Button
                      onClick={() =>
                        void addBelow(
                          rows[rows.length - 1]
                            ? {
                                ...rows[rows.length - 1]!,
                                task: {
                                  ...rows[rows.length - 1]!.task,
                                  parentId: null,
                                  sortOrder: rows.length,
                                },
                              }
                            : null,
                        )
                      }
                      data-testid="task-add"
                    >
                      {t("plan.addTask")}
                    </Button>
                  ) : null}
                </Space>
              ) : (
                <Empty>
                  <Button type="primary" onClick={() => void addBelow(null)} data-testid="task-add">
                    {t("plan.addTask")}
                  </Button>
                </Empty>
              ),
          },
          { key: "gantt", label: t("plan.gantt"), children: ganttTab },
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
            children: (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <List
                  size="small"
                  bordered
                  data-testid="late-list"
                  header={<Typography.Text strong>{t("plan.lateTitle")}</Typography.Text>}
                  dataSource={late}
                  locale={{ emptyText: t("plan.noLate") }}
                  renderItem={(l) => (
                    <List.Item data-testid="late-item">
                      <List.Item.Meta
                        title={taskName.get(l.taskId) ?? l.taskId}
                        description={
                          <Typography.Text type="danger">
                            {t("plan.lateItem", {
                              deadline: l.deadline ?? "—",
                              finish: l.finish,
                              days: l.lateDays,
                            })}
                          </Typography.Text>
                        }
                      />
                    </List.Item>
                  )}
                />
                <List
                  size="small"
                  bordered
                  data-testid="unscheduled-list"
                  header={<Typography.Text strong>{t("plan.unscheduledTitle")}</Typography.Text>}
                  dataSource={unscheduled}
                  locale={{ emptyText: t("plan.nothingUnscheduled") }}
                  renderItem={(u) => (
                    <List.Item data-testid="unscheduled-item">
                      <List.Item.Meta
                        title={taskName.get(u.task) ?? u.task}
                        description={reasonOf(u)}
                      />
                    </List.Item>
                  )}
                />
                <List
                  size="small"
                  bordered
                  header={<Typography.Text strong>{t("plan.warningsTitle")}</Typography.Text>}
                  dataSource={warnings}
                  locale={{ emptyText: t("plan.noWarnings") }}
                  renderItem={(w) => (
                    <List.Item>
                      <Typography.Text type="warning">{w}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Space>
            ),
          },
          {
            key: "notes",
            label: t("plan.notes"),
            children: <NotesPanel targetType="plan" targetId={id} />,
          },
        ]}
      />
      <Modal
        open={templateOpen}
        title={t("plan.saveTemplate")}
        onCancel={() => setTemplateOpen(false)}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={planMut.saveAsTemplate.isPending}
        onOk={() =>
          planMut.saveAsTemplate.mutate(
            { id, name: templateName.trim() },
            {
              onSuccess: () => {
                setTemplateOpen(false);
                void message.success(t("plan.templateSaved"));
              },
              onError: (e) => onError(e),
            },
          )
        }
      >
        <Input
          value={templateName}
          onChange={(e) => setTemplateName(e.target.value)}
          placeholder={t("plan.templateName")}
          maxLength={120}
        />
      </Modal>
    </Space>
  );
}
