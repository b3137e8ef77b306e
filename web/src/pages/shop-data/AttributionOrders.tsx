// The month's paid orders filtered by owner, each with its owner and where it came from; the
// owner and the operations leads set an owner by hand or give the order back to the rules.
import { App, Button, Card, Flex, Grid, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useApiErrors } from "../../components/errors";
import {
  formatSales,
  useOwnerOrders,
  useSetOwner,
  type AttributedOrder,
  type OwnerFilter,
} from "./attribution.api";
import { useI18n } from "../../i18n";
import type { Option } from "./labels";

/** The select's value for "no owner set by hand": the rules decide. */
const RULES = "__rules__";
const ALL = "__all__";

function OwnerCell({
  order,
  canManage,
  members,
}: {
  order: AttributedOrder;
  canManage: boolean;
  members: Option[];
}) {
  const { t } = useI18n();
  const setOwner = useSetOwner();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const o = order.owner;
  const source = o ? (
    <Tag color={o.source === "manual" ? "orange" : "blue"} data-testid="owner-source">
      {t(`attr.orders.source.${o.source}`)}
    </Tag>
  ) : null;
  if (!canManage) {
    return (
      <Flex gap={4} align="center" wrap>
        {o ? o.name : <Typography.Text type="secondary">{t("attr.orders.none")}</Typography.Text>}
        {source}
      </Flex>
    );
  }
  const manual = o?.source === "manual";
  // A member set by hand may since have left: keep them choosable so the select shows a name.
  const options = [
    {
      value: RULES,
      label:
        o && !manual
          ? t("attr.orders.byRulesNow", { name: o.name })
          : manual
            ? t("attr.orders.byRules")
            : t("attr.orders.byRulesNow", { name: t("attr.orders.none") }),
    },
    ...(manual && !members.some((m) => m.value === o.memberId)
      ? [{ value: o.memberId, label: o.name }]
      : []),
    ...members,
  ];
  return (
    <Flex gap={4} align="center">
      <Select
        size="small"
        style={{ width: 170 }}
        value={manual ? o.memberId : RULES}
        loading={setOwner.isPending}
        disabled={setOwner.isPending}
        showSearch={{ optionFilterProp: "label" }}
        options={options}
        aria-label={t("attr.orders.setOwner")}
        data-testid="order-owner"
        onChange={(v: string) =>
          setOwner.mutate(
            { id: order.id, version: order.version, memberId: v === RULES ? null : v },
            {
              onSuccess: () => void message.success(t("attr.orders.saved")),
              onError: (e) => onError(e),
            },
          )
        }
      />
      {source}
    </Flex>
  );
}

export function AttributionOrders({
  from,
  to,
  shopId,
  owner,
  onOwner,
  canManage,
  members,
  shopName,
}: {
  from: string;
  to: string;
  shopId: string | undefined;
  owner: OwnerFilter;
  onOwner: (o: OwnerFilter) => void;
  canManage: boolean;
  members: Option[];
  shopName: (id: string | null) => string;
}) {
  const { t, locale } = useI18n();
  const orders = useOwnerOrders({ from, to, shopId, owner });
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = !Grid.useBreakpoint().md;
  const paid = (r: AttributedOrder) =>
    r.paidAt
      ? new Date(r.paidAt).toLocaleString(locale, {
          month: "numeric",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
        })
      : (r.paidDate ?? "—");
  const memo = (r: AttributedOrder) => [r.sellerMemo, r.salesRef].filter(Boolean).join(" · ");
  const ownerCell = (r: AttributedOrder) => (
    <OwnerCell order={r} canManage={canManage} members={members} />
  );
  // A phone gets one cell per order (id and total, when and memo, the owner) so the owner select stays on screen.
  const columns: ColumnsType<AttributedOrder> = phone
    ? [
        {
          key: "order",
          render: (_, r) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text style={{ wordBreak: "break-all" }}>
                  {r.platformOrderId}
                </Typography.Text>
                <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
                  {formatSales(r.total, r.currency)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[paid(r), shopName(r.shopId), memo(r)].filter(Boolean).join(" · ")}
              </Typography.Text>
              {ownerCell(r)}
            </Flex>
          ),
        },
      ]
    : [
        {
          title: t("attr.orders.id"),
          dataIndex: "platformOrderId",
          render: (id: string, r) => (
            <Flex vertical>
              <Typography.Text style={{ wordBreak: "break-all" }}>{id}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shopName(r.shopId)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t("attr.orders.paid"),
          dataIndex: "paidAt",
          width: 130,
          render: (_, r) => paid(r),
        },
        {
          title: t("attr.orders.total"),
          dataIndex: "total",
          align: "right",
          width: 110,
          render: (s: string, r) => formatSales(s, r.currency),
        },
        {
          title: t("attr.orders.memo"),
          key: "memo",
          ellipsis: true,
          render: (_, r) => memo(r) || "—",
        },
        { title: t("attr.orders.owner"), key: "owner", width: 240, render: (_, r) => ownerCell(r) },
      ];
  return (
    <Card
      size="small"
      title={t("attr.orders.title")}
      data-testid="attribution-orders"
      extra={
        <Select
          size="small"
          style={{ width: 170 }}
          value={owner ?? ALL}
          onChange={(v: string) => onOwner(v === ALL ? undefined : v)}
          aria-label={t("attr.orders.owner")}
          showSearch={{ optionFilterProp: "label" }}
          data-testid="owner-filter"
          options={[
            { value: ALL, label: t("attr.orders.all") },
            { value: "none", label: t("attr.orders.none") },
            ...members,
          ]}
        />
      }
    >
      <Flex vertical gap={8}>
        <Table<AttributedOrder>
          size="small"
          rowKey="id"
          pagination={false}
          loading={orders.isPending}
          dataSource={rows}
          scroll={phone ? undefined : { x: 760 }}
          locale={{ emptyText: t("attr.orders.empty") }}
          columns={columns}
          showHeader={!phone}
        />
        {orders.hasNextPage ? (
          <Button
            block
            onClick={() => void orders.fetchNextPage()}
            loading={orders.isFetchingNextPage}
          >
            {t("attr.orders.more")}
          </Button>
        ) : null}
        {canManage ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("attr.orders.lockedHint")}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
