// One case as a source states it (an after-sales export's row, a refund record, an order's refund)
// compared with what is stored: a case to create, the fields to update, or nothing. Rules
// (docs/AFTERSALES.md, "Re-imports"):
//   - a case is its key in the shop, so importing again updates it and never makes a second one;
//   - the platform's state moves our state only when the platform's own state changed since it was
//     last read; otherwise our state stays where a person moved it;
//   - a return waybill typed in Dayclear is not erased by a file that has none;
//   - instants the file does not give are the import's own time.
// No database here: the import and the order sync plan with it, then write.
import {
  isOpen,
  pauseChange,
  platformDue,
  refundOnlyType,
  type CaseSource,
  type CaseState,
  type CaseType,
  type Resolution,
} from "../../core/aftersales/cases.js";
import {
  decidedIn,
  normalizeCode,
  successResolution,
  type StateTarget,
  type TypeTarget,
} from "../../core/aftersales/platform-codes.js";
import { reasonCode } from "../../core/aftersales/reasons.js";
import { newId } from "../../core/ids.js";
import { msg, storeMessage, type Message } from "../../core/messages/index.js";
import type { CaseOrder } from "./case-sources.repository.js";
import type { CaseEventRow, CaseLineRow, CaseRow } from "./cases.repository.js";

export interface IncomingLine {
  title: string;
  sku: string | null;
  quantity: number;
  amountFen?: number | null;
}

/** A case as its source states it. */
export interface Incoming {
  caseKey: string;
  platformCaseId: string | null;
  source: CaseSource;
  platform: string;
  shopId: string;
  platformOrderId: string | null;
  order: CaseOrder | null;
  type: TypeTarget;
  platformType: string | null;
  target: StateTarget;
  platformState: string | null;
  /** Taobao 货物状态 (未发货 …). */
  goodsState: string | null;
  reason: string | null;
  requestedFen: number;
  refundFen: number | null;
  currency: string;
  openedAt: string;
  updatedAt: string | null;
  completedAt: string | null;
  deadlineAt: string | null;
  returnWaybill: string | null;
  returnCarrier: string | null;
  lines: IncomingLine[];
  raw: unknown;
  /** The file it came from (history names it), or null (the order sync). */
  file: string | null;
}

export interface PauseOp {
  open?: string;
  close?: string;
}

export type CasePlan =
  | { kind: "create"; row: CaseRow; lines: CaseLineRow[]; events: CaseEventRow[]; pause: PauseOp }
  | {
      kind: "update";
      id: string;
      version: number;
      fields: Partial<CaseRow>;
      lines: CaseLineRow[] | null;
      events: CaseEventRow[];
      pause: PauseOp;
    }
  | { kind: "unchanged"; id: string };

/** Our type: refund only becomes before or after shipping by the goods state or the order. */
export function resolveType(
  i: Pick<Incoming, "type" | "goodsState" | "order" | "openedAt">,
): CaseType {
  if (i.type !== "refund_only") return i.type;
  const goods = (i.goodsState ?? "").trim();
  if (goods !== "")
    return /未发货|not.?shipped/i.test(goods) ? "refund_before_shipping" : "refund_after_shipping";
  return refundOnlyType(i.order?.shippedAt ?? null, i.openedAt);
}

export function resolutionOf(target: StateTarget, type: CaseType): Resolution | null {
  if (target.state !== "resolved") return null;
  return !target.outcome || target.outcome === "success" ? successResolution(type) : target.outcome;
}

export const caseEvent = (
  workspaceId: string,
  caseId: string,
  at: string,
  kind: string,
  message: Message,
  from: CaseState | null = null,
  to: CaseState | null = null,
): CaseEventRow => ({
  workspaceId,
  id: newId(),
  caseId,
  at,
  actorMemberId: null,
  kind,
  fromState: from,
  toState: to,
  message: storeMessage(message),
});

const stateMsg = (s: CaseState) => msg(`case.state.${s}`);

function lineRows(workspaceId: string, caseId: string, lines: IncomingLine[]): CaseLineRow[] {
  return lines.map((l, i) => ({
    workspaceId,
    caseId,
    lineNo: i + 1,
    orderLineNo: null,
    title: l.title,
    sku: l.sku,
    quantity: l.quantity,
    amountFen: l.amountFen ?? null,
  }));
}

