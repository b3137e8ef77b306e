// 好评回访 follow-ups (docs/AFTERSALES.md, "Follow-ups"): the workspace's rules (read by everyone,
// changed by the owner and the customer_service leads, replaced as a whole with a version), the
// follow-up items they make for the orders delivered and the cases resolved N days earlier (made
// when Today or the list is read, one per rule and order or case, given to the case's agent or the
// customer-service person working today with the fewest open), and the outcome the agent records: a
// good review, a bad review turned good, no answer, or a bad review — which opens a complaint case
// through the case service (its own SLA clock, routed like any new case). Turned good is counted
// per agent per month by `FollowupRepository.turnedGoodByAgentMonth` (`turnedGood` here).
import type { Actor } from "../../core/actor.js";
import {
  earliestEventDate,
  followupDue,
  turnedGood,
  FOLLOWUP_LIMITS,
  type FollowupOutcome,
  type FollowupRule,
  type FollowupTrigger,
} from "../../core/aftersales/followups.js";
import { can } from "../../core/can.js";
import { dateInZone } from "../../core/calendar/today.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CareRepository } from "./care.repository.js";
import { CaseService } from "./cases.service.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import { FollowupRepository, type FollowupRow } from "./followups.repository.js";
import { agentsToday, replanCases } from "./routing.service.js";

export interface FollowupRuleInput {
  id?: string;
  name: string;
  shopId?: string | null;
  platform?: string | null;
  minAmountFen?: number;
  trigger: FollowupTrigger;
  daysAfter: number;
  script: string;
  active?: boolean;
}

export interface RecordInput {
  outcome: FollowupOutcome;
  note?: string | null;
  version: number;
}

const DAY = 86_400_000;

/** A follow-up as the API gives it. */
export function presentFollowup(r: FollowupRow) {
  return {
    id: r.id,
    ruleId: r.ruleId,
    ruleName: r.ruleName,
    source: r.caseId ? ("case" as const) : ("order" as const),
    shopId: r.shopId,
    orderId: r.orderId,
    caseId: r.caseId,
    platformOrderId: r.platformOrderId,
    dueDate: r.dueDate,
    memberId: r.memberId,
    script: r.script,
    state: r.state as "open" | "done",
    outcome: (r.outcome as FollowupOutcome | null) ?? null,
    turnedGood: Number(r.turnedGood) === 1,
    complaintCaseId: r.complaintCaseId,
    note: r.note,
    doneAt: r.doneAt,
    doneBy: r.doneBy,
    version: Number(r.version),
  };
}

export async function rulesOf(repo: CareRepository, workspaceId: string) {
  const row = await repo.settings(workspaceId);
  return {
    rules: row ? (JSON.parse(row.followupRules) as FollowupRule[]) : [],
    version: row?.rulesVersion ?? 0,
  };
}

export class FollowupService {
  constructor(private readonly deps: ServiceDeps) {}

  async rules(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return rulesOf(new CareRepository(this.deps.db), actor.workspaceId);
  }

