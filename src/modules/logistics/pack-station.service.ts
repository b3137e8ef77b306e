// The pack station (docs/LOGISTICS.md, part scan): scan a parcel's slip (its id barcode, or an order
// number), then its waybill; the parcel gets the waybill, the carrier (from the number's pattern when
// it is unambiguous, else the packer's choice or the parcel's), the weight, the packer and the time,
// and is shipped. The orders' own state is not rewritten: the platform's next export does that.
// A wrong parcel, an order already shipped, refunded in full, cancelled or unpaid stop the packer:
// nothing is written but the scan event. Every scan is a row of scan_events with its outcome.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import {
  carrierCodeFromWaybill,
  localMinute,
  normalizeCode,
  parcelStop,
  stopsPacker,
  waybillNumber,
  type ScanOutcome,
  type Stop,
} from "../../core/logistics/scan.js";
import { msg, storeMessage, type Message } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import type { ParcelsTable } from "../../db/schema.js";
import {
  casesWithReturnWaybill,
  publishReturnParcel,
  receiveReturnParcel,
  type ReturnParcel,
  type ReturnReceiptOutcome,
} from "../aftersales/return-receipt.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository, type Carrier } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { resolveSlip, slipOf } from "./pack-slip.js";
import { parcelView, type ParcelView } from "./pack-station.presenter.js";
import { costParcel } from "./parcel-cost.js";
import { isWaybillTaken, ScanRepository, type ParcelOrder } from "./scan.repository.js";

export type { ParcelView } from "./pack-station.presenter.js";

export type ScanStep = "slip" | "waybill" | "typed" | "return";

/** A case a return scan touched (step return): what it was, what it is now. */
export interface ReturnCaseView {
  id: string;
  caseNumber: string;
  platformOrderId: string | null;
  from: string;
  state: string;
  outcome: ReturnReceiptOutcome;
}

export interface ScanResult {
  step: ScanStep;
  outcome: ScanOutcome;
  /** True when the packer must stop and acknowledge (see STOP_OUTCOMES). */
  stop: boolean;
  message: Message;
  parcel: ParcelView | null;
  /** Step return: the after-sales cases whose return waybill was scanned. */
  cases?: ReturnCaseView[];
  eventId: string;
  at: string;
}

export interface WaybillInput {
  /** The slip as scanned at the first step: the parcel's id or an order number. */
  slip: string;
  waybill: string;
  /** The carrier the packer chose (its code), used when the number's pattern names none. */
  carrierCode?: string;
  weightG?: number;
  weightSource?: "scale" | "typed";
}

