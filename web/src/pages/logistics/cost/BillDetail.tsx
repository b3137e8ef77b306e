// One bill: its totals (each count a filter), its lines, and — for the owner and logistics leads —
// reconciling it again (after costs were computed or weights corrected) or deleting it.
import { DeleteOutlined, SyncOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { useApiErrors } from "../../../components/errors";
import { useI18n } from "../../../i18n";
import { useMe } from "../../../me";
import { BillLines } from "./BillLines";
import { BillTotals } from "./BillTotals";
import { useDeleteBill, useReconcileBill, type Bill, type BillStatus } from "./costApi";

export function BillDetail({ bill, onDeleted }: { bill: Bill; onDeleted: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrors();
  const manage = useMe().can("logistics.manage");
  const reconcile = useReconcileBill();
  const remove = useDeleteBill();
  const [statuses, setStatuses] = useState<BillStatus[]>([]);
  const [waybill, setWaybill] = useState("");
  return (
    <Card
      size="small"
      data-testid="bill-detail"
      title={
        <Flex vertical style={{ minWidth: 0, padding: "4px 0" }}>
          <Typography.Text strong ellipsis>
            {bill.carrier.name} · {bill.fileName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: "normal" }}>
            {bill.period ? `${bill.period} · ` : ""}
            {t("logistics.cost.detail.tolerance", {
              g: bill.toleranceG,
              encoding: bill.encoding ?? "—",
            })}
          </Typography.Text>
        </Flex>
      }
      extra={
        manage ? (
          <Flex gap={4} wrap justify="flex-end">
            <Button
              size="small"
              icon={<SyncOutlined />}
              loading={reconcile.isPending}
              title={t("logistics.cost.detail.reconcileHelp")}
              data-testid="bill-reconcile"
              onClick={() =>
                reconcile.mutate(bill.id, {
                  onSuccess: () => void message.success(t("logistics.cost.detail.reconciled")),
                  onError: (e) => onError(e),
                })
              }
            >
              {t("logistics.cost.detail.reconcile")}
            </Button>
            <Popconfirm
              title={t("logistics.cost.detail.deleteConfirm")}
              onConfirm={() =>
                remove.mutate(bill.id, {
                  onSuccess: () => {
                    void message.success(t("logistics.cost.detail.deleted"));
                    onDeleted();
                  },
                  onError: (e) => onError(e),
                })
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t("logistics.cost.detail.delete")}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <BillTotals bill={bill} statuses={statuses} onStatuses={setStatuses} />
        <BillLines billId={bill.id} statuses={statuses} waybill={waybill} onWaybill={setWaybill} />
      </Flex>
    </Card>
  );
}
