import { DownloadOutlined, InfoCircleOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import {
  exportUrl,
  useBreakdown,
  useKpis,
  useShipping,
  useShops,
  type KpiFilter,
  type Kpis,
} from "../shop-data/api";
import { platformLabel, useShopT, type ShopKey } from "../shop-data/strings";
import { Chart, type ChartOption } from "./Chart";

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const num = (s: string) => Number(s);
const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);
const money = (s: string, currency: string) =>
  `${currency === "CNY" ? "¥" : `${currency} `}${Number(s).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

type CardDef = {
  key: ShopKey;
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
  t: ReturnType<typeof useShopT>["t"];
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

/** An empty chart card: a grey ring or bare axes read as a broken chart. */
const NoData = () => (
  <Empty
    image={Empty.PRESENTED_IMAGE_SIMPLE}
    style={{
      height: 300,
      display: "flex",
      flexDirection: "column",
      justifyContent: "center",
      margin: 0,
    }}
  />
);

export function DashboardPage() {
  const { t, locale } = useShopT();
  const i18n = useI18n();
  const [range, setRange] = useState<{ from: string; to: string }>(() => ({
    from: addDays(today(), -29),
    to: today(),
  }));
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const [granularity, setGranularity] = useState<"day" | "week" | "month">("day");
  const filter: KpiFilter = { ...range, shopId, granularity };
  const shops = useShops();
  const kpis = useKpis(filter);
  // The repurchase rate counts the range's orders: asked for separately so the rest is not held up.
  const customers = useKpis({ ...range, shopId, granularity: "month", repurchase: true });
  const breakdown = useBreakdown(filter);
  const shipping = useShipping(filter);
  const sh = shipping.data;
  const k = kpis.data;
  const b = breakdown.data;
  const lang = locale === "en" ? "en" : "zh";
  const compact = (v: number) =>
    v >= 10000 ? (lang === "zh" ? `${v / 10000}万` : `${v / 1000}k`) : String(v);
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  const presetValue = range.to === today() && [7, 30, 90].includes(days) ? days : undefined;

  const trend = useMemo<ChartOption | null>(
    () =>
      !k
        ? null
        : {
            tooltip: { trigger: "axis" },
            legend: { data: [t("dash.current"), t("dash.previous")], top: 0 },
            grid: { left: 8, right: 12, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: "category", data: k.series.map((s) => s.period.slice(5)) },
            yAxis: { type: "value", axisLabel: { formatter: compact } },
            series: [
              {
                name: t("dash.current"),
                type: "line",
                smooth: true,
                data: k.series.map((s) => num(s.gmv)),
                areaStyle: { opacity: 0.08 },
                color: "#d4380d",
              },
              {
                name: t("dash.previous"),
                type: "line",
                smooth: true,
                data: k.previousSeries.map((s) => num(s.gmv)),
                lineStyle: { type: "dashed" },
                color: "#8c8c8c",
              },
            ],
          },
    [k, locale],
  );
  const split = useMemo<ChartOption | null>(
    () =>
      !b
        ? null
        : {
            tooltip: { trigger: "item" },
            legend: { bottom: 0, type: "scroll" },
            series: [
              {
                type: "pie",
                radius: ["0%", "38%"],
                center: ["50%", "45%"],
                label: { show: false },
                data: b.byPlatform.map((p) => ({
                  name: platformLabel(p.platform, locale),
                  value: num(p.gmv),
                })),
              },
              {
                type: "pie",
                radius: ["50%", "68%"],
                center: ["50%", "45%"],
                label: { show: false },
                data: b.byShop.map((s) => ({ name: s.name, value: num(s.gmv) })),
              },
            ],
          },
    [b, locale],
  );
  const bars = (rows: { name: string; value: number }[], color: string): ChartOption => ({
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: compact } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 110, overflow: "truncate" },
    },
    series: [{ type: "bar", data: rows.map((r) => r.value), color, barMaxWidth: 18 }],
  });
  const reasons = useMemo<ChartOption | null>(
    () =>
      !b
        ? null
        : {
            tooltip: { trigger: "item" },
            legend: { bottom: 0, type: "scroll" },
            series: [
              {
                type: "pie",
                radius: ["35%", "62%"],
                center: ["50%", "44%"],
                label: { show: false },
                data: b.refundReasons.map((r) => ({ name: r.reason, value: r.refunds })),
              },
            ],
          },
    [b],
  );

  const preset = (days: number) => setRange({ from: addDays(today(), -(days - 1)), to: today() });
  const noShops = shops.data && shops.data.items.length === 0;

  return (
    <Flex vertical gap={12} data-testid="dashboard">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("dash.title")}
        </Typography.Title>
        <Flex gap={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={exportUrl(filter, "csv")}
            data-testid="export-csv"
          >
            {t("dash.exportCsv")}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} href={exportUrl(filter, "xlsx")}>
            {t("dash.exportXlsx")}
          </Button>
        </Flex>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Select
            style={{ minWidth: 160, flex: "1 1 160px" }}
            value={shopId ?? ""}
            onChange={(v) => setShopId(v || undefined)}
            data-testid="shop-filter"
            options={[
              { value: "", label: t("dash.allShops") },
              ...(shops.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.name} · ${platformLabel(s.platform, locale)}`,
              })),
            ]}
          />
          <Segmented
            size="middle"
            value={presetValue ?? -1}
            options={[
              { value: 7, label: t("dash.last7") },
              { value: 30, label: t("dash.last30") },
              { value: 90, label: t("dash.last90") },
            ]}
            onChange={(v) => preset(v as number)}
          />
          <Flex gap={4} align="center" style={{ flex: "1 1 260px" }}>
            <Input
              type="date"
              aria-label={t("dash.from")}
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            />
            <span>–</span>
            <Input
              type="date"
              aria-label={t("dash.to")}
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            />
          </Flex>
          <Segmented
            value={granularity}
            onChange={(v) => setGranularity(v as "day" | "week" | "month")}
            options={[
              { value: "day", label: t("dash.day") },
              { value: "week", label: t("dash.week") },
              { value: "month", label: t("dash.month") },
            ]}
          />
        </Flex>
      </Card>
      {noShops ? <Alert type="info" showIcon message={t("dash.noShops")} /> : null}
      {k?.excludedShopIds.length ? (
        <Alert
          type="warning"
          showIcon
          message={t("dash.excluded", { n: k.excludedShopIds.length })}
        />
      ) : null}
      {kpis.isError ? <Alert type="error" message={errorText(kpis.error, i18n.t)} /> : null}
      <Row gutter={[8, 8]}>
        {CARDS.map((c) => ({ c, k: c.slow ? customers.data : kpis.data })).map(({ c, k }) => (
          <Col key={c.key} xs={12} sm={12} md={8}>
            <Card size="small" styles={{ body: { padding: 12 } }} data-testid={`kpi-${c.def}`}>
              {k ? (
                <Flex vertical gap={2}>
                  <Statistic
                    title={
                      <Tooltip title={k.definitions[c.def]?.[lang]}>
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
                      {k.definitions[c.def]?.[lang]}
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
      {k && k.totals.paidOrders === 0 && !noShops ? <Empty description={t("dash.noData")} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t("dash.trend")}>
            {trend ? <Chart option={trend} testId="chart-trend" /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("dash.split")}>
            {split ? <Chart option={split} testId="chart-split" /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("dash.topProducts")}>
            {!b ? (
              <Skeleton active />
            ) : b.topProducts.length ? (
              <Chart
                option={bars(
                  b.topProducts.map((p) => ({ name: p.title, value: num(p.sales) })),
                  "#d4380d",
                )}
                height={300}
              />
            ) : (
              <NoData />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("dash.provinces")}>
            {!b ? (
              <Skeleton active />
            ) : b.provinces.length ? (
              <Chart
                option={bars(
                  b.provinces.slice(0, 12).map((p) => ({ name: p.province, value: num(p.gmv) })),
                  "#1677ff",
                )}
                height={300}
              />
            ) : (
              <NoData />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t("dash.refundReasons")}>
            {!reasons || !b ? (
              <Skeleton active />
            ) : b.refundReasons.length ? (
              <Chart option={reasons} height={300} />
            ) : (
              <NoData />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
