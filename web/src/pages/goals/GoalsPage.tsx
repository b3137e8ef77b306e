// Goals (目标考核): the cycle picker, the department goals of the cycle, a person's goals with
// weights, targets, live actuals and achievement, the agreement flow, the self-assessment and — for
// leads and the owner — the people they manage and the review. Cards rather than wide tables so it
// reads on a phone.
import { App, Button, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  useAssessment,
  useGoalCycle,
  useGoalCycles,
  useGoalMutations,
  useGoals,
  type Goal,
} from "../../api/goals";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMe } from "../../me";
import { AssessmentCard } from "./AssessmentCard";
import { DepartmentGoals } from "./DepartmentGoals";
import { GoalList } from "./GoalCards";
import { GoalModal, NewCycleModal } from "./GoalModals";
import { useGoalRights } from "./rights";
import { pct } from "./shared";

export function GoalsPage() {
  const { t } = useI18n();
  const { member, role } = useMe();
  const [params, setParams] = useSearchParams();
  const cycles = useGoalCycles();
  const cycleId = params.get("cycle") ?? cycles.data?.items[0]?.id;
  const memberId = params.get("member") ?? member.id;
  const detail = useGoalCycle(cycleId);
  const manager = role !== "member";
  const may = useGoalRights();
  const [newCycle, setNewCycle] = useState(false);
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    p.set(k, v);
    if (k === "cycle" && !p.get("cycle")) p.delete("member");
    setParams(p);
  };
  const person = detail.data?.people.find((p) => p.memberId === memberId);
  const m = useGoalMutations();
  const { message } = App.useApp();
  const onError = useApiErrors();
  const departments =
    cycleId && detail.data ? (
      <DepartmentGoals
        key={`dept-${cycleId}`}
        cycleId={cycleId}
        closed={detail.data.status === "closed"}
      />
    ) : null;

  return (
    <Flex vertical gap={16} data-testid="goals-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("goals.title")}
        </Typography.Title>
        <Space wrap>
          {cycles.data?.items.length ? (
            <Select
              data-testid="cycle-select"
              style={{ minWidth: 180 }}
              value={cycleId}
              onChange={(v: string) => set("cycle", v)}
              options={cycles.data.items.map((c) => ({
                value: c.id,
                label: `${c.name} · ${c.status === "closed" ? t("goals.closed") : t(`goals.phase.${c.phase}` as MessageKey)}`,
              }))}
            />
          ) : null}
          {may("goals.cycle.manage") ? (
            <Button onClick={() => setNewCycle(true)} data-testid="new-cycle">
              {t("goals.newCycle")}
            </Button>
          ) : null}
          {may("goals.cycle.remind") && cycleId ? (
            <Button
              data-testid="remind"
              onClick={() =>
                m.remind.mutate(cycleId, {
                  onSuccess: (r) =>
                    void message.success(t("goals.reminded", { count: r.notified })),
                  onError: (e) => onError(e),
                })
              }
            >
              {t("goals.remind")}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {cycles.data && cycles.data.items.length === 0 ? (
        <Empty description={t("goals.noCycles")} />
      ) : null}
      {detail.data && manager && detail.data.people.length > 1 ? (
        <Card size="small" title={t("goals.team")} data-testid="team">
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={detail.data.people}
            scroll={{ x: true }}
            onRow={(r) => ({
              onClick: () => set("member", r.memberId),
              style: {
                cursor: "pointer",
                background: r.memberId === memberId ? "#fff2e8" : undefined,
              },
            })}
            columns={[
              {
                title: t("goals.person"),
                dataIndex: "name",
                render: (n: string, r) => <span data-testid={`person-${r.name}`}>{n}</span>,
              },
              { title: t("goals.progress"), render: (_, r) => `${r.agreed}/${r.goals}` },
              {
                title: t("goals.weights"),
                dataIndex: "weightTotal",
                render: (w: number) => <Tag color={w === 100 ? "green" : "orange"}>{w}</Tag>,
              },
              { title: t("goals.achievement"), dataIndex: "achievement", render: pct },
              {
                title: t("goals.assessment"),
                render: (_, r) =>
                  r.finalScore !== null ? (
                    <Tag color="green">{r.finalScore.toFixed(2)}</Tag>
                  ) : (
                    t(`goals.assessment.${r.assessment}` as MessageKey)
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
      {/* Leads and the owner answer for department goals: theirs come first; a member reads their department's after their own. */}
      {cycleId && detail.data && manager ? departments : null}
      {cycleId && detail.data ? (
        <MemberGoals
          key={`${cycleId}-${memberId}`}
          cycleId={cycleId}
          memberId={memberId}
          name={memberId === member.id ? null : (person?.name ?? "")}
          closed={detail.data.status === "closed"}
        />
      ) : null}
      {cycleId && detail.data && !manager ? departments : null}
      <NewCycleModal
        open={newCycle}
        onClose={() => setNewCycle(false)}
        onCreated={(id) => set("cycle", id)}
      />
    </Flex>
  );
}

function MemberGoals({
  cycleId,
  memberId,
  name,
  closed,
}: {
  cycleId: string;
  memberId: string;
  name: string | null;
  closed: boolean;
}) {
  const { t } = useI18n();
  const goals = useGoals(cycleId, memberId);
  const assessment = useAssessment(cycleId, memberId);
  const assessed =
    !!assessment.data && assessment.data.status !== "open" && assessment.data.status !== "draft";
  const [editing, setEditing] = useState<Goal | null | "new">(null);
  const items = goals.data?.items ?? [];
  const may = useGoalRights();
  const subject = { memberId, departmentId: null };
  const edit = may("goals.goal.edit", subject);
  const rights = {
    edit,
    // Only the side that did not propose answers (the owner alone on their own goals).
    answer: (g: Goal) =>
      g.status === "proposed" && may("goals.goal.answer", { ...subject, proposedBy: g.proposedBy }),
    reopen: () => edit && !assessed,
  };
  return (
    <>
      <Card
        size="small"
        data-testid="member-goals"
        title={name ? t("goals.goalsOf", { name }) : t("goals.myGoals")}
        extra={
          <Space wrap>
            <Link to={`/goals/evaluation/${memberId}`} data-testid="evaluation-link">
              {t("goals.evaluation")}
            </Link>
            {!closed && edit ? (
              <Button size="small" onClick={() => setEditing("new")} data-testid="add-goal">
                {t("goals.add")}
              </Button>
            ) : null}
          </Space>
        }
      >
        {items.length === 0 ? (
          <Empty description={t("goals.none")} />
        ) : (
          <GoalList goals={items} closed={closed} rights={rights} onEdit={setEditing} />
        )}
      </Card>
      {items.length > 0 ? <AssessmentCard cycleId={cycleId} memberId={memberId} /> : null}
      <GoalModal
        open={editing !== null}
        goal={editing === "new" ? null : editing}
        cycleId={cycleId}
        subject={{ memberId }}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
