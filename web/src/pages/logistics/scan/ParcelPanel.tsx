// The parcel the slip named: its orders, recipient, memo and lines, and the waybill it expects.
import { Descriptions, List, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { ParcelView } from "./scanApi";

export function ParcelPanel({ parcel }: { parcel: ParcelView }) {
  const { t } = useI18n();
  const first = parcel.orders[0];
  const memos = parcel.orders.map((o) => o.sellerMemo).filter(Boolean);
  return (
    <div data-testid="pack-parcel">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: "orders",
            label: t("logistics.scan.orders"),
            children: parcel.orders.map((o) => o.platformOrderId).join("、"),
          },
          {
            key: "recipient",
            label: t("logistics.scan.recipient"),
            children: [first?.recipient, first?.province, first?.city].filter(Boolean).join(" "),
          },
          ...(parcel.waybillNo
            ? [
                {
                  key: "expect",
                  label: t("logistics.scan.expect"),
                  children: (
                    <Typography.Text strong code>
                      {parcel.waybillNo}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          ...(parcel.carrier
            ? [
                {
                  key: "carrier",
                  label: t("logistics.scan.carrier"),
                  children: parcel.carrier.name,
                },
              ]
            : []),
          ...(memos.length
            ? [{ key: "memo", label: t("logistics.scan.memo"), children: memos.join("；") }]
            : []),
        ]}
      />
      <List
        size="small"
        dataSource={parcel.lines}
        locale={{ emptyText: t("logistics.scan.linesNone") }}
        renderItem={(l) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Typography.Text>
              {l.title}
              {l.variant ? (
                <Typography.Text type="secondary"> · {l.variant}</Typography.Text>
              ) : null}
              {l.sku ? <Tag style={{ marginInlineStart: 8 }}>{l.sku}</Tag> : null}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 18 }}>
              × {l.quantity}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
