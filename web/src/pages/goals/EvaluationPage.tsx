// A member's evaluation (能力考评): goal and KPI history across cycles, achievement against target,
// the trend of final scores — ECharts lines like the dashboard.
import { Card, Empty, Flex, Statistic, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, useParams } from "react-router-dom";
import { useEvaluation, type Evaluation } from "../../api/goals";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { Chart, type ChartOption } from "../dashboard/Chart";
import { metricLabel, pct, withUnit } from "./shared";

export function EvaluationPage() {
  const { t, locale } = useI18n();
  const { memberId = "" } = useParams();
  const ev = useEvaluation(memberId);
  const data = ev.data;
  const scoreOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: "category", data: data?.cycles.map((c) => c.name) ?? [] },
      yAxis: { type: "value", min: 0, max: 100 },
      series: [
        {
          type: "line",
          name: t("goals.finalScore"),
          data: data?.cycles.map((c) => c.finalScore) ?? [],
          connectNulls: true,
          label: { show: true },
        },
      ],
    }),
    [data, t],
  );
  const kpiOption = useMemo<ChartOption>(() => kpiChart(data, (k) => t(k)), [data, t]);
  if (ev.isError) return <Empty description={t("error.forbidden")} />;
  if (!data) return null;
  const dir = data.trend.direction;
  return (
    <Flex vertical gap={16} data-testid="evaluation-page">
      <Link to="/goals">← {t("goals.back")}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("goals.evaluationOf", { name: data.member.name })}
      </Typography.Title>
      {data.cycles.length === 0 ? (
        <Empty description={t("goals.noHistory")} />
      ) : (
        <>
          <Flex gap={16} wrap>
            <Card size="small">
              <Statistic
                title={t("goals.finalScore")}
                value={data.trend.lastScore ?? "—"}
                precision={data.trend.lastScore === null ? undefined : 2}
              />
            </Card>
            <Card size="small">
              <Statistic
                title={t("goals.trend")}
                value={t(dir ? (`goals.trend.${dir}` as MessageKey) : "goals.trend.none")}
                valueStyle={{
                  color: dir === "up" ? "#389e0d" : dir === "down" ? "#cf1322" : undefined,
                }}
              />
            </Card>
          </Flex>
          <Card size="small" title={t("goals.scoreHistory")}>
            <Chart option={scoreOption} height={220} testId="score-chart" />
          </Card>
          {data.kpiSeries.length ? (
            <Card size="small" title={t("goals.kpiHistory")}>
              <Chart option={kpiOption} height={220} testId="kpi-chart" />
            </Card>
          ) : null}
          <Card size="small" title={t("goals.history")}>
            <Table
              size="small"
              rowKey="cycleId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={[...data.cycles].reverse()}
              expandable={{
                expandedRowRender: (c) => (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={c.goals}
                    columns={[
                      { title: t("goals.goalTitle"), dataIndex: "title" },
                      { title: t("goals.metric"), render: (_, g) => metricLabel(t, g.metric) },
                      {
                        title: t("goals.target"),
                        render: (_, g) => withUnit(locale, g.target, g.unit),
                      },
                      {
                        title: t("goals.actual"),
                        render: (_, g) => withUnit(locale, g.actual, g.unit),
                      },
                      { title: t("goals.achievement"), render: (_, g) => pct(g.achievement) },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: t("goals.cycle"), dataIndex: "name" },
                { title: t("goals.achievement"), dataIndex: "achievement", render: pct },
                {
                  title: t("goals.finalScore"),
                  dataIndex: "finalScore",
                  render: (s: number | null) =>
                    s === null ? "—" : <Tag color="green">{s.toFixed(2)}</Tag>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}

function kpiChart(data: Evaluation | undefined, t: (k: MessageKey) => string): ChartOption {
  const names = data?.cycles.map((c) => c.name) ?? [];
  return {
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${v.toFixed(1)}%` : "—"),
    },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: "category", data: names },
    yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: (data?.kpiSeries ?? []).map((s) => ({
      type: "line",
      name: t(`goals.kpi.${s.kpi}` as MessageKey),
      connectNulls: true,
      data: names.map((n) => {
        const p = s.points.find((x) => x.cycleName === n);
        return p?.achievement == null ? null : Math.round(p.achievement * 1000) / 10;
      }),
    })),
  };
}
