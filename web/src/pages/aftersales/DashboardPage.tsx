// 售后看板: refund rate and amount by shop, reason and SKU, return rate, average handling time, SLA
// attainment, saved returns and bad reviews turned good over this month / last month / any range,
// with CSV and Excel export. The owner and the 客服 leads see every case; a 客服 member their own
// cases (no rates: a person has no orders to divide by). Every figure is the server's.
import { ArrowLeftOutlined, DownloadOutlined, InfoCircleOutlined } from "@ant-design/icons";
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
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import {
  aftersalesExportUrl,
  useAftersalesDashboard,
  type AftersalesDashboard,
  type AftersalesDashboardFilter,
  type DashboardFigures,
} from "../../api/aftersalesDashboard";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { Chart, type ChartOption } from "../dashboard/Chart";
import { presetRange, type Preset } from "../logistics/cost/CostFilters";
import { useShops } from "../shop-data/api";
import { money, reasonLabel } from "./labels";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
const yuan = (fen: number) => money(fen, "CNY");
type T = ReturnType<typeof useI18n>["t"];
/** Minutes as people read a handling time: minutes under two hours, hours under two days, else days. */
const duration = (t: T, minutes: number | null) =>
  minutes === null
    ? "—"
    : minutes < 120
      ? t("aftersales.dash.minutes", { minutes: minutes.toFixed(0) })
      : minutes < 2880
        ? t("aftersales.dash.hours", { hours: (minutes / 60).toFixed(1) })
        : t("aftersales.dash.days", { days: (minutes / 1440).toFixed(1) });

