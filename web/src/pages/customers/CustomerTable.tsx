// A page of customers: a table on a desktop, cards on a phone; each shows the buyer as the platform
// shows them, the segment with its R·F·M scores, orders, spend and the last order; a click opens
// the customer's page.
import { Card, Empty, Grid, List, Space, Table, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import type { CustomerRow } from "../../api/customers";
import { useI18n } from "../../i18n";
import { money } from "../aftersales/labels";
import { SEGMENT_COLOR, segmentLabel } from "./labels";

function SegmentTag({ c }: { c: CustomerRow }) {
  const { t, locale } = useI18n();
  if (!c.segment)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("customers.noSegment")}
      </Typography.Text>
    );
  return (
    <Space size={4}>
      <Tag color={SEGMENT_COLOR[c.segment]} data-testid="customer-segment">
        {segmentLabel(locale, c.segment)}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.r}·{c.f}·{c.m}
      </Typography.Text>
    </Space>
  );
}

export function CustomerTable({
  items,
  currency,
  loading,
  segments = true,
}: {
  items: CustomerRow[];
  currency: string;
  loading: boolean;
  /** false: the dormant list (no segment column). */
  segments?: boolean;
}) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const open = (c: CustomerRow) => void navigate(`/customers/${encodeURIComponent(c.id)}`);
  const name = (c: CustomerRow) => c.display ?? c.customerKey;
  if (phone)
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t("customers.empty")} /> }}
        data-testid="customer-cards"
        renderItem={(c) => (
          <Card
            size="small"
            hoverable
            style={{ marginBottom: 8 }}
            onClick={() => open(c)}
            data-testid="customer-row"
          >
            <Space direction="vertical" size={2} style={{ width: "100%" }}>
              <Space style={{ justifyContent: "space-between", width: "100%" }}>
                <Typography.Text strong ellipsis style={{ maxWidth: 180 }}>
                  {name(c)}
                </Typography.Text>
                <Typography.Text strong>{money(c.spendFen, currency)}</Typography.Text>
              </Space>
              {segments && <SegmentTag c={c} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("customers.col.orders")} {c.orders} · {t("customers.col.last")} {c.lastPaidDate}
              </Typography.Text>
            </Space>
          </Card>
        )}
      />
    );
  return (
    <Table<CustomerRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: <Empty description={t("customers.empty")} /> }}
      data-testid="customer-table"
      onRow={(c) => ({
        onClick: () => open(c),
        style: { cursor: "pointer" },
        "data-testid": "customer-row",
      })}
      columns={[
        { title: t("customers.col.customer"), render: (_, c) => name(c) },
        ...(segments
          ? [
              {
                title: t("customers.col.segment"),
                render: (_: unknown, c: CustomerRow) => <SegmentTag c={c} />,
              },
            ]
          : []),
        { title: t("customers.col.orders"), dataIndex: "orders", align: "right" },
        {
          title: t("customers.col.spend"),
          align: "right",
          render: (_, c) => money(c.spendFen, currency),
        },
        {
          title: t("customers.col.refunds"),
          align: "right",
          render: (_, c) => (c.refundFen ? money(c.refundFen, currency) : "—"),
        },
        { title: t("customers.col.last"), dataIndex: "lastPaidDate" },
        { title: t("customers.col.daysSince"), dataIndex: "recencyDays", align: "right" },
      ]}
    />
  );
}
