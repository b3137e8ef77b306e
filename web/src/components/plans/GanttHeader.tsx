// The Gantt's timeline header: months above, days (or week starts) below, in the page's language.
import { parseDate, addDays } from "./dates";
import { HEADER, type Zoom } from "./ganttLayout";

export function GanttHeader({
  from,
  days,
  dayWidth,
  zoom,
  locale,
}: {
  from: string;
  days: number;
  dayWidth: number;
  zoom: Zoom;
  locale: string;
}) {
  const ticks: { x: number; label: string; major: boolean }[] = [];
  const months: { x: number; label: string }[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(from, i);
    const day = Number(d.slice(8, 10));
    const wd = new Date(parseDate(d)).getUTCDay();
    if (day === 1 || i === 0)
      months.push({
        x: i * dayWidth,
        label: new Date(parseDate(d)).toLocaleDateString(locale, {
          year: "numeric",
          month: "short",
          timeZone: "UTC",
        }),
      });
    if (zoom === "day") ticks.push({ x: i * dayWidth, label: String(day), major: wd === 1 });
    else if (zoom === "week" && wd === 1)
      ticks.push({ x: i * dayWidth, label: d.slice(5), major: true });
  }
  return (
    <svg width={days * dayWidth} height={HEADER} style={{ display: "block" }}>
      {months.map((m) => (
        <g key={`m${m.x}`}>
          <line x1={m.x} x2={m.x} y1={0} y2={HEADER} stroke="#d9d9d9" />
          <text x={m.x + 4} y={14} fontSize={11} fill="#595959">
            {m.label}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={`t${t.x}`}>
          <line x1={t.x} x2={t.x} y1={22} y2={HEADER} stroke={t.major ? "#d9d9d9" : "#f0f0f0"} />
          <text x={t.x + 2} y={35} fontSize={10} fill="#8c8c8c">
            {t.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
