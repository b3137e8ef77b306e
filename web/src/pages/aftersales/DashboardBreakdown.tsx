// The after-sales dashboard's breakdowns: charts by reason and by shop, tables by SKU and by agent.
import { Card, Col, Empty, Row, Table } from "antd";
import { useMemo } from "react";
import type { AftersalesDashboard, DashboardFigures } from "../../api/aftersalesDashboard";
import { useI18n } from "../../i18n";
import { Chart, type ChartOption } from "../dashboard/Chart";
import { reasonLabel } from "./labels";
import { duration, pct, yuan } from "./dashboardFormat";

export function Charts({ d }: { d: AftersalesDashboard }) {
  const { t, locale } = useI18n();
  // A member's own view has no rates: no chart of them.
  const own = d.scope === "own";
  const reasons = useMemo<ChartOption | null>(() => {
    const lines = d.byReason.filter((l) => l.refunds > 0 || l.cases > 0).slice(0, 10);
    if (!lines.length) return null;
    const names = lines.map((l) =>
      l.reasonCode ? reasonLabel(locale, l.reasonCode) : t("aftersales.dash.noReason"),
    );
    return {
      tooltip: { trigger: "axis" },
      legend: { data: [t("aftersales.dash.refundCount"), t("aftersales.dash.caseCount")], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: names, inverse: true },
      series: [
        {
          name: t("aftersales.dash.refundCount"),
          type: "bar",
          data: lines.map((l) => l.refunds),
          color: "#d4380d",
        },
        {
          name: t("aftersales.dash.caseCount"),
          type: "bar",
          data: lines.map((l) => l.cases),
          color: "#1677ff",
        },
      ],
    };
  }, [d, locale]);
  const shops = useMemo<ChartOption | null>(() => {
    const lines = d.byShop.filter((l) => l.refundRate !== null);
    if (!lines.length) return null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      legend: { data: [t("aftersales.dash.refundRate"), t("aftersales.dash.returnRate")], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: lines.map((l) => l.name) },
      yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      series: [
        {
          name: t("aftersales.dash.refundRate"),
          type: "bar",
          data: lines.map((l) => Number(((l.refundRate ?? 0) * 100).toFixed(1))),
          color: "#d4380d",
        },
        {
          name: t("aftersales.dash.returnRate"),
          type: "bar",
          data: lines.map((l) => Number(((l.returnRate ?? 0) * 100).toFixed(1))),
          color: "#faad14",
        },
      ],
    };
  }, [d, locale]);
  const noData = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ height: 240, display: "flex", flexDirection: "column", justifyContent: "center" }}
    />
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={own ? 24 : 12}>
        <Card size="small" title={t("aftersales.dash.byReason")}>
          {reasons ? <Chart option={reasons} height={260} testId="asd-chart-reasons" /> : noData}
        </Card>
      </Col>
      {own ? null : (
        <Col xs={24} lg={12}>
          <Card size="small" title={t("aftersales.dash.byShop")}>
            {shops ? <Chart option={shops} height={260} testId="asd-chart-shops" /> : noData}
          </Card>
        </Col>
      )}
    </Row>
  );
}

export function Tables({ d }: { d: AftersalesDashboard }) {
  const { t } = useI18n();
  const own = d.scope === "own";
  type Line = DashboardFigures & { key: string };
  const rateCols = own
    ? []
    : [
        {
          title: t("aftersales.dash.paidOrders"),
          dataIndex: "paidOrders",
          align: "right" as const,
          render: (v: number | null) => v ?? "—",
        },
        {
          title: t("aftersales.dash.refundRate"),
          dataIndex: "refundRate",
          align: "right" as const,
          render: pct,
        },
      ];
  const skuRows: Line[] = d.bySku.map((l) => ({ ...l, key: l.sku ?? "" }));
  const memberRows: (Line & { name: string })[] = d.byMember.map((l) => ({
    ...l,
    key: l.memberId ?? "",
    name: l.memberId ? (l.name ?? l.memberId) : t("aftersales.dash.unassigned"),
  }));
  return (
    // Side by side only on a wide screen: the agents' table has eight columns, and in English at
    // 1440 px half the width cut its last two (saved returns, reviews turned good) off to a scroll.
    <Row gutter={[12, 12]}>
      <Col xs={24} xxl={12}>
        <Card size="small" title={t("aftersales.dash.bySku")}>
          <Table<Line>
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            dataSource={skuRows}
            data-testid="asd-sku"
            columns={[
              {
                title: "SKU",
                dataIndex: "key",
                render: (k: string) => k || t("aftersales.dash.noSku"),
              },
              { title: t("aftersales.dash.refundCount"), dataIndex: "refunds", align: "right" },
              {
                title: t("aftersales.dash.refundAmount"),
                dataIndex: "refundFen",
                align: "right",
                render: yuan,
              },
              ...rateCols,
              { title: t("aftersales.dash.returnCount"), dataIndex: "returns", align: "right" },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card size="small" title={t("aftersales.dash.byMember")}>
          <Table<Line & { name: string }>
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={memberRows}
            data-testid="asd-members"
            columns={[
              { title: t("aftersales.dash.member"), dataIndex: "name" },
              { title: t("aftersales.dash.endedCol"), dataIndex: "ended", align: "right" },
              {
                title: t("aftersales.dash.handling"),
                dataIndex: "avgHandlingMinutes",
                align: "right",
                render: (v: number | null) => duration(t, v),
              },
              {
                title: t("aftersales.dash.sla"),
                dataIndex: "slaAttainment",
                align: "right",
                render: pct,
              },
              { title: t("aftersales.dash.refundCount"), dataIndex: "refunds", align: "right" },
              { title: t("aftersales.dash.saved"), dataIndex: "savedReturns", align: "right" },
              {
                title: t("aftersales.dash.reviews"),
                dataIndex: "reviewsTurnedGood",
                align: "right",
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
