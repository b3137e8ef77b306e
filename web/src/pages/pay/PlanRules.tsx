// A pay plan version in plain words: base salary, each commission (base, scope, attribution, flat
// rate or the tier table with its kind named), gates and caps, KPI bonus bands, events and pools.
import { Card, Descriptions, Flex, Table, Tag, Typography } from "antd";
import {
  money,
  type BonusDef,
  type EventDef,
  type PayPlanDefinition,
  type PoolDef,
  type ScoreMetricDef,
} from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { CommissionRule } from "./CommissionRule";
import { usePlanText } from "./shared";

function BonusRule({ b }: { b: BonusDef }) {
  const text = usePlanText();
  const { t } = useI18n();
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={6} wrap align="center">
          <Tag color="gold">{t("pay.kind.bonus")}</Tag>
          <span style={{ whiteSpace: "normal" }}>{text(b.label)}</span>
        </Flex>
      }
      data-testid="rule-bonus"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "formula",
            label: t("pay.rule.bonusFormula"),
            children: t("pay.rule.bonusText", { amount: money(b.bonusBase) }),
          },
          {
            key: "score",
            label: t("pay.rule.score"),
            children: b.score.kind === "goal" ? t("pay.rule.goalScore") : t("pay.rule.bandScore"),
          },
          ...(b.gate
            ? [
                {
                  key: "gate",
                  label: t("pay.rule.gate"),
                  children: t("pay.rule.minScore", { score: b.gate.minScore }),
                },
              ]
            : []),
        ]}
      />
      {b.score.kind === "bands" ? (
        <div style={{ overflowX: "auto" }}>
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={b.score.metrics}
            columns={[
              {
                title: t("pay.rule.metric"),
                dataIndex: "label",
                render: (l: string, m: ScoreMetricDef) =>
                  m.kpi ? (
                    <>
                      {text(l)}{" "}
                      <Tag color="blue" style={{ marginInlineStart: 4 }}>
                        {t(
                          m.kpi === "slaAttainment" || m.kpi === "avgHandlingMinutes"
                            ? "aftersales.dash.fromCases"
                            : "pay.rule.fromCsData",
                        )}
                      </Tag>
                    </>
                  ) : (
                    text(l)
                  ),
              },
              {
                title: t("pay.rule.weight"),
                dataIndex: "weight",
                render: (w: number) => `${w}%`,
                width: 70,
              },
              {
                title: t("pay.rule.bands"),
                render: (
                  _: unknown,
                  m: (typeof b.score & { kind: "bands" })["metrics"][number],
                ) => (
                  <span style={{ whiteSpace: "normal" }}>
                    {m.bands
                      .map(
                        (x) => `${m.better === "higher" ? "≥" : "≤"} ${x.threshold} → ${x.score}`,
                      )
                      .join("; ")}
                    {`; ${t("pay.rule.else")} → ${m.elseScore ?? 0}`}
                  </span>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}

function EventRule({ e }: { e: EventDef }) {
  const text = usePlanText();
  const { t } = useI18n();
  const negative = e.amount.startsWith("-");
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={6} wrap align="center">
          <Tag color={negative ? "red" : "green"}>
            {t(negative ? "pay.kind.penalty" : "pay.kind.extra")}
          </Tag>
          <span style={{ whiteSpace: "normal" }}>{text(e.label)}</span>
          {e.kpi ? (
            <Tag color="blue">
              {t(
                e.kpi === "wrongShipments"
                  ? "logistics.people.pay.fromPackStation"
                  : e.kpi === "reviewsTurnedGood"
                    ? "aftersales.dash.fromCases"
                    : "pay.rule.fromShipping",
              )}
            </Tag>
          ) : null}
        </Flex>
      }
      data-testid="rule-event"
    >
      <Typography.Text>
        {t(e.when === "if_none" ? "pay.rule.ifNone" : "pay.rule.perEvent", {
          amount: money(e.amount),
        })}
      </Typography.Text>
    </Card>
  );
}

function PoolRule({ p }: { p: PoolDef }) {
  const text = usePlanText();
  const { t } = useI18n();
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={6} wrap align="center">
          <Tag color="cyan">{t("pay.kind.pool")}</Tag>
          <span style={{ whiteSpace: "normal" }}>{text(p.label)}</span>
        </Flex>
      }
      data-testid="rule-pool"
    >
      <Typography.Text>
        {t("pay.rule.poolText", {
          pct: p.ratePct,
          base: t(`pay.base.${p.base}` as MessageKey),
          source: t(`pay.poolSource.${p.source}` as MessageKey),
        })}
      </Typography.Text>
    </Card>
  );
}

export function PlanRules({ def }: { def: PayPlanDefinition }) {
  const text = usePlanText();
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="plan-rules">
      {def.description ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {text(def.description)}
        </Typography.Paragraph>
      ) : null}
      <Card size="small" type="inner">
        <Typography.Text>
          {t("pay.rule.baseSalary")}: <b>{money(def.baseSalary)}</b> {t("pay.rule.perMonth")}
        </Typography.Text>
      </Card>
      {def.commissions.map((c) => (
        <CommissionRule key={c.code} c={c} />
      ))}
      {def.bonuses.map((b) => (
        <BonusRule key={b.code} b={b} />
      ))}
      {def.events.map((e) => (
        <EventRule key={e.code} e={e} />
      ))}
      {def.pools.map((p) => (
        <PoolRule key={p.code} p={p} />
      ))}
    </Flex>
  );
}
