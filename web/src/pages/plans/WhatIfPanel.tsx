// 纠偏 / corrective actions on the plan's Progress tab (docs/PROGRESS.md, "Corrective actions"):
// compute the options (nothing changes), read each one's new finish, workdays gained, hours moved,
// overtime and who is affected, with the overlap's risk; apply one, or the best combination found,
// as one edit of the plan (overtime is kept as the people's extra hours, an optional task cut is
// deferred); then undo it, which puts the plan back as it was.
import { Alert, Button, Card, Grid, List, Space, Tag, Typography } from "antd";
import {
  useApplyWhatIf,
  useLastWhatIf,
  useUndoWhatIf,
  useWhatIfs,
  type WhatIfs,
} from "../../api/progress";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { DASH, hours } from "./progressFormat";
import { WhatIfDiff } from "./WhatIfDiff";

type Score = WhatIfs["options"][number]["score"];

export function WhatIfPanel({ planId }: { planId: string }) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const compute = useWhatIfs(planId);
  const apply = useApplyWhatIf(planId);
  const undo = useUndoWhatIf(planId);
  const last = useLastWhatIf(planId).data?.last;
  const data = compute.data;
  const run = (changes: WhatIfs["options"][number]["changes"]) =>
    data &&
    apply.mutate(
      { revision: data.revision, changes },
      {
        onSuccess: () => {
          compute.reset();
          undo.reset();
        },
      },
    );
  const undoApplied = (applicationId: string) =>
    undo.mutate(applicationId, { onSuccess: () => apply.reset() });
  const scoreLine = (s: Score) =>
    t("whatif.score", {
      finish: s.finish ?? DASH,
      days: s.daysGained,
      hours: hours(s.hoursMoved),
      overtime: hours(s.overtimeHours),
      people:
        s.affectedMembers.map((m) => m.name ?? m.memberId).join(t("common.listSeparator")) || DASH,
    });
  return (
    <Card
      size="small"
      title={t("whatif.title")}
      data-testid="whatif-panel"
      extra={
        <Button
          size="small"
          data-testid="whatif-compute"
          loading={compute.isPending}
          onClick={() => compute.mutate()}
        >
          {t("whatif.compute")}
        </Button>
      }
    >
      {compute.isError && <Alert type="error" title={errorText(compute.error, t, locale)} />}
      {apply.isError && <Alert type="error" title={errorText(apply.error, t, locale)} />}
      {undo.isError && <Alert type="error" title={errorText(undo.error, t, locale)} />}
      {apply.isSuccess && !data && (
        <Alert
          type={apply.data.meetsDeadline ? "success" : "info"}
          data-testid="whatif-applied"
          title={t("whatif.applied", { finish: apply.data.finish ?? DASH })}
          description={t("whatif.undoHint", { before: apply.data.finishBefore ?? DASH })}
          action={
            <Button
              size="small"
              data-testid="whatif-undo"
              loading={undo.isPending}
              onClick={() => undoApplied(apply.data.applicationId)}
            >
              {t("whatif.undo")}
            </Button>
          }
        />
      )}
      {!apply.isSuccess && !undo.isPending && !data && last?.undoable && (
        <Alert
          type="info"
          data-testid="whatif-last"
          title={t("whatif.last", {
            date: last.appliedAt.slice(0, 10),
            finish: last.finishAfter ?? DASH,
          })}
          description={t("whatif.undoHint", { before: last.finishBefore ?? DASH })}
          action={
            <Button
              size="small"
              data-testid="whatif-undo-last"
              loading={undo.isPending}
              onClick={() => undoApplied(last.applicationId)}
            >
              {t("whatif.undo")}
            </Button>
          }
        />
      )}
      {undo.isSuccess && !data && (
        <Alert
          type="info"
          data-testid="whatif-undone"
          title={t("whatif.undone", { finish: undo.data.finish ?? DASH })}
        />
      )}
      {data && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text data-testid="whatif-summary">
            {t("whatif.summary", {
              finish: data.finish ?? DASH,
              deadline: data.deadline ?? DASH,
              days: data.lateDays,
            })}
          </Typography.Text>
          {data.best && (
            <Alert
              type={data.best.score.meetsDeadline ? "success" : "warning"}
              data-testid="whatif-best"
              title={t("whatif.best", { count: data.best.optionIds.length })}
              description={
                <>
                  {scoreLine(data.best.score)}
                  <WhatIfDiff
                    diff={data.best.diff}
                    finishBefore={data.finish}
                    finishAfter={data.best.score.finish}
                    deadline={data.deadline}
                    meetsDeadline={data.best.score.meetsDeadline}
                  />
                </>
              }
              action={
                data.best.applicable ? (
                  <Button
                    size="small"
                    type="primary"
                    data-testid="whatif-apply-best"
                    loading={apply.isPending}
                    onClick={() => run(data.best!.changes)}
                  >
                    {t("whatif.apply")}
                  </Button>
                ) : null
              }
            />
          )}
          <List
            size="small"
            itemLayout={phone ? "vertical" : "horizontal"}
            dataSource={data.options}
            locale={{ emptyText: t("whatif.none") }}
            renderItem={(o, i) => (
              <List.Item
                data-testid="whatif-option"
                actions={[
                  o.applicable ? (
                    <Button
                      key="apply"
                      size="small"
                      data-testid={`whatif-apply-${i}`}
                      loading={apply.isPending}
                      onClick={() => run(o.changes)}
                    >
                      {t("whatif.apply")}
                    </Button>
                  ) : (
                    <Tag key="try">{t("whatif.tryOnly")}</Tag>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color={o.score.meetsDeadline ? "green" : undefined}>
                        {t(`whatif.kind.${o.kind}`)}
                      </Tag>
                      {renderMessage(locale, o.message)}
                    </Space>
                  }
                  description={
                    <>
                      <div>{scoreLine(o.score)}</div>
                      {o.score.hoursCut > 0 && (
                        <div>{t("whatif.cut", { hours: hours(o.score.hoursCut) })}</div>
                      )}
                      {o.risk && (
                        <Typography.Text type="warning">
                          {renderMessage(locale, o.risk)}
                        </Typography.Text>
                      )}
                      {o.score.slipsElsewhere.map((x) => (
                        <div key={x.planId}>
                          <Typography.Text type="danger">
                            {t("whatif.slips", {
                              plan: x.name ?? x.planId,
                              to: x.to,
                              days: x.days,
                            })}
                          </Typography.Text>
                        </div>
                      ))}
                      <WhatIfDiff
                        diff={o.diff}
                        finishBefore={data.finish}
                        finishAfter={o.score.finish}
                        deadline={data.deadline}
                        meetsDeadline={o.score.meetsDeadline}
                      />
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {data.notes.map((n, i) => (
            <Typography.Text type="secondary" key={i}>
              {renderMessage(locale, n)}
            </Typography.Text>
          ))}
        </Space>
      )}
    </Card>
  );
}
