// The assessment table's columns: the goal and its weight, the target, the actual (typed for a
// manual goal while self-assessing, live otherwise, with the achievement), the self score and the
// lead's score — inputs for the side whose turn it is, figures for everyone else.
import { Input, InputNumber, Typography } from "antd";
import type { Assessment, Goal } from "../../api/goals";
import type { Locale } from "../../api/types";
import type { Translate } from "../../i18n";
import { pct, withUnit } from "./shared";

export interface RowValues {
  selfScore?: number | null;
  actual?: string | null;
  comment?: string | null;
  score?: number | null;
  leadComment?: string | null;
}

export function columnsFor(
  t: Translate,
  locale: Locale,
  data: Assessment | undefined,
  row: (id: string) => RowValues,
  setRow: (id: string, v: RowValues) => void,
) {
  const self = !!data?.canSelfAssess;
  const review = !!data?.canReview;
  const score = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : v.toFixed(2);
  return [
    {
      title: t("goals.goalTitle"),
      dataIndex: "title",
      onCell: () => ({ style: { minWidth: 96 } }),
      render: (s: string, g: Goal) => (
        <span>
          {s}{" "}
          <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
            ({g.weight}%)
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("goals.target"),
      render: (_: unknown, g: Goal) => withUnit(locale, g.target, g.unit),
    },
    {
      title: t("goals.actual"),
      render: (_: unknown, g: Goal) =>
        self && g.metric.kind === "manual" ? (
          <Input
            size="small"
            style={{ width: 90 }}
            inputMode="decimal"
            value={row(g.id).actual ?? ""}
            onChange={(e) => setRow(g.id, { actual: e.target.value })}
            data-testid={`actual-${g.title}`}
          />
        ) : (
          <span>
            {withUnit(locale, g.actual, g.unit)}{" "}
            {g.achievement !== null ? (
              <Typography.Text type="secondary">{pct(g.achievement)}</Typography.Text>
            ) : null}
          </span>
        ),
    },
    {
      title: t("goals.selfScore"),
      render: (_: unknown, g: Goal) =>
        self ? (
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={2}
            style={{ width: 80 }}
            value={row(g.id).selfScore ?? null}
            onChange={(v) => setRow(g.id, { selfScore: v })}
            data-testid={`self-${g.title}`}
          />
        ) : (
          score(g.selfScore)
        ),
    },
    {
      title: t("goals.leadScore"),
      render: (_: unknown, g: Goal) =>
        review ? (
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={2}
            style={{ width: 80 }}
            value={row(g.id).score ?? null}
            onChange={(v) => setRow(g.id, { score: v })}
            data-testid={`lead-${g.title}`}
          />
        ) : (
          score(g.leadScore)
        ),
    },
  ];
}
