// One task of Today: check it off, log hours, say how much it still needs.
import { ClockCircleOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Checkbox,
  Flex,
  InputNumber,
  List,
  Popover,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { useDayMutations, type TodayTask } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";

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

export function TaskItem({ task, readOnly }: { task: TodayTask; readOnly: boolean }) {
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
