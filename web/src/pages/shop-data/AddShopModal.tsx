// Adding a shop: its name, its platform and the dispatch window the ship-on-time rate counts from
// when an export carries no promised ship time.
import { Form, Input, InputNumber, Select } from "antd";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { useCreateShop, type NewShop } from "./api";
import { PLATFORMS, platformLabel } from "./labels";

type Values = Pick<NewShop, "name" | "platform" | "shipWindowHours">;

export function AddShopModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const create = useCreateShop();
  return (
    <FormModal<Values, { id: string }>
      open={open}
      title={t("shop.add")}
      onClose={onClose}
      okText={t("common.save")}
      initialValues={{ platform: "taobao", shipWindowHours: 48 }}
      onSubmit={(v) => create.mutateAsync(v)}
      onSuccess={(s) => onCreated(s.id)}
    >
      <Form.Item name="name" label={t("shop.name")} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="platform" label={t("shop.platform")} rules={[{ required: true }]}>
        <Select options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))} />
      </Form.Item>
      <Form.Item
        name="shipWindowHours"
        label={t("shop.shipWindow")}
        extra={t("shop.shipWindowHint")}
        rules={[{ required: true }]}
      >
        <InputNumber
          min={1}
          max={720}
          precision={0}
          addonAfter={t("shop.hours")}
          style={{ width: 180 }}
          data-testid="shop-ship-window"
        />
      </Form.Item>
    </FormModal>
  );
}
