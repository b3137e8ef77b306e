// A corrective action's before/after Gantt (issue 12, docs/PROGRESS.md): the plan's tasks that the
// option moves or gives to someone else, grouped by who does them after it, each with its days
// before and after, and the plan's finish before and after against the deadline. On a computer the
// tasks are bars on the Gantt's timeline (GanttHeader, the Gantt's person colours): grey before,
// coloured after, the deadline a red line; on a phone a list of old → new dates.
import { Button, Flex, Grid, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { colorFor } from "../../components/plans/wbs";
import { useI18n } from "../../i18n";
import { DASH } from "./progressFormat";
import { WhatIfDiffBars } from "./WhatIfDiffBars";
import { byPerson, MoveText, Shift, type Diff } from "./whatIfDiffParts";

/** Rows shown before "show all". */
const FOLD = 6;

export function WhatIfDiff({
  diff,
  finishBefore,
  finishAfter,
  deadline,
  meetsDeadline,
}: {
  diff: Diff;
  finishBefore: string | null;
  finishAfter: string | null;
  deadline: string | null;
  meetsDeadline: boolean;
}) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [all, setAll] = useState(false);
  const shown = all ? diff.moves : diff.moves.slice(0, FOLD);
  const groups = byPerson(shown, t);
  const unlisted = diff.total - diff.moves.length;
  return (
    <Space
      orientation="vertical"
      size={4}
      style={{ width: "100%", marginTop: 8 }}
      data-testid="whatif-diff"
    >
      <Flex wrap gap={4} align="center">
        <Typography.Text style={{ fontSize: 13 }} data-testid="whatif-diff-finish">
          {t("whatif.diff.finish", {
            before: finishBefore ?? DASH,
            after: finishAfter ?? DASH,
            deadline: deadline ?? DASH,
          })}
        </Typography.Text>
        <Tag color={meetsDeadline ? "green" : "red"}>
          {t(meetsDeadline ? "whatif.diff.meets" : "whatif.diff.misses")}
        </Tag>
      </Flex>
      {!diff.moves.length ? (
        <Typography.Text type="secondary">{t("whatif.diff.none")}</Typography.Text>
      ) : phone ? (
        groups.map((g) => (
          <div key={g.id ?? ""}>
            <Tag color={colorFor(g.id)}>{g.name}</Tag>
            {g.moves.map((m) => (
              <Flex
                key={m.taskId}
                data-testid="whatif-diff-move"
                justify="space-between"
                align="center"
                gap={4}
                style={{ padding: "4px 0 4px 8px", borderBottom: "1px solid #f5f5f5" }}
              >
                <MoveText m={m} t={t} />
                <Shift m={m} t={t} />
              </Flex>
            ))}
          </div>
        ))
      ) : (
        <>
          <WhatIfDiffBars groups={groups} deadline={deadline} t={t} locale={locale} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("whatif.diff.legend")}
          </Typography.Text>
        </>
      )}
      {!all && diff.moves.length > FOLD && (
        <Button size="small" type="link" onClick={() => setAll(true)} style={{ padding: 0 }}>
          {t("whatif.diff.more", { count: diff.moves.length })}
        </Button>
      )}
      {unlisted > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("whatif.diff.unlisted", { count: unlisted })}
        </Typography.Text>
      )}
    </Space>
  );
}
