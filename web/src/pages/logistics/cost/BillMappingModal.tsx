// A saved column mapping for a bill of another layout: the file's own headers for the waybill, the
// fee and (optionally) the weight, and the weight's unit when the header does not say it.
import { Form, Input, Segmented } from "antd";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useCreateBillMapping, type BillMapping, type NewBillMapping } from "./costApi";

export function BillMappingModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const create = useCreateBillMapping();
  const header = { extra: t("logistics.cost.mapping.headerHelp") };
  return (
    <FormModal<NewBillMapping, BillMapping>
      open={open}
      onClose={onClose}
      title={t("logistics.cost.mapping.title")}
      initialValues={{ weightUnit: "kg" }}
      onSubmit={(v) =>
        create.mutateAsync({
          ...v,
          name: v.name.trim(),
          weight: v.weight?.trim() ? v.weight.trim() : null,
        })
      }
      onSuccess={(m) => onSaved(m.name)}
      testId="bill-mapping-form"
    >
      <Form.Item name="name" label={t("logistics.cost.mapping.name")} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="waybill"
        label={t("logistics.cost.mapping.waybill")}
        rules={[{ required: true }]}
        {...header}
      >
        <Input maxLength={100} placeholder="运单号" />
      </Form.Item>
      <Form.Item
        name="fee"
        label={t("logistics.cost.mapping.fee")}
        rules={[{ required: true }]}
        {...header}
      >
        <Input maxLength={100} placeholder="运费" />
      </Form.Item>
      <Form.Item name="weight" label={t("logistics.cost.mapping.weight")}>
        <Input maxLength={100} placeholder="重量" />
      </Form.Item>
      <Form.Item name="weightUnit" label={t("logistics.cost.mapping.unit")}>
        <Segmented
          options={[
            { value: "kg", label: "kg" },
            { value: "g", label: "g" },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
