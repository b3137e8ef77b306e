// Batches (波次), newest first: each with its status and how many of its parcels have shipped.
import { Button, Empty, Grid, List, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n";
import { useBatches, type BatchRow } from "./queue/api";
import { shortTime } from "./queue/time";

export function BatchStatusTag({ status }: { status: BatchRow["status"] }) {
  const { t } = useI18n();
  const color = status === "handed_over" ? "green" : status === "printed" ? "blue" : "orange";
  return <Tag color={color}>{t(`logistics.queue.batch.status.${status}`)}</Tag>;
}

export function BatchesPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const batches = useBatches();
  const rows = batches.data?.pages.flatMap((p) => p.items) ?? [];
  const link = (b: BatchRow) => <Link to={`/logistics/batches/${b.id}`}>{b.number}</Link>;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="batches-page">
      <Typography.Title level={4} style={{ marginBottom: 0 }}>
        {t("logistics.queue.batches.title")}
      </Typography.Title>
      {rows.length === 0 && !batches.isPending ? (
        <Empty description={t("logistics.queue.batches.empty")} />
      ) : phone ? (
        <List
          dataSource={rows}
          rowKey="id"
          renderItem={(b) => (
            <List.Item extra={<BatchStatusTag status={b.status} />}>
              <List.Item.Meta
                title={link(b)}
                description={`${b.parcels} · ${t("logistics.queue.batches.col.shipped")} ${b.shipped} · ${shortTime(b.createdAt)}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<BatchRow>
          rowKey="id"
          size="small"
          loading={batches.isPending}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t("logistics.queue.batches.col.number"), key: "n", render: (_, b) => link(b) },
            {
              title: t("logistics.queue.batches.col.status"),
              key: "s",
              render: (_, b) => <BatchStatusTag status={b.status} />,
            },
            { title: t("logistics.queue.batches.col.parcels"), dataIndex: "parcels" },
            { title: t("logistics.queue.batches.col.shipped"), dataIndex: "shipped" },
            {
              title: t("logistics.queue.batches.col.created"),
              key: "c",
              render: (_, b) => shortTime(b.createdAt),
            },
          ]}
        />
      )}
      {batches.hasNextPage && (
        <Button block onClick={() => void batches.fetchNextPage()}>
          {t("logistics.queue.more")}
        </Button>
      )}
    </Space>
  );
}
