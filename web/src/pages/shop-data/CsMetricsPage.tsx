// 客服绩效 / CS performance: import the chat tool's daily export, link its accounts to members, and
// read a month per agent and per department. Everyone reads; the owner and the customer_service leads import
// and link. The month lives in the address, so a link shows the same view.
import { DatePicker, Flex, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useAllMembers, useDepartments } from "../../api/hooks";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { SubpageHeader } from "./SubpageHeader";
import { monthRange } from "./attribution.api";
import { useCsSummary } from "./cs.api";
import { CsSummary } from "./CsSummary";
import { CsAccounts } from "./CsAccounts";
import { CsUpload, type MemberOption } from "./CsUpload";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function CsMetricsPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const [params, setParams] = useSearchParams();
  const month = MONTH.test(params.get("month") ?? "")
    ? params.get("month")!
    : dayjs().format("YYYY-MM");
  const { from, to } = monthRange(month);
  // The owner and the customer_service leads import files and link accounts (cs.import, cs.accounts).
  const canManage = can("cs.import") && can("cs.accounts");
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

  return (
    <Flex vertical gap={12} data-testid="cs-page">
      <SubpageHeader
        title={t("cs.page.title")}
        back={t("cs.page.toShopData")}
        intro={t("cs.page.intro")}
        readOnly={canManage ? null : t("cs.page.readOnly")}
      />

      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("cs.summary.title")}
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          aria-label={t("cs.summary.month")}
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
      <CsSummary summary={summary.data} loading={summary.isPending} />
      {canManage ? <CsUpload members={memberOptions} /> : null}
      <CsAccounts canManage={canManage} members={memberOptions} />
    </Flex>
  );
}