export class PackStationService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Step 1: the slip. Says which parcel it is and whether it may be packed; writes only the scan. */
  async scanSlip(actor: Actor, code: string): Promise<ScanResult> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const text = code.trim();
    if (text === "") throw fail("invalid", "scan.code_empty");
    return this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const repo = new ScanRepository(trx);
      const slip = await resolveSlip(repo, actor.workspaceId, text);
      const parcel = slip.parcel;
      if (!slip.ok)
        return this.record(trx, actor, "slip", text, at, slip.stop, parcel, slip.orders);
      const expect = parcel?.waybillNo ?? null;
      const message = msg(expect ? "scan.slip_ok_expect" : "scan.slip_ok", {
        orders: slip.orders.map((o) => o.platformOrderId),
        recipient: slip.orders[0]?.recipient ?? "",
        waybill: expect ?? "",
      });
      return this.record(
        trx,
        actor,
        "slip",
        text,
        at,
        { outcome: "ok", message },
        parcel,
        slip.orders,
      );
    });
  }

  /** Step 2: the waybill for the slip scanned first. Ships the parcel, or stops the packer. */
  async scanWaybill(actor: Actor, input: WaybillInput): Promise<ScanResult> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    return this.ship(actor, "waybill", input);
  }

  /**
   * A waybill typed by hand for a parcel (same checks as a scan). `version`, when given, must be the
   * parcel's (409 otherwise).
   */
  async typeWaybill(
    actor: Actor,
    parcelId: string,
    input: Omit<WaybillInput, "slip" | "weightSource"> & { version?: number },
  ): Promise<ScanResult> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const current = await new ScanRepository(this.deps.db).parcel(actor.workspaceId, parcelId);
    if (!current) throw fail("not_found", "shop.not_found", { what: msg("scan.entity.parcel") });
    if (input.version !== undefined && input.version !== current.version)
      throw fail(
        "conflict",
        "shop.stale",
        { what: msg("scan.entity.parcel"), current: current.version },
        { extra: { currentVersion: current.version } },
      );
    return this.ship(actor, "typed", { ...input, slip: parcelId, weightSource: "typed" });
  }

  /**
   * A return parcel (退货入库): the waybill on a parcel the buyer sent back. The after-sales cases
   * whose return waybill it is move to received (aftersales/return-receipt.ts: the cases' own
   * checked transitions, history and audit log) in the scan's transaction. A waybill that is no
   * return's — an outgoing parcel's, or nobody's — stops the packer, as does a case that has ended
   * or whose type takes no goods back; a return received before only says so.
   */
  async scanReturn(actor: Actor, code: string): Promise<ScanResult> {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const raw = code.trim();
    if (raw === "") throw fail("invalid", "scan.code_empty");
    const ws = actor.workspaceId;
    let received: ReturnParcel | undefined;
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const done = (s: Stop, cases?: ReturnCaseView[]) =>
        this.record(trx, actor, "return", raw, at, s, null, [], cases);
      const waybill = waybillNumber(raw);
      if (!waybill)
        return done({ outcome: "invalid", message: msg("scan.waybill_invalid", { code: raw }) });
      const repo = new ScanRepository(trx);
      if ((await casesWithReturnWaybill(trx, ws, waybill)).length === 0) {
        const outgoing = await repo.parcelsWithWaybill(ws, waybill, null);
        if (outgoing.length)
          return done({
            outcome: "unknown",
            message: msg("scan.return_is_outgoing", {
              waybill,
              orders: (await repo.ordersOf(ws, outgoing[0]!.id)).map((o) => o.platformOrderId),
            }),
          });
        return done({ outcome: "unknown", message: msg("scan.return_unknown", { waybill }) });
      }
      const got = await receiveReturnParcel(trx, actor, waybill, at);
      received = got;
      const cases: ReturnCaseView[] = got.receipts.map((r) => ({
        id: r.caseId,
        caseNumber: r.caseNumber,
        platformOrderId: r.platformOrderId,
        from: r.from,
        state: r.state,
        outcome: r.outcome,
      }));
      const numbers = (o: ReturnReceiptOutcome) =>
        got.receipts.filter((r) => r.outcome === o).map((r) => r.caseNumber);
      const orders = (o: ReturnReceiptOutcome) =>
        got.receipts.filter((r) => r.outcome === o).map((r) => r.platformOrderId ?? "");
      const refused = got.receipts.find(
        (r) => r.outcome === "finished" || r.outcome === "not_returning",
      );
      if (refused)
        return done(
          {
            outcome: "return_refused",
            message:
              refused.outcome === "finished"
                ? msg("scan.return_case_finished", {
                    waybill,
                    case: refused.caseNumber,
                    state: msg(`case.state.${refused.from}`),
                  })
                : msg("scan.return_case_not_returning", {
                    waybill,
                    case: refused.caseNumber,
                    type: msg(`case.type.${refused.type}`),
                  }),
          },
          cases,
        );
      if (numbers("received").length)
        return done(
          {
            outcome: "ok",
            message: msg(
              got.inspectBeforeRefund ? "scan.return_received_inspect" : "scan.return_received",
              { waybill, cases: numbers("received"), orders: orders("received") },
            ),
          },
          cases,
        );
      return done(
        {
          outcome: "already_received",
          message: msg("scan.return_already", {
            waybill,
            cases: numbers("already_received"),
          }),
        },
        cases,
      );
    });
    // The cases' pages refetch on these: only once the moves are committed.
    publishReturnParcel(this.deps, ws, received);
    return result;
  }

  /** The latest scans (the packer's own with `mine`), newest first. */
  async recent(actor: Actor, q: { limit: number; mine?: boolean }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new ScanRepository(this.deps.db).scanEvents(actor.workspaceId, {
      limit: q.limit,
      ...(q.mine ? { memberId: actor.memberId } : {}),
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      memberId: r.memberId,
      step: r.step,
      code: r.code,
      parcelId: r.parcelId,
      outcome: r.outcome as ScanOutcome,
      stop: stopsPacker(r.outcome as ScanOutcome),
      message: JSON.parse(r.message) as Message,
    }));
  }

  /**
   * Ships the parcel of the slip with the waybill. Two packers writing one number at once: the
   * database's unique index refuses the second write, and the scan runs again — its check now
   * finds the number on the other parcel and says so.
   */
  private async ship(actor: Actor, step: ScanStep, input: WaybillInput): Promise<ScanResult> {
    try {
      return await this.shipOnce(actor, step, input);
    } catch (e) {
      if (!isWaybillTaken(e)) throw e;
      return this.shipOnce(actor, step, input);
    }
  }

  private async shipOnce(actor: Actor, step: ScanStep, input: WaybillInput): Promise<ScanResult> {
    const ws = actor.workspaceId;
    const raw = input.waybill.trim();
    if (raw === "") throw fail("invalid", "scan.code_empty");
    return this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const repo = new ScanRepository(trx);
      const carriers = await new CarrierRepository(trx).list(ws, at);
      const chosen =
        input.carrierCode === undefined ? null : carrierByCode(carriers, input.carrierCode);
      if (input.carrierCode !== undefined && !chosen)
        throw fail(
          "invalid",
          "request.invalid",
          { fields: ["carrierCode"] },
          {
            fields: [
              {
                field: "carrierCode",
                message: "scan.carrier_unknown",
                code: "scan.carrier_unknown",
                params: { carrier: input.carrierCode },
              },
            ],
          },
        );
      const slip = await resolveSlip(repo, ws, input.slip.trim());
      const done = (s: Stop, parcel = slip.parcel, orders = slip.orders) =>
        this.record(trx, actor, step, raw, at, s, parcel, orders);
      if (!slip.ok) return done(slip.stop);
      const { parcel, orders } = slip;
      const numbers = orders.map((o) => o.platformOrderId);

      // A slip scanned where the waybill belongs: this parcel's own, or another parcel's.
      const asSlip = await slipOf(repo, ws, raw);
      if (asSlip) {
        const own = parcel ? asSlip.parcelIds.includes(parcel.id) : sameOrders(asSlip, orders);
        return done(
          own
            ? { outcome: "invalid", message: msg("scan.waybill_is_own_slip", { code: raw }) }
            : {
                outcome: "wrong_parcel",
                message: msg("scan.waybill_is_slip", { code: raw, orders: asSlip.numbers }),
              },
        );
      }
      const waybill = waybillNumber(raw);
      if (!waybill)
        return done({ outcome: "invalid", message: msg("scan.waybill_invalid", { code: raw }) });
      const others = await repo.parcelsWithWaybill(ws, waybill, parcel?.id ?? null);
      if (others.length) {
        const theirs = await repo.ordersOf(ws, others[0]!.id);
        // Typed by hand, a number already used is a typing error, not a box in the wrong hands:
        // refused as a conflict on the field (nothing written, no wrong shipment counted).
        if (step === "typed") {
          const params = {
            waybill,
            orders: theirs.map((o) => o.platformOrderId),
            mine: numbers,
          };
          throw fail("conflict", "scan.waybill_taken", params, {
            fields: [fieldError("waybill", "scan.waybill_taken", params)],
          });
        }
        return done({
          outcome: "wrong_parcel",
          message: msg("scan.waybill_used", {
            waybill,
            orders: theirs.map((o) => o.platformOrderId),
            mine: numbers,
          }),
        });
      }
      if (parcel?.waybillNo && normalizeCode(parcel.waybillNo) !== waybill)
        return done({
          outcome: "wrong_parcel",
          message: msg("scan.waybill_expected", {
            waybill,
            expected: parcel.waybillNo,
            orders: numbers,
          }),
        });
      const byPattern = carrierCodeFromWaybill(waybill);
      const carrier =
        (byPattern ? carrierByCode(carriers, byPattern) : null) ??
        chosen ??
        (parcel?.carrierId ? (carriers.find((c) => c.id === parcel.carrierId) ?? null) : null);
      if (!carrier)
        return done({
          outcome: "carrier_needed",
          message: msg("scan.carrier_needed", { waybill }),
        });

      const id =
        parcel?.id ??
        (await repo.createParcel({
          workspaceId: ws,
          shopId: orders[0]!.shopId,
          orderIds: orders.map((o) => o.id),
          province: orders[0]!.province,
          at,
        }));
      const before = parcel ?? (await repo.parcel(ws, id))!;
      const weightG = input.weightG ?? null;
      const written = await repo.writeWaybill(ws, id, before.version, {
        carrierId: carrier.id,
        waybillNo: waybill,
        // An imported waybill checked at the pack station stays "import": the number came from the file.
        waybillSource:
          before.waybillNo === waybill && before.waybillSource
            ? before.waybillSource
            : step === "typed"
              ? "typed"
              : "scan",
        weightG,
        weightSource: weightG === null ? null : (input.weightSource ?? "typed"),
        packedBy: actor.memberId,
        packedAt: at,
        shippedAt: before.shippedAt ?? at,
        updatedAt: at,
      });
      const after = (await repo.parcel(ws, id))!;
      if (!written) {
        // Someone packed or changed it a moment ago: say what it is now.
        const why = parcelStop(
          { ...after, orders: numbers },
          await repo.memberName(ws, after.packedBy),
        );
        return done(
          why ?? {
            outcome: "already_shipped",
            message: msg("scan.parcel_changed", { orders: numbers }),
          },
          after,
        );
      }
      // Its carrier and weight are known now: its cost from the carrier's card of the ship day.
      await costParcel(trx, ws, id);
      if (step === "typed")
        await audit(trx, actor, at, {
          action: "logistics.waybill.typed",
          entityType: "parcel",
          entityId: id,
          message: msg("audit.logistics.waybill_typed", {
            orders: numbers,
            waybill,
            carrier: carrier.name,
          }),
          before: {
            waybillNo: before.waybillNo,
            carrierId: before.carrierId,
            status: before.status,
          },
          after: { waybillNo: waybill, carrierId: carrier.id, status: "shipped" },
        });
      return done(
        {
          outcome: "ok",
          message: msg(weightG === null ? "scan.shipped" : "scan.shipped_weight", {
            orders: numbers,
            carrier: carrier.name,
            waybill,
            kg: weightG === null ? "" : (weightG / 1000).toFixed(3),
          }),
        },
        after,
      );
    });
  }

  /** Writes the scan event and answers with the outcome and the parcel as it is now. */
  private async record(
    trx: Executor,
    actor: Actor,
    step: ScanStep,
    code: string,
    at: string,
    s: Stop,
    parcel: ParcelsTable | null,
    orders: ParcelOrder[],
    cases?: ReturnCaseView[],
  ): Promise<ScanResult> {
    const repo = new ScanRepository(trx);
    const ws = actor.workspaceId;
    // Times in messages read on the workspace's wall clock.
    let message = s.message;
    if (message.params && typeof message.params.at === "string")
      message = {
        ...message,
        params: { ...message.params, at: localMinute(message.params.at, await repo.timeZone(ws)) },
      };
    const eventId = newId();
    await repo.recordScans([
      {
        workspaceId: ws,
        id: eventId,
        memberId: actor.memberId,
        at,
        code: code.slice(0, 200),
        parcelId: parcel?.id ?? null,
        outcome: s.outcome,
        message: storeMessage(message),
        step,
      },
    ]);
    return {
      step,
      outcome: s.outcome,
      stop: stopsPacker(s.outcome),
      message,
      parcel: orders.length ? await parcelView(trx, ws, parcel, orders, at) : null,
      ...(cases ? { cases } : {}),
      eventId,
      at,
    };
  }
}

const carrierByCode = (carriers: Carrier[], code: string): Carrier | null => {
  const c = normalizeCode(code);
  return carriers.find((x) => x.active && normalizeCode(x.code) === c) ?? null;
};

const sameOrders = (a: { orderIds: string[] }, orders: ParcelOrder[]) =>
  a.orderIds.length > 0 && a.orderIds.every((id) => orders.some((o) => o.id === id));
