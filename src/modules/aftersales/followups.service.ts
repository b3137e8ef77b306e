// 好评回访 follow-ups (docs/AFTERSALES.md, "Follow-ups"): the workspace's rules (read by everyone,
// changed by the owner and the customer_service leads, replaced as a whole with a version), the
// follow-up items they make for the orders delivered and the cases resolved N days earlier (made
// in followups-generate.ts when they come due, never by a read; one per rule and order or case,
// given to the case's agent or the customer-service person working today with the fewest open),
// and the outcome the agent records: a good review, a bad review turned good, no answer, or a bad
// review — which opens a complaint case through the case service (its own SLA clock, routed like
// any new case). Turned good is counted per agent per month by
// `FollowupRepository.turnedGoodByAgentMonth` (`turnedGood` here).
import type { Actor } from "../../core/actor.js";
import {
  FOLLOWUP_MINUTES,
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
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CareRepository } from "./care.repository.js";
import { CaseService } from "./cases.service.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import { FollowupRepository, type FollowupRow } from "./followups.repository.js";
import { makeDueFollowups } from "./followups-generate.js";
import { replanCases } from "./routing.service.js";

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
    /** What the call takes of the agent's day (the engine reserves it). */
    estimatedMinutes: FOLLOWUP_MINUTES,
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
    // A new rule (or one switched on, or a shorter delay) may have calls due at once.
    await makeDueFollowups(this.deps, ws);
    return this.rules(actor);
  }

  /** Makes the follow-ups due by today that no rule made yet (followups-generate.ts). */
  generate(workspaceId: string): Promise<number> {
    return makeDueFollowups(this.deps, workspaceId);
  }

  /** The follow-ups: `state` open|done, `assignee` me|none|a member's id. */
  async list(actor: Actor, q: { state?: "open" | "done"; assignee?: string; limit?: number }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
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

/**
 * A member's follow-ups due by `date` on their Today. Only read: they were made when they came due
 * (followups-generate.ts), never by reading a day.
 */
export async function followupsOnToday(
  deps: ServiceDeps,
  workspaceId: string,
  memberId: string,
  date: string,
) {
  const rows = await new FollowupRepository(deps.db).dueFor(workspaceId, memberId, date);
  return rows.map(presentFollowup);
}
