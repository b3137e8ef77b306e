// Return parcels at the pack station (docs/AFTERSALES.md "Return parcels", docs/LOGISTICS.md "Return
// parcels"): the logistics module scans a return's waybill and calls `receiveReturnParcel`, which
// moves the after-sales cases whose return waybill it is to `received` through the cases' own checked
// transitions (core/aftersales/cases.ts), each move written to the case's history and the audit log,
// as a person's move would be. The logistics module never writes the case tables itself. The caller
// has checked its own right (logistics.pack: the people who receive parcels) and passes the handle of
// its transaction, so the scan event and the cases' moves are one unit of work; the live events come
// back with the answer and go out once that transaction has committed (`publishReturnParcel`) — a
// page that refetched on an event sent before the commit would read the case still waiting.
import type { Actor } from "../../core/actor.js";
import {
  checkTransition,
  milestones,
  platformDue,
  type CaseState,
  type CaseType,
  type InspectionResult,
} from "../../core/aftersales/cases.js";
import { fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, storeMessage, type Message } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { audit, type LiveEvent, type ServiceDeps } from "../shared/context.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import { CaseRepository, type CaseRow } from "./cases.repository.js";
import { refreshSla } from "./sla-clocks.js";

/**
 * What a return scan did to one case: `received` (moved to received now), `already_received` (it
 * was received or inspected before), `finished` (resolved or closed: the parcel must not be taken in
 * silently), `not_returning` (a type whose goods do not come back, not waiting for a return).
 */
export type ReturnReceiptOutcome = "received" | "already_received" | "finished" | "not_returning";

export interface ReturnReceipt {
  caseId: string;
  /** The platform's case number, else ours. */
  caseNumber: string;
  platformOrderId: string | null;
  type: CaseType;
  from: CaseState;
  state: CaseState;
  outcome: ReturnReceiptOutcome;
}

export interface ReturnParcel {
  receipts: ReturnReceipt[];
  /** The workspace inspects returned goods before refunding them (after-sales settings). */
  inspectBeforeRefund: boolean;
  /** The live events of the moves, for `publishReturnParcel` once the transaction has committed. */
  events: LiveEvent[];
}

/** The cases whose return waybill is `waybill` (normalised: upper case, no spaces), oldest first. */
export const casesWithReturnWaybill = (
  db: Executor,
  workspaceId: string,
  waybill: string,
): Promise<CaseRow[]> => new CaseRepository(db).byReturnWaybill(workspaceId, waybill);

/**
 * The return parcel `waybill` has arrived: each case waiting for it moves to `received`. A case
 * still new or in progress whose type returns goods first moves to waiting for the buyer (the goods
 * are here, so the return was agreed), then to received — two moves in its history, as the table
 * allows. `db` must be the caller's transaction handle.
 */
export async function receiveReturnParcel(
  db: Executor,
  actor: Actor,
  waybill: string,
  at: string,
): Promise<ReturnParcel> {
  const ws = actor.workspaceId;
  const repo = new CaseRepository(db);
  const cases = await repo.byReturnWaybill(ws, waybill);
  const rules = await new CaseSourceRepository(db).settings(ws);
  const me = (await repo.memberNames(ws, [actor.memberId])).get(actor.memberId) ?? "";
  const receipts: ReturnReceipt[] = [];
  const events: LiveEvent[] = [];
  for (const c of cases) {
    const from = c.state as CaseState;
    const type = c.type as CaseType;
    const base = {
      caseId: c.id,
      caseNumber: c.platformCaseId ?? c.id,
      platformOrderId: c.platformOrderId,
      type,
      from,
      state: from,
    };
    if (from === "received" || from === "inspected") {
      receipts.push({ ...base, outcome: "already_received" });
      continue;
    }
    if (from === "resolved" || from === "closed") {
      receipts.push({ ...base, outcome: "finished" });
      continue;
    }
    const path: CaseState[] =
      from === "waiting_buyer" ? ["received"] : ["waiting_buyer", "received"];
    const inspection = c.inspection as InspectionResult | null;
    let state: CaseState = from;
    const refused = path.some((to) => {
      const no = checkTransition({ type, state, inspection }, { to }, rules);
      state = to;
      return no !== null;
    });
    if (refused) {
      receipts.push({ ...base, outcome: "not_returning" });
      continue;
    }
    let current = c;
    let prev: CaseState = from;
    for (const to of path) {
      const last = to === "received";
      const fields: Partial<CaseRow> = {
        state: to,
        ...milestones(current, prev, to, at),
        dueAt: platformDue(to, current.platformDeadlineAt),
        updatedAt: at,
      };
      if (!(await repo.update(ws, c.id, current.version, fields)))
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("case.entity.case"), current: current.version + 1 },
          { extra: { currentVersion: current.version + 1 } },
        );
      current = { ...current, ...fields, version: current.version + 1 };
      const message: Message = last
        ? msg("case.history.return_received", {
            actor: me,
            waybill,
            from: msg(`case.state.${prev}`),
            to: msg(`case.state.${to}`),
          })
        : msg("case.history.moved", {
            actor: me,
            from: msg(`case.state.${prev}`),
            to: msg(`case.state.${to}`),
          });
      await repo.addEvents([
        {
          workspaceId: ws,
          id: newId(),
          caseId: c.id,
          at,
          actorMemberId: actor.via === "system" ? null : actor.memberId,
          kind: "transition",
          fromState: prev,
          toState: to,
          message: storeMessage(message),
        },
      ]);
      await audit(db, actor, at, {
        action: "aftersales.case.transition",
        entityType: "aftersales_case",
        entityId: c.id,
        message: msg("audit.aftersales.case_moved", {
          case: c.platformCaseId ?? c.id,
          caseId: c.id,
          from: msg(`case.state.${prev}`),
          to: msg(`case.state.${to}`),
        }),
        before: { state: prev, version: current.version - 1 },
        after: { state: to, ...(last ? { returnWaybill: waybill, via: "pack_station" } : {}) },
      });
      prev = to;
    }
    // Waiting for the buyer paused the clocks; the goods are here, so the pause ends now.
    if (from === "waiting_buyer") await repo.closePause(ws, c.id, at);
    receipts.push({ ...base, state: "received", outcome: "received" });
    events.push({ type: "aftersales.cases.changed", caseId: c.id });
  }
  // The moved cases' SLA clocks: their dueAt and any alert (docs/AFTERSALES.md, "SLA").
  const moved = receipts.filter((r) => r.outcome === "received").map((r) => r.caseId);
  if (moved.length) events.push(...(await refreshSla(db, ws, moved, at)).events);
  return { receipts, inspectBeforeRefund: rules.inspectBeforeRefund, events };
}

/** Sends a return parcel's live events; call it after the transaction that received it committed. */
export function publishReturnParcel(
  deps: Pick<ServiceDeps, "events">,
  workspaceId: string,
  parcel: ReturnParcel | undefined,
): void {
  for (const e of parcel?.events ?? []) deps.events?.publish(workspaceId, e);
}
