// The dashboard's filters: the shop, the last 7 / 30 / 90 days or any range, and the granularity
// of the trend.
import { Card, Flex, Input, Segmented, Select } from "antd";
import type { Shop } from "../shop-data/api";
import { useI18n } from "../../i18n";
import { platformLabel } from "../shop-data/labels";

export type Granularity = "day" | "week" | "month";
export interface Range {
  from: string;
  to: string;
}

export function DashboardFilters({
  shops,
  shopId,
  onShop,
  range,
  onRange,
  presetValue,
  onPreset,
  granularity,
  onGranularity,
}: {
  shops: Shop[];
  shopId: string | undefined;
  onShop: (id: string | undefined) => void;
  range: Range;
  onRange: (range: Range) => void;
  /** The preset the range matches (7, 30, 90 days to today), if any. */
  presetValue: number | undefined;
  onPreset: (days: number) => void;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Flex wrap gap={8} align="center">
        <Select
          style={{ minWidth: 160, flex: "1 1 160px" }}
          value={shopId ?? ""}
          onChange={(v) => onShop(v || undefined)}
          data-testid="shop-filter"
          options={[
            { value: "", label: t("dash.allShops") },
            ...shops.map((s) => ({
              value: s.id,
              label: `${s.name} · ${platformLabel(t, s.platform)}`,
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
          onChange={(v) => onPreset(v as number)}
        />
        <Flex gap={4} align="center" style={{ flex: "1 1 260px" }}>
          <Input
            type="date"
            aria-label={t("dash.from")}
            value={range.from}
            max={range.to}
            onChange={(e) => e.target.value && onRange({ ...range, from: e.target.value })}
          />
          <span>–</span>
          <Input
            type="date"
            aria-label={t("dash.to")}
            value={range.to}
            min={range.from}
            onChange={(e) => e.target.value && onRange({ ...range, to: e.target.value })}
          />
        </Flex>
        <Segmented
          value={granularity}
          onChange={(v) => onGranularity(v as Granularity)}
          options={[
            { value: "day", label: t("dash.day") },
            { value: "week", label: t("dash.week") },
            { value: "month", label: t("dash.month") },
          ]}
        />
      </Flex>
    </Card>
  );
}
