// The dashboard's cards: cost, cost per parcel, cost rate, ship-on-time, missed and wrong shipments,
// what carrier bills charged — each with its definition on hover and the figures it comes from.
import { InfoCircleOutlined } from "@ant-design/icons";
import { Card, Col, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { LogisticsDashboard } from "./costApi";
import { percent, yuan } from "./format";

export function CostCards({ d }: { d: LogisticsDashboard | undefined }) {
  const { t } = useI18n();
  const cards: {
    id: string;
    title: string;
    def: string;
    value: (d: LogisticsDashboard) => string;
    sub: (d: LogisticsDashboard) => string;
    danger?: (d: LogisticsDashboard) => boolean;
  }[] = [
    {
      id: "cost",
      title: t("logistics.cost.dash.cost"),
      def: t("logistics.cost.dash.costDef"),
      value: (d) => yuan(d.totals.cost),
      sub: (d) =>
        t("logistics.cost.dash.parcelsLine", {
          parcels: d.totals.parcels,
          notCosted: d.totals.notCosted,
        }),
    },
    {
      id: "perParcel",
      title: t("logistics.cost.dash.perParcel"),
      def: t("logistics.cost.dash.perParcelDef"),
      value: (d) => yuan(d.totals.costPerParcel),
      sub: (d) => `${yuan(d.totals.cost)} ÷ ${d.totals.costed}`,
    },
    {
      id: "rate",
      title: t("logistics.cost.dash.rate"),
      def: t("logistics.cost.dash.rateDef"),
      value: (d) => percent(d.totals.costRate),
      sub: (d) => t("logistics.cost.dash.sales", { sales: yuan(d.totals.sales) }),
    },
    {
      id: "onTime",
      title: t("logistics.cost.dash.onTime"),
      def: t("logistics.cost.dash.onTimeDef"),
      value: (d) => percent(d.shipOnTime.rate),
      sub: (d) =>
        t("logistics.cost.dash.onTimeLine", {
          due: d.shipOnTime.due,
          late: d.shipOnTime.late,
          overdue: d.shipOnTime.overdue,
        }),
    },
    {
      id: "missed",
      title: t("logistics.cost.dash.missed"),
      def: t("logistics.cost.dash.missedDef"),
      value: (d) => String(d.missed.count),
      sub: (d) =>
        d.missed.orders[0]
          ? t("logistics.cost.dash.missedLine", { order: d.missed.orders[0].platformOrderId })
          : "",
      danger: (d) => d.missed.count > 0,
    },
    {
      id: "wrong",
      title: t("logistics.cost.dash.wrong"),
      def: t("logistics.cost.dash.wrongDef"),
      value: (d) => String(d.wrong.total),
      sub: (d) =>
        t("logistics.cost.dash.wrongLine", {
          scans: d.wrong.wrongParcelScans,
          reshipped: d.wrong.reshipped,
        }),
      danger: (d) => d.wrong.total > 0,
    },
    {
      id: "billed",
      title: t("logistics.cost.dash.billed"),
      def: t("logistics.cost.dash.billedDef"),
      value: (d) => yuan(d.billed.billed),
      sub: (d) =>
        t("logistics.cost.dash.billedLine", {
          computed: yuan(d.billed.computed),
          over: yuan(d.billed.overcharged),
          under: yuan(d.billed.undercharged),
        }) +
        (d.billed.duplicate !== "0.00"
          ? t("logistics.cost.dash.billedDuplicate", { duplicate: yuan(d.billed.duplicate) })
          : ""),
    },
  ];
  return (
    <Row gutter={[8, 8]}>
      {cards.map((c) => (
        <Col key={c.id} xs={12} md={8} xl={6}>
          <Card
            size="small"
            styles={{ body: { padding: 12 } }}
            style={{ height: "100%" }}
            data-testid={`cost-card-${c.id}`}
          >
            {d ? (
              <Flex vertical gap={2}>
                <Statistic
                  title={
                    <Tooltip title={c.def}>
                      <span>
                        {c.title} <InfoCircleOutlined style={{ color: "#8c8c8c" }} />
                      </span>
                    </Tooltip>
                  }
                  value={c.value(d)}
                  valueStyle={{ fontSize: 20, color: c.danger?.(d) ? "#cf1322" : undefined }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.sub(d)}
                </Typography.Text>
              </Flex>
            ) : (
              <Skeleton active paragraph={{ rows: 1 }} />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
