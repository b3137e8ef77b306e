// The dashboard's charts: the GMV trend against the previous period, the split by platform and
// shop, top products, provinces and refund reasons. An empty chart shows "no data", not bare axes.
import { Card, Col, Empty, Row, Skeleton } from "antd";
import { useMemo } from "react";
import type { Breakdown, Kpis } from "../shop-data/api";
import { useI18n } from "../../i18n";
import { platformLabel } from "../shop-data/labels";
import { Chart, type ChartOption } from "./Chart";
import { num } from "./KpiCards";

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

export function DashboardCharts({
  kpis: k,
  breakdown: b,
}: {
  kpis: Kpis | undefined;
  breakdown: Breakdown | undefined;
}) {
  const { t } = useI18n();
  const compact = (v: number) =>
    v >= 10000
      ? t("common.compactNumber", { thousands: v / 1000, tenThousands: v / 10000 })
      : String(v);

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
    [k, t],
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
                  name: platformLabel(t, p.platform),
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
    [b, t],
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

  return (
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
  );
}