/** The milestones a state implies when first reached from a source (its own times where it has them). */
function impliedMilestones(
  i: Incoming,
  state: CaseState,
  target: StateTarget,
  at: string,
  have: Pick<CaseRow, "firstResponseAt" | "decidedAt" | "resolvedAt">,
) {
  const when = i.updatedAt ?? i.completedAt ?? at;
  const end = i.completedAt ?? i.updatedAt ?? at;
  const out: Partial<Pick<CaseRow, "firstResponseAt" | "decidedAt" | "resolvedAt">> = {};
  if (!isOpen(state) && !have.resolvedAt) out.resolvedAt = end;
  if (decidedIn(target) && !have.decidedAt)
    out.decidedAt = out.resolvedAt && out.resolvedAt < when ? out.resolvedAt : when;
  if (state !== "new" && !have.firstResponseAt)
    out.firstResponseAt = out.decidedAt ?? have.decidedAt ?? when;
  return out;
}

/** The case to create from a source. */
export function planCreate(
  workspaceId: string,
  i: Incoming,
  at: string,
  importId: string | null,
): Extract<CasePlan, { kind: "create" }> {
  const id = newId();
  const type = resolveType(i);
  const state = i.target.state;
  const resolution = resolutionOf(i.target, type);
  const none = { firstResponseAt: null, decidedAt: null, resolvedAt: null };
  const times = { ...none, ...impliedMilestones(i, state, i.target, at, none) };
  // Steps taken on the platform before Dayclear saw the case, when the source gives no time for
  // them (neither an update nor a completion time): their clocks are not measured
  // (docs/AFTERSALES.md).
  const timeless = !i.updatedAt && !i.completedAt;
  const unmeasured = timeless
    ? (
        [
          ["firstResponse", times.firstResponseAt],
          ["decision", times.decidedAt],
          ["resolution", times.resolvedAt],
        ] as const
      )
        .filter(([, t]) => t !== null)
        .map(([k]) => k)
    : [];
  const refundFen = resolution === "refunded" ? (i.refundFen ?? i.requestedFen) : i.refundFen;
  const row: CaseRow = {
    workspaceId,
    id,
    shopId: i.shopId,
    platform: i.platform,
    caseKey: i.caseKey,
    platformCaseId: i.platformCaseId,
    source: i.source,
    orderId: i.order?.id ?? null,
    platformOrderId: i.platformOrderId,
    customerKey: i.order?.customerKey ?? null,
    type,
    platformType: i.platformType,
    state,
    resolution,
    platformState: i.platformState,
    reason: i.reason,
    reasonCode: reasonCode(i.reason),
    currency: i.currency,
    requestedFen: i.requestedFen,
    refundFen,
    returnCarrier: i.returnCarrier,
    returnWaybill: i.returnWaybill,
    inspection: null,
    inspectionNote: null,
    assigneeMemberId: null,
    openedAt: i.openedAt,
    ...times,
    platformDeadlineAt: i.deadlineAt,
    dueAt: platformDue(state, i.deadlineAt),
    slaUnmeasured: unmeasured.length ? unmeasured.join(",") : null,
    raw: JSON.stringify(i.raw),
    importId,
    version: 1,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  };
  const events = [
    i.file
      ? caseEvent(
          workspaceId,
          id,
          at,
          "imported",
          msg("case.history.imported", { file: i.file, state: stateMsg(state) }),
          null,
          state,
        )
      : caseEvent(
          workspaceId,
          id,
          at,
          "created",
          msg("case.history.created", {
            actor: msg("case.history.system"),
            source: msg(`case.source.${i.source}`),
          }),
          null,
          state,
        ),
  ];
  return {
    kind: "create",
    row,
    lines: lineRows(workspaceId, id, i.lines),
    events,
    // Waiting for the buyer since a time the source does not give: since the opening, as far as the
    // clocks can know (the time before Dayclear saw the case is not the team's to answer for).
    pause: state === "waiting_buyer" ? { open: i.updatedAt ?? i.openedAt } : {},
  };
}

const sameLines = (a: CaseLineRow[], b: IncomingLine[]) =>
  a.length === b.length &&
  a.every(
    (l, k) => l.title === b[k]!.title && l.sku === b[k]!.sku && l.quantity === b[k]!.quantity,
  );

/**
 * What a source changes on a stored case (`lines`: the stored lines). A re-keyed case (a refund
 * an order export carried, now known by the platform's case id) takes the new key.
 */
