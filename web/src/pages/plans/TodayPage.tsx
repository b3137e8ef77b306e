// Today (今日): the engine's allocations for today, duties as time blocks, capacity against plan,
// check off / log hours / remaining effort, unplanned work (计划外), the inbox; a week view for the
// member and a team calendar for leads and the owner.
import {
  ClockCircleOutlined,
  DeleteOutlined,
  FileTextOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Popover,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useDepartments } from "../../api/hooks";
import {
  useAgenda,
  useDayMutations,
  useToday,
  type Agenda,
  type Duty,
  type Today,
  type TodayTask,
} from "../../api/plans";
import type { Me } from "../../api/types";
import { useApiErrors } from "../../components/errors";
import { WeekNavigator } from "../../components/WeekNavigator";
import { clampWeek } from "../../components/week";
import { weekdayLabel, weekdayOptions } from "../../components/labels";
import { addDays, dateRange, weekday } from "../../components/plans/dates";
import { NotesPanel } from "../../components/plans/NotesPanel";
import { colorFor } from "../../components/plans/wbs";
import { useI18n } from "../../i18n";
import { canPlan } from "./PlansPage";

function HoursPopover({
  label,
  title,
  initial,
  onSubmit,
  testId,
  icon,
}: {
  label: string;
  title: string;
  initial?: number;
  onSubmit: (h: number) => Promise<unknown>;
  testId: string;
  icon: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(initial ?? null);
  const [busy, setBusy] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setValue(initial ?? null);
      }}
      trigger="click"
      title={title}
      content={
        <Space.Compact>
          <InputNumber
            min={0}
            max={24}
            step={0.5}
            value={value}
            onChange={setValue}
            autoFocus
            data-testid={`${testId}-input`}
            suffix={t("today.hours")}
            style={{ width: 130 }}
            onPressEnter={() =>
              value !== null &&
              void (
                setBusy(true),
                onSubmit(value)
                  .then(
                    () => setOpen(false),
                    () => undefined,
                  )
                  .finally(() => setBusy(false))
              )
            }
          />
          <Button
            type="primary"
            loading={busy}
            disabled={value === null}
            data-testid={`${testId}-ok`}
            onClick={() => {
              if (value === null) return;
              setBusy(true);
              void onSubmit(value)
                .then(
                  () => setOpen(false),
                  () => undefined,
                )
                .finally(() => setBusy(false));
            }}
          >
            {t("common.save")}
          </Button>
        </Space.Compact>
      }
    >
      <Button size="small" icon={icon} data-testid={testId}>
        {label}
      </Button>
    </Popover>
  );
}

