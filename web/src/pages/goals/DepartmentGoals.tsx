// Department goals (部门目标) of a cycle: one panel per department the viewer may see — the owner
// all, a lead the departments they lead (and those below) and their own, a member their own,
// read-only. A department's lead answers for its goals; the owner or the lead above is the other
// side. The rights are the server's own table (src/core/goals/policy.ts), so the page offers only
// what it would accept.
import { Button, Card, Collapse, Empty, Flex, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useDepartmentGoals, type Goal } from "../../api/goals";
import { useDepartments } from "../../api/hooks";
import type { Department } from "../../api/types";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { GoalList, type GoalRights } from "./GoalCards";
import { GoalModal } from "./GoalModals";
import { useGoalRights, type MayGoal } from "./rights";

/** The viewer's side of each department's goals, from the goals policy table. */
export function departmentAccess(memberId: string, may: MayGoal) {
  const subject = (d: Department) => ({ memberId: null, departmentId: d.id });
  return {
    sees: (d: Department) => may("goals.goal.read", subject(d)),
    isSelf: (d: Department) => d.leadMemberId === memberId,
    rights: (d: Department): GoalRights => ({
      edit: may("goals.goal.edit", subject(d)),
      // Only the side that did not propose answers; the owner's own department has no side above.
      answer: (g: Goal) =>
        g.status === "proposed" &&
        may("goals.goal.answer", { ...subject(d), proposedBy: g.proposedBy }),
      reopen: () => may("goals.goal.edit", subject(d)),
    }),
  };
}

export function DepartmentGoals({ cycleId, closed }: { cycleId: string; closed: boolean }) {
  const { t } = useI18n();
  const { member, role } = useMe();
  const departments = useDepartments();
  const goals = useDepartmentGoals(cycleId);
  const [editing, setEditing] = useState<{ departmentId: string; goal: Goal | null } | null>(null);
  const [open, setOpen] = useState<string[] | null>(null);
  const all = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const may = useGoalRights();
  const access = useMemo(() => departmentAccess(member.id, may), [member.id, may]);
  const items = useMemo(() => goals.data ?? [], [goals.data]);
  const shown = all.filter((d) => access.sees(d) || items.some((g) => g.departmentId === d.id));
  const of = (d: Department) => items.filter((g) => g.departmentId === d.id);
  // Open at first: your own department as its lead, and any with goals you can act on or (as a member) read.
  const firstOpen = shown
    .filter((d) => {
      const gs = of(d);
      const r = access.rights(d);
      return access.isSelf(d) || gs.some(r.answer) || (gs.length > 0 && role === "member");
    })
    .map((d) => d.id);
  if (!goals.data || !departments.data || shown.length === 0) return null;

  return (
    <Card size="small" title={t("goals.departments")} data-testid="department-goals">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("goals.dept.hint")}
      </Typography.Paragraph>
      <Collapse
        size="small"
        activeKey={open ?? firstOpen}
        onChange={(k) => setOpen(typeof k === "string" ? [k] : k)}
        items={shown.map((d) => {
          const gs = of(d);
          const rights = access.rights(d);
          const weight = gs.reduce((s, g) => s + g.weight, 0);
          return {
            key: d.id,
            label: (
              <Flex gap={8} wrap align="center" data-testid={`dept-header-${d.name}`}>
                <Typography.Text strong>{d.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.leadName
                    ? t("goals.dept.lead", { name: d.leadName })
                    : t("goals.dept.noLeadShort")}
                </Typography.Text>
                {gs.length ? (
                  <Tag>
                    {t("goals.dept.agreed", {
                      agreed: gs.filter((g) => g.status === "agreed").length,
                      total: gs.length,
                    })}
                  </Tag>
                ) : null}
                {gs.length ? (
                  <Tag color={weight === 100 ? "green" : "orange"}>
                    {t("goals.weights")} {weight}
                  </Tag>
                ) : null}
                {!rights.edit ? <Tag>{t("goals.readOnly")}</Tag> : null}
              </Flex>
            ),
            children: (
              <Flex vertical gap={8} data-testid={`dept-${d.name}`}>
                {!d.leadMemberId ? (
                  <Typography.Text type="warning">{t("goals.dept.noLead")}</Typography.Text>
                ) : null}
                {rights.edit && !closed ? (
                  <div>
                    <Button
                      size="small"
                      onClick={() => setEditing({ departmentId: d.id, goal: null })}
                      data-testid="dept-add-goal"
                    >
                      {t("goals.add")}
                    </Button>
                  </div>
                ) : null}
                {gs.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("goals.dept.none")} />
                ) : (
                  <GoalList
                    goals={gs}
                    closed={closed}
                    rights={rights}
                    prefix="dept-"
                    onEdit={(g) => setEditing({ departmentId: d.id, goal: g })}
                  />
                )}
              </Flex>
            ),
          };
        })}
      />
      <GoalModal
        open={editing !== null}
        goal={editing?.goal ?? null}
        cycleId={cycleId}
        subject={{ departmentId: editing?.departmentId ?? "" }}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
