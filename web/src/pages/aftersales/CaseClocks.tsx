// A case's SLA clocks: each one's state and when it is due or stopped; a step taken on the platform
// before Dayclear saw the case says so instead (it is not measured).
import { Space, Tag, Typography } from "antd";
import type { CaseDetail } from "../../api/aftersales";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import { clockLabel, slaStateLabel } from "./labels";

export function CaseClocks({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  if (!c.sla?.clocks.length) return null;
  return (
    <Space direction="vertical" size={2} data-testid="case-clocks">
      {c.sla.clocks.map((k) => (
        <Space key={k.clock} size={4} wrap>
          <Typography.Text>{clockLabel(locale, k.clock)}</Typography.Text>
          {k.source === "unmeasured" ? (
            <Typography.Text type="secondary">
              {t("aftersales.case.clockUnmeasured")}
            </Typography.Text>
          ) : (
            <Tag
              color={k.state === "breached" ? "red" : k.state === "at_risk" ? "orange" : undefined}
            >
              {slaStateLabel(locale, k.state)}
            </Tag>
          )}
          {k.source === "unmeasured" ? null : k.stoppedAt ? (
            <Typography.Text type="secondary">
              {t("aftersales.case.clockStopped", { time: formatDateTime(k.stoppedAt, locale) })}
            </Typography.Text>
          ) : k.dueAt ? (
            <Typography.Text type="secondary">
              {t("aftersales.case.clockDue", { time: formatDateTime(k.dueAt, locale) })}
            </Typography.Text>
          ) : null}
        </Space>
      ))}
    </Space>
  );
}
