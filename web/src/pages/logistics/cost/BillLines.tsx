// A bill's waybill lines in file order: the carrier's weight against ours, the fee against the
// computed cost and the difference, the status; filtered by status and a waybill search, 50 at a
// time. On a phone each line is two columns: the waybill with its status and weights, the money.
import { Button, Flex, Grid, Input, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useI18n } from "../../../i18n";
import { useBillLines, type BillLine, type BillStatus } from "./costApi";
import { kg, yuan } from "./format";
import { STATUS_COLOR } from "./statuses";

const small = { fontSize: 12 } as const;

export function BillLines({
  billId,
  statuses,
  waybill,
  onWaybill,
}: {
  billId: string;
  statuses: BillStatus[];
  waybill: string;
  onWaybill: (w: string) => void;
}) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().sm;
  const lines = useBillLines(billId, statuses, waybill);
  const items = lines.data?.pages.flatMap((p) => p.items) ?? [];

  const waybillCell = (l: BillLine) => (
    <Flex vertical>
      <Typography.Text copyable={{ text: l.waybill }} style={{ fontFamily: "monospace" }}>
        {l.waybill}
      </Typography.Text>
      {l.rows > 1 ? (
        <Typography.Text type="secondary" style={small}>
          {t("logistics.cost.lines.rows", { rows: l.rows })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const statusCell = (l: BillLine) => (
    <Flex vertical align="flex-start">
      <Tag color={STATUS_COLOR[l.status]} data-testid={`line-status-${l.waybill}`}>
        {t(`logistics.cost.status.${l.status}`)}
      </Tag>
      {l.duplicateOf ? (
        <Typography.Text type="secondary" style={small}>
          {t("logistics.cost.lines.duplicateOf", { file: l.duplicateOf.fileName })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const weightCell = (l: BillLine) => (
    <Typography.Text type={l.status === "reweighed" ? "warning" : undefined}>
      {kg(l.weightG)} / {kg(l.ourWeightG)}
    </Typography.Text>
  );
  const diffCell = (d: string | null) => (
    <Typography.Text
      type={d === null || d === "0.00" ? undefined : d.startsWith("-") ? "success" : "danger"}
    >
      {d === null || d === "0.00" || d.startsWith("-") ? yuan(d) : `+${yuan(d)}`}
    </Typography.Text>
  );

  const wide: ColumnsType<BillLine> = [
    {
      title: t("logistics.cost.lines.waybill"),
      width: 170,
      fixed: "left",
      render: (_, l) => waybillCell(l),
    },
    { title: t("logistics.cost.lines.status"), width: 160, render: (_, l) => statusCell(l) },
    { title: t("logistics.cost.lines.weight"), width: 150, render: (_, l) => weightCell(l) },
    {
      title: t("logistics.cost.lines.fee"),
      dataIndex: "fee",
      width: 90,
      align: "right",
      render: yuan,
    },
    {
      title: t("logistics.cost.lines.computed"),
      dataIndex: "computed",
      width: 90,
      align: "right",
      render: yuan,
    },
    {
      title: t("logistics.cost.lines.diff"),
      dataIndex: "diff",
      width: 90,
      align: "right",
      render: diffCell,
    },
    {
      title: t("logistics.cost.lines.shop"),
      dataIndex: "shop",
      ellipsis: true,
      render: (s: string | null, l) => (s ? `${s}${l.province ? ` · ${l.province}` : ""}` : "—"),
    },
  ];
  const compact: ColumnsType<BillLine> = [
    {
      title: t("logistics.cost.lines.waybill"),
      render: (_, l) => (
        <Flex vertical gap={2} align="flex-start">
          {waybillCell(l)}
          {statusCell(l)}
          <span style={small}>{weightCell(l)}</span>
        </Flex>
      ),
    },
    {
      title: `${t("logistics.cost.lines.fee")} / ${t("logistics.cost.lines.computed")}`,
      align: "right",
      width: 120,
      render: (_, l) => (
        <Flex vertical align="flex-end">
          <span>{yuan(l.fee)}</span>
          <Typography.Text type="secondary" style={small}>
            {yuan(l.computed)}
          </Typography.Text>
          {diffCell(l.diff)}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={8} data-testid="bill-lines">
      <Input.Search
        allowClear
        placeholder={t("logistics.cost.lines.search")}
        defaultValue={waybill}
        onSearch={(v) => onWaybill(v.trim())}
        style={{ maxWidth: 320 }}
        data-testid="bill-waybill-search"
      />
      <Table<BillLine>
        size="small"
        rowKey="row"
        loading={lines.isLoading}
        dataSource={items}
        pagination={false}
        scroll={phone ? undefined : { x: 900 }}
        locale={{ emptyText: t("logistics.cost.lines.empty") }}
        columns={phone ? compact : wide}
      />
      {lines.hasNextPage ? (
        <Button
          onClick={() => void lines.fetchNextPage()}
          loading={lines.isFetchingNextPage}
          style={{ alignSelf: "center" }}
        >
          {t("logistics.cost.lines.more")}
        </Button>
      ) : null}
    </Flex>
  );
}