function Filters({
  filter,
  onFilter,
  today,
}: {
  filter: AftersalesDashboardFilter;
  onFilter: (f: AftersalesDashboardFilter) => void;
  today: string;
}) {
  const { t, locale } = useI18n();
  const shops = useShops().data?.items ?? [];
  const presets: Preset[] = ["thisMonth", "lastMonth", "last30"];
  const preset = presets.find((p) => {
    const r = presetRange(p, today);
    return r.from === filter.from && r.to === filter.to;
  });
  return (
    <Card size="small">
      <Flex wrap gap={8} align="center">
        <Select
          style={{ minWidth: 160, flex: "1 1 160px" }}
          value={filter.shopId ?? ""}
          onChange={(v: string) => onFilter({ ...filter, shopId: v || undefined })}
          aria-label={t("aftersales.filter.shop")}
          data-testid="asd-shop"
          options={[
            { value: "", label: t("aftersales.filter.allShops") },
            ...shops.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <Segmented
          value={preset ?? ""}
          options={presets.map((p) => ({ value: p, label: t(`aftersales.dash.${p}`) }))}
          onChange={(v) => onFilter({ ...filter, ...presetRange(v as Preset, today) })}
        />
        <Flex gap={4} align="center" style={{ flex: "1 1 260px" }}>
          <Input
            type="date"
            aria-label={t("aftersales.dash.from")}
            value={filter.from}
            max={filter.to}
            data-testid="asd-from"
            onChange={(e) => e.target.value && onFilter({ ...filter, from: e.target.value })}
          />
          <span>–</span>
          <Input
            type="date"
            aria-label={t("aftersales.dash.to")}
            value={filter.to}
            min={filter.from}
            data-testid="asd-to"
            onChange={(e) => e.target.value && onFilter({ ...filter, to: e.target.value })}
          />
        </Flex>
        <Flex gap={4}>
          <Button
            icon={<DownloadOutlined />}
            href={aftersalesExportUrl(filter, "csv", locale)}
            data-testid="asd-export-csv"
          >
            CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={aftersalesExportUrl(filter, "xlsx", locale)}
            data-testid="asd-export-xlsx"
          >
            Excel
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function Cards({ d }: { d: AftersalesDashboard | undefined }) {
  const { t } = useI18n();
  const f = d?.totals;
  const cards: { id: string; title: string; def: string; value: string; sub: string }[] = f
    ? [
        {
          id: "refundRate",
          title: t("aftersales.dash.refundRate"),
          def: t("aftersales.dash.refundRateDef"),
          value: pct(f.refundRate),
          sub:
            f.paidOrders === null
              ? t("aftersales.dash.ownCases")
              : t("aftersales.dash.ofOrders", { count: f.refunds, orders: f.paidOrders }),
        },
        {
          id: "refundAmount",
          title: t("aftersales.dash.refundAmount"),
          def: t("aftersales.dash.refundAmountDef"),
          value: yuan(f.refundFen),
          sub: t("aftersales.dash.refunds", { count: f.refunds }),
        },
        {
          id: "returnRate",
          title: t("aftersales.dash.returnRate"),
          def: t("aftersales.dash.returnRateDef"),
          value: pct(f.returnRate),
          sub:
            f.paidOrders === null
              ? t("aftersales.dash.returns", { count: f.returns })
              : t("aftersales.dash.ofOrders", { count: f.returns, orders: f.paidOrders }),
        },
        {
          id: "handling",
          title: t("aftersales.dash.handling"),
          def: t("aftersales.dash.handlingDef"),
          value: duration(t, f.avgHandlingMinutes),
          sub: t("aftersales.dash.ended", { count: f.ended }),
        },
        {
          id: "sla",
          title: t("aftersales.dash.sla"),
          def: t("aftersales.dash.slaDef"),
          value: pct(f.slaAttainment),
          sub: t("aftersales.dash.slaLine", { met: f.slaMet, breached: f.slaBreached }),
        },
        {
          id: "saved",
          title: t("aftersales.dash.saved"),
          def: t("aftersales.dash.savedDef"),
          value: String(f.savedReturns),
          sub: t("aftersales.dash.casesOpened", { count: f.cases }),
        },
        {
          id: "reviews",
          title: t("aftersales.dash.reviews"),
          def: t("aftersales.dash.reviewsDef"),
          value: String(f.reviewsTurnedGood),
          sub: t("aftersales.dash.reviewsSub"),
        },
      ]
    : [];
  if (!f)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.id} xs={12} md={8} xl={6}>
          <Card size="small" data-testid={`asd-card-${c.id}`} style={{ height: "100%" }}>
            <Statistic
              title={
                <Flex gap={4} align="center">
                  <span>{c.title}</span>
                  <Tooltip title={c.def}>
                    <InfoCircleOutlined />
                  </Tooltip>
                </Flex>
              }
              value={c.value}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.sub}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Charts({ d }: { d: AftersalesDashboard }) {
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

function Tables({ d }: { d: AftersalesDashboard }) {
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
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
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
      <Col xs={24} xl={12}>
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

export function AftersalesDashboardPage() {
  const { t, locale } = useI18n();
  const { workspace } = useMe();
  const today = workspaceDate(workspace.timeZone);
  const [filter, setFilter] = useState<AftersalesDashboardFilter>(() =>
    presetRange("thisMonth", today),
  );
  const dash = useAftersalesDashboard(filter);
  const d = dash.data;
  return (
    <Flex vertical gap={12} data-testid="aftersales-dashboard">
      <Flex wrap gap={8} align="center" justify="space-between">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("aftersales.dash.title")}
          </Typography.Title>
          {d ? (
            <Typography.Text type="secondary" data-testid="asd-scope">
              {d.scope === "own" ? t("aftersales.dash.scopeOwn") : t("aftersales.dash.scopeAll")}
            </Typography.Text>
          ) : null}
        </div>
        <Link to="/aftersales">
          <Button icon={<ArrowLeftOutlined />}>{t("aftersales.dash.toCases")}</Button>
        </Link>
      </Flex>
      <Filters filter={filter} onFilter={setFilter} today={today} />
      {dash.isError ? (
        <Alert type="error" showIcon message={errorText(dash.error, t, locale)} />
      ) : null}
      <Cards d={d} />
      {d && d.totals.cases === 0 && d.totals.ended === 0 ? (
        <Empty description={t("aftersales.dash.noData")} />
      ) : null}
      {d ? <Charts d={d} /> : null}
      {d ? <Tables d={d} /> : null}
    </Flex>
  );
}
