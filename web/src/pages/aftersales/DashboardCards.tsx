// The after-sales dashboard's figure cards: each KPI with its definition and its counts.
import { Card, Col, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from "antd";
import { InfoCircleOutlined } from "@ant-design/icons";
import type { AftersalesDashboard } from "../../api/aftersalesDashboard";
import { useI18n } from "../../i18n";
import { duration, pct, yuan } from "./dashboardFormat";

export function Cards({ d }: { d: AftersalesDashboard | undefined }) {
  const { t } = useI18n();
  const f = d?.totals;
  const cards: { id: string; title: string; def: string; value: string; sub: string }[] = f
    ? [
        {
          id: "refundRate",
          title: t("aftersales.dash.refundRate"),
          def: t("aftersales.dash.refundRateDef"),
          value: pct(f.refundRate),
          sub:
            f.paidOrders === null
              ? t("aftersales.dash.ownCases")
              : t("aftersales.dash.ofOrders", { count: f.refunds, orders: f.paidOrders }),
        },
        {
          id: "refundAmount",
          title: t("aftersales.dash.refundAmount"),
          def: t("aftersales.dash.refundAmountDef"),
          value: yuan(f.refundFen),
          sub: t("aftersales.dash.refunds", { count: f.refunds }),
        },
        {
          id: "returnRate",
          title: t("aftersales.dash.returnRate"),
          def: t("aftersales.dash.returnRateDef"),
          value: pct(f.returnRate),
          sub:
            f.paidOrders === null
              ? t("aftersales.dash.returns", { count: f.returns })
              : t("aftersales.dash.ofOrders", { count: f.returns, orders: f.paidOrders }),
        },
        {
          id: "handling",
          title: t("aftersales.dash.handling"),
          def: t("aftersales.dash.handlingDef"),
          value: duration(t, f.avgHandlingMinutes),
          sub: t("aftersales.dash.ended", { count: f.ended }),
        },
        {
          id: "sla",
          title: t("aftersales.dash.sla"),
          def: t("aftersales.dash.slaDef"),
          value: pct(f.slaAttainment),
          sub: t("aftersales.dash.slaLine", { met: f.slaMet, breached: f.slaBreached }),
        },
        {
          id: "saved",
          title: t("aftersales.dash.saved"),
          def: t("aftersales.dash.savedDef"),
          value: String(f.savedReturns),
          sub: t("aftersales.dash.casesOpened", { count: f.cases }),
        },
        {
          id: "reviews",
          title: t("aftersales.dash.reviews"),
          def: t("aftersales.dash.reviewsDef"),
          value: String(f.reviewsTurnedGood),
          sub: t("aftersales.dash.reviewsSub"),
        },
      ]
    : [];
  if (!f)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.id} xs={12} md={8} xl={6}>
          <Card size="small" data-testid={`asd-card-${c.id}`} style={{ height: "100%" }}>
            <Statistic
              title={
                <Flex gap={4} align="center">
                  <span>{c.title}</span>
                  <Tooltip title={c.def}>
                    <InfoCircleOutlined />
                  </Tooltip>
                </Flex>
              }
              value={c.value}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.sub}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
