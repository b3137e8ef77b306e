// The imported carrier bills, newest first, with their totals; choosing one opens its lines. On a
// phone each bill is two columns: the file with its carrier, month and waybills, then the money.
import { Card, Empty, Flex, Grid, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useI18n } from "../../../i18n";
import type { Bill } from "./costApi";
import { yuan } from "./format";

export function BillList({
  bills,
  loading,
  selected,
  onSelect,
}: {
  bills: Bill[];
  loading: boolean;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().sm;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
  const wide: ColumnsType<Bill> = [
    {
      title: t("logistics.cost.list.file"),
      dataIndex: "fileName",
      ellipsis: true,
      render: (f: string, b) => (
        <Typography.Link onClick={() => onSelect(b.id)}>{f}</Typography.Link>
      ),
    },
    {
      title: t("logistics.cost.list.carrier"),
      width: 110,
      render: (_, b) => b.carrier.name,
    },
    {
      title: t("logistics.cost.list.period"),
      dataIndex: "period",
      width: 90,
      render: (p: string | null) => p ?? "—",
    },
    {
      title: t("logistics.cost.list.lines"),
      width: 80,
      align: "right",
      render: (_, b) => b.totals.lines,
    },
    {
      title: t("logistics.cost.list.billed"),
      width: 110,
      align: "right",
      render: (_, b) => yuan(b.totals.billed),
    },
    {
      title: t("logistics.cost.list.over"),
      width: 100,
      align: "right",
      render: (_, b) => (
        <Typography.Text type={b.totals.overcharged !== "0.00" ? "danger" : undefined}>
          {yuan(b.totals.overcharged)}
        </Typography.Text>
      ),
    },
    {
      title: t("logistics.cost.list.unknown"),
      width: 90,
      align: "right",
      render: (_, b) => b.totals.counts.unknown ?? 0,
    },
    {
      title: t("logistics.cost.list.at"),
      dataIndex: "createdAt",
      width: 140,
      render: when,
    },
  ];
  const compact: ColumnsType<Bill> = [
    {
      title: t("logistics.cost.list.file"),
      render: (_, b) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Link onClick={() => onSelect(b.id)} ellipsis>
            {b.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.carrier.name} · {b.period ?? "—"} · {t("logistics.cost.list.lines")} {b.totals.lines}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("logistics.cost.list.billed"),
      align: "right",
      width: 110,
      render: (_, b) => (
        <Flex vertical align="flex-end">
          <span>{yuan(b.totals.billed)}</span>
          {b.totals.overcharged !== "0.00" ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t("logistics.cost.list.over")} {yuan(b.totals.overcharged)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Card size="small" title={t("logistics.cost.list.title")} data-testid="bill-list">
      {bills.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("logistics.cost.list.empty")} />
      ) : (
        <Table<Bill>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={bills}
          pagination={bills.length > 10 ? { pageSize: 10, size: "small" } : false}
          scroll={phone ? undefined : { x: 760 }}
          onRow={(b) => ({
            onClick: () => onSelect(b.id),
            style: { cursor: "pointer" },
            "data-testid": `bill-row-${b.fileName}`,
          })}
          rowClassName={(b) => (b.id === selected ? "ant-table-row-selected" : "")}
          columns={phone ? compact : wide}
        />
      )}
    </Card>
  );
}
