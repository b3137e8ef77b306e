// A shop's write-back template for one platform (logistics.manage): the headers its back end's
// upload wants today and the file format. Platforms change their templates; this follows them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Select } from "antd";
import { useState } from "react";
import {
  WRITEBACK_FORMATS,
  WRITEBACK_LAYOUTS,
  type WritebackPlatform,
} from "../../../../../src/core/logistics/writeback-file.js";
import { api } from "../../../api/client";
import type { Body, Reply } from "../../../api/contract";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { useShops } from "../../shop-data/api";
import { platformLabel } from "../../shop-data/labels";
import { scanKeys } from "./scanApi";

const PLATFORMS = Object.keys(WRITEBACK_LAYOUTS) as WritebackPlatform[];
const FIELDS = ["order", "carrier", "waybill"] as const;

interface Values {
  shop: string;
  platform: WritebackPlatform;
  format: (typeof WRITEBACK_FORMATS)[number];
  order?: string;
  carrier?: string;
  waybill?: string;
}

export function WritebackTemplateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const shops = useShops();
  const templates = useQuery({
    queryKey: scanKeys.mappings("writeback"),
    enabled: open,
    queryFn: () => api.get<Reply<"logisticsMappings">>("/api/v1/logistics/mappings?kind=writeback"),
  });
  const [platform, setPlatform] = useState<WritebackPlatform>("taobao");
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const shopName = shops.data?.items.find((s) => s.id === v.shop)?.name ?? v.shop;
      const mapping = {
        headers: Object.fromEntries(FIELDS.filter((f) => v[f]).map((f) => [f, v[f]!])),
        format: v.format,
      };
      const existing = templates.data?.items.find(
        (m) => m.shopId === v.shop && m.platform === v.platform,
      );
      if (existing)
        return api.put(`/api/v1/logistics/mappings/${existing.id}`, {
          name: existing.name,
          mapping,
          version: existing.version,
        });
      const body: Body<"logisticsCreateMapping"> = {
        kind: "writeback",
        name: `${shopName} · ${v.platform}`,
        shopId: v.shop,
        platform: v.platform,
        mapping,
      };
      return api.post("/api/v1/logistics/mappings", body);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["logistics"] }),
  });
  const layout = WRITEBACK_LAYOUTS[platform];
  const header = (f: (typeof FIELDS)[number]) =>
    layout.columns.find((c) => c.field === f)?.header ?? f;
  return (
    <FormModal<Values>
      open={open}
      title={t("logistics.scan.template.title")}
      onClose={onClose}
      initialValues={{ platform: "taobao", format: WRITEBACK_LAYOUTS.taobao.format }}
      testId="template-dialog"
      okTestId="template-ok"
      fieldMap={{ "mapping.format": "format", shopId: "shop" }}
      onValuesChange={(changed, all, form) => {
        if (!changed.shop && !changed.platform) return;
        setPlatform(all.platform);
        const existing = templates.data?.items.find(
          (m) => m.shopId === all.shop && m.platform === all.platform,
        );
        const saved = existing?.mapping as
          { headers?: Record<string, string>; format?: Values["format"] } | undefined;
        form.setFieldsValue({
          format: saved?.format ?? WRITEBACK_LAYOUTS[all.platform].format,
          order: saved?.headers?.order,
          carrier: saved?.headers?.carrier,
          waybill: saved?.headers?.waybill,
        });
      }}
      onSubmit={(v) => save.mutateAsync(v)}
    >
      <Form.Item name="shop" label={t("logistics.scan.shop")} rules={[{ required: true }]}>
        <Select options={(shops.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
      <Form.Item name="platform" label={t("logistics.scan.writeback.platform")}>
        <Select options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))} />
      </Form.Item>
      <Form.Item name="format" label={t("logistics.scan.template.format")}>
        <Select
          options={WRITEBACK_FORMATS.map((f) => ({
            value: f,
            label: t(`logistics.scan.template.format.${f}`),
          }))}
        />
      </Form.Item>
      {FIELDS.map((f) => (
        <Form.Item key={f} name={f} label={t(`logistics.scan.template.${f}`)}>
          <Input maxLength={100} placeholder={header(f)} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
