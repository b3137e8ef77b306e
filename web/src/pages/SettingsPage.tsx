import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from "antd";
import { App } from "antd";
import { ApiError } from "../api/client";
import { useUpdateWorkspace } from "../api/hooks";
import type { Locale } from "../api/types";
import { useApiErrors } from "../components/errors";
import { HolidayCalendarCard } from "../components/HolidayCalendarCard";
import { EfficiencyCard } from "./EfficiencyCard";
import { weekdayOptions } from "../components/labels";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { LIMITS } from "../../../src/core/limits";

interface Values {
  name: string;
  timeZone: string;
  currency: string;
  locale: Locale;
  workweek: number[];
  hoursPerDay: number;
}

const CURRENCIES = ["CNY", "USD", "EUR", "HKD", "TWD", "JPY", "GBP", "SGD", "AUD", "CAD"];

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? [];
  return zones.length
    ? zones
    : [
        "Asia/Shanghai",
        "Asia/Hong_Kong",
        "Asia/Taipei",
        "Asia/Tokyo",
        "Asia/Singapore",
        "Europe/London",
        "America/New_York",
        "UTC",
      ];
}

export function SettingsPage() {
  const { t } = useI18n();
  const { workspace: ws, can } = useMe();
  // The workspace's settings and holidays are the owner's (workspace.manage).
  const owner = can("workspace.manage");
  const update = useUpdateWorkspace();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    update.mutate(
      { version: ws.version, ...v, name: v.name.trim(), workweek: [...v.workweek].sort() },
      {
        onSuccess: () => void message.success(t("common.saved")),
        onError: (e) =>
          e instanceof ApiError && e.status === 409
            ? void message.warning(t("error.conflict"))
            : onError(e, form),
      },
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card size="small" title={t("settings.workspace")}>
          {!owner ? (
            <Alert
              type="info"
              showIcon
              title={t("settings.ownerOnly")}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form
            key={ws.version}
            form={form}
            layout="vertical"
            onFinish={submit}
            disabled={!owner}
            data-testid="settings-form"
            initialValues={{
              name: ws.name,
              timeZone: ws.timeZone,
              currency: ws.currency,
              locale: ws.locale,
              workweek: ws.workweek,
              hoursPerDay: ws.hoursPerDay,
            }}
          >
            <Form.Item
              name="name"
              label={t("auth.workspaceName")}
              rules={[{ required: true, whitespace: true, message: t("common.required") }]}
            >
              <Input maxLength={LIMITS.workspaceNameMax} />
            </Form.Item>
            <Space wrap style={{ width: "100%" }} align="start">
              <Form.Item name="timeZone" label={t("settings.timeZone")}>
                <Select
                  showSearch
                  style={{ width: 220 }}
                  options={timeZones().map((z) => ({ value: z, label: z }))}
                />
              </Form.Item>
              <Form.Item name="currency" label={t("settings.currency")}>
                <Select
                  style={{ width: 110 }}
                  options={[...new Set([ws.currency, ...CURRENCIES])].map((c) => ({
                    value: c,
                    label: c,
                  }))}
                />
              </Form.Item>
              <Form.Item name="locale" label={t("settings.locale")}>
                <Select
                  style={{ width: 120 }}
                  options={[
                    { value: "zh-CN", label: t("lang.zh-CN") },
                    { value: "en", label: t("lang.en") },
                  ]}
                />
              </Form.Item>
            </Space>
            <Form.Item name="workweek" label={t("settings.workweek")}>
              <Checkbox.Group options={weekdayOptions(t)} />
            </Form.Item>
            <Form.Item
              name="hoursPerDay"
              label={t("settings.hoursPerDay")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <InputNumber min={0} max={LIMITS.hoursPerDayMax} step={0.5} />
            </Form.Item>
            {owner ? (
              <Button
                type="primary"
                htmlType="submit"
                loading={update.isPending}
                data-testid="settings-save"
              >
                {t("common.save")}
              </Button>
            ) : null}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <HolidayCalendarCard canEdit={owner} />
      </Col>
      <Col xs={24} lg={11}>
        <EfficiencyCard />
      </Col>
    </Row>
  );
}
