// After-sales cases as people work them (docs/AFTERSALES.md): the queue (filters by state, type,
// shop and assignee, soonest due first), one case with its lines and history, a case opened by hand
// from an order, and the checked moves between states (core/aftersales/cases.ts), each one written
// to the case's history and the audit log. Everyone reads; the people of a customer_service
// department, their leads and the owner work cases (core/aftersales/policy.ts).
import type { Actor } from "../../core/actor.js";
import {
  CASE_STATES,
  checkTransition,
  isCaseState,
  milestones,
  nextStates,
  isOpen,
  OPEN_STATES,
  pauseChange,
  platformDue,
  type CaseSource,
  type CaseState,
  type CaseType,
  type InspectionResult,
  type Resolution,
} from "../../core/aftersales/cases.js";
import { reasonCode } from "../../core/aftersales/reasons.js";
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import {
  msg,
  storedMessage,
  storeMessage,
  type Message,
  type MessageCode,
  type MessageParams,
} from "../../core/messages/index.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import {
  CaseRepository,
  NO_DUE,
  type CaseCursor,
  type CaseEventRow,
  type CaseLineRow,
  type CaseRow,
} from "./cases.repository.js";
import { makeDueFollowups } from "./followups-generate.js";
import { publishSla, refreshSla, SlaClocks, slaViews, type SlaOutcome } from "./sla-clocks.js";
import { replanCases, routeNewCases } from "./routing.service.js";

export interface CaseListQuery {
  /** Comma-separated states, or `open` (every state before resolved or closed). */
  state?: string;
  type?: CaseType;
  shopId?: string;
  /** `me`, `none` (unassigned) or a member's id. */
  assignee?: string;
  limit?: number;
  cursor?: string;
}

export interface CreateCaseInput {
  orderId: string;
  type: CaseType;
  reason?: string | null;
  /** What the buyer asks for, in fen (0 when the case is not about money). */
  requestedFen?: number;
  /** The order's lines the case is about (their line numbers); none: the whole order. */
  lines?: { orderLineNo: number; quantity?: number }[];
}

export interface TransitionInput {
  to: CaseState;
  version: number;
  resolution?: Resolution | null;
  inspection?: InspectionResult | null;
  inspectionNote?: string | null;
  /** What was refunded, in fen (resolving as refunded); default: what the buyer asked for. */
  refundFen?: number | null;
}

const notFound = (): DomainError =>
  fail("not_found", "shop.not_found", { what: msg("case.entity.case") });
const stale = (current: number): DomainError =>
  fail(
    "conflict",
    "shop.stale",
    { what: msg("case.entity.case"), current },
    { extra: { currentVersion: current } },
  );
const badField = (field: string, code: MessageCode, params?: MessageParams): DomainError =>
  fail("invalid", code, params, { fields: [fieldError(field, code, params)] });

const encodeCursor = (r: CaseRow) =>
  Buffer.from(JSON.stringify([r.dueAt ?? NO_DUE, r.openedAt, r.id])).toString("base64url");

function decodeCursor(cursor: string): CaseCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === "string"))
      return { due: v[0] as string, opened: v[1] as string, id: v[2] as string };
  } catch {
    // falls through to the refusal
  }
  throw badField("cursor", "case.cursor_invalid");
}

function parseStates(state: string | undefined): CaseState[] | undefined {
  if (state === undefined || state.trim() === "") return undefined;
  const out = new Set<CaseState>();
  for (const part of state.split(",").map((s) => s.trim())) {
    if (part === "open") for (const s of OPEN_STATES) out.add(s);
    else if (isCaseState(part)) out.add(part);
    else throw badField("state", "case.state_unknown", { state: part, states: [...CASE_STATES] });
  }
  return [...out];
}

