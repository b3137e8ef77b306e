// What a parcel costs: province, actual weight, size, day, declared value and platform → every
// carrier's fee, cheapest first, each with how it is worked out (the server's formula in the page's
// language), and the carriers left out with the reason. Everyone may use it.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { PROVINCES } from "../../../../../src/core/orders/provinces.js";
import { errorText } from "../../../components/errors";
import { useI18n } from "../../../i18n";
import { renderMessage } from "../../../i18n/messages";
import { platformLabel } from "../../shop-data/labels";
import { useQuote, type Carrier, type QuoteQuery, type QuoteResult } from "./ratesApi";

type Row = QuoteResult["quotes"][number];
interface Values {
  province: string;
  weightKg: string;
  dims?: string;
  on?: Dayjs | null;
  declaredValue?: string;
  platform?: QuoteQuery["platform"];
  carrier?: string;
}
const PLATFORMS = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;

export function QuoteTool({ carriers }: { carriers: Carrier[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const lang = locale === "en" ? "en" : "zh-CN";
  const [query, setQuery] = useState<QuoteQuery | null>(null);
  const quote = useQuote(query);
  const phone = !Grid.useBreakpoint().md;
  const submit = (v: Values) =>
    setQuery({
      province: v.province,
      weightKg: v.weightKg.trim(),
      ...(v.dims?.trim() ? { dims: v.dims.trim() } : {}),
      ...(v.on ? { on: v.on.format("YYYY-MM-DD") } : {}),
      ...(v.declaredValue?.trim() ? { declaredValue: v.declaredValue.trim() } : {}),
      ...(v.platform ? { platform: v.platform } : {}),
      ...(v.carrier ? { carrier: v.carrier } : {}),
    });
  const r = quote.data;
  return (
    <Card size="small" title={t("logistics.rates.quote")} data-testid="rates-quote">
      <Form<Values>
        layout="vertical"
        onFinish={submit}
        initialValues={{ weightKg: "1" }}
        data-testid="quote-form"
      >
        <Flex wrap gap="0 8px">
          <Form.Item
            name="province"
            label={t("logistics.rates.province")}
            rules={[{ required: true }]}
            style={{ flex: "1 1 140px" }}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              data-testid="quote-province"
              options={PROVINCES.map((p) => ({ value: p.name, label: p.name }))}
            />
          </Form.Item>
          <Form.Item
            name="weightKg"
            label={t("logistics.rates.weight")}
            rules={[{ required: true }]}
            style={{ flex: "1 1 100px" }}
          >
            <Input inputMode="decimal" data-testid="quote-weight" />
          </Form.Item>
          <Form.Item name="dims" label={t("logistics.rates.dims")} style={{ flex: "1 1 140px" }}>
            <Input placeholder="30x20x10" data-testid="quote-dims" />
          </Form.Item>
          <Form.Item name="on" label={t("logistics.rates.on")} style={{ flex: "1 1 140px" }}>
            <DatePicker placeholder={t("logistics.rates.today")} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="declaredValue"
            label={t("logistics.rates.declared")}
            style={{ flex: "1 1 110px" }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="platform"
            label={t("logistics.rates.platform")}
            style={{ flex: "1 1 120px" }}
          >
            <Select
              allowClear
              options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))}
            />
          </Form.Item>
          <Form.Item
            name="carrier"
            label={t("logistics.rates.carrier")}
            style={{ flex: "1 1 140px" }}
          >
            <Select
              allowClear
              placeholder={t("logistics.rates.allCarriers")}
              options={carriers.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            />
          </Form.Item>
        </Flex>
        <Button
          type="primary"
          htmlType="submit"
          loading={quote.isFetching}
          data-testid="quote-submit"
        >
          {t("logistics.rates.calculate")}
        </Button>
      </Form>
      {quote.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={errorText(quote.error, i18n.t, i18n.locale)}
        />
      ) : null}
      {r ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="quote-result">
          {r.quotes.length === 0 ? (
            <Alert type="warning" showIcon message={t("logistics.rates.noQuote")} />
          ) : phone ? (
            // On a phone each carrier is a block: name, weight and fee, then how it is worked out.
            <Flex vertical gap={8} data-testid="quote-list">
              {r.quotes.map((q, i) => (
                <div
                  key={q.carrier.id}
                  style={{ borderBottom: "1px solid rgba(0,0,0,0.06)", paddingBottom: 8 }}
                >
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <span>
                      {q.carrier.name}{" "}
                      {i === 0 ? <Tag color="green">{t("logistics.rates.cheapest")}</Tag> : null}
                    </span>
                    <span>
                      {q.chargeableKg} kg · <strong>¥{q.fee}</strong>
                    </span>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {renderMessage(lang, q.formula)}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          ) : (
            <Table<Row>
              size="small"
              rowKey={(q) => q.carrier.id}
              dataSource={r.quotes}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t("logistics.rates.carrier"),
                  key: "carrier",
                  width: 130,
                  render: (_: unknown, q, i) => (
                    <Flex vertical>
                      <span>{q.carrier.name}</span>
                      {i === 0 ? <Tag color="green">{t("logistics.rates.cheapest")}</Tag> : null}
                    </Flex>
                  ),
                },
                {
                  title: t("logistics.rates.chargeable"),
                  dataIndex: "chargeableKg",
                  width: 90,
                  render: (kg: string) => `${kg} kg`,
                },
                {
                  title: t("logistics.rates.fee"),
                  dataIndex: "fee",
                  width: 80,
                  render: (f: string) => <strong>¥{f}</strong>,
                },
                {
                  title: t("logistics.rates.formula"),
                  key: "formula",
                  render: (_: unknown, q) => (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {renderMessage(lang, q.formula)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          )}
          {r.leftOut.length ? (
            <div data-testid="quote-left-out">
              <Typography.Text type="secondary">{t("logistics.rates.leftOut")}:</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {r.leftOut.map((l) => (
                  <li key={l.carrier.id}>
                    {l.carrier.name}: {renderMessage(lang, l.reason)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
