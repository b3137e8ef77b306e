import { DeleteOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Radio,
  Select,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useCalendar, useCalendarMutations } from "../api/hooks";
import type { CalendarDay } from "../api/types";
import { useI18n } from "../i18n";
import { LIMITS } from "../../../src/core/limits";
import { useApiErrors } from "./errors";

/** The workspace's public holidays and make-up workdays (调休) for one year. */
export function HolidayCalendarCard({ canEdit }: { canEdit: boolean }) {
  const { t, locale } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useCalendar(year);
  const { put, remove, reset } = useCalendarMutations(year);
  const onError = useApiErrors();
  const [form] = Form.useForm<CalendarDay>();
  const official = calendar.data?.officialYears ?? [];
  const years = [...new Set([...official, year - 1, year, year + 1])].sort();
  const weekday = (date: string) =>
    new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { weekday: "short", timeZone: "UTC" });

  const add = (v: CalendarDay) =>
    put.mutate(
      { ...v, name: v.name.trim() },
      {
        onSuccess: () => form.resetFields(),
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Card
      size="small"
      title={t("settings.calendar")}
      data-testid="holiday-calendar"
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 96 }}
          aria-label={t("settings.year")}
        />
      }
    >
      {canEdit ? (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          {official.includes(year) ? (
            <Popconfirm
              title={t("settings.resetConfirm")}
              okText={t("common.yes")}
              cancelText={t("common.no")}
              onConfirm={() => reset.mutate(undefined, { onError: (e) => onError(e) })}
            >
              <Button size="small" icon={<UndoOutlined />} loading={reset.isPending}>
                {t("settings.reset")}
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text type="secondary">{t("settings.noOfficial")}</Typography.Text>
          )}
        </Flex>
      ) : null}
      <List
        size="small"
        loading={calendar.isPending}
        dataSource={calendar.data?.days ?? []}
        locale={{ emptyText: t("settings.noDays") }}
        style={{ maxHeight: 420, overflowY: "auto" }}
        renderItem={(d) => (
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
                      onClick={() => remove.mutate(d.date, { onError: (e) => onError(e) })}
                    />,
                  ]
                : []
            }
          >
            <Flex wrap gap={8} align="center">
              <Typography.Text code>{d.date}</Typography.Text>
              <Typography.Text type="secondary" style={{ width: 40 }}>
                {weekday(d.date)}
              </Typography.Text>
              <Tag color={d.kind === "holiday" ? "red" : "blue"}>
                {d.kind === "holiday" ? t("settings.holiday") : t("settings.workday")}
              </Tag>
              <Typography.Text>{d.name}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {canEdit ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={add}
          initialValues={{ kind: "holiday", name: "" }}
          style={{ marginTop: 12 }}
        >
          <Flex wrap gap={8} align="end">
            <Form.Item
              name="date"
              label={t("settings.date")}
              rules={[{ required: true, message: t("common.required") }]}
              style={{ flex: "1 1 140px", marginBottom: 8 }}
            >
              <Input type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t("settings.kind")}
              style={{ flex: "1 1 120px", marginBottom: 8 }}
            >
              <Radio.Group
                optionType="button"
                options={[
                  { value: "holiday", label: t("settings.holiday") },
                  { value: "workday", label: t("settings.workday") },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t("settings.dayName")}
              rules={[{ required: true, whitespace: true, message: t("common.required") }]}
              style={{ flex: "2 1 140px", marginBottom: 8 }}
            >
              <Input maxLength={LIMITS.nameMax} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button htmlType="submit" icon={<PlusOutlined />} loading={put.isPending}>
                {t("settings.addDay")}
              </Button>
            </Form.Item>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