/** A case as the API gives it: ours beside the platform's codes, money in fen, what may come next. */
export function presentCase(r: CaseRow, names: Map<string, string>) {
  return {
    id: r.id,
    shopId: r.shopId,
    platform: r.platform,
    caseKey: r.caseKey,
    platformCaseId: r.platformCaseId,
    source: r.source as CaseSource,
    orderId: r.orderId,
    platformOrderId: r.platformOrderId,
    customerKey: r.customerKey,
    type: r.type as CaseType,
    platformType: r.platformType,
    state: r.state as CaseState,
    resolution: r.resolution as Resolution | null,
    platformState: r.platformState,
    reason: r.reason,
    reasonCode: r.reasonCode,
    currency: r.currency,
    requestedFen: r.requestedFen,
    refundFen: r.refundFen,
    returnCarrier: r.returnCarrier,
    returnWaybill: r.returnWaybill,
    inspection: r.inspection as InspectionResult | null,
    inspectionNote: r.inspectionNote,
    assigneeMemberId: r.assigneeMemberId,
    assigneeName: r.assigneeMemberId ? (names.get(r.assigneeMemberId) ?? null) : null,
    openedAt: r.openedAt,
    firstResponseAt: r.firstResponseAt,
    decidedAt: r.decidedAt,
    resolvedAt: r.resolvedAt,
    platformDeadlineAt: r.platformDeadlineAt,
    dueAt: r.dueAt,
    nextStates: nextStates({ type: r.type as CaseType, state: r.state as CaseState }),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const presentLine = (l: CaseLineRow) => ({
  lineNo: l.lineNo,
  orderLineNo: l.orderLineNo,
  title: l.title,
  sku: l.sku,
  quantity: l.quantity,
  amountFen: l.amountFen,
});

const presentEvent = (e: CaseEventRow, names: Map<string, string>) => ({
  id: e.id,
  at: e.at,
  kind: e.kind,
  actorMemberId: e.actorMemberId,
  actorName: e.actorMemberId ? (names.get(e.actorMemberId) ?? null) : null,
  fromState: e.fromState as CaseState | null,
  toState: e.toState as CaseState | null,
  message: storedMessage(e.message),
});

export class CaseService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The queue: soonest due first (no deadline last), then the oldest opened. */
  async list(actor: Actor, q: CaseListQuery) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    const states = parseStates(q.state);
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const limit = Math.min(q.limit ?? LIMITS.pageSizeDefault, LIMITS.pageSizeMax);
    const db = this.deps.db;
    const ws = actor.workspaceId;
    const repo = new CaseRepository(db);
    const assignee =
      q.assignee === undefined
        ? undefined
        : q.assignee === "me"
          ? actor.memberId
          : q.assignee === "none"
            ? null
            : q.assignee;
    // Reading writes nothing: the refunds the order imports carry became cases when each import
    // committed (or at the server's sweep after). Few round trips (on PostgreSQL each waits its
    // turn): the page and the SLA clocks' setup at once, then the names and pauses at once.
    const [rows, clocks] = await Promise.all([
      repo.list(ws, { states, type: q.type, shopId: q.shopId, assignee }, limit + 1, after),
      SlaClocks.load(db, ws),
    ]);
    const page = rows.slice(0, limit);
    const [names, slas] = await Promise.all([
      repo.memberNames(
        ws,
        page.flatMap((r) => (r.assigneeMemberId ? [r.assigneeMemberId] : [])),
      ),
      slaViews(db, ws, page, nowIso(this.deps), clocks),
    ]);
    return {
      items: page.map((r) => ({ ...presentCase(r, names), sla: slas.get(r.id)! })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
    };
  }

  /** One case with its lines, its history (oldest first) and the intervals it waited for the buyer. */
  async get(actor: Actor, id: string) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    const ws = actor.workspaceId;
    const repo = new CaseRepository(this.deps.db);
    const row = await repo.byId(ws, id);
    if (!row) throw notFound();
    const [lines, events, pauses] = await Promise.all([
      repo.lines(ws, [id]),
      repo.events(ws, id),
      repo.pauses(ws, [id]),
    ]);
    const names = await repo.memberNames(ws, [
      ...(row.assigneeMemberId ? [row.assigneeMemberId] : []),
      ...events.flatMap((e) => (e.actorMemberId ? [e.actorMemberId] : [])),
    ]);
    const sla = (await slaViews(this.deps.db, ws, [row], nowIso(this.deps))).get(id)!;
    return {
      ...presentCase(row, names),
      sla,
      lines: lines.map(presentLine),
      history: events.map((e) => presentEvent(e, names)),
      pauses: pauses.map((p) => ({ startedAt: p.startedAt, endedAt: p.endedAt })),
    };
  }

  /** A case opened by hand from one of the workspace's orders (new, unassigned). */
  async create(actor: Actor, input: CreateCaseInput) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.handle");
    const ws = actor.workspaceId;
    const sources = new CaseSourceRepository(this.deps.db);
    const order = await sources.order(ws, input.orderId);
    if (!order) throw badField("orderId", "case.order_required");
    const requestedFen = input.requestedFen ?? 0;
    if (requestedFen > order.totalFen)
      throw badField("requestedFen", "case.refund.too_large", {
        amount: requestedFen,
        max: order.totalFen,
      });
    const items = await sources.orderItems(ws, order.id);
    const lines: CaseLineRow[] = [];
    const id = newId();
    for (const [k, l] of (input.lines ?? []).entries()) {
      const item = items.find((i) => i.lineNo === l.orderLineNo);
      if (!item)
        throw badField(`lines.${k}.orderLineNo`, "case.line_unknown", { line: l.orderLineNo });
      lines.push({
        workspaceId: ws,
        caseId: id,
        lineNo: k + 1,
        orderLineNo: item.lineNo,
        title: item.title,
        sku: item.sku,
        quantity: Math.min(l.quantity ?? item.quantity, item.quantity),
        amountFen: item.totalFen,
      });
    }
    const shop = (await sources.shops(ws, [order.shopId]))[0]!;
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    let sla: SlaOutcome | undefined;
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const at = nowIso(this.deps);
        const repo = new CaseRepository(trx);
        const me = (await repo.memberNames(ws, [actor.memberId])).get(actor.memberId) ?? "";
        await repo.insert({
          workspaceId: ws,
          id,
          shopId: order.shopId,
          platform: shop.platform,
          caseKey: `manual:${id}`,
          platformCaseId: null,
          source: "manual",
          orderId: order.id,
          platformOrderId: order.platformOrderId,
          customerKey: order.customerKey,
          type: input.type,
          platformType: null,
          state: "new",
          resolution: null,
          platformState: null,
          reason,
          reasonCode: reasonCode(reason),
          currency: order.currency || shop.currency,
          requestedFen,
          refundFen: null,
          returnCarrier: null,
          returnWaybill: null,
          inspection: null,
          inspectionNote: null,
          assigneeMemberId: null,
          openedAt: at,
          firstResponseAt: null,
          decidedAt: null,
          resolvedAt: null,
          platformDeadlineAt: null,
          dueAt: null,
          slaUnmeasured: null,
          raw: null,
          importId: null,
          version: 1,
          createdBy: actor.memberId,
          createdAt: at,
          updatedAt: at,
        });
        if (lines.length) await repo.replaceLines(ws, id, lines);
        await repo.addEvents([
          this.event(
            ws,
            id,
            at,
            actor,
            "created",
            msg("case.history.created", {
              actor: me,
              source: msg("case.source.manual"),
            }),
            null,
            "new",
          ),
        ]);
        await audit(trx, actor, at, {
          action: "aftersales.case.create",
          entityType: "aftersales_case",
          entityId: id,
          message: msg("audit.aftersales.case_created", {
            case: id,
            caseId: id,
            order: order.platformOrderId,
          }),
          after: { orderId: order.id, type: input.type, reason, requestedFen },
        });
        sla = await refreshSla(trx, ws, [id], at);
        return id;
      })
      .then(async (caseId) => {
        // After the commit: a page refetching on the event must read the new case.
        this.deps.events?.publish(ws, { type: "aftersales.cases.changed" });
        publishSla(this.deps, sla);
        await routeNewCases(this.deps, ws);
        return this.get(actor, caseId);
      });
  }

  /**
   * Moves a case (core/aftersales/cases.ts checkTransition): a move the table does not allow, or
   * one missing what it needs, is refused with its code (409 for a move the state does not allow,
   * 400 for a missing outcome or inspection). The history gets the move, the audit log too.
   */
  async transition(actor: Actor, id: string, input: TransitionInput) {
    const ws = actor.workspaceId;
    const current = await new CaseRepository(this.deps.db).byId(ws, id);
    if (!current) throw notFound();
    await authorizeAftersales(this.deps.db, actor, "aftersales.handle");
    if (current.version !== input.version) throw stale(current.version);
    const rules = await new CaseSourceRepository(this.deps.db).settings(ws);
    const from = current.state as CaseState;
    const type = current.type as CaseType;
    const refusal = checkTransition(
      { type, state: from, inspection: current.inspection as InspectionResult | null },
      { to: input.to, resolution: input.resolution ?? null, inspection: input.inspection ?? null },
      rules,
    );
    if (refusal) {
      const field =
        refusal.code === "case.transition.inspection_required"
          ? "inspection"
          : refusal.code === "case.transition.resolution_required" ||
              refusal.code === "case.transition.resolution_not_for_type"
            ? "resolution"
            : null;
      if (field) throw badField(field, refusal.code, refusal.params);
      throw fail("conflict", refusal.code, refusal.params, {
        extra: { allowed: nextStates({ type, state: from }) },
      });
    }
    const resolution = input.to === "resolved" ? (input.resolution as Resolution) : null;
    let refundFen = current.refundFen;
    if (resolution === "refunded") {
      refundFen = input.refundFen ?? current.refundFen ?? current.requestedFen;
      if (current.orderId) {
        const order = await new CaseSourceRepository(this.deps.db).order(ws, current.orderId);
        if (order && refundFen > order.totalFen)
          throw badField("refundFen", "case.refund.too_large", {
            amount: refundFen,
            max: order.totalFen,
          });
      }
    }
    let sla: SlaOutcome | undefined;
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const at = nowIso(this.deps);
        const repo = new CaseRepository(trx);
        const me = (await repo.memberNames(ws, [actor.memberId])).get(actor.memberId) ?? "";
        const fields: Partial<CaseRow> = {
          state: input.to,
          ...milestones(current, from, input.to, at),
          dueAt: platformDue(input.to, current.platformDeadlineAt),
          updatedAt: at,
        };
        let message: Message = msg("case.history.moved", {
          actor: me,
          from: msg(`case.state.${from}`),
          to: msg(`case.state.${input.to}`),
        });
        if (input.to === "inspected") {
          fields.inspection = input.inspection!;
          fields.inspectionNote = input.inspectionNote?.trim() || null;
          message = msg("case.history.inspected", {
            actor: me,
            result: msg(`case.inspection.${input.inspection!}`),
          });
        }
        if (resolution) {
          fields.resolution = resolution;
          if (resolution === "refunded") fields.refundFen = refundFen;
          message =
            resolution === "refunded"
              ? msg("case.history.refunded", {
                  actor: me,
                  amount: refundFen ?? 0,
                  currency: current.currency,
                })
              : msg("case.history.resolved", {
                  actor: me,
                  resolution: msg(`case.resolution.${resolution}`),
                });
        }
        if (!(await repo.update(ws, id, current.version, fields))) throw stale(current.version + 1);
        const pause = pauseChange(from, input.to);
        if (pause === "open") await repo.openPause(ws, id, at);
        if (pause === "close") await repo.closePause(ws, id, at);
        await repo.addEvents([
          this.event(ws, id, at, actor, "transition", message, from, input.to),
        ]);
        await audit(trx, actor, at, {
          action: "aftersales.case.transition",
          entityType: "aftersales_case",
          entityId: id,
          message: msg("audit.aftersales.case_moved", {
            case: current.platformCaseId ?? id,
            caseId: id,
            from: msg(`case.state.${from}`),
            to: msg(`case.state.${input.to}`),
          }),
          before: { state: from, version: current.version },
          after: {
            state: input.to,
            ...(resolution ? { resolution } : {}),
            ...(fields.refundFen !== undefined ? { refundFen: fields.refundFen } : {}),
            ...(fields.inspection ? { inspection: fields.inspection } : {}),
          },
        });
        sla = await refreshSla(trx, ws, [id], at);
      })
      .then(async () => {
        // After the commit (on PostgreSQL a page refetching sooner read the case before the move).
        this.deps.events?.publish(ws, { type: "aftersales.cases.changed", caseId: id });
        publishSla(this.deps, sla);
        // An assigned case that ended frees its minutes in the agent's day.
        if (current.assigneeMemberId && !isOpen(input.to)) await replanCases(this.deps, ws);
        // A resolved case may make a 好评回访 call due at once (a rule 0 days after resolving).
        if (input.to === "resolved") await makeDueFollowups(this.deps, ws);
        return this.get(actor, id);
      });
  }

  private event(
    workspaceId: string,
    caseId: string,
    at: string,
    actor: Actor,
    kind: string,
    message: Message,
    from: CaseState | null,
    to: CaseState | null,
  ): CaseEventRow {
    return {
      workspaceId,
      id: newId(),
      caseId,
      at,
      actorMemberId: actor.via === "system" ? null : actor.memberId,
      kind,
      fromState: from,
      toState: to,
      message: storeMessage(message),
    };
  }
}
