// 售后: the open cases soonest due first with a countdown to each deadline (red once overdue),
// filters (shop, type, state, mine) kept in the address, and — for the customer-service people —
// opening a case by hand from an order and importing a platform's after-sales export.
import { Button, Segmented, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ALL_STATES, CASE_TYPES, useCases, type CaseFilter } from "../../api/aftersales";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { useServerNow } from "../logistics/queue/time";
import { useShops } from "../shop-data/api";
import { CaseImportModal } from "./CaseImportModal";
import { CaseList } from "./CaseList";
import { NewCaseModal } from "./NewCaseModal";
import { PeopleCard } from "./PeopleCard";
import { stateLabel, typeLabel } from "./labels";

function useFilter(): [CaseFilter, (f: Partial<CaseFilter>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f: CaseFilter = { state: params.get("state") ?? "open" };
    if (f.state === "all") delete f.state;
    const shopId = params.get("shopId");
    if (shopId) f.shopId = shopId;
    const type = params.get("type");
    if (type) f.type = type as CaseFilter["type"];
    const assignee = params.get("assignee");
    if (assignee) f.assignee = assignee;
    return f;
  }, [params]);
  const set = (patch: Partial<CaseFilter>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return [filter, set];
}

export function AftersalesPage() {
  const { t, locale } = useI18n();
  const { can } = useMe();
  const handle = can("aftersales.handle");
  const lead = can("aftersales.manage");
  const kpi = can("aftersales.kpi.own");
  const [filter, setFilter] = useFilter();
  const [params] = useSearchParams();
  const cases = useCases(filter);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const now = useServerNow(undefined);
  const shops = useShops();
  const shopList = shops.data?.items ?? [];
  const shopName = (id: string) => shopList.find((s) => s.id === id)?.name ?? "";
  const [importing, setImporting] = useState(false);
  const [opening, setOpening] = useState(false);
  const overdue = items.filter((c) => c.dueAt && Date.parse(c.dueAt) < now).length;

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="aftersales-page">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }} align="start">
        <div>
          <Typography.Title level={4} style={{ marginBottom: 0 }}>
            {t("aftersales.title")}
          </Typography.Title>
          {kpi && (
            <Link to="/aftersales/dashboard" data-testid="aftersales-dashboard-link">
              {t("aftersales.dash.open")} →
            </Link>
          )}
          {cases.data && (
            <Typography.Text type={overdue ? "danger" : "secondary"} data-testid="case-summary">
              {t("aftersales.summary", { count: items.length, overdue })}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Link to="/aftersales/settings" data-testid="aftersales-settings-link">
            <Button>{t("aftersales.settings")}</Button>
          </Link>
          {handle && (
            <>
              <Button onClick={() => setOpening(true)} data-testid="case-new">
                {t("aftersales.open")}
              </Button>
              <Button type="primary" onClick={() => setImporting(true)} data-testid="case-import">
                {t("aftersales.import")}
              </Button>
            </>
          )}
        </Space>
      </Space>
      {lead && (
        <PeopleCard selected={filter.assignee} onPick={(id) => setFilter({ assignee: id })} />
      )}
      <Space wrap data-testid="case-filters">
        <Segmented
          value={filter.assignee ?? ""}
          onChange={(v) => setFilter({ assignee: String(v) })}
          options={[
            { value: "", label: t("aftersales.filter.everyone") },
            { value: "me", label: t("aftersales.filter.mine") },
            { value: "none", label: t("aftersales.filter.unassigned") },
          ]}
          data-testid="case-filter-assignee"
        />
        <Select
          style={{ minWidth: 140 }}
          value={filter.shopId ?? ""}
          onChange={(v: string) => setFilter({ shopId: v })}
          options={[
            { value: "", label: t("aftersales.filter.allShops") },
            ...shopList.map((s) => ({ value: s.id, label: s.name })),
          ]}
          aria-label={t("aftersales.filter.shop")}
          data-testid="case-filter-shop"
        />
        <Select
          style={{ minWidth: 160 }}
          value={filter.type ?? ""}
          onChange={(v: string) => setFilter({ type: v as CaseFilter["type"] })}
          options={[
            { value: "", label: t("aftersales.filter.allTypes") },
            ...CASE_TYPES.map((ty) => ({ value: ty, label: typeLabel(locale, ty) })),
          ]}
          aria-label={t("aftersales.filter.type")}
          data-testid="case-filter-type"
        />
        <Select
          style={{ minWidth: 140 }}
          value={params.get("state") ?? "open"}
          onChange={(v: string) => setFilter({ state: v === "open" ? "" : v })}
          options={[
            { value: "open", label: t("aftersales.filter.open") },
            { value: "all", label: t("aftersales.filter.all") },
            ...ALL_STATES.map((s) => ({ value: s, label: stateLabel(locale, s) })),
          ]}
          aria-label={t("aftersales.filter.state")}
          data-testid="case-filter-state"
        />
      </Space>
      <CaseList items={items} now={now} shopName={shopName} loading={cases.isPending} />
      {cases.hasNextPage && (
        <Button block onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t("aftersales.more")}
        </Button>
      )}
      {handle && (
        <>
          <CaseImportModal open={importing} onClose={() => setImporting(false)} shops={shopList} />
          <NewCaseModal open={opening} onClose={() => setOpening(false)} shops={shopList} />
        </>
      )}
    </Space>
  );
}
