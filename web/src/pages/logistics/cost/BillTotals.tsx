// A bill's totals: what it charged against what was computed, and each kind of difference in yuan.
// Each count is also a filter for the lines below (click it to see those waybills).
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import { BILL_STATUSES, type Bill, type BillStatus } from "./costApi";
import { yuan } from "./format";

export function BillTotals({
  bill,
  statuses,
  onStatuses,
}: {
  bill: Bill;
  statuses: BillStatus[];
  onStatuses: (s: BillStatus[]) => void;
}) {
  const { t } = useI18n();
  const x = bill.totals;
  const cards: { key: string; title: string; value: string; danger?: boolean; sub?: string }[] = [
    { key: "billed", title: t("logistics.cost.totals.billed"), value: yuan(x.billed) },
    {
      key: "computed",
      title: t("logistics.cost.totals.computed"),
      value: yuan(x.computed),
      sub: t("logistics.cost.totals.computedOf", { billed: yuan(x.matchedBilled) }),
    },
    {
      key: "over",
      title: t("logistics.cost.totals.over"),
      value: yuan(x.overcharged),
      danger: x.overcharged !== "0.00",
      sub: t("logistics.cost.totals.reweighed", { diff: yuan(x.reweighedDiff) }),
    },
    { key: "under", title: t("logistics.cost.totals.under"), value: yuan(x.undercharged) },
    {
      key: "unknown",
      title: t("logistics.cost.totals.unknown"),
      value: yuan(x.unknown),
      danger: x.unknown !== "0.00",
    },
    {
      key: "duplicate",
      title: t("logistics.cost.totals.duplicate"),
      value: yuan(x.duplicate),
      danger: x.duplicate !== "0.00",
    },
    { key: "notCosted", title: t("logistics.cost.totals.notCosted"), value: yuan(x.notCosted) },
  ];
  const toggle = (s: BillStatus, on: boolean) =>
    onStatuses(on ? [...statuses, s] : statuses.filter((x) => x !== s));
  return (
    <Flex vertical gap={8}>
      <Row gutter={[8, 8]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} sm={8} lg={6}>
            <Card
              size="small"
              styles={{ body: { padding: 10 } }}
              data-testid={`bill-total-${c.key}`}
            >
              <Statistic
                title={c.title}
                value={c.value}
                valueStyle={{ fontSize: 18, color: c.danger ? "#cf1322" : undefined }}
              />
              {c.sub ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.sub}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      <Flex wrap gap={4} align="center" data-testid="bill-status-filter">
        <Tag.CheckableTag checked={statuses.length === 0} onChange={() => onStatuses([])}>
          {t("logistics.cost.lines.all")} {x.lines}
        </Tag.CheckableTag>
        {BILL_STATUSES.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={statuses.includes(s)}
            onChange={(on) => toggle(s, on)}
            data-testid={`bill-status-${s}`}
          >
            {t(`logistics.cost.status.${s}`)} {x.counts[s] ?? 0}
          </Tag.CheckableTag>
        ))}
      </Flex>
    </Flex>
  );
}
