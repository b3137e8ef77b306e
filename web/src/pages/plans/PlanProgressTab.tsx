// A plan's progress against its baseline (earned value, docs/PROGRESS.md): SPI and CPI with their
// traffic lights (green ≥ 1.0, amber ≥ 0.9, red below), the finish forecast from earned schedule
// beside the engine's re-planned one, the S-curve (PV, EV, AC by day) and the SPI/CPI trend, the
// figures by person and by department, and why the finish slipped. Undefined ratios read "—".
import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Typography } from "antd";
import { useMemo } from "react";
import {
  usePlanProgress,
  usePlanProgressHistory,
  type Evm,
  type PlanProgress,
} from "../../api/progress";
import { errorText } from "../../components/errors";
import { useI18n, type Translate } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { Chart } from "../dashboard/Chart";
import { DASH, LightTag, hours, ratio } from "./progressFormat";
import { EvmTable, curves } from "./ProgressParts";
import { WhatIfPanel } from "./WhatIfPanel";

function Figures({ evm, t }: { evm: Evm; t: Translate }) {
  const figures: [string, string, string?][] = [
    [t("progress.bac"), hours(evm.bac)],
    [t("progress.pv"), hours(evm.pv)],
    [t("progress.ev"), hours(evm.ev)],
    [t("progress.ac"), hours(evm.ac)],
    [t("progress.sv"), hours(evm.sv)],
    [t("progress.cv"), hours(evm.cv)],
    [t("progress.eac"), hours(evm.eac), t("progress.eacHint")],
    [t("progress.eacCombined"), hours(evm.eacCombined), t("progress.eacCombinedHint")],
    [t("progress.etc"), hours(evm.etc)],
    [t("progress.vac"), hours(evm.vac)],
    [t("progress.tcpi"), ratio(evm.tcpi)],
    [t("progress.spiT"), ratio(evm.spiT)],
  ];
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="progress-spi">
          <Statistic title={t("progress.spi")} value={ratio(evm.spi)} />
          <LightTag light={evm.lights.spi} t={t} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="progress-cpi">
          <Statistic title={t("progress.cpi")} value={ratio(evm.cpi)} />
          <LightTag light={evm.lights.cpi} t={t} />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small">
          <Row gutter={[8, 4]}>
            {figures.map(([label, value, hint]) => (
              <Col xs={12} sm={8} key={label}>
                <Typography.Text type="secondary" title={hint}>
                  {label}
                </Typography.Text>{" "}
                <Typography.Text strong>{value}</Typography.Text>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

function Forecasts({ p, t }: { p: PlanProgress; t: Translate }) {
  const { forecasts, deadline } = p;
  const late = (d: string | null) => !!d && !!deadline && d > deadline;
  const item = (label: string, date: string | null, testId: string) => (
    <Col xs={12} md={6} key={testId}>
      <Card size="small" data-testid={testId}>
        <Statistic
          title={label}
          value={date ?? DASH}
          styles={{ content: { fontSize: 18, color: late(date) ? "#cf1322" : undefined } }}
        />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      {item(t("progress.baselineFinish"), forecasts.baselineFinish, "forecast-baseline")}
      {item(t("progress.esForecast"), forecasts.earnedSchedule, "forecast-es")}
      {item(t("progress.engineForecast"), forecasts.engine, "forecast-engine")}
      {item(t("progress.deadline"), forecasts.deadline, "forecast-deadline")}
    </Row>
  );
}

export function PlanProgressTab({
  planId,
  hasBaseline,
  taskName,
  editable = false,
}: {
  planId: string;
  hasBaseline: boolean;
  taskName: Map<string, string>;
  /** Who may edit a plan with a deadline sees the corrective actions (纠偏). */
  editable?: boolean;
}) {
  const { t, locale } = useI18n();
  const progress = usePlanProgress(planId, hasBaseline);
  const history = usePlanProgressHistory(planId, hasBaseline);
  const charts = useMemo(() => (history.data ? curves(history.data, t) : null), [history.data, t]);

  if (!hasBaseline)
    return <Empty data-testid="progress-no-baseline" description={t("progress.noBaseline")} />;
  if (progress.isError) return <Alert type="error" title={errorText(progress.error, t, locale)} />;
  const p = progress.data;
  if (!p) return <Card loading />;
  const unnamed = t("progress.nobody");
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: "100%" }}
      data-testid="progress-tab"
    >
      <Typography.Text type="secondary">
        {t("progress.asOf", { date: p.statusDate, baseline: (p.baselineAt ?? "").slice(0, 10) })}
      </Typography.Text>
      <Forecasts p={p} t={t} />
      <Figures evm={p.plan} t={t} />
      {p.outsideBaseline.tasks > 0 && (
        <Alert
          type="info"
          data-testid="progress-outside"
          title={t("progress.outside", {
            tasks: p.outsideBaseline.tasks,
            hours: hours(p.outsideBaseline.effortHours),
          })}
        />
      )}
      {p.slip.slipped && (
        <Card size="small" title={t("progress.slipTitle")} data-testid="progress-slip">
          {p.slip.summary.map((m, i) => (
            <Typography.Paragraph key={i}>{renderMessage(locale, m)}</Typography.Paragraph>
          ))}
          <List
            size="small"
            dataSource={p.slip.causes}
            locale={{ emptyText: t("progress.noCauses") }}
            renderItem={(c) => (
              <List.Item data-testid="slip-cause">
                <List.Item.Meta
                  title={taskName.get(c.taskId) ?? c.taskId}
                  description={renderMessage(locale, c.message)}
                />
              </List.Item>
            )}
          />
          {p.slip.causes.length > 1 && (
            <Typography.Text type="secondary" data-testid="slip-overlap">
              {t("progress.causesOverlap")}
            </Typography.Text>
          )}
        </Card>
      )}
      {editable && !!p.forecasts.deadline && <WhatIfPanel planId={planId} />}
      {charts && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("progress.sCurve")}>
              <Chart option={charts.s} testId="progress-s-curve" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("progress.trend")}>
              <Chart option={charts.trend} testId="progress-trend" />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title={t("progress.byPerson")}>
        <EvmTable
          t={t}
          testId="progress-people"
          rows={p.people.map((x) => ({
            key: x.memberId ?? "",
            name: x.name ?? unnamed,
            evm: x.evm,
          }))}
        />
      </Card>
      <Card size="small" title={t("progress.byDepartment")}>
        <EvmTable
          t={t}
          testId="progress-departments"
          rows={p.departments.map((x) => ({
            key: x.departmentId,
            name: x.name ?? unnamed,
            evm: x.evm,
          }))}
        />
      </Card>
    </Space>
  );
}
