// The 物流 dashboard: the cost of the parcels shipped (by carrier, province, month, day and shop), the
// cost per parcel and the cost rate, ship-on-time, missed and wrong shipments, parcels per packer
// and what carrier bills charged, over this month / last month / any range of the workspace's days;
// CSV and Excel export with headers in the page's language.
import { Alert, Empty, Flex, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../components/errors";
import { PeriodFilter, presetRange } from "../../components/PeriodFilter";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { useShops } from "../shop-data/api";
import { platformLabel } from "../shop-data/labels";
import { dashboardExportUrl, useLogisticsDashboard, type DashboardFilter } from "./cost/costApi";
import { CostCards } from "./cost/CostCards";
import { CostCharts } from "./cost/CostCharts";
import { CostTables } from "./cost/CostTables";
import { PeopleTables } from "./cost/PeopleTables";

export function LogisticsDashboardPage() {
  const { t, locale } = useI18n();
  const { workspace } = useMe();
  const today = workspaceDate(workspace.timeZone);
  const [filter, setFilter] = useState<DashboardFilter>(() => presetRange("thisMonth", today));
  const shops = useShops();
  const dash = useLogisticsDashboard(filter);
  const d = dash.data;
  return (
    <Flex vertical gap={12} data-testid="logistics-dashboard">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("logistics.cost.dash.title")}
      </Typography.Title>
      <PeriodFilter
        shops={(shops.data?.items ?? []).map((s) => ({
          id: s.id,
          label: `${s.name} · ${platformLabel(t, s.platform)}`,
        }))}
        filter={filter}
        onFilter={setFilter}
        today={today}
        exportUrl={(f, format) => dashboardExportUrl(f, format, locale)}
        testId="cost"
      />
      {dash.isError ? (
        <Alert type="error" showIcon message={errorText(dash.error, t, locale)} />
      ) : null}
      <CostCards d={d} />
      {d && d.totals.parcels === 0 ? <Empty description={t("logistics.cost.dash.noData")} /> : null}
      <CostCharts d={d} />
      {d ? <CostTables d={d} /> : null}
      {d ? <PeopleTables d={d} /> : null}
    </Flex>
  );
}
