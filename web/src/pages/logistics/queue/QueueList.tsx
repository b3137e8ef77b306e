// The queue's orders: a table with checkboxes on a desktop, cards on a phone. Each shows its
// countdown, recipient, items, memos and its parcel (and batch) once it has one.
import { Button, Card, Checkbox, Empty, Grid, List, Space, Table, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { QueueItem } from "./api";
import { Countdown } from "./Countdown";

export interface RowActions {
  canPack: boolean;
  onSplit: (o: QueueItem) => void;
  onUndo: (o: QueueItem) => void;
}

function Parcels({ o, actions }: { o: QueueItem; actions: RowActions }) {
  const { t } = useI18n();
  if (o.parcels.length === 0)
    return actions.canPack && o.items.length > 0 && o.itemCount > 1 ? (
      <Button size="small" onClick={() => actions.onSplit(o)} data-testid="queue-split">
        {t("logistics.queue.split")}
      </Button>
    ) : null;
  return (
    <Space direction="vertical" size={2}>
      {o.parcels.map((p) => (
        <Space key={p.id} size={4} wrap>
          <Tag color={p.status === "packed" ? "green" : "blue"}>
            {t(
              p.status === "packed"
                ? "logistics.queue.parcel.packed"
                : "logistics.queue.parcel.open",
            )}
          </Tag>
          {p.batchNumber && (
            <Tag>{t("logistics.queue.parcel.inBatch", { batch: p.batchNumber })}</Tag>
          )}
        </Space>
      ))}
      {actions.canPack && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => actions.onUndo(o)}>
          {t("logistics.queue.undo")}
        </Button>
      )}
    </Space>
  );
}

const itemsText = (o: QueueItem) =>
  o.items
    .map((i) => `${i.sku ?? i.title}${i.variant ? ` ${i.variant}` : ""} ×${i.quantity}`)
    .join("，");

function Memos({ o }: { o: QueueItem }) {
  const { t } = useI18n();
  return (
    <>
      {o.buyerMemo && (
        <Typography.Text type="warning" style={{ display: "block" }}>
          {t("logistics.queue.buyerMemo", { memo: o.buyerMemo })}
        </Typography.Text>
      )}
      {o.sellerMemo && (
        <Typography.Text type="secondary" style={{ display: "block" }}>
          {t("logistics.queue.sellerMemo", { memo: o.sellerMemo })}
        </Typography.Text>
      )}
    </>
  );
}

const place = (o: QueueItem) => [o.province, o.city, o.district].filter(Boolean).join(" ");

export function QueueList({
  items,
  now,
  selected,
  onSelect,
  actions,
}: {
  items: QueueItem[];
  now: number;
  selected: string[];
  onSelect: (ids: string[]) => void;
  actions: RowActions;
}) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  if (items.length === 0) return <Empty description={t("logistics.queue.empty")} />;
  if (phone)
    return (
      <List
        dataSource={items}
        rowKey="id"
        data-testid="queue-cards"
        renderItem={(o) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="queue-row">
            <Space align="start" style={{ width: "100%", justifyContent: "space-between" }}>
              <Space align="start">
                {actions.canPack && (
                  <Checkbox
                    checked={selected.includes(o.id)}
                    onChange={(e) =>
                      onSelect(
                        e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id),
                      )
                    }
                  />
                )}
                <div>
                  <Typography.Text strong>{o.platformOrderId}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {o.shopName} · {o.recipient ?? ""} · {place(o)}
                    </Typography.Text>
                  </div>
                </div>
              </Space>
              <Countdown shipBy={o.shipBy} now={now} promised={o.promised} />
            </Space>
            <div style={{ marginTop: 6 }}>{itemsText(o)}</div>
            <Memos o={o} />
            <div style={{ marginTop: 6 }}>
              <Parcels o={o} actions={actions} />
            </div>
          </Card>
        )}
      />
    );
  return (
    <Table<QueueItem>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      data-testid="queue-table"
      onRow={() => ({ "data-testid": "queue-row" }) as React.HTMLAttributes<HTMLElement>}
      rowSelection={
        actions.canPack
          ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]) }
          : undefined
      }
      columns={[
        {
          title: t("logistics.queue.col.due"),
          key: "due",
          width: 150,
          render: (_, o) => <Countdown shipBy={o.shipBy} now={now} promised={o.promised} />,
        },
        {
          title: t("logistics.queue.col.order"),
          key: "order",
          render: (_, o) => (
            <>
              <Typography.Text strong>{o.platformOrderId}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{o.shopName}</Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: t("logistics.queue.col.recipient"),
          key: "to",
          render: (_, o) => (
            <>
              {o.recipient ?? ""} {o.phone ?? ""}
              <div>
                <Typography.Text type="secondary">{place(o)}</Typography.Text>
              </div>
            </>
          ),
        },
        { title: t("logistics.queue.col.items"), key: "items", render: (_, o) => itemsText(o) },
        { title: t("logistics.queue.col.memo"), key: "memo", render: (_, o) => <Memos o={o} /> },
        {
          title: t("logistics.queue.col.parcel"),
          key: "parcel",
          width: 170,
          render: (_, o) => <Parcels o={o} actions={actions} />,
        },
      ]}
    />
  );
}
