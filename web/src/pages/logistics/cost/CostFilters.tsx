// The logistics dashboard's filters: one shop or all, this month / last month / the last 30 days or
// any range of the workspace's days, and the export of what is shown as CSV or Excel.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, Segmented, Select } from "antd";
import { addDays } from "../../../components/plans/dates";
import { useI18n } from "../../../i18n";
import type { Shop } from "../../shop-data/api";
import { platformLabel } from "../../shop-data/labels";
import { dashboardExportUrl, type DashboardFilter } from "./costApi";

export type Preset = "thisMonth" | "lastMonth" | "last30";

/** The range a preset names, for the workspace's `today`. */
export function presetRange(p: Preset, today: string): { from: string; to: string } {
  if (p === "last30") return { from: addDays(today, -29), to: today };
  const first = `${today.slice(0, 8)}01`;
  if (p === "thisMonth") return { from: first, to: today };
  const lastDay = addDays(first, -1);
  return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
}

export function CostFilters({
  shops,
  filter,
  onFilter,
  today,
}: {
  shops: Shop[];
  filter: DashboardFilter;
  onFilter: (f: DashboardFilter) => void;
  today: string;
}) {
  const { t, locale } = useI18n();
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
          data-testid="cost-shop-filter"
          options={[
            { value: "", label: t("logistics.cost.dash.allShops") },
            ...shops.map((s) => ({
              value: s.id,
              label: `${s.name} · ${platformLabel(t, s.platform)}`,
            })),
          ]}
        />
        <Segmented
          value={preset ?? ""}
          options={presets.map((p) => ({ value: p, label: t(`logistics.cost.dash.${p}`) }))}
          onChange={(v) => onFilter({ ...filter, ...presetRange(v as Preset, today) })}
        />
        <Flex gap={4} align="center" style={{ flex: "1 1 260px" }}>
          <Input
            type="date"
            aria-label={t("logistics.cost.dash.from")}
            value={filter.from}
            max={filter.to}
            data-testid="cost-from"
            onChange={(e) => e.target.value && onFilter({ ...filter, from: e.target.value })}
          />
          <span>–</span>
          <Input
            type="date"
            aria-label={t("logistics.cost.dash.to")}
            value={filter.to}
            min={filter.from}
            data-testid="cost-to"
            onChange={(e) => e.target.value && onFilter({ ...filter, to: e.target.value })}
          />
        </Flex>
        <Flex gap={4}>
          <Button
            icon={<DownloadOutlined />}
            href={dashboardExportUrl(filter, "csv", locale)}
            data-testid="cost-export-csv"
          >
            {t("logistics.cost.dash.exportCsv")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={dashboardExportUrl(filter, "xlsx", locale)}
            data-testid="cost-export-xlsx"
          >
            {t("logistics.cost.dash.exportXlsx")}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
