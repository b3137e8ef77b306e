// Opening a case by hand from an order: the shop, the order (searched by its number), the type,
// the reason, what the buyer asks for and the order's lines it is about. The server checks the
// order and its lines; its field errors land on the fields. The new case opens.
import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import { useNavigate } from "react-router-dom";
import { CASE_TYPES, useCreateCase, useShopOrders, type CaseType } from "../../api/aftersales";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import type { Shop } from "../shop-data/api";
import { typeLabel } from "./labels";

interface Values {
  shopId?: string;
  orderId: string;
  type: CaseType;
  reason?: string;
  requested?: number | null;
  lines?: number[];
}

export function NewCaseModal({
  open,
  onClose,
  shops,
  orderId,
}: {
  open: boolean;
  onClose: () => void;
  shops: Shop[];
  /** Opens for this order (its shop chosen). */
  orderId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateCase();
  return (
    <FormModal<Values, { id: string }>
      open={open}
      title={t("aftersales.new.title")}
      onClose={onClose}
      okText={t("common.create")}
      testId="case-new-form"
      okTestId="case-new-ok"
      initialValues={{ shopId: shops[0]?.id, type: "return_refund", orderId }}
      fieldMap={{ requestedFen: "requested", lines: "lines" }}
      onValuesChange={(changed, _all, f) => {
        if ("shopId" in changed) f.setFieldsValue({ orderId: undefined, lines: [] });
        if ("orderId" in changed) f.setFieldsValue({ lines: [] });
      }}
      onSubmit={(v) =>
        create.mutateAsync({
          orderId: v.orderId,
          type: v.type,
          reason: v.reason?.trim() || null,
          ...(v.requested != null ? { requestedFen: Math.round(v.requested * 100) } : {}),
          ...(v.lines?.length ? { lines: v.lines.map((n) => ({ orderLineNo: n })) } : {}),
        })
      }
      onSuccess={(c) => void navigate(`/aftersales/cases/${c.id}`)}
    >
      <CaseFields shops={shops} />
    </FormModal>
  );
}

/** The fields; the order list follows the shop chosen, the lines the order. */
function CaseFields({ shops }: { shops: Shop[] }) {
  const { t, locale } = useI18n();
  const shopId = Form.useWatch<string | undefined>("shopId");
  const chosen = Form.useWatch<string | undefined>("orderId");
  const orders = useShopOrders(shopId);
  const order = orders.data?.items.find((o) => o.id === chosen);
  return (
    <>
      <Form.Item name="shopId" label={t("aftersales.new.shop")} rules={[{ required: true }]}>
        <Select options={shops.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="orderId" label={t("aftersales.new.order")} rules={[{ required: true }]}>
        <Select
          showSearch
          loading={orders.isFetching}
          placeholder={t("aftersales.new.orderSearch")}
          optionFilterProp="label"
          options={(orders.data?.items ?? []).map((o) => ({
            value: o.id,
            label: `${o.platformOrderId} · ${o.total} ${o.currency}`,
          }))}
          data-testid="case-new-order"
        />
      </Form.Item>
      <Form.Item name="type" label={t("aftersales.new.type")} rules={[{ required: true }]}>
        <Select
          options={CASE_TYPES.map((ty) => ({ value: ty, label: typeLabel(locale, ty) }))}
          data-testid="case-new-type"
        />
      </Form.Item>
      <Form.Item name="reason" label={t("aftersales.new.reason")} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="requested" label={t("aftersales.new.requested")}>
        <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      {order && order.items.length > 0 && (
        <Form.Item name="lines" label={t("aftersales.new.lines")}>
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column" }}
            options={order.items.map((i) => ({
              value: i.lineNo,
              label: `${i.title}${i.sku ? ` (${i.sku})` : ""} ×${i.quantity}`,
            }))}
          />
        </Form.Item>
      )}
    </>
  );
}
