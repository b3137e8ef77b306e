// Time left to ship-by, red once overdue; the ship-by time beneath.
import { Tooltip, Typography } from "antd";
import { useI18n } from "../../../i18n";
import { shortTime, spanText } from "./time";

export function Countdown({
  shipBy,
  now,
  promised,
}: {
  shipBy: string;
  now: number;
  promised: boolean;
}) {
  const { t, locale } = useI18n();
  const left = Date.parse(shipBy) - now;
  const text =
    left < 0
      ? t("logistics.queue.overdue", { time: spanText(left, locale) })
      : t("logistics.queue.left", { time: spanText(left, locale) });
  return (
    <div data-testid="countdown" data-overdue={left < 0 ? "1" : "0"}>
      <Typography.Text
        strong
        type={left < 0 ? "danger" : left < 6 * 3_600_000 ? "warning" : undefined}
      >
        {text}
      </Typography.Text>
      <div>
        <Tooltip title={promised ? t("logistics.queue.promised") : undefined}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shortTime(shipBy)}
            {promised ? " *" : ""}
          </Typography.Text>
        </Tooltip>
      </div>
    </div>
  );
}
