// The week at a glance: the member's own week as day cards, or — for leads and the owner — the team
// calendar (members × days), a week at a time with the shared week navigator.
import { Card, Flex, Select, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useAgenda, type Agenda } from "../../api/plans";
import { weekdayLabel } from "../../components/labels";
import { addDays, dateRange, weekday } from "../../components/plans/dates";
import { colorFor } from "../../components/plans/wbs";
import { WeekNavigator } from "../../components/WeekNavigator";
import { clampWeek } from "../../components/week";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";

function WeekGrid({
  agenda,
  days,
  today,
  single,
}: {
  agenda: Agenda | undefined;
  days: string[];
  today: string;
  single: boolean;
}) {
  const { t } = useI18n();
  const members = agenda?.members ?? [];
  if (single) {
    const allocations = members[0]?.allocations ?? [];
    return (
      <Flex gap={8} wrap data-testid="week-view">
        {days.map((d) => {
          const list = allocations.filter((a) => a.date === d);
          const total = list.reduce((s, a) => s + a.hours, 0);
          return (
            <div key={d} style={{ flex: "1 1 140px", minWidth: 140 }}>
              <Card
                size="small"
                title={
                  <span style={{ fontWeight: d === today ? 700 : 400 }}>
                    {weekdayLabel(t, weekday(d))} {d.slice(5)}
                  </span>
                }
                extra={total ? <Tag>{total} h</Tag> : null}
                styles={{ body: { padding: 8, minHeight: 60 } }}
              >
                {list.length === 0 ? (
                  <Typography.Text type="secondary">{t("today.nothing")}</Typography.Text>
                ) : (
                  list.map((a) => (
                    <div
                      key={`${a.taskId}${a.date}`}
                      style={{
                        borderLeft: `3px solid ${colorFor(a.planId)}`,
                        paddingLeft: 6,
                        marginBottom: 4,
                        fontSize: 12,
                      }}
                    >
                      <Typography.Text delete={a.status === "done"} style={{ fontSize: 12 }}>
                        {a.name}
                      </Typography.Text>{" "}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.hours} h
                      </Typography.Text>
                    </div>
                  ))
                )}
              </Card>
            </div>
          );
        })}
      </Flex>
    );
  }
  return (
    <div style={{ overflowX: "auto" }} data-testid="team-calendar">
      <table style={{ borderCollapse: "collapse", fontSize: 12, minWidth: "100%" }}>
        <thead>
          <tr>
            <th
              style={{
                position: "sticky",
                left: 0,
                background: "#fff",
                textAlign: "left",
                padding: 4,
                minWidth: 70,
              }}
            />
            {days.map((d) => (
              <th
                key={d}
                style={{
                  padding: 4,
                  minWidth: 120,
                  fontWeight: d === today ? 700 : 500,
                  textAlign: "left",
                }}
              >
                {weekdayLabel(t, weekday(d))} {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} data-testid="team-row">
              <td
                style={{
                  position: "sticky",
                  left: 0,
                  background: "#fff",
                  padding: 4,
                  whiteSpace: "nowrap",
                  borderTop: "1px solid #f0f0f0",
                  verticalAlign: "top",
                }}
              >
                {m.name}
              </td>
              {days.map((d) => (
                <td
                  key={d}
                  style={{
                    borderTop: "1px solid #f0f0f0",
                    borderLeft: "1px solid #f5f5f5",
                    padding: 4,
                    verticalAlign: "top",
                    background: d === today ? "#fff7e6" : undefined,
                  }}
                >
                  {m.allocations
                    .filter((a) => a.date === d)
                    .map((a) => (
                      <div
                        key={a.taskId}
                        style={{
                          borderLeft: `3px solid ${colorFor(a.planId)}`,
                          paddingLeft: 4,
                          marginBottom: 2,
                        }}
                      >
                        <Typography.Text delete={a.status === "done"} style={{ fontSize: 12 }}>
                          {a.name}
                        </Typography.Text>{" "}
                        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                          {a.hours}h
                        </Typography.Text>
                      </div>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WeekView({ today, team }: { today: string; team: boolean }) {
  const { t } = useI18n();
  const { member, departments } = useMe();
  const [from, setFrom] = useState(() => clampWeek(today));
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const to = addDays(from, 6);
  const agenda = useAgenda(from, to, team ? { departmentId } : { memberId: member.id });
  const days = useMemo(() => dateRange(from, to), [from, to]);
  return (
    <Card size="small" loading={agenda.isPending}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <WeekNavigator value={from} onChange={setFrom} today={today} />
        {team ? (
          <Select
            allowClear
            placeholder={t("today.allDepartments")}
            style={{ minWidth: 160 }}
            value={departmentId}
            onChange={setDepartmentId}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        ) : null}
      </Flex>
      <WeekGrid agenda={agenda.data} days={days} today={today} single={!team} />
    </Card>
  );
}
