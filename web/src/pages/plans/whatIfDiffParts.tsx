// Shared pieces of a what-if's before/after Gantt (WhatIfDiff.tsx, WhatIfDiffBars.tsx): the diff's
// types, who does a task, its dates in words, the moves grouped by person.
import { Flex, Tag, Typography } from "antd";
import type { WhatIfOption } from "../../api/progress";
import { daysBetween, shortDate } from "../../components/plans/dates";
import type { Translate } from "../../i18n";
import { DASH } from "./progressFormat";

export type Diff = WhatIfOption["diff"];
export type Move = Diff["moves"][number];
export type Span = NonNullable<Move["before"]>;

export const who = (s: Span | null) => s?.assignees[0] ?? null;
export const names = (s: Span | null, t: Translate) =>
  s ? s.assignees.map((a) => a.name ?? DASH).join("、") || t("whatif.diff.nobody") : DASH;
export const spanText = (
  s: Span | null,
  t: Translate,
  missing: "whatif.diff.deferred" | "whatif.diff.unplaced",
) => (s ? `${shortDate(s.start)}–${shortDate(s.finish)}` : t(missing));
export const handed = (m: Move) =>
  !!m.before && !!m.after && who(m.before)?.memberId !== who(m.after)?.memberId;

/** The moves grouped by the person who does the task after the option (before, when deferred). */
export function byPerson(moves: Move[], t: Translate) {
  const groups = new Map<string, { id: string | null; name: string; moves: Move[] }>();
  for (const m of moves) {
    const p = who(m.after) ?? who(m.before);
    const key = p?.memberId ?? "";
    const g = groups.get(key) ?? {
      id: p?.memberId ?? null,
      name: p?.name ?? t("whatif.diff.nobody"),
      moves: [],
    };
    g.moves.push(m);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function Shift({ m, t }: { m: Move; t: Translate }) {
  if (!m.before || !m.after) return null;
  const d = daysBetween(m.before.finish, m.after.finish);
  if (!d) return null;
  return d < 0 ? (
    <Tag color="green">{t("whatif.diff.earlier", { days: -d })}</Tag>
  ) : (
    <Tag color="orange">{t("whatif.diff.later", { days: d })}</Tag>
  );
}

/** What a row says in words: its name, the change of hands, old → new dates. */
export function MoveText({ m, t }: { m: Move; t: Translate }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis style={{ fontSize: 13 }}>
        {m.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {spanText(m.before, t, "whatif.diff.unplaced")} →{" "}
        {spanText(m.after, t, "whatif.diff.deferred")}
      </Typography.Text>
      {handed(m) && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {names(m.before, t)} → {names(m.after, t)}
        </Typography.Text>
      )}
    </Flex>
  );
}
