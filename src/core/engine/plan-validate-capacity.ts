// Plan file v1, the optional capacity fields of a team plan: `efficiency` (factor by skill
// level), `overtime` (extra hours of a member on a date) and `useOvertime`. A file without them
// reads as before; the validated plan carries only the fields the file has.

import { isIsoDate } from "../calendar/date.js";
import { EFFICIENCY_MAX, EFFICIENCY_MIN, SKILL_LEVELS } from "./efficiency.js";
import { got, msg, what } from "./messages.js";
import { isObject, type FieldReader, type IssueList } from "./plan-reader.js";
import type { EfficiencyTable, Overtime, TeamPlan } from "./types.js";

/** Most members a task may be shared among on one day (`maxPeople`). */
export const MAX_PEOPLE = 50;

const LEVEL_KEYS = new Set(SKILL_LEVELS.map(String));

export function readCapacityFields(
  list: IssueList,
  top: FieldReader,
  memberIndex: ReadonlyMap<string, number>,
): Pick<TeamPlan, "efficiency" | "overtime" | "useOvertime"> {
  const out: Pick<TeamPlan, "efficiency" | "overtime" | "useOvertime"> = {};

  if (top.has("efficiency")) {
    const raw = top.record("efficiency");
    const r = list.at(raw, "efficiency", what.path("efficiency"));
    const table: EfficiencyTable = {};
    for (const key of Object.keys(raw)) {
      if (!LEVEL_KEYS.has(key)) {
        r.fail(key, msg("plans.file.not_level_key", { got: got(key) }));
        continue;
      }
      table[key] = r.number(key, { min: EFFICIENCY_MIN, max: EFFICIENCY_MAX });
    }
    out.efficiency = table;
  }

  if (top.has("overtime")) {
    const overtime: Overtime[] = [];
    top.array("overtime", false).forEach((raw, i) => {
      const p = `overtime[${i}]`;
      if (!isObject(raw)) {
        list.add(p, msg("plans.file.overtime_not_object", { path: p }));
        return;
      }
      if (
        typeof raw.member === "string" &&
        memberIndex.has(raw.member) &&
        isIsoDate(raw.date) &&
        typeof raw.hours === "number" &&
        raw.hours > 0 &&
        raw.hours <= 24
      ) {
        overtime.push({ member: raw.member, date: raw.date, hours: raw.hours });
        return;
      }
      const r = list.at(raw, p, what.path(p));
      const member = r.string("member");
      if (member && !memberIndex.has(member))
        list.add(
          `${p}.member`,
          msg("plans.file.unknown_member", { what: what.path(p), field: "member", ref: member }),
          undefined,
          "member",
        );
      overtime.push({
        member,
        date: r.date("date"),
        hours: r.number("hours", { above: 0, max: 24 }),
      });
    });
    out.overtime = overtime;
  }

  if (top.has("useOvertime")) {
    const v = top.obj.useOvertime;
    if (typeof v === "boolean") out.useOvertime = v;
    else top.fail("useOvertime", msg("plans.file.not_boolean", { got: got(v) }));
  }
  return out;
}
