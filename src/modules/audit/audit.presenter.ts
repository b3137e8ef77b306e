// Audit rows as a reader sees them: the stored message ({code, params} with the names at the
// time) rendered in the reader's language. Rows written before messages existed hold an English
// summary; where their before/after data names what changed, they are read as the same sentences
// (with the names as they are now); otherwise the old text is shown as it was, after who did it.
import { goalUnitOf, goalValue } from "../../core/goals/units.js";
import {
  isMessageCode,
  msg,
  renderMessage,
  storedMessage,
  type Locale,
  type Message,
  type MessageParams,
} from "../../core/messages/index.js";

export interface AuditRow {
  id: string;
  at: string;
  actorMemberId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
}

/** Names as they are now, for rows written before messages (which stored ids only). */
export interface AuditNames {
  members: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** A nested message for a code built from data (a role, a kind), or the raw value when unknown. */
const named = (code: string, fallback: string): Message | string =>
  isMessageCode(code) ? msg(code) : fallback;
/** The message when the value it needs is there. */
const given = <T>(value: T | undefined, make: (v: T) => Message): Message | undefined =>
  value === undefined ? undefined : make(value);

/** The message of a row written before codes, where its before/after data allow; else undefined. */
export function legacyMessage(
  row: Pick<AuditRow, "action" | "entityId">,
  before: unknown,
  after: unknown,
  names: AuditNames,
): Message | undefined {
  const b = obj(before);
  const a = obj(after);
  const memberOf = (id: string | null | undefined) =>
    id ? (names.members.get(id) ?? undefined) : undefined;
  const member = memberOf(row.entityId);
  switch (row.action) {
    case "department.create":
      return given(str(a?.name), (department) => msg("audit.department.create", { department }));
    case "department.delete":
      return given(str(b?.name), (department) => msg("audit.department.delete", { department }));
    case "department.update": {
      const name = str(a?.name);
      if (!name) return undefined;
      if (str(b?.name) && b?.name !== name)
        return msg("audit.department.rename", { from: str(b?.name)!, department: name });
      return msg("audit.department.update", { department: name });
    }
    case "member.role":
      return member && str(a?.role)
        ? msg("audit.member.role", {
            member,
            role: named(`org.role.${str(a?.role)}`, str(a?.role)!),
          })
        : undefined;
    case "member.create":
      return str(a?.name) && str(a?.role)
        ? msg("audit.member.added", {
            member: str(a?.name)!,
            role: named(`org.role.${str(a?.role)}`, str(a?.role)!),
          })
        : undefined;
    case "member.update": {
      const name = str(a?.name);
      if (!name || !b) return undefined;
      const to = a?.departmentId;
      if (to !== undefined && to !== b.departmentId) {
        const department = typeof to === "string" ? names.departments.get(to) : undefined;
        if (department) return msg("audit.member.move", { member: name, department });
      }
      if (str(b.name) && b.name !== name)
        return msg("audit.member.rename", { from: str(b.name)!, member: name });
      return msg("audit.member.update", { member: name });
    }
    case "member.deactivate":
      return given(member, (m) => msg("audit.member.deactivate", { member: m }));
    case "member.reactivate":
      return given(member, (m) => msg("audit.member.reactivate", { member: m }));
    case "member.leave.add":
    case "member.leave.delete": {
      const leave = row.action === "member.leave.add" ? a : b;
      return member && str(leave?.startDate) && str(leave?.endDate)
        ? msg(
            row.action === "member.leave.add"
              ? "audit.member.leave_add"
              : "audit.member.leave_delete",
            {
              member,
              from: str(leave?.startDate)!,
              to: str(leave?.endDate)!,
            },
          )
        : undefined;
    }
    case "invitation.accept":
      return msg("audit.invitation.accept");
    case "skill.create":
      return given(str(a?.name), (skill) => msg("audit.skill.create", { skill }));
    case "skill.delete":
      return given(str(b?.name), (skill) => msg("audit.skill.delete", { skill }));
    case "skill.update": {
      const from = str(b?.name);
      const to = str(a?.name);
      if (from && to && from !== to) return msg("audit.skill.rename", { from, skill: to });
      return given(from, (skill) => msg("audit.skill.update", { skill }));
    }
    case "workspace.update":
      return msg("audit.workspace.update");
    case "calendar.day.put": {
      const kind = str(a?.kind);
      return str(a?.date) && (kind === "holiday" || kind === "workday")
        ? msg(kind === "holiday" ? "audit.calendar.holiday" : "audit.calendar.workday", {
            date: str(a?.date)!,
            name: str(a?.name) ?? "",
          })
        : undefined;
    }
    case "calendar.day.delete":
      return row.entityId ? msg("audit.calendar.normal", { date: row.entityId }) : undefined;
    case "goal_cycle.create":
      return str(a?.name) && str(a?.from) && str(a?.to)
        ? msg("audit.goal_cycle.create", {
            cycle: str(a?.name)!,
            from: str(a?.from)!,
            to: str(a?.to)!,
          })
        : undefined;
    case "goal_cycle.update":
      return given(str(a?.name), (cycle) => msg("audit.goal_cycle.update", { cycle }));
    case "goal.create":
      return str(a?.title) && num(a?.weight) !== undefined && a?.target !== undefined
        ? msg("audit.goal.create", {
            goal: str(a?.title)!,
            weight: num(a?.weight)!,
            // The unit as its code when it has one ("元" → unit.yuan), so it reads in either language.
            target: goalValue(String(a?.target), goalUnitOf(str(a?.unit) ?? "")),
          })
        : undefined;
    case "goal.update":
      return given(str(a?.title), (goal) => msg("audit.goal.update", { goal }));
    case "goal.delete":
      return given(str(b?.title), (goal) => msg("audit.goal.delete", { goal }));
    case "shop.create":
      return str(a?.name) && str(a?.platform)
        ? msg("audit.shop.create", {
            shop: str(a?.name)!,
            platform: named(`shop.platform.${str(a?.platform)}`, str(a?.platform)!),
          })
        : undefined;
    case "shop.update":
      return given(str(a?.name), (shop) => msg("audit.shop.update", { shop }));
    case "mapping.create":
      return given(str(a?.name), (mapping) => msg("audit.mapping.create", { mapping }));
    case "mapping.update":
      return given(str(a?.name), (mapping) => msg("audit.mapping.update", { mapping }));
    case "mapping.delete":
      return given(str(b?.name), (mapping) => msg("audit.mapping.delete", { mapping }));
    case "attribution_rule.create": {
      const owner = memberOf(str(a?.memberId));
      return str(a?.kind) && str(a?.pattern) && owner
        ? msg("audit.attribution_rule.create", {
            kind: named(`audit.attribution.kind.${str(a?.kind)}`, str(a?.kind)!),
            pattern: str(a?.pattern)!,
            member: owner,
          })
        : undefined;
    }
    case "attribution_rule.delete":
      return str(b?.kind) && str(b?.pattern)
        ? msg("audit.attribution_rule.delete", {
            kind: named(`audit.attribution.kind.${str(b?.kind)}`, str(b?.kind)!),
            pattern: str(b?.pattern)!,
          })
        : undefined;
    default:
      return undefined;
  }
}

/** The row's message with who did it: stored as a message, mapped from old data, or old text. */
export function auditMessage(
  row: AuditRow,
  before: unknown,
  after: unknown,
  names: AuditNames,
): Message {
  const stored = storedMessage(row.summary);
  if (stored.code !== "legacy.text") return stored;
  const actor: MessageParams[string] =
    row.actorMemberId === null
      ? msg("audit.actor.system")
      : (row.actorName ?? msg("audit.actor.unknown"));
  const mapped = legacyMessage(row, before, after, names);
  if (mapped) return { code: mapped.code, params: { ...mapped.params, actor } };
  return msg("audit.legacy", { actor, text: row.summary });
}

export function presentAuditEntry(row: AuditRow, locale: Locale, names: AuditNames) {
  const before = parse(row.before);
  const after = parse(row.after);
  const message = auditMessage(row, before, after, names);
  return {
    id: row.id,
    at: row.at,
    actorMemberId: row.actorMemberId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    message,
    summary: renderMessage(locale, message),
    before,
    after,
  };
}

/** Whether a page has rows written before messages (which need today's names). */
export const hasLegacyRows = (rows: readonly Pick<AuditRow, "summary">[]) =>
  rows.some((r) => storedMessage(r.summary).code === "legacy.text");