  /** Replaces the rules (with `version`, 0 the first time; 409 stale); audited; makes what is due. */
  async putRules(actor: Actor, input: { version: number; rules: FollowupRuleInput[] }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const ws = actor.workspaceId;
    const fields: FieldError[] = [];
    const bad = (
      k: number,
      field: string,
      code: Parameters<typeof fieldError>[1],
      params?: Record<string, string | number>,
    ) => fields.push(fieldError(`rules.${k}.${field}`, code, params));
    if (input.rules.length > FOLLOWUP_LIMITS.rules)
      fields.push(
        fieldError("rules", "aftersales.followup.too_many", { max: FOLLOWUP_LIMITS.rules }),
      );
    const shopIds = [...new Set(input.rules.flatMap((r) => (r.shopId ? [r.shopId] : [])))];
    const shops = await new CaseSourceRepository(this.deps.db).shops(ws, shopIds);
    const known = new Set(shops.map((s) => s.id));
    const [minDays, maxDays] = FOLLOWUP_LIMITS.daysAfter;
    const rules: FollowupRule[] = input.rules.map((r, k) => {
      const name = r.name.trim();
      const script = r.script.trim();
      if (!name || name.length > FOLLOWUP_LIMITS.nameChars)
        bad(k, "name", "aftersales.followup.name_invalid", { max: FOLLOWUP_LIMITS.nameChars });
      if (!script || script.length > FOLLOWUP_LIMITS.scriptChars)
        bad(k, "script", "aftersales.followup.script_invalid", {
          max: FOLLOWUP_LIMITS.scriptChars,
        });
      if (!Number.isInteger(r.daysAfter) || r.daysAfter < minDays || r.daysAfter > maxDays)
        bad(k, "daysAfter", "aftersales.followup.days_invalid", { min: minDays, max: maxDays });
      if (r.minAmountFen !== undefined && (!Number.isInteger(r.minAmountFen) || r.minAmountFen < 0))
        bad(k, "minAmountFen", "aftersales.followup.amount_invalid");
      if (r.shopId && !known.has(r.shopId)) bad(k, "shopId", "aftersales.followup.shop_unknown");
      return {
        id: r.id ?? newId(),
        name,
        shopId: r.shopId ?? null,
        platform: r.platform ?? null,
        minAmountFen: r.minAmountFen ?? 0,
        trigger: r.trigger,
        daysAfter: r.daysAfter,
        script,
        active: r.active ?? true,
      };
    });
    if (fields.length)
      throw fail("invalid", fields[0]!.code as Parameters<typeof fail>[1], undefined, { fields });
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new CareRepository(trx);
      const at = nowIso(this.deps);
      const current = await rulesOf(repo, ws);
      const ok = await repo.putSettings(
        ws,
        "rules",
        input.version,
        { followupRules: JSON.stringify(rules) },
        at,
        actor.memberId,
      );
      if (!ok)
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("aftersales.followup.entity"), current: current.version },
          { extra: { currentVersion: current.version } },
        );
      await audit(trx, actor, at, {
        action: "aftersales.followup_rules.update",
        entityType: "workspace",
        entityId: ws,
        message: msg("audit.aftersales.followup_rules_changed", { count: rules.length }),
        before: current.rules,
        after: rules,
      });
    });
    await this.generate(ws);
    return this.rules(actor);
  }

  /**
   * Makes the follow-ups due by today that no rule made yet: orders completed and cases resolved
   * `daysAfter` days before (within the look-back), each given to the case's agent when they still
   * work cases, else to the customer-service person working today with the fewest open follow-ups.
   * When it made any, the workspace is re-planned: each takes FOLLOWUP_MINUTES of its agent's day.
   */
  async generate(workspaceId: string): Promise<number> {
    const db = this.deps.db;
    const care = new CareRepository(db);
    const { rules } = await rulesOf(care, workspaceId);
    const active = rules.filter((r) => r.active);
    if (active.length === 0) return 0;
    const { timeZone } = await care.ownerAndLocale(workspaceId);
    const today = await new ScheduleService(this.deps).today(db, workspaceId);
    const now = nowIso(this.deps);
    const repo = new FollowupRepository(db);
    const agents = (await agentsToday(db, workspaceId, today)).members;
    const agentIds = new Set(agents.map((a) => a.id));
    const pool = agents.some((a) => a.freeMinutes > 0)
      ? agents.filter((a) => a.freeMinutes > 0)
      : agents;
    const open = await repo.openCounts(workspaceId);
    const pick = (preferred: string | null): string | null => {
      if (preferred && agentIds.has(preferred)) return preferred;
      const best = [...pool].sort(
        (a, b) => (open.get(a.id) ?? 0) - (open.get(b.id) ?? 0) || a.id.localeCompare(b.id),
      )[0];
      return best?.id ?? null;
    };
    const rows: FollowupRow[] = [];
    for (const rule of active) {
      // A day's margin either side of the local dates (the time zone's offset).
      const since = new Date(
        Date.parse(`${earliestEventDate(rule, today)}T00:00:00Z`) - DAY,
      ).toISOString();
      const events =
        rule.trigger === "delivered"
          ? (await repo.delivered(workspaceId, since, now))
              .filter((o) => o.refundFen < o.totalFen || o.totalFen === 0)
              .map((o) => ({
                key: `order:${o.id}`,
                orderId: o.id as string | null,
                caseId: null as string | null,
                platformOrderId: o.platformOrderId as string | null,
                shopId: o.shopId,
                platform: o.platform,
                amountFen: Number(o.totalFen),
                at: o.completedAt!,
                agent: null as string | null,
              }))
          : (await repo.resolved(workspaceId, since, now)).map((c) => ({
              key: `case:${c.id}`,
              orderId: c.orderId,
              caseId: c.id as string | null,
              platformOrderId: c.platformOrderId,
              shopId: c.shopId,
              platform: c.platform,
              amountFen: Number(c.totalFen ?? c.requestedFen),
              at: c.resolvedAt!,
              agent: c.assigneeMemberId,
            }));
      const due = events.flatMap((e) => {
        const date = followupDue(rule, { ...e, date: dateInZone(e.at, timeZone) }, today);
        return date ? [{ ...e, date }] : [];
      });
      const made = await repo.existing(
        workspaceId,
        rule.id,
        due.map((e) => e.key),
      );
      for (const e of due) {
        if (made.has(e.key)) continue;
        const memberId = pick(e.agent);
        if (memberId) open.set(memberId, (open.get(memberId) ?? 0) + 1);
        rows.push({
          workspaceId,
          id: newId(),
          ruleId: rule.id,
          ruleName: rule.name,
          sourceKey: e.key,
          shopId: e.shopId,
          orderId: e.orderId,
          caseId: e.caseId,
          platformOrderId: e.platformOrderId,
          dueDate: e.date,
          memberId,
          script: rule.script,
          state: "open",
          outcome: null,
          turnedGood: 0,
          complaintCaseId: null,
          note: null,
          doneAt: null,
          doneDate: null,
          doneBy: null,
          version: 1,
          createdAt: now,
        });
      }
    }
    const inserted = rows.length ? await repo.insert(rows) : 0;
    // New calls on someone's Today take their minutes there: the engine moves plan work.
    if (inserted > 0) await replanCases(this.deps, workspaceId);
    return inserted;
  }

  /** The follow-ups: `state` open|done, `assignee` me|none|a member's id. */
  async list(actor: Actor, q: { state?: "open" | "done"; assignee?: string; limit?: number }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    await this.generate(actor.workspaceId);
    const memberId =
      q.assignee === undefined
        ? undefined
        : q.assignee === "me"
          ? actor.memberId
          : q.assignee === "none"
            ? null
            : q.assignee;
    const rows = await new FollowupRepository(this.deps.db).list(actor.workspaceId, {
      state: q.state,
      memberId,
      limit: Math.min(q.limit ?? 100, 200),
    });
    return { items: rows.map(presentFollowup) };
  }

  /**
   * Records what came of a follow-up. The agent it is given to records it, or the owner or a
   * customer_service lead; a bad review opens a complaint case on the order (the case service: its
   * history, SLA clock and routing); turned good is counted per agent per month.
   */
  async record(actor: Actor, id: string, input: RecordInput) {
    const policy = await authorizeAftersales(this.deps.db, actor, "aftersales.handle");
    const ws = actor.workspaceId;
    const repo = new FollowupRepository(this.deps.db);
    const row = await repo.byId(ws, id);
    if (!row)
      throw fail("not_found", "shop.not_found", { what: msg("aftersales.followup.entity_item") });
    if (row.memberId !== actor.memberId && !can(policy, "aftersales.manage"))
      throw fail("forbidden", "aftersales.followup.others_forbidden");
    if (row.state !== "open") throw fail("conflict", "aftersales.followup.finished");
    if (row.version !== input.version)
      throw fail(
        "conflict",
        "shop.stale",
        { what: msg("aftersales.followup.entity_item"), current: row.version },
        { extra: { currentVersion: row.version } },
      );
    const care = new CareRepository(this.deps.db);
    const { locale, timeZone } = await care.ownerAndLocale(ws);
    const note = input.note?.trim() ? input.note.trim().slice(0, 500) : null;
    let complaintCaseId: string | null = null;
    if (input.outcome === "bad_review") {
      const orderId = row.orderId;
      if (!orderId)
        throw fail("invalid", "aftersales.followup.no_order", undefined, {
          fields: [fieldError("outcome", "aftersales.followup.no_order")],
        });
      const lang = (locale === "en" ? "en" : "zh-CN") as Locale;
      const complaint = await new CaseService(this.deps).create(actor, {
        orderId,
        type: "complaint",
        reason: note ?? renderMessage(lang, msg("aftersales.followup.bad_review_reason")),
        requestedFen: 0,
      });
      complaintCaseId = complaint.id;
    }
    const fromBadReview =
      row.caseId !== null && (await repo.complaintFromBadReview(ws, row.caseId));
    const at = nowIso(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const ok = await new FollowupRepository(trx).complete(ws, id, input.version, {
        outcome: input.outcome,
        turnedGood: turnedGood(input.outcome, fromBadReview) ? 1 : 0,
        complaintCaseId,
        note,
        doneAt: at,
        doneDate: dateInZone(at, timeZone),
        doneBy: actor.memberId,
      });
      if (!ok) throw fail("conflict", "aftersales.followup.finished");
      await audit(trx, actor, at, {
        action: "aftersales.followup.record",
        entityType: "aftersales_followup",
        entityId: id,
        message: msg("audit.aftersales.followup_recorded", {
          order: row.platformOrderId ?? id,
          outcome: msg(`aftersales.followup.outcome.${input.outcome}`),
        }),
        after: { outcome: input.outcome, complaintCaseId },
      });
    });
    // Its minutes leave the agent's day.
    await replanCases(this.deps, ws);
    this.deps.events?.publish(ws, { type: "aftersales.followups.changed" });
    return presentFollowup((await repo.byId(ws, id))!);
  }

  /** Bad reviews turned good per agent per local month, for the dates from…to (inclusive). */
  async turnedGood(actor: Actor, q: { from: string; to: string; memberId?: string }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return new FollowupRepository(this.deps.db).turnedGoodByAgentMonth(actor.workspaceId, q);
  }
}

/** A member's follow-ups due by `date` on their Today (made first when they are due). */
export async function followupsOnToday(
  deps: ServiceDeps,
  workspaceId: string,
  memberId: string,
  date: string,
) {
  await new FollowupService(deps).generate(workspaceId);
  const rows = await new FollowupRepository(deps.db).dueFor(workspaceId, memberId, date);
  return rows.map(presentFollowup);
}
