// A month of customer-service figures: per agent (the most inquirers first; a card each on a
// phone, a table with the total on a wider screen) and per department.
import { Card, Flex, Grid, List, Table, Typography } from "antd";
import { useI18n, type Translate } from "../../i18n";
import type { CsMemberMetrics, CsMetrics, CsSummary as Summary } from "./cs.api";

/** The server's digits with their unit: "63.33%", "13.7 s" / "13.7 秒", "—" when undefined. */
const fmt = (t: Translate) => ({
  pct: (v: string | null) => (v === null ? "—" : `${v}%`),
  sec: (v: string | null) => (v === null ? "—" : t("common.seconds", { n: v })),
  n: (v: number) => v.toLocaleString(),
  t,
});

function Figures({ m, f }: { m: CsMetrics; f: ReturnType<typeof fmt> }) {
  const items: [string, string][] = [
    [f.t("cs.summary.inquirers"), f.n(m.inquirers)],
    [f.t("cs.summary.paid"), f.n(m.paying)],
    [f.t("cs.summary.conversion"), f.pct(m.conversion)],
    [f.t("cs.summary.first"), f.sec(m.firstResponse)],
    [f.t("cs.summary.average"), f.sec(m.averageResponse)],
  ];
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
        gap: "4px 12px",
      }}
    >
      {items.map(([k, v]) => (
        <Flex key={k} vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k}
          </Typography.Text>
          <Typography.Text strong>{v}</Typography.Text>
        </Flex>
      ))}
    </div>
  );
}

export function CsSummary({
  summary,
  loading,
}: {
  summary: Summary | undefined;
  loading: boolean;
}) {
  const { t } = useI18n();
  const f = fmt(t);
  const phone = !Grid.useBreakpoint().md;
  const rows = [...(summary?.members ?? [])].sort((a, b) => b.inquirers - a.inquirers);
  const figureColumns = [
    {
      title: t("cs.summary.inquirers"),
      dataIndex: "inquirers",
      align: "right" as const,
      width: 90,
      render: f.n,
    },
    {
      title: t("cs.summary.paid"),
      dataIndex: "paying",
      align: "right" as const,
      width: 90,
      render: f.n,
    },
    {
      title: t("cs.summary.conversion"),
      dataIndex: "conversion",
      align: "right" as const,
      width: 100,
      render: f.pct,
    },
    {
      title: t("cs.summary.first"),
      dataIndex: "firstResponse",
      align: "right" as const,
      width: 100,
      render: f.sec,
    },
    {
      title: t("cs.summary.average"),
      dataIndex: "averageResponse",
      align: "right" as const,
      width: 100,
      render: f.sec,
    },
  ];

  return (
    <>
      {phone ? (
        <List<CsMemberMetrics>
          data-testid="cs-summary"
          loading={loading}
          dataSource={rows}
          locale={{ emptyText: t("cs.summary.empty") }}
          renderItem={(m) => (
            <Card
              size="small"
              style={{ marginBottom: 8 }}
              title={
                <Flex gap={6} align="baseline" style={{ minWidth: 0 }}>
                  <span>{m.name}</span>
                  <Typography.Text
                    type="secondary"
                    ellipsis
                    style={{ fontSize: 12, fontWeight: 400 }}
                  >
                    {m.accounts.join(", ")}
                  </Typography.Text>
                </Flex>
              }
              data-testid={`cs-agent-${m.name}`}
            >
              <Figures m={m} f={f} />
            </Card>
          )}
          footer={
            summary && rows.length ? (
              <Card size="small" title={t("cs.summary.total")} data-testid="cs-total">
                <Figures m={summary.total} f={f} />
              </Card>
            ) : null
          }
        />
      ) : (
        <Card size="small" data-testid="cs-summary">
          <Table<CsMemberMetrics>
            size="small"
            rowKey="memberId"
            pagination={false}
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: t("cs.summary.empty") }}
            columns={[
              {
                title: t("cs.summary.agent"),
                dataIndex: "name",
                render: (n: string, r) => (
                  <Flex vertical data-testid={`cs-agent-${r.name}`}>
                    <span>{n}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.accounts.join(", ")}
                    </Typography.Text>
                  </Flex>
                ),
              },
              ...figureColumns,
            ]}
            summary={() =>
              summary && rows.length ? (
                <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="cs-total">
                  <Table.Summary.Cell index={0}>{t("cs.summary.total")}</Table.Summary.Cell>
                  {[
                    f.n(summary.total.inquirers),
                    f.n(summary.total.paying),
                    f.pct(summary.total.conversion),
                    f.sec(summary.total.firstResponse),
                    f.sec(summary.total.averageResponse),
                  ].map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {v}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      )}
      {summary?.departments.length ? (
        <Card size="small" title={t("cs.summary.byDepartment")} data-testid="cs-departments">
          {phone ? (
            <Flex vertical gap={12}>
              {summary.departments.map((d) => (
                <Flex key={d.departmentId} vertical gap={4}>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  <Figures m={d} f={f} />
                </Flex>
              ))}
            </Flex>
          ) : (
            <Table
              size="small"
              rowKey="departmentId"
              pagination={false}
              dataSource={summary.departments}
              columns={[{ title: t("cs.summary.department"), dataIndex: "name" }, ...figureColumns]}
            />
          )}
        </Card>
      ) : null}
    </>
  );
}
