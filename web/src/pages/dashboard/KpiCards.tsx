// The dashboard's KPI cards: each figure with its definition on hover and the change against the
// previous period (lower is better for the refund rate); the repurchase figures, which take longer,
// and the ship-on-time rate arrive on their own.
import { InfoCircleOutlined } from "@ant-design/icons";
import { Card, Col, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from "antd";
import type { Kpis, Shipping } from "../shop-data/api";
import { useI18n, type Translate } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { messageText } from "../../i18n/messages";

export const num = (s: string) => Number(s);
export const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);
export const money = (s: string, currency: string) =>
  `${currency === "CNY" ? "¥" : `${currency} `}${Number(s).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

type CardDef = {
  key: MessageKey;
  def: string;
  value: (k: Kpis) => string;
  prev?: (k: Kpis) => [number, number];
  lowerIsBetter?: boolean;
  slow?: boolean;
};

const CARDS: CardDef[] = [
  {
    key: "kpi.gmv",
    def: "gmv",
    value: (k) => money(k.totals.gmv, k.currency),
    prev: (k) => [num(k.totals.gmv), num(k.previous.totals.gmv)],
  },
  {
    key: "kpi.paidOrders",
    def: "paidOrders",
    value: (k) => String(k.totals.paidOrders),
    prev: (k) => [k.totals.paidOrders, k.previous.totals.paidOrders],
  },
  {
    key: "kpi.aov",
    def: "aov",
    value: (k) => money(k.totals.aov, k.currency),
    prev: (k) => [num(k.totals.aov), num(k.previous.totals.aov)],
  },
  {
    key: "kpi.conversion",
    def: "conversion",
    value: (k) => pct(k.totals.conversion),
    prev: (k) => [k.totals.conversion ?? 0, k.previous.totals.conversion ?? 0],
  },
  {
    key: "kpi.refundRate",
    def: "refundRate",
    value: (k) => pct(k.totals.refundRate),
    prev: (k) => [k.totals.refundRate ?? 0, k.previous.totals.refundRate ?? 0],
    lowerIsBetter: true,
  },
  {
    key: "kpi.netGmv",
    def: "netGmv",
    value: (k) => money(k.totals.netGmv, k.currency),
    prev: (k) => [num(k.totals.netGmv), num(k.previous.totals.netGmv)],
  },
  {
    key: "kpi.repurchaseRate",
    def: "repurchaseRate",
    value: (k) => pct(k.totals.repurchaseRate),
    slow: true,
  },
  {
    key: "kpi.newCustomers",
    def: "newCustomers",
    value: (k) => `${k.totals.newCustomers} / ${k.totals.customers ?? "—"}`,
    slow: true,
  },
];

function Delta({
  now,
  before,
  t,
  lowerIsBetter,
}: {
  now: number;
  before: number;
  t: Translate;
  lowerIsBetter?: boolean;
}) {
  if (before === 0)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        —
      </Typography.Text>
    );
  const d = (now - before) / Math.abs(before);
  return (
    <Typography.Text
      style={{ fontSize: 12, color: d >= 0 !== !!lowerIsBetter ? "#389e0d" : "#cf1322" }}
    >
      {d >= 0 ? "▲" : "▼"} {(Math.abs(d) * 100).toFixed(1)}%{" "}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("dash.vsPrevious")}
      </Typography.Text>
    </Typography.Text>
  );
}

export function KpiCards({
  kpis,
  customers,
  shipping: sh,
}: {
  /** The period's figures; undefined while they load. */
  kpis: Kpis | undefined;
  /** The slow figures (repurchase, customers), asked for separately. */
  customers: Kpis | undefined;
  shipping: Shipping | undefined;
}) {
  const { t, locale } = useI18n();
  const definition = (k: Kpis, key: string) => {
    const d = k.definitions[key];
    return d ? messageText(locale, d.code, d.params) : null;
  };
  return (
    <Row gutter={[8, 8]}>
      {CARDS.map((c) => ({ c, k: c.slow ? customers : kpis })).map(({ c, k }) => (
        <Col key={c.key} xs={12} sm={12} md={8}>
          <Card size="small" styles={{ body: { padding: 12 } }} data-testid={`kpi-${c.def}`}>
            {k ? (
              <Flex vertical gap={2}>
                <Statistic
                  title={
                    <Tooltip title={definition(k, c.def)}>
                      <span>
                        {t(c.key)} <InfoCircleOutlined style={{ color: "#8c8c8c" }} />
                      </span>
                    </Tooltip>
                  }
                  value={c.value(k)}
                  valueStyle={{ fontSize: 20 }}
                />
                {c.prev ? (
                  <Delta
                    now={c.prev(k)[0]}
                    before={c.prev(k)[1]}
                    t={t}
                    lowerIsBetter={c.lowerIsBetter}
                  />
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {definition(k, c.def)}
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} />
            )}
          </Card>
        </Col>
      ))}
      <Col xs={12} sm={12} md={8}>
        <Card size="small" styles={{ body: { padding: 12 } }} data-testid="kpi-shipOnTime">
          {sh ? (
            <Flex vertical gap={2}>
              <Statistic
                title={
                  <Tooltip title={t("kpi.shipOnTimeDef")}>
                    <span>
                      {t("kpi.shipOnTime")} <InfoCircleOutlined style={{ color: "#8c8c8c" }} />
                    </span>
                  </Tooltip>
                }
                value={pct(sh.rate)}
                valueStyle={{ fontSize: 20 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {t("kpi.shipLate", { due: sh.due, late: sh.late, overdue: sh.overdue })}
              </Typography.Text>
            </Flex>
          ) : (
            <Skeleton active paragraph={{ rows: 1 }} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
