// A commission in plain words: its base, scope and attribution, the flat rate or the tier table
// (its kind named), the gate and the cap.
import { Card, Descriptions, Flex, Table, Tag, Typography } from "antd";
import { money, type BandDef, type CommissionDef } from "../../api/pay";
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

export function CommissionRule({ c }: { c: CommissionDef }) {
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
    ...(c.source === "entered" || c.source === "parcels"
      ? [
          {
            key: "source",
            label: t("pay.rule.source"),
            children: t(
              c.source === "parcels" ? "logistics.people.pay.sourceParcels" : "pay.source.entered",
            ),
          },
        ]
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