export function planUpdate(
  existing: CaseRow,
  lines: CaseLineRow[],
  i: Incoming,
  at: string,
  importId: string | null,
): CasePlan {
  const ws = existing.workspaceId;
  const fields: Partial<CaseRow> = {};
  const events: CaseEventRow[] = [];
  const pause: PauseOp = {};
  const changed: string[] = [];
  const set = <K extends keyof CaseRow>(k: K, v: CaseRow[K]) => {
    if (existing[k] !== v) {
      fields[k] = v;
      changed.push(k);
    }
  };
  if (existing.caseKey !== i.caseKey) {
    set("caseKey", i.caseKey);
    set("platformCaseId", i.platformCaseId);
    set("source", i.source);
  }
  if (!existing.orderId && i.order) {
    set("orderId", i.order.id);
    set("customerKey", i.order.customerKey);
    events.push(
      caseEvent(
        ws,
        existing.id,
        at,
        "linked",
        msg("case.history.linked", { order: i.order.platformOrderId }),
      ),
    );
  }
  const type = resolveType({ ...i, order: i.order ?? null });
  if (i.platformType !== null && i.platformType !== existing.platformType) {
    set("platformType", i.platformType);
    set("type", type);
  }
  let state = existing.state as CaseState;
  const platformMoved =
    i.platformState !== null &&
    normalizeCode(i.platformState) !== normalizeCode(existing.platformState ?? "");
  if (platformMoved) {
    set("platformState", i.platformState);
    const to = i.target.state;
    const resolution = resolutionOf(i.target, (fields.type ?? existing.type) as CaseType);
    if (to !== state || resolution !== existing.resolution) {
      events.push(
        caseEvent(
          ws,
          existing.id,
          at,
          "platform",
          msg("case.history.platform_moved", {
            platformState: i.platformState!,
            from: stateMsg(state),
            to: stateMsg(to),
          }),
          state,
          to,
        ),
      );
      const p = pauseChange(state, to);
      if (p === "open") pause.open = i.updatedAt ?? at;
      if (p === "close") pause.close = i.updatedAt ?? at;
      set("state", to);
      set("resolution", resolution);
      if (isOpen(to)) set("resolvedAt", null);
      state = to;
    }
    const times = impliedMilestones(i, state, i.target, at, {
      ...existing,
      resolvedAt: fields.resolvedAt === null ? null : existing.resolvedAt,
    });
    for (const [k, v] of Object.entries(times)) set(k as "decidedAt", v);
  }
  set("reason", i.reason ?? existing.reason);
  set("reasonCode", reasonCode(fields.reason ?? existing.reason));
  set("requestedFen", i.requestedFen);
  const resolution = (fields.resolution ?? existing.resolution) as Resolution | null;
  const refund =
    i.refundFen ??
    (resolution === "refunded" && platformMoved ? i.requestedFen : existing.refundFen);
  set("refundFen", refund);
  set("currency", i.currency);
  if (i.deadlineAt !== null) set("platformDeadlineAt", i.deadlineAt);
  if (i.returnWaybill) set("returnWaybill", i.returnWaybill);
  if (i.returnCarrier) set("returnCarrier", i.returnCarrier);
  set("dueAt", platformDue(state, fields.platformDeadlineAt ?? existing.platformDeadlineAt));
  const newLines =
    i.lines.length && !sameLines(lines, i.lines) ? lineRows(ws, existing.id, i.lines) : null;
  if (changed.length === 0 && !newLines && events.length === 0)
    return { kind: "unchanged", id: existing.id };
  const visible = changed.filter(
    (k) =>
      ![
        "platformState",
        "state",
        "resolution",
        "dueAt",
        "reasonCode",
        "resolvedAt",
        "decidedAt",
        "firstResponseAt",
        "orderId",
        "customerKey",
      ].includes(k),
  );
  if (i.file && (visible.length || newLines))
    events.push(
      caseEvent(
        ws,
        existing.id,
        at,
        "updated",
        msg("case.history.updated", {
          file: i.file,
          fields: [...visible, ...(newLines ? ["lines"] : [])],
        }),
      ),
    );
  fields.raw = JSON.stringify(i.raw);
  fields.importId = importId ?? existing.importId;
  fields.updatedAt = at;
  return {
    kind: "update",
    id: existing.id,
    version: existing.version,
    fields,
    lines: newLines,
    events,
    pause,
  };
}
