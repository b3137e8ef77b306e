// Carrier bills (对账单) imported and reconciled against computed parcel costs (docs/LOGISTICS.md,
// part cost). A bill file (CSV in GBK or UTF-8, or XLSX; columns found by their names or a saved
// mapping) is read whole: any problem and nothing is stored, every problem named by row and column.
// Each waybill line is then matched to the parcel with that waybill number and its computed cost
// (costed on the spot when the parcel has none yet), and gets one status (core/logistics/
// reconcile.ts): re-weighed, overcharged, undercharged, unknown, charged again, not costed, or ok.
// The bill can be reconciled again once parcels are costed or re-weighed.
import type { Actor } from "../../core/actor.js";
import {
  parseBillRecords,
  type BillLine,
  type BillMapping,
  type WeightUnit,
} from "../../core/logistics/bill-file.js";
import {
  DEFAULT_WEIGHT_TOLERANCE_G,
  reconcileLine,
  totalsOfGroups,
  type BillLineStatus,
} from "../../core/logistics/reconcile.js";
import { DomainError, fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import { formatMoney } from "../../core/money.js";
import {
  fileProblem,
  problemFields,
  refusalMessage,
  type ImportWarning,
  type Problem,
} from "../../core/orders/index.js";
import type { Executor } from "../../db/database.js";
import type { CarrierBillLinesTable, CarrierBillsTable } from "../../db/schema.js";
import { readSource } from "../orders/order-files.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierBillRepository, type BillParcel } from "./bills.repository.js";
import { CarrierRepository, type Carrier } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { costParcels } from "./parcel-cost.js";

/** A refused bill file: every problem with its row and column. */
export class BillImportRejected extends DomainError {
  constructor(readonly problems: Problem[]) {
    const headline = refusalMessage(problems);
    super(
      "invalid",
      `${headline.code} ${JSON.stringify(headline.params ?? {})}`,
      problemFields(problems),
      { problems: problems.slice(0, 1000) },
      headline,
    );
  }
}

export interface BillImportInput {
  carrierId: string;
  fileName: string;
  bytes: Uint8Array | null;
  /** The month the bill covers (YYYY-MM), as the carrier names it; optional. */
  period?: string;
  /** Grams the carrier's weight may differ from ours before a line counts as re-weighed. */
  toleranceG?: number;
  /** A saved mapping's name, for a layout the aliases do not find. */
  mapping?: string;
}

export interface MappingInput {
  name: string;
  waybill: string;
  fee: string;
  weight?: string | null;
  weightUnit?: WeightUnit;
}

const money = (fen: number) => formatMoney(fen);
const moneyOrNull = (fen: number | null) => (fen === null ? null : formatMoney(fen));

const billNotFound = () => fail("not_found", "bill.not_found", { what: msg("bill.entity.bill") });
const mappingNotFound = () =>
  fail("not_found", "bill.not_found", { what: msg("bill.entity.mapping") });

export type BillView = Awaited<ReturnType<CarrierBillService["present"]>>[number];

export class CarrierBillService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Imports a bill for a carrier and reconciles it; all or nothing. */
  async importBill(
    actor: Actor,
    input: BillImportInput,
  ): Promise<BillView & { warnings: ImportWarning[] }> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const ws = actor.workspaceId;
    const file = input.fileName;
    if (input.bytes === null) throw fail("invalid", "upload.body_required");
    if (input.bytes.length === 0) throw new BillImportRejected([fileProblem(file, "upload.empty")]);
    if (input.bytes.length > LIMITS.importUploadMaxBytes)
      throw fail("invalid", "upload.too_large", {
        file,
        maxMb: LIMITS.importUploadMaxBytes / 1048576,
      });
    const at = nowIso(this.deps);
    const carrier = await this.carrier(this.deps.db, ws, input.carrierId, at);
    let mapping: BillMapping | undefined;
    if (input.mapping !== undefined) {
      const row = await new CarrierBillRepository(this.deps.db).mappingByName(ws, input.mapping);
      if (!row)
        throw fail(
          "invalid",
          "request.invalid",
          { fields: ["mapping"] },
          { fields: [fieldError("mapping", "bill.mapping_unknown", { mapping: input.mapping })] },
        );
      mapping = JSON.parse(row.mapping) as BillMapping;
    }
    const source = await readSource(file, input.bytes);
    if ("problem" in source) throw new BillImportRejected([source.problem]);
    const parsed = parseBillRecords(file, source.table.records, {
      mapping,
      mappingName: input.mapping,
    });
    if (parsed.problems.length) throw new BillImportRejected(parsed.problems);

    const id = newId();
    const toleranceG = input.toleranceG ?? DEFAULT_WEIGHT_TOLERANCE_G;
    const view = await this.deps.db.transaction().execute(async (trx) => {
      const bill: CarrierBillsTable = {
        workspaceId: ws,
        id,
        carrierId: carrier.id,
        fileName: file,
        period: input.period ?? null,
        lines: 0,
        billedFen: 0,
        computedFen: 0,
        createdBy: actor.via === "system" ? null : actor.memberId,
        createdAt: at,
        toleranceG,
        encoding: source.table.encoding,
      };
      const repo = new CarrierBillRepository(trx);
      await repo.createBill(bill);
      const lines = await this.reconcile(trx, ws, bill, parsed.lines);
      await repo.insertLines(lines);
      const totals = await this.storeTotals(trx, ws, id);
      await audit(trx, actor, at, {
        action: "logistics.bill.import",
        entityType: "carrier_bill",
        entityId: id,
        message: msg("audit.logistics.bill_import", {
          file,
          carrier: carrier.name,
          lines: totals.lines,
          billed: totals.billedFen,
          over: totals.overchargedFen,
        }),
      });
      return (await this.present(trx, ws, [{ ...bill, lines: totals.lines }]))[0]!;
    });
    return { ...view, warnings: parsed.warnings };
  }

  /** Reconciles a bill again against the parcels as they are now (costs, weights, later waybills). */
  async reconcileAgain(actor: Actor, id: string): Promise<BillView> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const ws = actor.workspaceId;
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierBillRepository(trx);
      const bill = await repo.getBill(ws, id);
      if (!bill) throw billNotFound();
      const stored = await repo.linesOf(ws, id);
      const lines = await this.reconcile(
        trx,
        ws,
        bill,
        stored.map((l) => ({
          row: l.lineNo,
          rows: l.fileRows,
          waybill: l.waybillNo,
          weightG: l.weightG,
          feeFen: Number(l.feeFen),
        })),
      );
      await repo.deleteLines(ws, id);
      await repo.insertLines(lines);
      const totals = await this.storeTotals(trx, ws, id);
      await audit(trx, actor, at, {
        action: "logistics.bill.reconcile",
        entityType: "carrier_bill",
        entityId: id,
        message: msg("audit.logistics.bill_reconcile", {
          file: bill.fileName,
          lines: totals.lines,
          over: totals.overchargedFen,
        }),
      });
      return (await this.present(trx, ws, [bill]))[0]!;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const ws = actor.workspaceId;
    const at = nowIso(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierBillRepository(trx);
      const bill = await repo.getBill(ws, id);
      if (!bill) throw billNotFound();
      await repo.deleteBill(ws, id);
      await audit(trx, actor, at, {
        action: "logistics.bill.delete",
        entityType: "carrier_bill",
        entityId: id,
        message: msg("audit.logistics.bill_delete", {
          file: bill.fileName,
          lines: bill.lines,
          billed: Number(bill.billedFen),
        }),
      });
    });
  }

  async get(actor: Actor, id: string): Promise<BillView> {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const bill = await new CarrierBillRepository(this.deps.db).getBill(actor.workspaceId, id);
    if (!bill) throw billNotFound();
    return (await this.present(this.deps.db, actor.workspaceId, [bill]))[0]!;
  }

  /** Bills newest first. */
  async list(actor: Actor, page: { limit: number; cursor?: string; carrierId?: string }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new CarrierBillRepository(this.deps.db).listBills(
      actor.workspaceId,
      page.limit,
      page.cursor,
      page.carrierId,
    );
    const more = rows.length > page.limit;
    const items = await this.present(
      this.deps.db,
      actor.workspaceId,
      more ? rows.slice(0, page.limit) : rows,
    );
    return { items, nextCursor: more ? items.at(-1)!.id : null };
  }

  /** A page of a bill's lines in file order, filtered by status and waybill. */
  async lines(
    actor: Actor,
    id: string,
    q: { status?: BillLineStatus[]; waybill?: string; limit: number; cursor?: string },
  ) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const repo = new CarrierBillRepository(this.deps.db);
    const bill = await repo.getBill(actor.workspaceId, id);
    if (!bill) throw billNotFound();
    const after = q.cursor === undefined ? undefined : Number.parseInt(q.cursor, 10);
    if (after !== undefined && !Number.isSafeInteger(after))
      throw fail(
        "invalid",
        "request.invalid",
        { fields: ["cursor"] },
        { fields: [fieldError("cursor", "bill.bad_cursor")] },
      );
    const rows = await repo.linePage(actor.workspaceId, id, {
      statuses: q.status,
      waybill: q.waybill?.toUpperCase(),
      limit: q.limit,
      afterLine: after,
    });
    const more = rows.length > q.limit;
    const items = (more ? rows.slice(0, q.limit) : rows).map((l) => {
      const fee = Number(l.feeFen);
      const computed = l.computedFen === null ? null : Number(l.computedFen);
      return {
        row: l.lineNo,
        rows: l.fileRows,
        waybill: l.waybillNo,
        status: l.status as BillLineStatus,
        weightG: l.weightG,
        ourWeightG: l.ourWeightG,
        weightDiffG: l.weightG !== null && l.ourWeightG !== null ? l.weightG - l.ourWeightG : null,
        fee: money(fee),
        computed: moneyOrNull(computed),
        diff: computed === null ? null : money(fee - computed),
        parcelId: l.parcelId,
        shop: l.shopName ?? null,
        province: l.province ?? null,
        shippedAt: l.shippedAt ?? null,
        duplicateOf:
          l.duplicateOf === null ? null : { id: l.duplicateOf, fileName: l.duplicateFile ?? "" },
      };
    });
    return { items, nextCursor: more ? String(items.at(-1)!.row) : null };
  }

  // Saved mappings for bill files of other layouts.

  async mappings(actor: Actor) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new CarrierBillRepository(this.deps.db).mappings(actor.workspaceId);
    return { items: rows.map(presentMapping), nextCursor: null };
  }

  async createMapping(actor: Actor, input: MappingInput) {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const name = input.name.trim();
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierBillRepository(trx);
      if (await repo.mappingByName(actor.workspaceId, name))
        throw fail("conflict", "bill.mapping_name_taken", { name });
      const row = {
        workspaceId: actor.workspaceId,
        id: newId(),
        kind: "bill" as const,
        shopId: null,
        platform: null,
        name,
        mapping: JSON.stringify(mappingOf(input)),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.createMapping(row);
      await audit(trx, actor, at, {
        action: "logistics.bill_mapping.create",
        entityType: "logistics_mapping",
        entityId: row.id,
        message: msg("audit.logistics.bill_mapping_save", { mapping: name }),
      });
      return presentMapping(row);
    });
  }

  async updateMapping(actor: Actor, id: string, input: MappingInput & { version: number }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const name = input.name.trim();
    const at = nowIso(this.deps);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierBillRepository(trx);
      const current = await repo.mapping(actor.workspaceId, id);
      if (!current) throw mappingNotFound();
      const other = await repo.mappingByName(actor.workspaceId, name);
      if (other && other.id !== id) throw fail("conflict", "bill.mapping_name_taken", { name });
      const updated = await repo.updateMapping(actor.workspaceId, id, input.version, {
        name,
        mapping: JSON.stringify(mappingOf(input)),
        updatedAt: at,
      });
      if (!updated)
        throw fail(
          "conflict",
          "bill.stale",
          { what: msg("bill.entity.mapping"), current: current.version },
          { extra: { currentVersion: current.version } },
        );
      await audit(trx, actor, at, {
        action: "logistics.bill_mapping.update",
        entityType: "logistics_mapping",
        entityId: id,
        message: msg("audit.logistics.bill_mapping_save", { mapping: name }),
      });
      return presentMapping(updated);
    });
  }

  async deleteMapping(actor: Actor, id: string): Promise<void> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const at = nowIso(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new CarrierBillRepository(trx);
      const current = await repo.mapping(actor.workspaceId, id);
      if (!current) throw mappingNotFound();
      await repo.deleteMapping(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "logistics.bill_mapping.delete",
        entityType: "logistics_mapping",
        entityId: id,
        message: msg("audit.logistics.bill_mapping_delete", { mapping: current.name }),
      });
    });
  }

  // Internals.

  private async carrier(db: Executor, ws: string, carrierId: string, at: string): Promise<Carrier> {
    const carrier = (await new CarrierRepository(db).list(ws, at)).find((c) => c.id === carrierId);
    if (!carrier)
      throw fail(
        "invalid",
        "request.invalid",
        { fields: ["carrierId"] },
        { fields: [fieldError("carrierId", "bill.no_such_carrier")] },
      );
    return carrier;
  }

  /**
   * The lines matched and judged: the waybill's parcel of this carrier (or of no carrier yet),
   * costed now when it has no cost, and the first earlier bill that charged it.
   */
  private async reconcile(
    trx: Executor,
    ws: string,
    bill: CarrierBillsTable,
    lines: readonly BillLine[],
  ): Promise<CarrierBillLinesTable[]> {
    const repo = new CarrierBillRepository(trx);
    const waybills = lines.map((l) => l.waybill);
    const parcels = new Map<string, BillParcel>();
    for (const p of await repo.parcelsByWaybills(ws, waybills)) {
      if (p.carrierId !== null && p.carrierId !== bill.carrierId) continue;
      const seen = parcels.get(p.waybillNo);
      // The carrier's own parcel before one with no carrier yet.
      if (!seen || (seen.carrierId === null && p.carrierId !== null)) parcels.set(p.waybillNo, p);
    }
    const uncosted = [...parcels.values()].filter((p) => p.costFen === null).map((p) => p.id);
    if (uncosted.length) {
      await costParcels(trx, ws, uncosted);
      const now = await repo.parcelCosts(ws, uncosted);
      for (const p of parcels.values()) {
        const c = now.get(p.id);
        if (c) Object.assign(p, c);
      }
    }
    const earlier = await repo.earlierBills(
      ws,
      [...parcels.values()].map((p) => p.id),
      bill.id,
    );
    return lines.map((l) => {
      const parcel = parcels.get(l.waybill) ?? null;
      const before = parcel === null ? undefined : earlier.get(parcel.id);
      const v = reconcileLine(
        {
          feeFen: l.feeFen,
          billedWeightG: l.weightG,
          parcel,
          billedBefore: before !== undefined,
        },
        bill.toleranceG,
      );
      return {
        workspaceId: ws,
        billId: bill.id,
        lineNo: l.row,
        waybillNo: l.waybill,
        weightG: l.weightG,
        feeFen: l.feeFen,
        parcelId: parcel?.id ?? null,
        computedFen: parcel?.costFen ?? null,
        status: v.status,
        ourWeightG: parcel?.weightG ?? null,
        fileRows: l.rows,
        duplicateOf: v.status === "duplicate" ? before! : null,
      };
    });
  }

  private async storeTotals(trx: Executor, ws: string, id: string) {
    const groups = (await new CarrierBillRepository(trx).statusGroups(ws, [id])).get(id) ?? [];
    const totals = totalsOfGroups(groups);
    await new CarrierBillRepository(trx).setBillTotals(ws, id, {
      lines: totals.lines,
      billedFen: totals.billedFen,
      computedFen: totals.computedFen,
    });
    return totals;
  }

  /** Bills as the API shows them: the carrier, the file, and the totals in yuan. */
  async present(db: Executor, ws: string, bills: readonly CarrierBillsTable[]) {
    const repo = new CarrierBillRepository(db);
    const groups = await repo.statusGroups(
      ws,
      bills.map((b) => b.id),
    );
    const carriers = new Map(
      (await new CarrierRepository(db).list(ws, nowIso(this.deps))).map((c) => [c.id, c]),
    );
    return bills.map((b) => {
      const t = totalsOfGroups(groups.get(b.id) ?? []);
      const c = carriers.get(b.carrierId);
      return {
        id: b.id,
        carrier: { id: b.carrierId, code: c?.code ?? "", name: c?.name ?? "" },
        fileName: b.fileName,
        encoding: b.encoding,
        period: b.period,
        toleranceG: b.toleranceG,
        createdAt: b.createdAt,
        createdBy: b.createdBy,
        totals: {
          lines: t.lines,
          billed: money(t.billedFen),
          computed: money(t.computedFen),
          matchedBilled: money(t.matchedBilledFen),
          overcharged: money(t.overchargedFen),
          undercharged: money(t.underchargedFen),
          unknown: money(t.unknownFen),
          duplicate: money(t.duplicateFen),
          notCosted: money(t.notCostedFen),
          reweighedDiff: money(t.reweighedDiffFen),
          counts: t.counts,
        },
      };
    });
  }
}

const mappingOf = (m: MappingInput): BillMapping => ({
  waybill: m.waybill.trim(),
  fee: m.fee.trim(),
  weight: m.weight?.trim() ? m.weight.trim() : null,
  weightUnit: m.weightUnit ?? "kg",
});

function presentMapping(r: {
  id: string;
  name: string;
  mapping: string;
  version: number;
  updatedAt: string;
}) {
  const m = JSON.parse(r.mapping) as BillMapping;
  return {
    id: r.id,
    name: r.name,
    waybill: m.waybill,
    fee: m.fee,
    weight: m.weight ?? null,
    weightUnit: m.weightUnit ?? ("kg" as WeightUnit),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}
