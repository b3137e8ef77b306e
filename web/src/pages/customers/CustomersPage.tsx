// 客户: a shop's customers with their RFM segment (searchable, one segment at a time), the RFM map
// with its cut-offs, and the dormant customers with their export for a win-back campaign (offered
// to those the server lets export: customers.export). Shop, tab and filters live in the address.
import { Alert, Button, Input, Select, Space, Tabs, Typography } from "antd";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import {
  dormantExportUrl,
  SEGMENTS,
  useCustomers,
  useDormant,
  useRfm,
  type CustomerFilter,
  type Segment,
} from "../../api/customers";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { useMe } from "../../me";
import { useShops } from "../shop-data/api";
import { CustomerTable } from "./CustomerTable";
import { RfmMap } from "./RfmMap";
import { segmentLabel } from "./labels";

const WINDOWS = [90, 180, 365, 730];
const DORMANT_DAYS = [30, 60, 90, 120, 180];

export function CustomersPage() {
  const { t, locale } = useI18n();
  const { can } = useMe();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const shops = useShops();
  const shopList = shops.data?.items ?? [];
  const shop = params.get("shop") ?? shopList[0]?.id ?? "";
  const currency = shopList.find((s) => s.id === shop)?.currency ?? "CNY";
  const tab = params.get("tab") ?? "list";
  const windowDays = Number(params.get("window") ?? 365);
  const days = Number(params.get("days") ?? 90);
  const filter = useMemo(() => {
    const f: CustomerFilter = { shop, windowDays };
    const q = params.get("q");
    if (q) f.q = q;
    const segment = params.get("segment");
    if (segment) f.segment = segment as Segment;
    return f;
  }, [params, shop, windowDays]);
  const list = useCustomers(filter, !!shop && tab === "list");
  const rfm = useRfm(shop, windowDays, !!shop && tab === "rfm");
  const dormant = useDormant(shop, days, !!shop && tab === "dormant");
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const dormantItems = dormant.data?.pages.flatMap((p) => p.items) ?? [];
  const first = dormant.data?.pages[0];
  const refusal = [list, rfm, dormant].find((q) => q.isError)?.error;

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="customers-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("customers.title")}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ minWidth: 160 }}
            value={shop || undefined}
            placeholder={t("customers.shop")}
            onChange={(v: string) => set({ shop: v })}
            options={shopList.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="customers-shop"
          />
          {tab !== "dormant" && (
            <Select
              value={windowDays}
              onChange={(v: number) => set({ window: String(v) })}
              options={WINDOWS.map((d) => ({
                value: d,
                label: `${t("customers.window")} ${t("customers.windowDays", { days: d })}`,
              }))}
              data-testid="customers-window"
            />
          )}
        </Space>
      </Space>
      {shops.data && shopList.length === 0 && <Alert type="info" message={t("customers.noShop")} />}
      {refusal ? (
        // Someone the customers are not open to (a 物流 or 设计 member following a link) reads why,
        // not an empty list that says the shop has no customers.
        <Alert type="error" title={errorText(refusal, t, locale)} data-testid="customers-error" />
      ) : null}
      {shop && !refusal && (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === "list" ? undefined : k })}
          items={[
            {
              key: "list",
              label: t("customers.tab.list"),
              children: (
                <Space direction="vertical" size={8} style={{ width: "100%" }}>
                  <Space wrap>
                    <Input.Search
                      allowClear
                      defaultValue={params.get("q") ?? ""}
                      placeholder={t("customers.search")}
                      onSearch={(v) => set({ q: v.trim() || undefined })}
                      style={{ width: 240 }}
                      maxLength={100}
                      data-testid="customers-search"
                    />
                    <Select
                      allowClear
                      style={{ minWidth: 180 }}
                      value={filter.segment}
                      placeholder={t("customers.allSegments")}
                      onChange={(v?: string) => set({ segment: v })}
                      options={SEGMENTS.map((s) => ({ value: s, label: segmentLabel(locale, s) }))}
                      data-testid="customers-segment"
                    />
                    {list.data && (
                      <Typography.Text type="secondary" data-testid="customers-total">
                        {t("customers.total", { count: list.data.pages[0]?.total ?? 0 })}
                      </Typography.Text>
                    )}
                  </Space>
                  <CustomerTable items={items} currency={currency} loading={list.isLoading} />
                  {list.hasNextPage && (
                    <Button
                      onClick={() => void list.fetchNextPage()}
                      loading={list.isFetchingNextPage}
                    >
                      {t("customers.more")}
                    </Button>
                  )}
                </Space>
              ),
            },
            {
              key: "rfm",
              label: t("customers.tab.rfm"),
              children: rfm.data ? <RfmMap rfm={rfm.data} currency={currency} /> : null,
            },
            {
              key: "dormant",
              label: t("customers.tab.dormant"),
              children: (
                <Space direction="vertical" size={8} style={{ width: "100%" }}>
                  <Space wrap>
                    <Typography.Text>{t("customers.dormant.days")}</Typography.Text>
                    <Select
                      value={days}
                      onChange={(v: number) => set({ days: String(v) })}
                      options={DORMANT_DAYS.map((d) => ({
                        value: d,
                        label: t("customers.windowDays", { days: d }),
                      }))}
                      data-testid="dormant-days"
                    />
                    {can("customers.export") && (
                      <>
                        <Button
                          type="primary"
                          href={dormantExportUrl(shop, days)}
                          data-testid="dormant-export"
                        >
                          {t("customers.dormant.export")}
                        </Button>
                        <Button href={dormantExportUrl(shop, days, "xlsx")}>
                          {t("customers.dormant.exportXlsx")}
                        </Button>
                      </>
                    )}
                  </Space>
                  {first && (
                    <Typography.Text type="secondary" data-testid="dormant-definition">
                      {renderMessage(locale, first.definition)} ·{" "}
                      {t("customers.total", { count: first.total })}
                    </Typography.Text>
                  )}
                  <CustomerTable
                    items={dormantItems.map((d) => ({
                      ...d,
                      identityKind: "buyer_id" as const,
                      firstPaidDate: d.lastPaidDate,
                      windowOrders: 0,
                      windowSpendFen: 0,
                      recencyDays: d.daysSince,
                      r: null,
                      f: null,
                      m: null,
                      segment: null,
                      cnClass: null,
                    }))}
                    currency={currency}
                    loading={dormant.isLoading}
                    segments={false}
                  />
                  {dormant.hasNextPage && (
                    <Button
                      onClick={() => void dormant.fetchNextPage()}
                      loading={dormant.isFetchingNextPage}
                    >
                      {t("customers.more")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
