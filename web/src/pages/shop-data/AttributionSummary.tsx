// A month's attributed sales: per member (a row opens that member's orders), per department, the
// unattributed line and the total.
import { Card, Flex, Grid, Table, Typography } from "antd";
import { useState } from "react";
import type { ColumnsType } from "antd/es/table";
import {
  formatSales,
  type MemberSales,
  type OwnerFilter,
  type Sales,
  type Summary,
} from "./attribution.api";
import { useI18n } from "../../i18n";

const SELECTED = "#fff2e8";

export function AttributionSummary({
  summary,
  loading,
  currency,
  departmentName,
  owner,
  onOwner,
}: {
  summary: Summary | undefined;
  loading: boolean;
  currency: string;
  departmentName: (id: string | null) => string;
  owner: OwnerFilter;
  onOwner: (owner: OwnerFilter) => void;
}) {
  const { t } = useI18n();
  const cash = (s: string) => formatSales(s, currency);
  // On a phone the department column gives way (the department table follows) so the money fits.
  const phone = !Grid.useBreakpoint().md;
  const lead = phone ? 1 : 2;
  // The figures' columns, shared by both tables and their summary rows.
  const figures = <T extends Sales>(): ColumnsType<T> => [
    {
      title: t("attr.summary.paidOrders"),
      dataIndex: "paidOrders",
      align: "right",
      width: 96,
      render: (n: number) => n.toLocaleString(),
    },
    { title: t("attr.summary.gmv"), dataIndex: "gmv", align: "right", width: 130, render: cash },
    {
      title: t("attr.summary.netGmv"),
      dataIndex: "netGmv",
      align: "right",
      width: 130,
      render: cash,
    },
  ];
  const cells = (s: Sales, from: number) =>
    [s.paidOrders.toLocaleString(), cash(s.gmv), cash(s.netGmv)].map((v, i) => (
      <Table.Summary.Cell key={i} index={from + i} align="right">
        {v}
      </Table.Summary.Cell>
    ));
  const toggle = (o: OwnerFilter) => onOwner(owner === o ? undefined : o);
  // The server lists members by name (all active ones, with or without sales): the biggest sellers first reads better.
  const sorted = [...(summary?.members ?? [])].sort(
    (a, b) => Number(b.gmv) - Number(a.gmv) || b.paidOrders - a.paidOrders,
  );
  // Members without a sale this month are folded away (one tap shows them), unless the filter points at one.
  const [showAll, setShowAll] = useState(false);
  const idle = sorted.filter((m) => m.paidOrders === 0 && m.memberId !== owner).length;
  const members = showAll ? sorted : sorted.filter((m) => m.paidOrders > 0 || m.memberId === owner);

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t("attr.summary.byMember")} data-testid="summary-members">
        <Flex vertical gap={8}>
          <Flex wrap gap={8} justify="space-between">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("attr.summary.clickHint")}
            </Typography.Text>
            {idle ? (
              <Typography.Link
                style={{ fontSize: 12 }}
                onClick={() => setShowAll(!showAll)}
                data-testid="summary-show-all"
              >
                {t(showAll ? "attr.summary.hideIdle" : "attr.summary.showIdle", { n: idle })}
              </Typography.Link>
            ) : null}
          </Flex>
          <Table<MemberSales>
            size="small"
            rowKey="memberId"
            pagination={false}
            loading={loading}
            dataSource={members}
            scroll={{ x: phone ? 400 : 560 }}
            onRow={(r) => ({
              onClick: () => toggle(r.memberId),
              style: { cursor: "pointer", background: owner === r.memberId ? SELECTED : undefined },
            })}
            columns={[
              {
                title: t("attr.summary.member"),
                dataIndex: "name",
                render: (n: string, r) => (
                  <Typography.Link data-testid={`summary-member-${r.name}`}>{n}</Typography.Link>
                ),
              },
              ...(phone
                ? []
                : [
                    {
                      title: t("attr.summary.department"),
                      dataIndex: "departmentId",
                      render: (id: string | null) => departmentName(id),
                    },
                  ]),
              ...figures<MemberSales>(),
            ]}
            summary={() =>
              summary ? (
                <Table.Summary>
                  <Table.Summary.Row
                    style={{
                      cursor: "pointer",
                      background: owner === "none" ? SELECTED : undefined,
                    }}
                    onClick={() => toggle("none")}
                    data-testid="summary-unattributed"
                  >
                    <Table.Summary.Cell index={0} colSpan={lead}>
                      <Typography.Link style={{ whiteSpace: "nowrap" }}>
                        {t("attr.summary.unattributed")}
                      </Typography.Link>
                    </Table.Summary.Cell>
                    {cells(summary.unattributed, lead)}
                  </Table.Summary.Row>
                  <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="summary-total">
                    <Table.Summary.Cell index={0} colSpan={lead}>
                      {t("attr.summary.total")}
                    </Table.Summary.Cell>
                    {cells(summary.total, lead)}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Flex>
      </Card>
      <Card size="small" title={t("attr.summary.byDepartment")} data-testid="summary-departments">
        <Table
          size="small"
          rowKey={(r) => r.departmentId ?? ""}
          pagination={false}
          loading={loading}
          dataSource={summary?.departments ?? []}
          scroll={{ x: 460 }}
          columns={[
            {
              title: t("attr.summary.department"),
              dataIndex: "name",
              render: (n: string, r) => n || departmentName(r.departmentId),
            },
            ...figures<Summary["departments"][number]>(),
          ]}
          summary={() =>
            summary ? (
              <Table.Summary>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    {t("attr.summary.unattributed")}
                  </Table.Summary.Cell>
                  {cells(summary.unattributed, 1)}
                </Table.Summary.Row>
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t("attr.summary.total")}</Table.Summary.Cell>
                  {cells(summary.total, 1)}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </Flex>
  );
}
