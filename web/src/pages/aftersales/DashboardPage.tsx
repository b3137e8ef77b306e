// 售后看板: refund rate and amount by shop, reason and SKU, return rate, average handling time, SLA
// attainment, saved returns and bad reviews turned good over this month / last month / any range,
// with CSV and Excel export. The owner and the 客服 leads see every case; a 客服 member their own
// cases (no rates: a person has no orders to divide by). Every figure is the server's.
import { ArrowLeftOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, Input, Segmented, Select, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  aftersalesExportUrl,
  useAftersalesDashboard,
  type AftersalesDashboardFilter,
} from "../../api/aftersalesDashboard";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { presetRange, type Preset } from "../logistics/cost/CostFilters";
import { useShops } from "../shop-data/api";
import { Charts, Tables } from "./DashboardBreakdown";
import { Cards } from "./DashboardCards";

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
