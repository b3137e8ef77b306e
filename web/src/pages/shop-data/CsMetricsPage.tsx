// 客服绩效 / CS performance: import the chat tool's daily export, link its accounts to members, and
// read a month per agent and per department. Everyone reads; the owner and the customer_service leads import
// and link. The month lives in the address, so a link shows the same view.
import { Card, DatePicker, Flex, Grid, List, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useAllMembers, useDepartments } from "../../api/hooks";
import type { Me } from "../../api/types";
import { SubpageHeader } from "./SubpageHeader";
import { monthRange } from "./attribution.api";
import { useCanManageCs, useCsSummary, type CsMemberMetrics, type CsMetrics } from "./cs.api";
import { useCsT, type CsT } from "./cs.strings";
import { CsAccounts } from "./CsAccounts";
import { CsUpload, type MemberOption } from "./CsUpload";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The server's digits with their unit: "63.33%", "13.7 s" / "13.7 秒", "—" when undefined. */
const fmt = (t: CsT, locale: string) => ({
  pct: (v: string | null) => (v === null ? "—" : `${v}%`),
  sec: (v: string | null) => (v === null ? "—" : locale === "en" ? `${v} s` : `${v} 秒`),
  n: (v: number) => v.toLocaleString(),
  t,
});

function Figures({ m, f }: { m: CsMetrics; f: ReturnType<typeof fmt> }) {
  const items: [string, string][] = [
    [f.t("summary.inquirers"), f.n(m.inquirers)],
    [f.t("summary.paid"), f.n(m.paying)],
    [f.t("summary.conversion"), f.pct(m.conversion)],
    [f.t("summary.first"), f.sec(m.firstResponse)],
    [f.t("summary.average"), f.sec(m.averageResponse)],
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

export function CsMetricsPage({ me }: { me: Me }) {
  const { t, locale } = useCsT();
  const f = fmt(t, locale);
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const month = MONTH.test(params.get("month") ?? "")
    ? params.get("month")!
    : dayjs().format("YYYY-MM");
  const { from, to } = monthRange(month);
  const canManage = useCanManageCs(me);
  const summary = useCsSummary({ from, to });
  const members = useAllMembers();
  const departments = useDepartments();
  const memberOptions: MemberOption[] = useMemo(
    () =>
      (members.data ?? [])
        .filter((m) => m.status === "active")
        .map((m) => {
          const dept = m.departmentId
            ? departments.data?.items.find((d) => d.id === m.departmentId)?.name
            : undefined;
          return { value: m.id, label: dept ? `${m.name} · ${dept}` : m.name };
        }),
    [members.data, departments.data],
  );
  const rows = [...(summary.data?.members ?? [])].sort((a, b) => b.inquirers - a.inquirers);
  const figureColumns = [
    {
      title: t("summary.inquirers"),
      dataIndex: "inquirers",
      align: "right" as const,
      width: 90,
      render: f.n,
    },
    {
      title: t("summary.paid"),
      dataIndex: "paying",
      align: "right" as const,
      width: 90,
      render: f.n,
    },
    {
      title: t("summary.conversion"),
      dataIndex: "conversion",
      align: "right" as const,
      width: 100,
      render: f.pct,
    },
    {
      title: t("summary.first"),
      dataIndex: "firstResponse",
      align: "right" as const,
      width: 100,
      render: f.sec,
    },
    {
      title: t("summary.average"),
      dataIndex: "averageResponse",
      align: "right" as const,
      width: 100,
      render: f.sec,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="cs-page">
      <SubpageHeader
        title={t("page.title")}
        back={t("page.toShopData")}
        intro={t("page.intro")}
        readOnly={canManage ? null : t("page.readOnly")}
      />

      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("summary.title")}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          aria-label={t("summary.month")}
          data-testid="cs-month"
          style={{ width: 140 }}
          onChange={(d) => {
            if (d) {
              const p = new URLSearchParams(params);
              p.set("month", d.format("YYYY-MM"));
              setParams(p, { replace: true });
            }
          }}
        />
      </Flex>
      {phone ? (
        <List<CsMemberMetrics>
          data-testid="cs-summary"
          loading={summary.isPending}
          dataSource={rows}
          locale={{ emptyText: t("summary.empty") }}
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
            summary.data && rows.length ? (
              <Card size="small" title={t("summary.total")} data-testid="cs-total">
                <Figures m={summary.data.total} f={f} />
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
            loading={summary.isPending}
            dataSource={rows}
            locale={{ emptyText: t("summary.empty") }}
            columns={[
              {
                title: t("summary.agent"),
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
              summary.data && rows.length ? (
                <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="cs-total">
                  <Table.Summary.Cell index={0}>{t("summary.total")}</Table.Summary.Cell>
                  {[
                    f.n(summary.data.total.inquirers),
                    f.n(summary.data.total.paying),
                    f.pct(summary.data.total.conversion),
                    f.sec(summary.data.total.firstResponse),
                    f.sec(summary.data.total.averageResponse),
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
      {summary.data?.departments.length ? (
        <Card size="small" title={t("summary.byDepartment")} data-testid="cs-departments">
          {phone ? (
            <Flex vertical gap={12}>
              {summary.data.departments.map((d) => (
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
              dataSource={summary.data.departments}
              columns={[{ title: t("summary.department"), dataIndex: "name" }, ...figureColumns]}
            />
          )}
        </Card>
      ) : null}
      {canManage ? <CsUpload members={memberOptions} /> : null}
      <CsAccounts canManage={canManage} members={memberOptions} />
    </Flex>
  );
}
