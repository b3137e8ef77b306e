// A saved layout for tracking files no alias knows: which header holds the order number, the
// waybill, the carrier and the weight, the weight's unit, and a carrier for files without one.
import { Form, Input, Radio, Select } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import type { Body, Reply } from "../../../api/contract";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useCarriers } from "../rates/ratesApi";
import { scanKeys } from "./scanApi";

interface Values {
  name: string;
  order: string;
  waybill: string;
  carrier?: string;
  weight?: string;
  weightUnit: "kg" | "g";
  fixedCarrier?: string;
}

export function TrackingMappingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const carriers = useCarriers();
  const save = useMutation({
    mutationFn: (body: Body<"logisticsCreateMapping">) =>
      api.post<Reply<"logisticsCreateMapping">>("/api/v1/logistics/mappings", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: scanKeys.mappings("tracking") }),
  });
  const header = (name: keyof Values, label: string, required = false) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []}>
      <Input maxLength={100} data-testid={`mapping-${name}`} />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      open={open}
      title={t("logistics.scan.mapping.title")}
      onClose={onClose}
      initialValues={{ weightUnit: "kg" }}
      testId="mapping-dialog"
      okTestId="mapping-ok"
      fieldMap={{
        "mapping.columns.order": "order",
        "mapping.columns.waybill": "waybill",
        "mapping.columns.carrier": "carrier",
        "mapping.columns.weight": "weight",
        "mapping.carrier": "fixedCarrier",
      }}
      onSubmit={(v) =>
        save.mutateAsync({
          kind: "tracking",
          name: v.name,
          mapping: {
            columns: {
              order: v.order,
              waybill: v.waybill,
              ...(v.carrier ? { carrier: v.carrier } : {}),
              ...(v.weight ? { weight: v.weight } : {}),
            },
            weightUnit: v.weightUnit,
            ...(v.fixedCarrier ? { carrier: v.fixedCarrier } : {}),
          },
        })
      }
    >
      <Form.Item name="name" label={t("logistics.scan.mapping.name")} rules={[{ required: true }]}>
        <Input maxLength={60} data-testid="mapping-name" />
      </Form.Item>
      {header("order", t("logistics.scan.mapping.order"), true)}
      {header("waybill", t("logistics.scan.mapping.waybill"), true)}
      {header("carrier", t("logistics.scan.mapping.carrier"))}
      {header("weight", t("logistics.scan.mapping.weight"))}
      <Form.Item name="weightUnit" label={t("logistics.scan.mapping.unit")}>
        <Radio.Group
          options={[
            { value: "kg", label: "kg" },
            { value: "g", label: "g" },
          ]}
        />
      </Form.Item>
      <Form.Item name="fixedCarrier" label={t("logistics.scan.mapping.fixedCarrier")}>
        <Select
          allowClear
          options={(carriers.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
