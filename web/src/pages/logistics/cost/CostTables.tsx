// The dashboard's cost tables: by carrier, province, shop (with sales and the cost rate) and month,
// each row with its parcels, how many have a cost, the cost and the cost per parcel.
import { Card, Col, Row, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useI18n } from "../../../i18n";
import type { LogisticsDashboard } from "./costApi";
import { percent, yuan } from "./format";

interface Figures {
  parcels: number;
  costed: number;
  notCosted: number;
  cost: string;
  costPerParcel: string | null;
}

function FiguresTable<R extends Figures>({
  title,
  testId,
  rows,
  rowKey,
  first,
  extra = [],
}: {
  title: string;
  testId: string;
  rows: R[];
  rowKey: (r: R) => string;
  first: ColumnsType<R>[number];
  extra?: ColumnsType<R>;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<R>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: "small" } : false}
        scroll={{ x: "max-content" }}
        columns={[
          // The name stays in view while a phone scrolls the figures.
          { width: 104, fixed: "left", ...first },
          {
            title: t("logistics.cost.dash.parcels"),
            dataIndex: "parcels",
            align: "right",
            width: 72,
          },
          {
            title: t("logistics.cost.dash.costed"),
            dataIndex: "costed",
            align: "right",
            width: 72,
            responsive: ["sm"],
          },
          {
            title: t("logistics.cost.dash.cost"),
            dataIndex: "cost",
            align: "right",
            width: 100,
            render: yuan,
          },
          {
            title: t("logistics.cost.dash.perParcel"),
            dataIndex: "costPerParcel",
            align: "right",
            width: 90,
            render: yuan,
          },
          ...extra,
        ]}
      />
    </Card>
  );
}

export function CostTables({ d }: { d: LogisticsDashboard }) {
  const { t } = useI18n();
  type Shop = LogisticsDashboard["byShop"][number];
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} xl={12}>
        <FiguresTable
          title={t("logistics.cost.dash.byShop")}
          testId="cost-by-shop"
          rows={d.byShop}
          rowKey={(r) => r.shopId}
          first={{ title: t("logistics.cost.dash.shop"), dataIndex: "name", ellipsis: true }}
          extra={[
            {
              title: t("logistics.cost.dash.rate"),
              dataIndex: "costRate",
              align: "right",
              width: 100,
              render: (r: number | null, s: Shop) => (
                <span title={t("logistics.cost.dash.sales", { sales: yuan(s.sales) })}>
                  {percent(r)}
                </span>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <FiguresTable
          title={t("logistics.cost.dash.byCarrier")}
          testId="cost-by-carrier"
          rows={d.byCarrier}
          rowKey={(r) => r.carrierId ?? ""}
          first={{
            title: t("logistics.cost.dash.carrier"),
            dataIndex: "name",
            ellipsis: true,
            render: (n: string | null) => n ?? t("logistics.cost.dash.noCarrier"),
          }}
        />
      </Col>
      <Col xs={24} xl={12}>
        <FiguresTable
          title={t("logistics.cost.dash.byProvince")}
          testId="cost-by-province"
          rows={d.byProvince}
          rowKey={(r) => r.province ?? ""}
          first={{
            title: t("logistics.cost.dash.province"),
            dataIndex: "province",
            render: (p: string | null) => p ?? t("logistics.cost.dash.noProvince"),
          }}
        />
      </Col>
      <Col xs={24} xl={12}>
        <FiguresTable
          title={t("logistics.cost.dash.byMonth")}
          testId="cost-by-month"
          rows={d.byMonth}
          rowKey={(r) => r.month}
          first={{ title: t("logistics.cost.dash.month"), dataIndex: "month" }}
        />
      </Col>
    </Row>
  );
}
