// 售后看板: refund rate and amount by shop, reason and SKU, return rate, average handling time, SLA
// attainment, saved returns and bad reviews turned good over this month / last month / any range,
// with CSV and Excel export. The owner and the 客服 leads see every case; a 客服 member their own
// cases (no rates: a person has no orders to divide by). Every figure is the server's.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Flex, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  aftersalesExportUrl,
  useAftersalesDashboard,
  type AftersalesDashboardFilter,
} from "../../api/aftersalesDashboard";
import { ApiError } from "../../api/client";
import { errorText } from "../../components/errors";
import { PeriodFilter, presetRange } from "../../components/PeriodFilter";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { useShops } from "../shop-data/api";
import { platformLabel } from "../shop-data/labels";
import { Charts, Tables } from "./DashboardBreakdown";
import { Cards } from "./DashboardCards";

export function AftersalesDashboardPage() {
  const { t, locale } = useI18n();
  const { workspace } = useMe();
  const today = workspaceDate(workspace.timeZone);
  const [filter, setFilter] = useState<AftersalesDashboardFilter>(() =>
    presetRange("thisMonth", today),
  );
  const shops = useShops().data?.items ?? [];
  const dash = useAftersalesDashboard(filter);
  const d = dash.data;
  // Refused (a 运营 lead following a link): the reason alone — no filters, no export buttons, no
  // cards waiting for figures that will not come.
  const refused = dash.error instanceof ApiError && dash.error.status === 403;
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
      {refused ? null : (
        <PeriodFilter
          shops={shops.map((s) => ({
            id: s.id,
            label: `${s.name} · ${platformLabel(t, s.platform)}`,
          }))}
          filter={filter}
          onFilter={setFilter}
          today={today}
          exportUrl={(f, format) => aftersalesExportUrl(f, format, locale)}
          testId="asd"
        />
      )}
      {dash.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(dash.error, t, locale)}
          data-testid="asd-error"
        />
      ) : null}
      {dash.isError ? null : <Cards d={d} />}
      {d && d.totals.cases === 0 && d.totals.ended === 0 ? (
        <Empty description={t("aftersales.dash.noData")} />
      ) : null}
      {d ? <Charts d={d} /> : null}
      {d ? <Tables d={d} /> : null}
    </Flex>
  );
}
