// Time left to a case's deadline (dueAt), red once overdue; the deadline itself beneath.
import { Typography } from "antd";
import { useI18n } from "../../i18n";
import { shortTime, spanText } from "../logistics/queue/time";

export function CaseCountdown({ dueAt, now }: { dueAt: string | null; now: number }) {
  const { t, locale } = useI18n();
  if (!dueAt)
    return (
      <Typography.Text type="secondary" data-testid="case-countdown" data-overdue="0">
        {t("aftersales.noDeadline")}
      </Typography.Text>
    );
  const left = Date.parse(dueAt) - now;
  return (
    <span data-testid="case-countdown" data-overdue={left < 0 ? "1" : "0"}>
      <Typography.Text
        strong
        type={left < 0 ? "danger" : left < 6 * 3_600_000 ? "warning" : undefined}
      >
        {left < 0
          ? t("aftersales.overdue", { time: spanText(left, locale) })
          : t("aftersales.left", { time: spanText(left, locale) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
        {shortTime(dueAt)}
      </Typography.Text>
    </span>
  );
}
