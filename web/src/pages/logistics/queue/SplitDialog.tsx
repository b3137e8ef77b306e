// 拆单: an order's lines over several parcels by hand — how many of each line goes in each parcel;
// the server refuses a split that leaves a piece out or counts one twice.
import { Button, Form, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useSplitOrder, type QueueItem } from "./api";

type Values = { q: Record<string, number | null> };

export function SplitDialog({ order, onClose }: { order: QueueItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const split = useSplitOrder();
  const [count, setCount] = useState(2);
  const lines = order?.items ?? [];
  const key = (p: number, line: number) => `${p}_${line}`;
  // Everything in the first parcel to start with; the packer moves pieces to the others.
  const initial: Values = {
    q: Object.fromEntries(lines.map((l) => [key(0, l.lineNo), l.quantity])),
  };
  return (
    <FormModal<Values>
      open={order !== null}
      title={t("logistics.queue.split.title", { order: order?.platformOrderId ?? "" })}
      onClose={() => {
        setCount(2);
        onClose();
      }}
      initialValues={initial}
      width={640}
      testId="split-dialog"
      onSubmit={(v) =>
        split.mutateAsync({
          orderId: order!.id,
          parcels: Array.from({ length: count }, (_, p) =>
            lines
              .map((l) => ({ lineNo: l.lineNo, quantity: v.q?.[key(p, l.lineNo)] ?? 0 }))
              .filter((x) => x.quantity > 0),
          ),
        })
      }
    >
      <Typography.Paragraph type="secondary">
        {t("logistics.queue.split.help")}
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="lineNo"
        dataSource={lines}
        scroll={{ x: true }}
        columns={[
          {
            title: t("logistics.queue.split.line"),
            key: "line",
            render: (_, l) => `${l.sku ?? l.title} ×${l.quantity}`,
          },
          ...Array.from({ length: count }, (_, p) => ({
            title: t("logistics.queue.split.parcel", { n: p + 1 }),
            key: `p${p}`,
            render: (_: unknown, l: (typeof lines)[number]) => (
              <Form.Item name={["q", key(p, l.lineNo)]} noStyle>
                <InputNumber min={0} max={l.quantity} precision={0} style={{ width: 72 }} />
              </Form.Item>
            ),
          })),
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => setCount((c) => c + 1)} disabled={count >= 10}>
          {t("logistics.queue.split.addParcel")}
        </Button>
      </Space>
    </FormModal>
  );
}
