// The daily report (日报): drafted from the data, completed and submitted by the member; the lead's
// view of who has submitted today (with nudge), a report with comments (点评) and acknowledge, and
// history by member and date.
import { Alert, Card, Space, Tabs } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useReport, useToday } from "../../api/plans";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { MyReport } from "./MyReport";
import { History } from "./ReportHistory";
import { ReportView } from "./ReportView";
import { TeamReports } from "./TeamReports";

export function ReportsPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const today = useToday();
  const date = today.data?.date;
  const lead = can("plans.plan.create");
  const [tab, setTab] = useState("mine");
  if (!date) return <Card loading />;
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: "mine", label: t("report.mine"), children: <MyReport date={date} /> },
        ...(lead
          ? [
              {
                key: "team",
                label: t("report.team"),
                children: <TeamReports date={date} />,
              },
            ]
          : []),
        { key: "history", label: t("report.history"), children: <History date={date} /> },
      ]}
    />
  );
}

/** /reports/:memberId/:date — one report, for the lead (comment, acknowledge) or the member. */
export function ReportDetailPage() {
  const { memberId = "", date = "" } = useParams();
  const { t } = useI18n();
  const report = useReport(memberId, date);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Link to="/reports">← {t("report.back")}</Link>
      {report.isError ? (
        <Alert type="error" title={errorText(report.error, t)} />
      ) : !report.data ? (
        <Card loading />
      ) : (
        <ReportView report={report.data} />
      )}
    </Space>
  );
}
