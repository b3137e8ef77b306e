// Previous week / this week / next week and a picker, for the pages that show a week (or a few)
// at a time. Controlled: `value` is the Monday shown (YYYY-MM-DD) and `onChange` gets the Monday
// chosen. The span reads in the page's language, and no week outside the dates the API accepts
// (LIMITS.dateMin … dateMax) can be reached.
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex } from "antd";
import dayjs from "dayjs";
import { LIMITS } from "../../../src/core/limits";
import { useI18n } from "../i18n";
import { clampWeek, shiftWeek, weekLabel } from "./week";

export interface WeekNavigatorProps {
  /** The Monday of the (first) week shown, YYYY-MM-DD. */
  value: string;
  onChange: (monday: string) => void;
  /** Today in the workspace (YYYY-MM-DD): "this week" goes to its week. */
  today: string;
  /** How many weeks the view spans; the label shows the whole span. One by default. */
  weeks?: number;
}

export function WeekNavigator({ value, onChange, today, weeks = 1 }: WeekNavigatorProps) {
  const { t, locale } = useI18n();
  const previous = shiftWeek(value, -1, weeks);
  const next = shiftWeek(value, 1, weeks);
  const current = clampWeek(today, weeks);
  const label = weekLabel(locale, value, weeks);
  // Wide enough for the span and the calendar icon; a Chinese character takes two columns.
  const columns = [...label].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0) + 5;
  return (
    <Flex gap={4} align="center" wrap data-testid="week-navigator">
      <Button
        size="small"
        icon={<LeftOutlined />}
        aria-label={t("week.previous")}
        disabled={!previous}
        onClick={() => previous && onChange(previous)}
      />
      <Button
        size="small"
        disabled={value === current}
        onClick={() => onChange(current)}
        data-testid="week-this"
      >
        {t("week.this")}
      </Button>
      <Button
        size="small"
        icon={<RightOutlined />}
        aria-label={t("week.next")}
        disabled={!next}
        onClick={() => next && onChange(next)}
      />
      {/* Any day picks its week; the field shows the span, so it doubles as the label. */}
      <DatePicker
        size="small"
        allowClear={false}
        inputReadOnly
        value={dayjs(value)}
        format={() => label}
        minDate={dayjs(LIMITS.dateMin)}
        maxDate={dayjs(LIMITS.dateMax)}
        onChange={(d) => {
          if (d) onChange(clampWeek(d.format("YYYY-MM-DD"), weeks));
        }}
        aria-label={t("week.pick")}
        data-testid="week-pick"
        style={{ width: `${columns}ch`, maxWidth: "100%" }}
      />
    </Flex>
  );
}
