// Members × days: hours planned against capacity, coloured by load; duties shown in each cell.
// The engine never over-allocates, so a full day is dark, not red; what does not fit is unscheduled.
import { Flex, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useWorkload } from "../../api/plans";
import { useI18n } from "../../i18n";
import { WeekNavigator } from "../WeekNavigator";
import { clampWeek } from "../week";
import { addDays, weekday } from "./dates";

function shade(hours: number, capacity: number): string {
  if (capacity <= 0) return "#f5f5f5";
  const load = Math.min(1, hours / capacity);
  if (load === 0) return "#fff";
  const alpha = 0.15 + load * 0.75;
  return `rgba(212, 56, 13, ${alpha.toFixed(2)})`;
}

export function WorkloadHeatmap({ planId, today }: { planId?: string; today: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => clampWeek(today, 4));
  const to = addDays(from, 27);
  const workload = useWorkload(from, to, planId);
  const days = workload.data?.days ?? [];
  return (
    <div data-testid="workload">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <WeekNavigator value={from} onChange={setFrom} today={today} weeks={4} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("workload.legend")}
        </Typography.Text>
      </Flex>
      <div style={{ overflowX: "auto" }}>
        <table style={{ borderCollapse: "collapse", fontSize: 11 }}>
          <thead>
            <tr>
              <th
                style={{
                  position: "sticky",
                  left: 0,
                  background: "#fff",
                  textAlign: "left",
                  padding: "2px 6px",
                  minWidth: 72,
                }}
              />
              {days.map((d) => (
                <th
                  key={d}
                  style={{
                    padding: "2px 0",
                    width: 30,
                    minWidth: 30,
                    fontWeight: d === today ? 700 : 400,
                    color: weekday(d) > 5 ? "#bfbfbf" : "#595959",
                  }}
                >
                  {d.slice(8)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(workload.data?.members ?? []).map((m) => (
              <tr key={m.memberId} data-testid="workload-row">
                <td
                  style={{
                    position: "sticky",
                    left: 0,
                    background: "#fff",
                    padding: "2px 6px",
                    whiteSpace: "nowrap",
                    maxWidth: 110,
                    overflow: "hidden",
                    textOverflow: "ellipsis",
                  }}
                >
                  {m.name}
                </td>
                {m.cells.map((c) => (
                  <Tooltip
                    key={c.date}
                    title={`${m.name} · ${c.date} · ${t("workload.capacity", { hours: c.hours, capacity: c.capacity })}${c.duties ? ` · ${t("workload.duties", { hours: c.duties })}` : ""}`}
                  >
                    <td
                      style={{
                        border: "1px solid #f0f0f0",
                        height: 26,
                        textAlign: "center",
                        background: shade(c.hours, c.capacity),
                        color: c.capacity && c.hours / c.capacity > 0.6 ? "#fff" : "#595959",
                        outline: c.date === today ? "2px solid #fa541c" : undefined,
                      }}
                    >
                      {c.capacity <= 0 && !c.duties ? (
                        <span style={{ color: "#bfbfbf" }}>{t("workload.off")}</span>
                      ) : c.hours ? (
                        c.hours
                      ) : (
                        ""
                      )}
                      {c.duties ? (
                        <div style={{ height: 3, background: "#722ed1", marginTop: 1 }} />
                      ) : null}
                    </td>
                  </Tooltip>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
