// A pay plan version in plain words: base salary, each commission (base, scope, attribution, flat
// rate or the tier table with its kind named), gates and caps, KPI bonus bands, events and pools.
import { Card, Descriptions, Flex, Table, Tag, Typography } from "antd";
import {
  money,
  type BandDef,
  type BonusDef,
  type CommissionDef,
  type EventDef,
  type PayPlanDefinition,
  type PoolDef,
  type ScoreMetricDef,
} from "../../api/pay";
import { useI18n, type Translate } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { usePlanText } from "./shared";

const units = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function bandRate(t: Translate, b: BandDef): string {
  return b.perUnit !== undefined
    ? t("pay.rule.perUnit", { amount: money(b.perUnit) })
    : `${b.ratePct ?? 0}%`;
}

function TierTable({ c }: { c: CommissionDef }) {
  const { t } = useI18n();
  if (!c.tiers) return null;
  const quantity = c.base === "quantity";
  const show = (v: string) => (quantity ? units(v) : money(v));
  return (
    <div style={{ overflowX: "auto" }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={c.tiers.bands}
        data-testid="tier-table"
        columns={[
          {
            title: t("pay.rule.band"),
            render: (_: unknown, __: BandDef, i: number) => i + 1,
            width: 56,
          },
          { title: t("pay.rule.from"), dataIndex: "from", render: (v: string) => show(v) },
          {
            title: t("pay.rule.to"),
            dataIndex: "to",
            render: (v: string | null) => (v === null ? t("pay.rule.andAbove") : show(v)),
          },
          { title: t("pay.rule.rate"), render: (_: unknown, b: BandDef) => bandRate(t, b) },
        ]}
      />
    </div>
  );
}

function CommissionRule({ c }: { c: CommissionDef }) {
  const text = usePlanText();
  const { t } = useI18n();
  const items = [
    { key: "base", label: t("pay.rule.base"), children: t(`pay.base.${c.base}` as MessageKey) },
    {
      key: "scope",
      label: t("pay.rule.scope"),
      children:
        c.scope === "shop" && c.shopIds?.length
          ? t("pay.scope.someShops", { count: c.shopIds.length })
          : t(`pay.scope.${c.scope}` as MessageKey),
    },
    ...(c.source === "entered"
      ? [{ key: "source", label: t("pay.rule.source"), children: t("pay.source.entered") }]
      : c.scope !== "shop"
        ? [
            {
              key: "attribution",
              label: t("pay.rule.attribution"),
              children:
                c.attribution?.kind === "split"
                  ? t("pay.attribution.split", {
                      splits: c.attribution.splits.map((s) => `${s.pct}%`).join(" + "),
                    })
                  : t("pay.attribution.owner"),
            },
          ]
        : []),
    {
      key: "rate",
      label: t("pay.rule.rate"),
      children: c.tiers ? (
        <Tag color={c.tiers.kind === "marginal" ? "blue" : "purple"} data-testid="tier-kind">
          {t(`pay.tiers.${c.tiers.kind}` as MessageKey)}
        </Tag>
      ) : c.perUnit !== undefined ? (
        t("pay.rule.perUnit", { amount: money(c.perUnit) })
      ) : (
        `${c.ratePct ?? 0}%`
      ),
    },
    ...(c.gate
      ? [
          {
            key: "gate",
            label: t("pay.rule.gate"),
            children: t("pay.rule.gateText", {
              pct: c.gate.minAchievementPct,
              target: c.base === "quantity" ? units(c.gate.target) : money(c.gate.target),
            }),
          },
        ]
      : []),
    ...(c.cap !== undefined
      ? [
          {
            key: "cap",
            label: t("pay.rule.cap"),
            children: t("pay.rule.capText", { amount: money(c.cap) }),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={6} wrap align="center">
          <Tag color="volcano">{t("pay.kind.commission")}</Tag>
          <span style={{ whiteSpace: "normal" }}>{text(c.label)}</span>
        </Flex>
      }
      data-testid="rule-commission"
    >
      <Descriptions size="small" column={1} items={items} />
      {c.tiers ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "4px 0 8px" }}>
            {t(`pay.tiers.${c.tiers.kind}.explain` as MessageKey)}
          </Typography.Paragraph>
          <TierTable c={c} />
        </>
      ) : null}
    </Card>
  );
}

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
                        {t("pay.rule.fromCsData")}
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
          {e.kpi ? <Tag color="blue">{t("pay.rule.fromShipping")}</Tag> : null}
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
