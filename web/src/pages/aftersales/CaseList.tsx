// The open cases by deadline: a table on a desktop, cards on a phone. Each shows its countdown to
// dueAt (red once overdue), our type and state beside the platform's, what the buyer asked for and
// who has it; a click opens the case.
import { Card, Empty, Grid, List, Space, Table, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import type { CaseRow } from "../../api/aftersales";
import { useI18n } from "../../i18n";
import { CaseCountdown } from "./CaseCountdown";
import { caseName, money, STATE_COLOR, stateLabel, typeLabel } from "./labels";

function StateTags({ c }: { c: CaseRow }) {
  const { t, locale } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLOR[c.state]} data-testid="case-state">
        {stateLabel(locale, c.state)}
      </Tag>
      {c.platformState && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("aftersales.platform", { value: c.platformState })}
        </Typography.Text>
      )}
    </Space>
  );
}

export function CaseList({
  items,
  now,
  shopName,
  loading,
}: {
  items: CaseRow[];
  now: number;
  shopName: (id: string) => string;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const open = (c: CaseRow) => void navigate(`/aftersales/cases/${c.id}`);
  const assignee = (c: CaseRow) => c.assigneeName ?? t("aftersales.unassigned");

  if (phone)
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t("aftersales.empty")} /> }}
        data-testid="case-cards"
        renderItem={(c) => (
          <Card
            size="small"
            hoverable
            style={{ marginBottom: 8 }}
            onClick={() => open(c)}
            data-testid="case-card"
            data-case-key={c.caseKey}
          >
            <Space direction="vertical" size={4} style={{ width: "100%" }}>
              <Space style={{ justifyContent: "space-between", width: "100%" }} align="start">
                <CaseCountdown dueAt={c.dueAt} now={now} />
                <Typography.Text strong>{money(c.requestedFen, c.currency)}</Typography.Text>
              </Space>
              <Typography.Text>
                {typeLabel(locale, c.type)} · {caseName(c)}
              </Typography.Text>
              <StateTags c={c} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shopName(c.shopId)} · {c.platformOrderId ?? ""} · {assignee(c)}
              </Typography.Text>
              {c.reason && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {c.reason}
                </Typography.Text>
              )}
            </Space>
          </Card>
        )}
      />
    );

  return (
    <Table<CaseRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: <Empty description={t("aftersales.empty")} /> }}
      data-testid="case-table"
      onRow={(c) => ({
        onClick: () => open(c),
        style: { cursor: "pointer" },
        "data-testid": "case-row",
        "data-case-key": c.caseKey,
      })}
      columns={[
        {
          title: t("aftersales.col.due"),
          width: 150,
          render: (_, c) => <CaseCountdown dueAt={c.dueAt} now={now} />,
        },
        {
          title: t("aftersales.col.case"),
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <Typography.Text>{caseName(c)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shopName(c.shopId)} · {c.platformOrderId ?? ""}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t("aftersales.col.type"),
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <Typography.Text>{typeLabel(locale, c.type)}</Typography.Text>
              {c.platformType && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("aftersales.platform", { value: c.platformType })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t("aftersales.col.state"), render: (_, c) => <StateTags c={c} /> },
        {
          title: t("aftersales.col.amount"),
          align: "right",
          render: (_, c) => money(c.requestedFen, c.currency),
        },
        { title: t("aftersales.col.assignee"), render: (_, c) => assignee(c) },
      ]}
    />
  );
}