function TaskItem({ task, readOnly }: { task: TodayTask; readOnly: boolean }) {
  const { t } = useI18n();
  const { checkOff, log, remaining } = useDayMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const done = task.status === "done";
  const run = <T,>(p: Promise<T>, ok: string) =>
    p.then(
      () => void message.success(ok),
      (e: unknown) => {
        onError(e);
        throw e;
      },
    );
  return (
    <List.Item data-testid="today-task" data-status={task.status}>
      <Flex vertical gap={4} style={{ width: "100%", minWidth: 0 }}>
        <Flex justify="space-between" gap={8} align="start">
          <Space size={6} align="start" style={{ minWidth: 0 }}>
            <Checkbox
              checked={done}
              disabled={readOnly || done || checkOff.isPending}
              data-testid="today-check"
              onChange={() =>
                void run(
                  checkOff.mutateAsync({ taskId: task.taskId }),
                  t("today.checkedOff"),
                ).catch(() => undefined)
              }
            />
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text delete={done} strong style={{ wordBreak: "break-word" }}>
                {task.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Link to={`/plans/${task.planId}`}>{task.planName}</Link>
                {task.deadline ? ` · ${t("today.deadline", { date: task.deadline })}` : ""}
              </Typography.Text>
            </Flex>
          </Space>
          <Flex vertical align="end" style={{ flexShrink: 0 }}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {task.hours} h
            </Tag>
            {task.late ? (
              <Tag color="volcano" style={{ marginInlineEnd: 0, marginTop: 2 }}>
                {t("today.late")}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("today.logged")} {task.loggedHours} h
          </Typography.Text>
          {!done && task.remainingHours !== null ? (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="today-remaining"
            >
              · {t("today.remainingHours", { hours: task.remainingHours })}
            </Typography.Text>
          ) : null}
          {!readOnly && !done ? (
            <>
              <HoursPopover
                label={t("today.logHours")}
                title={t("today.logHours")}
                testId="today-log"
                icon={<ClockCircleOutlined />}
                onSubmit={(h) =>
                  run(log.mutateAsync({ taskId: task.taskId, hours: h }), t("today.logged.ok"))
                }
              />
              <HoursPopover
                label={t("today.remaining")}
                title={t("today.remaining")}
                initial={task.remainingHours ?? undefined}
                testId="today-remaining-set"
                icon={<ClockCircleOutlined />}
                onSubmit={(h) =>
                  run(
                    remaining.mutateAsync({ taskId: task.taskId, remainingHours: h }),
                    t("today.remainingSet"),
                  )
                }
              />
            </>
          ) : null}
        </Flex>
      </Flex>
    </List.Item>
  );
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Duties as blocks on a 07:00–23:00 strip. */
function DutyStrip({ duties }: { duties: Duty[] }) {
  const start = 7 * 60;
  const span = 16 * 60;
  return (
    <div
      data-testid="duty-strip"
      style={{
        position: "relative",
        height: 40,
        background: "#fafafa",
        border: "1px solid #f0f0f0",
        borderRadius: 4,
        marginBottom: 8,
      }}
    >
      {[9, 12, 15, 18, 21].map((h) => (
        <span
          key={h}
          style={{
            position: "absolute",
            left: `${((h * 60 - start) / span) * 100}%`,
            top: 24,
            fontSize: 10,
            color: "#bfbfbf",
          }}
        >
          {h}:00
        </span>
      ))}
      {duties.map((d) => {
        const a = Math.max(0, minutes(d.startTime) - start);
        const b = Math.min(span, Math.max(minutes(d.endTime), minutes(d.startTime) + 15) - start);
        return (
          <div
            key={d.id}
            title={`${d.startTime}–${d.endTime} ${d.title}`}
            style={{
              position: "absolute",
              left: `${(a / span) * 100}%`,
              width: `${Math.max(1.5, ((b - a) / span) * 100)}%`,
              top: 3,
              height: 18,
              background: "#722ed1",
              color: "#fff",
              fontSize: 11,
              borderRadius: 3,
              overflow: "hidden",
              whiteSpace: "nowrap",
              padding: "0 3px",
            }}
          >
            {d.title}
          </div>
        );
      })}
    </div>
  );
}

function DutiesCard({ today }: { today: Today }) {
  const { t } = useI18n();
  const { addDuty, removeDuty } = useDayMutations();
  const onError = useApiErrors();
  const [form] = Form.useForm<{
    title: string;
    startTime: string;
    endTime: string;
    weekdays: number[];
  }>();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={t("today.duties")}
      data-testid="duties-card"
      extra={
        <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setAdding(!adding)}>
          {t("today.addDuty")}
        </Button>
      }
    >
      <DutyStrip duties={today.duties} />
      <List
        size="small"
        dataSource={today.duties}
        locale={{ emptyText: t("today.noDuties") }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="d"
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("common.delete")}
                onClick={() => removeDuty.mutate(d.id, { onError: (e) => onError(e) })}
              />,
            ]}
          >
            <Typography.Text>
              {d.startTime}–{d.endTime} {d.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {d.weekdays.map((w) => weekdayLabel(t, w)).join(" ")}
            </Typography.Text>
          </List.Item>
        )}
      />
      {adding ? (
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ weekdays: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "12:00" }}
          onFinish={(v) =>
            addDuty.mutate(v, {
              onSuccess: () => {
                form.resetFields();
                setAdding(false);
              },
              onError: (e) => onError(e, form),
            })
          }
        >
          <Form.Item
            name="title"
            label={t("today.dutyTitle")}
            rules={[{ required: true, whitespace: true, message: t("common.required") }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="startTime" label={t("today.dutyTime")}>
              <Input type="time" />
            </Form.Item>
            <Form.Item name="endTime" label=" ">
              <Input type="time" />
            </Form.Item>
          </Flex>
          <Form.Item name="weekdays" label={t("today.dutyDays")}>
            <Checkbox.Group options={weekdayOptions(t)} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={addDuty.isPending}>
            {t("common.add")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function QuickAdd({
  placeholder,
  withHours,
  testId,
  onAdd,
}: {
  placeholder: string;
  withHours: boolean;
  testId: string;
  onAdd: (title: string, hours: number | null) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState("");
  const [hours, setHours] = useState<number | null>(withHours ? 1 : null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!title.trim()) return;
    setBusy(true);
    void onAdd(title.trim(), hours)
      .then(
        () => setTitle(""),
        () => undefined,
      )
      .finally(() => setBusy(false));
  };
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={placeholder}
        onPressEnter={submit}
        maxLength={200}
        data-testid={`${testId}-title`}
      />
      {withHours ? (
        <InputNumber
          min={0}
          max={24}
          step={0.5}
          value={hours}
          onChange={setHours}
          style={{ width: 92 }}
          suffix="h"
          data-testid={`${testId}-hours`}
        />
      ) : null}
      <Button
        type="primary"
        icon={<PlusOutlined />}
        loading={busy}
        onClick={submit}
        disabled={!title.trim()}
        data-testid={`${testId}-add`}
        aria-label={t("common.add")}
      />
    </Space.Compact>
  );
}

function DayView({ me, today }: { me: Me; today: Today }) {
  const { t } = useI18n();
  const { addItem, updateItem, removeItem } = useDayMutations();
  const onError = useApiErrors();
  const navigate = useNavigate();
  const readOnly = today.memberId !== me.member.id;
  const wrap = (p: Promise<unknown>) =>
    p.catch((e: unknown) => {
      onError(e);
      throw e;
    });
  const unplanned = today.items.filter((i) => i.kind === "unplanned");
  const planned = today.items.filter((i) => i.kind !== "unplanned");
  const load = today.capacityHours
    ? Math.round((today.plannedHours / today.capacityHours) * 100)
    : 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card size="small">
            <Flex gap={16} wrap justify="space-between" align="center">
              <Statistic title={t("today.capacity")} value={today.capacityHours} suffix="h" />
              <Statistic title={t("today.planned")} value={today.plannedHours} suffix="h" />
              <Statistic title={t("today.logged")} value={today.loggedHours} suffix="h" />
              <Progress
                type="circle"
                size={56}
                percent={load}
                status={load > 100 ? "exception" : "normal"}
              />
            </Flex>
            {!today.workday ? (
              <Alert style={{ marginTop: 8 }} type="info" showIcon title={t("today.notWorkday")} />
            ) : null}
          </Card>
          <Card
            size="small"
            title={t("today.tasks")}
            data-testid="today-tasks"
            extra={
              !readOnly ? (
                <Button
                  size="small"
                  type="primary"
                  icon={<FileTextOutlined />}
                  onClick={() => void navigate("/reports")}
                  data-testid="open-report"
                >
                  {t("today.openReport")}
                </Button>
              ) : null
            }
          >
            <List
              dataSource={today.tasks}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.noTasks")} />
                ),
              }}
              renderItem={(task) => <TaskItem key={task.taskId} task={task} readOnly={readOnly} />}
            />
            {planned.length ? (
              <List
                size="small"
                dataSource={planned}
                renderItem={(i) => (
                  <List.Item
                    actions={
                      readOnly
                        ? []
                        : [
                            <Button
                              key="x"
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t("common.delete")}
                              onClick={() =>
                                void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)
                              }
                            />,
                          ]
                    }
                  >
                    <Checkbox
                      checked={i.done}
                      disabled={readOnly}
                      onChange={(e) =>
                        void wrap(
                          updateItem.mutateAsync({
                            id: i.id,
                            version: i.version,
                            done: e.target.checked,
                          }),
                        ).catch(() => undefined)
                      }
                    >
                      <Typography.Text delete={i.done}>{i.title}</Typography.Text>
                    </Checkbox>
                  </List.Item>
                )}
              />
            ) : null}
          </Card>
          <Card size="small" title={t("today.unplanned")} data-testid="unplanned-card">
            {!readOnly ? (
              <QuickAdd
                placeholder={t("today.unplannedTitle")}
                withHours
                testId="unplanned"
                onAdd={(title, hours) =>
                  wrap(
                    addItem.mutateAsync({
                      title,
                      kind: "unplanned",
                      date: today.date,
                      loggedHours: hours ?? 0,
                      done: true,
                    }),
                  )
                }
              />
            ) : null}
            <List
              size="small"
              dataSource={unplanned}
              locale={{ emptyText: t("today.noUnplanned") }}
              data-testid="unplanned-list"
              renderItem={(i) => (
                <List.Item
                  actions={
                    readOnly
                      ? []
                      : [
                          <Button
                            key="x"
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t("common.delete")}
                            onClick={() =>
                              void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)
                            }
                          />,
                        ]
                  }
                >
                  <Typography.Text>{i.title}</Typography.Text> <Tag>{i.loggedHours} h</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} lg={9}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <DutiesCard today={today} />
          {!readOnly ? (
            <Card size="small" title={t("today.inbox")} data-testid="inbox-card">
              <QuickAdd
                placeholder={t("today.inboxCapture")}
                withHours={false}
                testId="inbox"
                onAdd={(title) => wrap(addItem.mutateAsync({ title }))}
              />
              <List
                size="small"
                dataSource={today.inbox}
                locale={{ emptyText: t("today.inboxEmpty") }}
                renderItem={(i) => (
                  <List.Item
                    actions={[
                      <Button
                        key="p"
                        size="small"
                        onClick={() =>
                          void wrap(
                            updateItem.mutateAsync({
                              id: i.id,
                              version: i.version,
                              date: today.date,
                            }),
                          ).catch(() => undefined)
                        }
                        data-testid="inbox-plan"
                      >
                        {t("today.planToday")}
                      </Button>,
                      <Button
                        key="x"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("common.delete")}
                        onClick={() =>
                          void wrap(removeItem.mutateAsync(i.id)).catch(() => undefined)
                        }
                      />,
                    ]}
                  >
                    <Typography.Text style={{ wordBreak: "break-word" }}>{i.title}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          {!readOnly ? (
            <Card size="small" title={t("plan.notes")}>
              <NotesPanel targetType="day" targetId={today.date} />
            </Card>
          ) : null}
        </Space>
      </Col>
    </Row>
  );
}

function WeekGrid({
  agenda,
  days,
  today,
  single,
}: {
  agenda: Agenda | undefined;
  days: string[];
  today: string;
  single: boolean;
}) {
  const { t } = useI18n();
  const members = agenda?.members ?? [];
  if (single) {
    const allocations = members[0]?.allocations ?? [];
    return (
      <Flex gap={8} wrap data-testid="week-view">
        {days.map((d) => {
          const list = allocations.filter((a) => a.date === d);
          const total = list.reduce((s, a) => s + a.hours, 0);
          return (
            <div key={d} style={{ flex: "1 1 140px", minWidth: 140 }}>
              <Card
                size="small"
                title={
                  <span style={{ fontWeight: d === today ? 700 : 400 }}>
                    {weekdayLabel(t, weekday(d))} {d.slice(5)}
                  </span>
                }
                extra={total ? <Tag>{total} h</Tag> : null}
                styles={{ body: { padding: 8, minHeight: 60 } }}
              >
                {list.length === 0 ? (
                  <Typography.Text type="secondary">{t("today.nothing")}</Typography.Text>
                ) : (
                  list.map((a) => (
                    <div
                      key={`${a.taskId}${a.date}`}
                      style={{
                        borderLeft: `3px solid ${colorFor(a.planId)}`,
                        paddingLeft: 6,
                        marginBottom: 4,
                        fontSize: 12,
                      }}
                    >
                      <Typography.Text delete={a.status === "done"} style={{ fontSize: 12 }}>
                        {a.name}
                      </Typography.Text>{" "}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.hours} h
                      </Typography.Text>
                    </div>
                  ))
                )}
              </Card>
            </div>
          );
        })}
      </Flex>
    );
  }
  return (
    <div style={{ overflowX: "auto" }} data-testid="team-calendar">
      <table style={{ borderCollapse: "collapse", fontSize: 12, minWidth: "100%" }}>
        <thead>
          <tr>
            <th
              style={{
                position: "sticky",
                left: 0,
                background: "#fff",
                textAlign: "left",
                padding: 4,
                minWidth: 70,
              }}
            />
            {days.map((d) => (
              <th
                key={d}
                style={{
                  padding: 4,
                  minWidth: 120,
                  fontWeight: d === today ? 700 : 500,
                  textAlign: "left",
                }}
              >
                {weekdayLabel(t, weekday(d))} {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="team-row">
              <td
                style={{
                  position: "sticky",
                  left: 0,
                  background: "#fff",
                  padding: 4,
                  whiteSpace: "nowrap",
                  borderTop: "1px solid #f0f0f0",
                  verticalAlign: "top",
                }}
              >
                {m.name}
              </td>
              {days.map((d) => (
                <td
                  key={d}
                  style={{
                    borderTop: "1px solid #f0f0f0",
                    borderLeft: "1px solid #f5f5f5",
                    padding: 4,
                    verticalAlign: "top",
                    background: d === today ? "#fff7e6" : undefined,
                  }}
                >
                  {m.allocations
                    .filter((a) => a.date === d)
                    .map((a) => (
                      <div
                        key={a.taskId}
                        style={{
                          borderLeft: `3px solid ${colorFor(a.planId)}`,
                          paddingLeft: 4,
                          marginBottom: 2,
                        }}
                      >
                        <Typography.Text delete={a.status === "done"} style={{ fontSize: 12 }}>
                          {a.name}
                        </Typography.Text>{" "}
                        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                          {a.hours}h
                        </Typography.Text>
                      </div>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekView({ me, today, team }: { me: Me; today: string; team: boolean }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => clampWeek(today));
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const departments = useDepartments();
  const to = addDays(from, 6);
  const agenda = useAgenda(from, to, team ? { departmentId } : { memberId: me.member.id });
  const days = useMemo(() => dateRange(from, to), [from, to]);
  return (
    <Card size="small" loading={agenda.isPending}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <WeekNavigator value={from} onChange={setFrom} today={today} />
        {team ? (
          <Select
            allowClear
            placeholder={t("today.allDepartments")}
            style={{ minWidth: 160 }}
            value={departmentId}
            onChange={setDepartmentId}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        ) : null}
      </Flex>
      <WeekGrid agenda={agenda.data} days={days} today={today} single={!team} />
    </Card>
  );
}

export function TodayPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const today = useToday();
  const [view, setView] = useState<"day" | "week" | "team">("day");
  const date = today.data?.date;
  const lead = canPlan(me);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="today-hello">
            {t("today.hello", { name: me.member.name })}
          </Typography.Title>
          {date ? (
            <Typography.Text type="secondary" data-testid="today-date">
              {date} · {weekdayLabel(t, weekday(date))}
            </Typography.Text>
          ) : null}
        </div>
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data-testid="today-view"
          options={[
            { value: "day", label: t("today.day") },
            { value: "week", label: t("today.week") },
            ...(lead ? [{ value: "team", label: t("today.team") }] : []),
          ]}
        />
      </Flex>
      {me.workspace.isDemo ? <Alert type="info" showIcon title={t("today.demo")} /> : null}
      {today.isError ? (
        <Alert
          type="error"
          title={
            today.error instanceof ApiError
              ? today.error.problem.detail || today.error.problem.title
              : t("error.generic")
          }
        />
      ) : null}
      {!today.data ? (
        <Card loading />
      ) : view === "day" ? (
        <DayView me={me} today={today.data} />
      ) : (
        <WeekView me={me} today={today.data.date} team={view === "team"} />
      )}
    </Space>
  );
}
