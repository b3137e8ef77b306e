// A month's attributed sales: per member (a row opens that member's orders), per department, the
// unattributed line and the total.
import { Card, Flex, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { formatSales, type MemberSales, type OwnerFilter, type Sales, type Summary } from "./attribution.api";
import { useAttrT } from "./attribution.strings";

const SELECTED = "#fff2e8";

export function AttributionSummary({ summary, loading, currency, departmentName, owner, onOwner }: {
  summary: Summary | undefined; loading: boolean; currency: string; departmentName: (id: string | null) => string;
  owner: OwnerFilter; onOwner: (owner: OwnerFilter) => void;
}) {
  const { t } = useAttrT();
  const cash = (s: string) => formatSales(s, currency);
  // The figures' columns, shared by both tables and their summary rows.
  const figures = <T extends Sales>(): ColumnsType<T> => [
    { title: t("summary.paidOrders"), dataIndex: "paidOrders", align: "right", width: 96, render: (n: number) => n.toLocaleString() },
    { title: t("summary.gmv"), dataIndex: "gmv", align: "right", width: 130, render: cash },
    { title: t("summary.netGmv"), dataIndex: "netGmv", align: "right", width: 130, render: cash },
  ];
  const cells = (s: Sales, from: number) => [s.paidOrders.toLocaleString(), cash(s.gmv), cash(s.netGmv)].map((v, i) => (
    <Table.Summary.Cell key={i} index={from + i} align="right">{v}</Table.Summary.Cell>
  ));
  const toggle = (o: OwnerFilter) => onOwner(owner === o ? undefined : o);

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t("summary.byMember")} data-testid="summary-members">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t("summary.clickHint")}</Typography.Text>
          <Table<MemberSales> size="small" rowKey="memberId" pagination={false} loading={loading} dataSource={summary?.members ?? []} scroll={{ x: 560 }}
            onRow={(r) => ({ onClick: () => toggle(r.memberId), style: { cursor: "pointer", background: owner === r.memberId ? SELECTED : undefined } })}
            columns={[
              { title: t("summary.member"), dataIndex: "name", render: (n: string, r) => <Typography.Link data-testid={`summary-member-${r.name}`}>{n}</Typography.Link> },
              { title: t("summary.department"), dataIndex: "departmentId", render: (id: string | null) => departmentName(id) },
              ...figures<MemberSales>(),
            ]}
            summary={() => summary ? (
              <Table.Summary>
                <Table.Summary.Row style={{ cursor: "pointer", background: owner === "none" ? SELECTED : undefined }} onClick={() => toggle("none")} data-testid="summary-unattributed">
                  <Table.Summary.Cell index={0} colSpan={2}><Typography.Link>{t("summary.unattributed")}</Typography.Link></Table.Summary.Cell>
                  {cells(summary.unattributed, 2)}
                </Table.Summary.Row>
                <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="summary-total">
                  <Table.Summary.Cell index={0} colSpan={2}>{t("summary.total")}</Table.Summary.Cell>
                  {cells(summary.total, 2)}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null} />
        </Flex>
      </Card>
      <Card size="small" title={t("summary.byDepartment")} data-testid="summary-departments">
        <Table size="small" rowKey={(r) => r.departmentId ?? ""} pagination={false} loading={loading} dataSource={summary?.departments ?? []} scroll={{ x: 460 }}
          columns={[
            { title: t("summary.department"), dataIndex: "name", render: (n: string, r) => n || departmentName(r.departmentId) },
            ...figures<Summary["departments"][number]>(),
          ]}
          summary={() => summary ? (
            <Table.Summary>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t("summary.unattributed")}</Table.Summary.Cell>
                {cells(summary.unattributed, 1)}
              </Table.Summary.Row>
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t("summary.total")}</Table.Summary.Cell>
                {cells(summary.total, 1)}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null} />
      </Card>
    </Flex>
  );
}
