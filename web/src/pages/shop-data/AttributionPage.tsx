// 业绩归属 / Sales attribution: the rules that give orders an owner, a month's sales per member and
// department, and the month's orders by owner (set by hand or back to the rules). Everyone reads;
// the owner and the operations leads change rules and owners. The month, shop and owner live in the
// address, so a link shows the same view.
import { DatePicker, Flex, Select, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useAllMembers, useDepartments } from "../../api/hooks";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { SubpageHeader } from "./SubpageHeader";
import { useShops } from "./api";
import { monthRange, useSummary, type OwnerFilter } from "./attribution.api";
import { AttributionOrders } from "./AttributionOrders";
import { AttributionRules } from "./AttributionRules";
import { AttributionSummary } from "./AttributionSummary";
import { platformLabel, type Option } from "./labels";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function AttributionPage() {
  const { t } = useI18n();
  const { can, workspace } = useMe();
  const [params, setParams] = useSearchParams();
  const month = MONTH.test(params.get("month") ?? "")
    ? params.get("month")!
    : dayjs().format("YYYY-MM");
  const shopId = params.get("shop") ?? undefined;
  const owner: OwnerFilter = params.get("owner") ?? undefined;
  const set = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v);
    else p.delete(k);
    setParams(p, { replace: true });
  };
  const { from, to } = monthRange(month);
  // The owner and the operations leads change rules and owners (the server's shop.manage right).
  const canManage = can("shop.manage");
  const shops = useShops();
  const members = useAllMembers();
  const departments = useDepartments();
  const summary = useSummary({ from, to, shopId });

  const departmentName = (id: string | null) =>
    id
      ? (departments.data?.items.find((d) => d.id === id)?.name ?? "—")
      : t("attr.summary.noDepartment");
  const shopOptions: Option[] = useMemo(
    () =>
      (shops.data?.items ?? []).map((s) => ({
        value: s.id,
        label: `${s.name} · ${platformLabel(t, s.platform)}`,
      })),
    [shops.data, t],
  );
  const memberOptions: Option[] = useMemo(
    () =>
      (members.data ?? []).map((m) => {
        const dept = m.departmentId
          ? departments.data?.items.find((d) => d.id === m.departmentId)?.name
          : undefined;
        return { value: m.id, label: dept ? `${m.name} · ${dept}` : m.name };
      }),
    [members.data, departments.data],
  );
  const shopName = (id: string | null) =>
    id ? (shops.data?.items.find((s) => s.id === id)?.name ?? "") : "";

  return (
    <Flex vertical gap={12} data-testid="attribution-page">
      <SubpageHeader
        title={t("attr.page.title")}
        back={t("attr.page.toShopData")}
        intro={t("attr.page.intro")}
        readOnly={canManage ? null : t("attr.page.readOnly")}
      />
      <AttributionRules canManage={canManage} shops={shopOptions} members={memberOptions} />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("attr.summary.title")}
        </Typography.Title>
        <Flex wrap gap={8} style={{ flex: "1 1 260px", justifyContent: "flex-end", minWidth: 0 }}>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            aria-label={t("attr.summary.month")}
            data-testid="attribution-month"
            style={{ width: 140 }}
            onChange={(d) => {
              if (d) set("month", d.format("YYYY-MM"));
            }}
          />
          <Select
            allowClear
            style={{ flex: "1 1 150px", minWidth: 0, maxWidth: 260 }}
            placeholder={t("attr.summary.allShops")}
            value={shopId}
            aria-label={t("attr.rules.shop")}
            options={shopOptions}
            onChange={(v?: string) => set("shop", v)}
            data-testid="attribution-shop"
          />
        </Flex>
      </Flex>
      <AttributionSummary
        summary={summary.data}
        loading={summary.isPending}
        currency={workspace.currency}
        departmentName={departmentName}
        owner={owner}
        onOwner={(o) => set("owner", o)}
      />
      <AttributionOrders
        from={from}
        to={to}
        shopId={shopId}
        owner={owner}
        onOwner={(o) => set("owner", o)}
        canManage={canManage}
        members={memberOptions}
        shopName={shopName}
      />
    </Flex>
  );
}
