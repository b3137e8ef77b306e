// Does the platform agree with what was written back? For the shop: how many orders agree, how many
// wait for the next order import, and each mismatch — the order, what was sent, what the platform says.
import { Alert, Flex, Table, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import { messageText } from "../../../i18n/messages";
import { statusLabel } from "../../shop-data/labels";
import { useWritebackCheck, type WritebackCheck as Check } from "./scanApi";

type Mismatch = Check["mismatches"][number];

export function WritebackCheck({ shop }: { shop: string | undefined }) {
  const { t, locale } = useI18n();
  const check = useWritebackCheck(shop);
  const c = check.data;
  if (!shop || !c) return null;
  return (
    <Flex vertical gap={8} data-testid="writeback-check">
      <Typography.Text strong>{t("logistics.scan.check.title")}</Typography.Text>
      {c.orders > 0 ? (
        <Flex wrap gap={8}>
          <Tag color="green">{t("logistics.scan.check.agree", { n: c.agree })}</Tag>
          <Tag color="default">{t("logistics.scan.check.pending", { n: c.pending })}</Tag>
          <Tag color={c.mismatches.length ? "red" : "default"}>
            {t("logistics.scan.check.mismatches", { n: c.mismatches.length })}
          </Tag>
        </Flex>
      ) : null}
      {c.orders === 0 ? (
        <Alert type="info" showIcon message={t("logistics.scan.check.none")} />
      ) : c.mismatches.length ? (
        <Table<Mismatch>
          size="small"
          rowKey="orderId"
          dataSource={c.mismatches}
          pagination={{ pageSize: 6, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="writeback-mismatches"
          columns={[
            { title: t("logistics.scan.check.order"), dataIndex: "platformOrderId" },
            {
              title: t("logistics.scan.check.sent"),
              key: "sent",
              render: (_: unknown, m: Mismatch) =>
                `${m.sent.carrier} ${m.sent.waybills.join("、")}`,
            },
            {
              title: t("logistics.scan.check.platform"),
              key: "platform",
              render: (_: unknown, m: Mismatch) =>
                [statusLabel(t, m.platform.status), m.platform.carrier, m.platform.trackingNo]
                  .filter(Boolean)
                  .join(" "),
            },
            {
              title: t("logistics.scan.check.reason"),
              key: "reason",
              render: (_: unknown, m: Mismatch) =>
                messageText(locale, m.reason.code, m.reason.params) ?? m.reason.code,
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
