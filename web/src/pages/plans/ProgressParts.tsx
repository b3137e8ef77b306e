// Parts of a plan's progress tab: the S-curve and trend chart options from the daily history, and
// the table of earned value by person or by department (PlanProgressTab.tsx).
import { Space, Table } from "antd";
import type { Evm, PlanProgressHistory } from "../../api/progress";
import type { Translate } from "../../i18n";
import type { ChartOption } from "../dashboard/Chart";
import { DASH, LightTag, hours, ratio } from "./progressFormat";

export function curves(
  h: PlanProgressHistory,
  t: Translate,
): { s: ChartOption; trend: ChartOption } {
  const measured = [...h.items.map((i) => ({ ...i })), ...(h.live ? [h.live] : [])];
  const days = [
    ...new Set([...h.planned.map((p) => p.date), ...measured.map((m) => m.date)]),
  ].sort();
  const pv = new Map(h.planned.map((p) => [p.date, p.pv]));
  const byDay = new Map(measured.map((m) => [m.date, m]));
  const line = (name: string, values: (number | null)[], dashed = false) => ({
    name,
    type: "line" as const,
    data: values,
    connectNulls: true,
    showSymbol: false,
    lineStyle: dashed ? { type: "dashed" as const } : undefined,
  });
  const base = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: days },
  };
  return {
    s: {
      ...base,
      yAxis: { type: "value", name: t("progress.hoursAxis") },
      series: [
        line(
          t("progress.pv"),
          days.map((d) => pv.get(d) ?? null),
        ),
        line(
          t("progress.ev"),
          days.map((d) => byDay.get(d)?.ev ?? null),
        ),
        line(
          t("progress.ac"),
          days.map((d) => byDay.get(d)?.ac ?? null),
        ),
      ],
    },
    trend: {
      ...base,
      yAxis: { type: "value", min: 0 },
      series: [
        line(
          t("progress.spi"),
          days.map((d) => byDay.get(d)?.spi ?? null),
        ),
        line(
          t("progress.cpi"),
          days.map((d) => byDay.get(d)?.cpi ?? null),
        ),
        line(
          "1.0",
          days.map(() => 1),
          true,
        ),
        line(
          "0.9",
          days.map(() => 0.9),
          true,
        ),
      ],
    },
  };
}

export interface EvmRow {
  key: string;
  name: string;
  evm: Evm;
}

export function EvmTable({ rows, t, testId }: { rows: EvmRow[]; t: Translate; testId: string }) {
  return (
    <Table<EvmRow>
      size="small"
      data-testid={testId}
      rowKey="key"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={rows}
      columns={[
        { title: t("common.name"), dataIndex: "name", fixed: "left", width: 120 },
        { title: t("progress.bac"), render: (_, r) => hours(r.evm.bac), align: "right" },
        { title: t("progress.pv"), render: (_, r) => hours(r.evm.pv), align: "right" },
        { title: t("progress.ev"), render: (_, r) => hours(r.evm.ev), align: "right" },
        { title: t("progress.ac"), render: (_, r) => hours(r.evm.ac), align: "right" },
        {
          title: t("progress.spi"),
          render: (_, r) => (
            <Space size={4}>
              {ratio(r.evm.spi)}
              <LightTag light={r.evm.lights.spi} t={t} />
            </Space>
          ),
        },
        {
          title: t("progress.cpi"),
          render: (_, r) => (
            <Space size={4}>
              {ratio(r.evm.cpi)}
              <LightTag light={r.evm.lights.cpi} t={t} />
            </Space>
          ),
        },
        { title: t("progress.esForecast"), render: (_, r) => r.evm.forecastFinish ?? DASH },
      ]}
    />
  );
}
