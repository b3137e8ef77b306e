// The dashboard's charts (the shop dashboard's ECharts component): cost and parcels per day, the
// split by carrier, and the provinces that cost the most.
import { Card, Col, Empty, Row } from "antd";
import { useMemo } from "react";
import { useI18n } from "../../../i18n";
import { Chart, type ChartOption } from "../../dashboard/Chart";
import type { LogisticsDashboard } from "./costApi";

const NoData = () => (
  <Empty
    image={Empty.PRESENTED_IMAGE_SIMPLE}
    style={{ height: 260, display: "flex", flexDirection: "column", justifyContent: "center" }}
  />
);

export function CostCharts({ d }: { d: LogisticsDashboard | undefined }) {
  const { t, locale } = useI18n();
  const noCarrier = t("logistics.cost.dash.noCarrier");
  const noProvince = t("logistics.cost.dash.noProvince");

  const trend = useMemo<ChartOption | null>(
    () =>
      !d || d.byDay.length === 0
        ? null
        : {
            tooltip: { trigger: "axis" },
            legend: {
              data: [t("logistics.cost.dash.cost"), t("logistics.cost.dash.parcels")],
              top: 0,
            },
            grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: "category", data: d.byDay.map((x) => x.date.slice(5)) },
            yAxis: [{ type: "value" }, { type: "value", splitLine: { show: false } }],
            series: [
              {
                name: t("logistics.cost.dash.cost"),
                type: "bar",
                data: d.byDay.map((x) => Number(x.cost)),
                color: "#d4380d",
              },
              {
                name: t("logistics.cost.dash.parcels"),
                type: "line",
                yAxisIndex: 1,
                smooth: true,
                data: d.byDay.map((x) => x.parcels),
                color: "#1677ff",
              },
            ],
          },
    [d, locale],
  );
  const carriers = useMemo<ChartOption | null>(
    () =>
      !d || d.byCarrier.length === 0
        ? null
        : {
            tooltip: { trigger: "item", formatter: "{b}: ¥{c} ({d}%)" },
            legend: { bottom: 0, type: "scroll" },
            series: [
              {
                type: "pie",
                radius: ["30%", "64%"],
                center: ["50%", "44%"],
                // Labels beside a narrow card's ring are cut off: the share is in the ring, the rest in
                // the tooltip. In whole percent, or "43.16%" spills out of the ring at 1440 px and
                // its white "4" vanishes on the card ("3.16%").
                percentPrecision: 0,
                label: { position: "inside", formatter: "{d}%", color: "#fff" },
                data: d.byCarrier.map((c) => ({
                  name: c.name ?? noCarrier,
                  value: Number(c.cost),
                })),
              },
            ],
          },
    [d, locale],
  );
  const provinces = useMemo<ChartOption | null>(() => {
    if (!d || d.byProvince.length === 0) return null;
    const top = d.byProvince.slice(0, 12).reverse();
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: top.map((p) => p.province ?? noProvince) },
      series: [
        {
          name: t("logistics.cost.dash.cost"),
          type: "bar",
          data: top.map((p) => Number(p.cost)),
          color: "#fa8c16",
        },
      ],
    };
  }, [d, locale]);

  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("logistics.cost.dash.trend")} data-testid="cost-chart-trend">
          {trend ? <Chart option={trend} height={260} /> : <NoData />}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card
          size="small"
          title={t("logistics.cost.dash.byCarrier")}
          data-testid="cost-chart-carrier"
        >
          {carriers ? <Chart option={carriers} height={260} /> : <NoData />}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card
          size="small"
          title={t("logistics.cost.dash.byProvince")}
          data-testid="cost-chart-province"
        >
          {provinces ? <Chart option={provinces} height={260} /> : <NoData />}
        </Card>
      </Col>
    </Row>
  );
}
