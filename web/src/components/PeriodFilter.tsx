// The dashboards' filter bar (logistics costs, after-sales): one shop or all, this month / last month
// / the last 30 days or any range of the workspace's days, and the export of what is shown as CSV or
// Excel. Each dashboard gives its own export address and test-id prefix.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, Segmented, Select } from "antd";
import { useI18n } from "../i18n";
import { addDays } from "./plans/dates";

export type Preset = "thisMonth" | "lastMonth" | "last30";

export interface Period {
  shopId?: string;
  from: string;
  to: string;
}

const PRESETS: Preset[] = ["thisMonth", "lastMonth", "last30"];

/** The range a preset names, for the workspace's `today`. */
export function presetRange(p: Preset, today: string): { from: string; to: string } {
  if (p === "last30") return { from: addDays(today, -29), to: today };
  const first = `${today.slice(0, 8)}01`;
  if (p === "thisMonth") return { from: first, to: today };
  const lastDay = addDays(first, -1);
  return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
}

export function PeriodFilter<F extends Period>({
  shops,
  filter,
  onFilter,
  today,
  exportUrl,
  testId,
}: {
  /** The shops to choose from, each with the label to show. */
  shops: { id: string; label: string }[];
  filter: F;
  onFilter: (f: F) => void;
  today: string;
  exportUrl: (f: F, format: "csv" | "xlsx") => string;
  /** Prefix of the controls' test ids: `${testId}-shop`, `-from`, `-to`, `-export-csv`, `-export-xlsx`. */
  testId: string;
}) {
  const { t } = useI18n();
  const preset = PRESETS.find((p) => {
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
          aria-label={t("common.period.shop")}
          data-testid={`${testId}-shop`}
          options={[
            { value: "", label: t("common.period.allShops") },
            ...shops.map((s) => ({ value: s.id, label: s.label })),
          ]}
        />
        <Segmented
          value={preset ?? ""}
          options={PRESETS.map((p) => ({ value: p, label: t(`common.period.${p}`) }))}
          onChange={(v) => onFilter({ ...filter, ...presetRange(v as Preset, today) })}
        />
        <Flex gap={4} align="center" style={{ flex: "1 1 260px" }}>
          <Input
            type="date"
            aria-label={t("common.period.from")}
            value={filter.from}
            max={filter.to}
            data-testid={`${testId}-from`}
            onChange={(e) => e.target.value && onFilter({ ...filter, from: e.target.value })}
          />
          <span>–</span>
          <Input
            type="date"
            aria-label={t("common.period.to")}
            value={filter.to}
            min={filter.from}
            data-testid={`${testId}-to`}
            onChange={(e) => e.target.value && onFilter({ ...filter, to: e.target.value })}
          />
        </Flex>
        <Flex gap={4}>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(filter, "csv")}
            data-testid={`${testId}-export-csv`}
          >
            CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(filter, "xlsx")}
            data-testid={`${testId}-export-xlsx`}
          >
            Excel
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
