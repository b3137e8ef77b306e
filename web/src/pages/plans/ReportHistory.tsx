// Past reports by member (one's own; anyone's for those who plan) and date range.
import { Button, Card, Empty, Flex, Input, List, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useAllMembers } from "../../api/hooks";
import { useReportHistory } from "../../api/plans";
import { addDays } from "../../components/plans/dates";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMe } from "../../me";
import { statusColor } from "./ReportView";

export function History({ date }: { date: string }) {
  const { t } = useI18n();
  const { member, can } = useMe();
  const lead = can("plans.plan.create");
  const members = useAllMembers();
  const [memberId, setMemberId] = useState(member.id);
  const [from, setFrom] = useState(addDays(date, -30));
  const [to, setTo] = useState(date);
  const history = useReportHistory(memberId, from, to);
  const navigate = useNavigate();
  return (
    <Card size="small" data-testid="report-history">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {lead ? (
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 160 }}
            value={memberId}
            onChange={setMemberId}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        ) : null}
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 150 }}
          aria-label={t("plans.startDate")}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 150 }}
          aria-label={t("report.date")}
        />
      </Flex>
      <List
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.noHistory")} />
          ),
        }}
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button
                key="o"
                size="small"
                onClick={() => void navigate(`/reports/${memberId}/${h.date}`)}
              >
                {t("report.open")}
              </Button>,
            ]}
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Flex gap={6} align="center">
                <Typography.Text>{h.date}</Typography.Text>
                <Tag color={statusColor[h.status]}>
                  {t(`report.status.${h.status}` as MessageKey)}
                </Tag>
                {h.acknowledgedBy ? <Tag color="green">{t("report.acknowledged")}</Tag> : null}
              </Flex>
              {h.blockers ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {t("report.blockers")}: {h.blockers}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
