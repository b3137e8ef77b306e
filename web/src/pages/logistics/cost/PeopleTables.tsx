// The dashboard's people tables: parcels per packer (over the range, per day), wrong shipments by
// packer, and the missed orders still waiting past their ship-by time.
import { Card, Col, Row, Table, Tooltip } from "antd";
import { useI18n } from "../../../i18n";
import type { LogisticsDashboard } from "./costApi";

export function PeopleTables({ d }: { d: LogisticsDashboard }) {
  const { t, locale } = useI18n();
  const unknown = t("logistics.cost.dash.unknownMember");
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
  type Packer = LogisticsDashboard["packers"]["members"][number];
  type Wrong = LogisticsDashboard["wrong"]["byMember"][number];
  type Missed = LogisticsDashboard["missed"]["orders"][number];
  // Each packer's days, for the tooltip on their count.
  const daysOf = (memberId: string) =>
    d.packers.days
      .filter((x) => x.memberId === memberId)
      .map((x) => `${x.date.slice(5)}: ${x.parcels}`)
      .join(" · ");
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("logistics.cost.dash.packers")} data-testid="cost-packers">
          <Table<Packer>
            size="small"
            rowKey="memberId"
            dataSource={d.packers.members}
            pagination={false}
            columns={[
              {
                title: t("logistics.cost.dash.packer"),
                dataIndex: "name",
                ellipsis: true,
                render: (n: string | null) => n ?? unknown,
              },
              {
                title: t("logistics.cost.dash.parcels"),
                dataIndex: "parcels",
                align: "right",
                render: (n: number, p) => (
                  <Tooltip title={daysOf(p.memberId)}>
                    <span>{n}</span>
                  </Tooltip>
                ),
              },
              { title: t("logistics.cost.dash.days"), dataIndex: "days", align: "right" },
              { title: t("logistics.cost.dash.perDay"), dataIndex: "perDay", align: "right" },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("logistics.cost.dash.wrongByMember")} data-testid="cost-wrong">
          <Table<Wrong>
            size="small"
            rowKey={(w) => w.memberId ?? ""}
            dataSource={d.wrong.byMember}
            pagination={false}
            columns={[
              {
                title: t("logistics.cost.dash.packer"),
                dataIndex: "name",
                ellipsis: true,
                render: (n: string | null) => n ?? unknown,
              },
              {
                title: t("logistics.cost.dash.scans"),
                dataIndex: "wrongParcelScans",
                align: "right",
              },
              { title: t("logistics.cost.dash.reshipped"), dataIndex: "reshipped", align: "right" },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("logistics.cost.dash.missedOrders")} data-testid="cost-missed">
          <Table<Missed>
            size="small"
            rowKey="orderId"
            dataSource={d.missed.orders}
            pagination={d.missed.orders.length > 8 ? { pageSize: 8, size: "small" } : false}
            scroll={{ x: 360 }}
            columns={[
              {
                title: t("logistics.cost.dash.order"),
                dataIndex: "platformOrderId",
                render: (o: string, m) => (
                  <Tooltip title={m.shop}>
                    <span>{o}</span>
                  </Tooltip>
                ),
              },
              { title: t("logistics.cost.dash.paidAt"), dataIndex: "paidAt", render: when },
              { title: t("logistics.cost.dash.shipBy"), dataIndex: "shipBy", render: when },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
