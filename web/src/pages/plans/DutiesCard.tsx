// Recurring duties (值班, 例会 …) as time blocks on a 07:00–23:00 strip, their list and a form to add one.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Flex, Form, Input, List, Typography } from "antd";
import { useState } from "react";
import { useDayMutations, type Duty, type Today } from "../../api/plans";
import { useApiErrors } from "../../components/errors";
import { weekdayLabel, weekdayOptions } from "../../components/labels";
import { useI18n } from "../../i18n";

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

export function DutiesCard({ today }: { today: Today }) {
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
