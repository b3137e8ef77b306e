// A pay run's statements you may read: a table on a desk (a column per kind of line the run has),
// a list on a phone; each opens the member's statement.
import { Card, Flex, Grid, List, Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { Link } from "react-router-dom";
import { useDepartments } from "../../api/hooks";
import { money, type PayRun, type PayStatement } from "../../api/pay";
import { useI18n } from "../../i18n";

export function RunStatements({ run: r }: { run: PayRun }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const departments = useDepartments();
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const statementLink = (s: PayStatement) => (
    <Link to={`/pay/runs/${r.id}/statements/${s.memberId}`} data-testid="statement-open">
      {s.memberName}
    </Link>
  );
  return (
    <Card size="small" title={t("pay.run.statements")}>
      {phone ? (
        <List
          size="small"
          dataSource={r.statements}
          data-testid="statement-list"
          renderItem={(s) => (
            <List.Item data-testid="statement-row">
              <Flex justify="space-between" style={{ width: "100%" }} gap={8}>
                <Flex vertical style={{ minWidth: 0 }}>
                  {statementLink(s)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.departmentId ? deptName.get(s.departmentId) : "—"} ·{" "}
                    {t("pay.run.linesCount", { count: s.lines.length })}
                  </Typography.Text>
                </Flex>
                <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
                  {money(s.total)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <div style={{ overflowX: "auto" }}>
          <Table
            size="small"
            rowKey="memberId"
            dataSource={r.statements}
            pagination={false}
            data-testid="statement-table"
            onRow={() => ({ "data-testid": "statement-row" }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t("pay.run.member"),
                render: (_: unknown, s: PayStatement) => statementLink(s),
              },
              {
                title: t("pay.run.department"),
                render: (_: unknown, s: PayStatement) =>
                  s.departmentId ? (deptName.get(s.departmentId) ?? "—") : "—",
              },
              ...["base", "commission", "bonus", "event", "pool", "adjustment"]
                .filter((k) => r.statements.some((s) => s.lines.some((l) => l.kind === k)))
                .map((k) => ({
                  title: t(`pay.kind.${k}` as "pay.kind.base"),
                  align: "right" as const,
                  render: (_: unknown, s: PayStatement) => {
                    const ls = s.lines.filter((l) => l.kind === k);
                    return ls.length === 1
                      ? money(ls[0]!.amount)
                      : ls.length
                        ? t("pay.run.linesCount", { count: ls.length })
                        : "—";
                  },
                })),
              {
                title: t("pay.run.total"),
                align: "right" as const,
                render: (_: unknown, s: PayStatement) => <b>{money(s.total)}</b>,
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
