import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Checkbox,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Switch,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useMemberMutations } from "../api/hooks";
import type { LeaveKind, Me, MemberDetail } from "../api/types";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { LIMITS } from "../../../src/core/limits";
import { useApiErrors } from "./errors";
import { weekdayOptions } from "./labels";

const KINDS: LeaveKind[] = ["leave", "sick", "personal", "other"];

interface CalValues {
  hoursPerDay: number | null;
  ownWeek: boolean;
  workweek: number[];
}
interface LeaveValues {
  startDate: string;
  endDate: string;
  kind: LeaveKind;
  note: string;
}

/** Hours per day, part-time work days, and the list of days off. */
export function MemberCalendarCard({
  member,
  me,
  canEdit,
}: {
  member: MemberDetail;
  me: Me;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const { update, addLeave, removeLeave } = useMemberMutations(member.id);
  const onError = useApiErrors();
  const [calForm] = Form.useForm<CalValues>();
  const [leaveForm] = Form.useForm<LeaveValues>();
  const [adding, setAdding] = useState(false);
  const ownWeek = Form.useWatch("ownWeek", calForm);

  const saveCalendar = (v: CalValues) =>
    update.mutate(
      {
        version: member.version,
        hoursPerDay: v.hoursPerDay ?? null,
        workweek: v.ownWeek ? [...v.workweek].sort() : null,
      },
      { onError: (e) => onError(e, calForm) },
    );
  const saveLeave = (v: LeaveValues) =>
    addLeave.mutate(
      {
        startDate: v.startDate,
        endDate: v.endDate || v.startDate,
        kind: v.kind,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          leaveForm.resetFields();
          setAdding(false);
        },
        onError: (e) => onError(e, leaveForm),
      },
    );
  const leaves = [...member.leaves].sort((a, b) => b.startDate.localeCompare(a.startDate));

  return (
    <Card title={t("member.calendar")} size="small" data-testid="member-calendar">
      <Form
        key={member.version}
        form={calForm}
        layout="vertical"
        onFinish={saveCalendar}
        disabled={!canEdit}
        initialValues={{
          hoursPerDay: member.hoursPerDay,
          ownWeek: member.workweek !== null,
          workweek: member.workweek ?? me.workspace.workweek,
        }}
      >
        <Form.Item name="hoursPerDay" label={t("member.hoursPerDay")}>
          <InputNumber
            min={0}
            max={LIMITS.hoursPerDayMax}
            step={0.5}
            placeholder={t("member.hoursDefault", { hours: me.workspace.hoursPerDay })}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="ownWeek" label={t("member.partTime")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {ownWeek ? (
          <Form.Item name="workweek" label={t("member.workdays")}>
            <Checkbox.Group options={weekdayOptions(t)} />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">
            {t("member.teamWeek")}:{" "}
            {weekdayOptions(t)
              .filter((o) => me.workspace.workweek.includes(o.value))
              .map((o) => o.label)
              .join(" ")}
          </Typography.Paragraph>
        )}
        {canEdit ? (
          <Button htmlType="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        ) : null}
      </Form>
      <Divider titlePlacement="start" plain>
        {t("member.leaves")}
      </Divider>
      <List
        size="small"
        dataSource={leaves}
        locale={{ emptyText: t("member.noLeaves") }}
        data-testid="leave-list"
        renderItem={(l) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Button
                      key="d"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("common.remove")}
                      onClick={() => removeLeave.mutate(l.id, { onError: (e) => onError(e) })}
                    />,
                  ]
                : []
            }
          >
            <Flex wrap gap={6} align="center">
              <Typography.Text>
                {l.startDate === l.endDate ? l.startDate : `${l.startDate} → ${l.endDate}`}
              </Typography.Text>
              <Tag>
                {KINDS.includes(l.kind as LeaveKind) ? t(`leave.${l.kind}` as MessageKey) : l.kind}
              </Tag>
              {l.note ? <Typography.Text type="secondary">{l.note}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )}
      />
      {canEdit && !adding ? (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }}>
          {t("member.addLeave")}
        </Button>
      ) : null}
      {canEdit && adding ? (
        <Form
          form={leaveForm}
          layout="vertical"
          onFinish={saveLeave}
          initialValues={{ kind: "leave", note: "" }}
          style={{ marginTop: 8 }}
        >
          <Flex gap={8} wrap>
            <Form.Item
              name="startDate"
              label={t("member.leaveDates")}
              rules={[{ required: true, message: t("common.required") }]}
              style={{ flex: "1 1 140px" }}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item name="endDate" label="→" style={{ flex: "1 1 140px" }}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="kind" label={t("member.leaveKind")} style={{ flex: "1 1 100px" }}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`leave.${k}`) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label={t("member.note")}>
            <Input maxLength={LIMITS.noteMax} />
          </Form.Item>
          <Flex gap={8}>
            <Button onClick={() => setAdding(false)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={addLeave.isPending}>
              {t("common.add")}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
