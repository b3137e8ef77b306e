// The queue's filters: shop, platform, province, carrier, SKU, memo text, overdue, parcel.
import { Button, Input, Select, Space, Switch, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { QueueFilter, QueueSummary } from "./api";

export function QueueFilters({
  value,
  onChange,
  summary,
}: {
  value: QueueFilter;
  onChange: (f: QueueFilter) => void;
  summary: QueueSummary | undefined;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<QueueFilter>) => {
    const next: QueueFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof QueueFilter)[])
      if (next[k] === undefined || next[k] === "") delete next[k];
    onChange(next);
  };
  const platforms = [...new Set((summary?.shops ?? []).map((s) => s.platform))];
  const text = (key: "province" | "sku" | "memo", label: string) => (
    <Input.Search
      key={`${key}-${value[key] ?? ""}`}
      allowClear
      placeholder={label}
      defaultValue={value[key]}
      onSearch={(v) => set({ [key]: v.trim() || undefined })}
      style={{ width: 150 }}
      data-testid={`queue-filter-${key}`}
    />
  );
  return (
    <Space wrap size={[8, 8]} data-testid="queue-filters">
      <Select
        allowClear
        placeholder={t("logistics.queue.filter.shop")}
        value={value.shopId}
        onChange={(v?: string) => set({ shopId: v })}
        options={(summary?.shops ?? []).map((s) => ({
          value: s.id,
          label: `${s.name} (${s.orders})`,
        }))}
        style={{ minWidth: 150 }}
        data-testid="queue-filter-shop"
      />
      {platforms.length > 1 && (
        <Select
          allowClear
          placeholder={t("logistics.queue.filter.platform")}
          value={value.platform}
          onChange={(v?: string) => set({ platform: v })}
          options={platforms.map((p) => ({ value: p, label: p }))}
          style={{ minWidth: 120 }}
        />
      )}
      {text("province", t("logistics.queue.filter.province"))}
      <Select
        allowClear
        placeholder={t("logistics.queue.filter.carrier")}
        value={value.carrierId}
        onChange={(v?: string) => set({ carrierId: v })}
        options={(summary?.carriers ?? []).map((c) => ({ value: c.id, label: c.name }))}
        style={{ minWidth: 120 }}
      />
      {text("sku", t("logistics.queue.filter.sku"))}
      {text("memo", t("logistics.queue.filter.memo"))}
      <Select
        allowClear
        placeholder={t("logistics.queue.filter.parcel")}
        value={value.inParcel === undefined ? undefined : String(value.inParcel)}
        onChange={(v?: string) => set({ inParcel: v === undefined ? undefined : v === "true" })}
        options={[
          { value: "false", label: t("logistics.queue.filter.parcel.none") },
          { value: "true", label: t("logistics.queue.filter.parcel.open") },
        ]}
        style={{ minWidth: 120 }}
      />
      <Space size={4}>
        <Switch
          size="small"
          checked={value.overdue === true}
          onChange={(on) => set({ overdue: on ? true : undefined })}
          data-testid="queue-filter-overdue"
        />
        <Typography.Text>{t("logistics.queue.filter.overdue")}</Typography.Text>
      </Space>
      {Object.keys(value).length > 0 && (
        <Button type="link" onClick={() => onChange({})}>
          {t("logistics.queue.filter.clear")}
        </Button>
      )}
    </Space>
  );
}
