// The shop dashboard (数据看板): KPI cards against the previous period, the trend and breakdown
// charts, for one shop or all, over the last 7 / 30 / 90 days or any range; CSV and XLSX export.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Flex, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../components/errors";
import { addDays, daysBetween } from "../../components/plans/dates";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import {
  exportUrl,
  useBreakdown,
  useKpis,
  useShipping,
  useShops,
  type KpiFilter,
} from "../shop-data/api";
import { DashboardCharts } from "./DashboardCharts";
import { DashboardFilters, type Granularity, type Range } from "./DashboardFilters";
import { KpiCards } from "./KpiCards";

export function DashboardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { workspace } = useMe();
  // The shop's days are the workspace's days.
  const today = () => workspaceDate(workspace.timeZone);
  const [range, setRange] = useState<Range>(() => ({ from: addDays(today(), -29), to: today() }));
  const [shopId, setShopId] = useState<string | undefined>(undefined);
  const [granularity, setGranularity] = useState<Granularity>("day");
  const filter: KpiFilter = { ...range, shopId, granularity };
  const shops = useShops();
  const kpis = useKpis(filter);
  // The repurchase rate counts the range's orders: asked for separately so the rest is not held up.
  const customers = useKpis({ ...range, shopId, granularity: "month", repurchase: true });
  const breakdown = useBreakdown(filter);
  const shipping = useShipping(filter);
  const k = kpis.data;
  const days = daysBetween(range.from, range.to) + 1;
  const presetValue = range.to === today() && [7, 30, 90].includes(days) ? days : undefined;
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
      <DashboardFilters
        shops={shops.data?.items ?? []}
        shopId={shopId}
        onShop={setShopId}
        range={range}
        onRange={setRange}
        presetValue={presetValue}
        onPreset={preset}
        granularity={granularity}
        onGranularity={setGranularity}
      />
      {noShops ? <Alert type="info" showIcon message={t("dash.noShops")} /> : null}
      {k?.excludedShopIds.length ? (
        <Alert
          type="warning"
          showIcon
          message={t("dash.excluded", { n: k.excludedShopIds.length })}
        />
      ) : null}
      {kpis.isError ? <Alert type="error" message={errorText(kpis.error, i18n.t)} /> : null}
      <KpiCards kpis={kpis.data} customers={customers.data} shipping={shipping.data} />
      {k && k.totals.paidOrders === 0 && !noShops ? <Empty description={t("dash.noData")} /> : null}
      <DashboardCharts kpis={k} breakdown={breakdown.data} />
    </Flex>
  );
}
