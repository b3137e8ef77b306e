// Rate cards per carrier contract, versioned by valid-from date (a card applies from its day until
// the next card of that carrier): import (CSV/XLSX rows or dayclear.rate-card/v1 JSON; all or nothing,
// problems with row and column), list, read, export, delete; quotes for one carrier or every
// carrier, cheapest first, with the carriers left out and why; re-costing the parcels after a card
// changes (parcel-cost.ts). Everyone reads; the owner and the leads holding the logistics function
// import, delete and re-cost.
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { DomainError, fail, fieldError, type FieldError } from "../../core/errors.js";
import {
  cardV1,
  compileRateCard,
  DEFAULT_SETTINGS,
  formatKg,
  jsonLocator,
  parseDims,
  parseKg,
  RATE_LIMITS,
  type RateCard,
  type RateCardV1,
} from "../../core/logistics/rate-card.js";
import {
  isRateCardJson,
  readRateCardJson,
  readRateCardRecords,
  withOptions,
  type ReadCard,
} from "../../core/logistics/rate-card-file.js";
import { quoteCard, type Dims } from "../../core/logistics/rate-quote.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type Message } from "../../core/messages/index.js";
import { formatMoney, parseMoney } from "../../core/money.js";
import { decodeBytes } from "../../core/orders/decode.js";
import {
  fileProblem,
  placedProblem,
  problemFields,
  type Problem,
} from "../../core/orders/index.js";
import { findProvince } from "../../core/orders/provinces.js";
import { readSource } from "../orders/order-files.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { CarrierRepository, type Carrier } from "./carriers.repository.js";
import { authorizeLogistics } from "./logistics.access.js";
import { recostParcels } from "./parcel-cost.js";
import { ParcelCostRepository } from "./parcel-cost.repository.js";
import { RateCardRepository, type RateCardRow } from "./rates.repository.js";

/** A refused rate card: every problem with its file, row and column; nothing was stored. */
export class RateCardRejected extends DomainError {
  constructor(readonly problems: Problem[]) {
    const first = problems[0]!;
    const headline = first.code.startsWith("upload.")
      ? msg(first.code, first.params)
      : msg("rates.import.refused", { count: problems.length, first: placedProblem(first) });
    super(
      "invalid",
      `${headline.code} ${JSON.stringify(headline.params ?? {})}`,
      problemFields(problems),
      { problems: problems.slice(0, 1000) },
      headline,
    );
  }
}

export interface ImportCardInput {
  /** The carrier's id or code. */
  carrier: string;
  fileName: string;
  bytes: Uint8Array | null;
  validFrom?: string;
  divisor?: number | "none";
  volumetric?: string;
  stepRounding?: "1" | "0.5";
  /** Told how the re-cost of the carrier's parcels goes (parcels done, total), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface QuoteRequest {
  carrier?: string;
  province: string;
  weightG: number;
  dims?: Dims | null;
  on?: string;
  declaredFen?: number | null;
  platform?: string;
}

const carrierRef = (c: Carrier) => ({ id: c.id, code: c.code, name: c.name });

/** A stored card compiled (stored cards were checked on import; a card that no longer compiles shows empty). */
function compiled(row: RateCardRow): {
  v1: RateCardV1;
  card: RateCard | null;
  notCovered: string[];
} {
  const v1 = JSON.parse(row.card) as RateCardV1;
  const c = compileRateCard("", v1, jsonLocator(v1));
  return c.ok ? { v1, card: c.card, notCovered: c.notCovered } : { v1, card: null, notCovered: [] };
}

export class RateCardService {
  constructor(private readonly deps: ServiceDeps) {}

  private async today(workspaceId: string, db = this.deps.db): Promise<string> {
    return workspaceToday(
      this.deps.clock(),
      await new ParcelCostRepository(db).timeZone(workspaceId),
    );
  }

  private async carrier(workspaceId: string, idOrCode: string): Promise<Carrier> {
    const c = await new CarrierRepository(this.deps.db).find(
      workspaceId,
      idOrCode,
      nowIso(this.deps),
    );
    if (!c) throw fail("not_found", "rates.quote.no_carrier", { code: idOrCode });
    return c;
  }

  /** Reads a card file (JSON, or CSV/XLSX rows) and checks it; throws RateCardRejected with every problem. */
  async readCard(input: ImportCardInput) {
    const { fileName, bytes } = input;
    if (bytes === null) throw fail("invalid", "upload.body_required");
    if (bytes.length === 0) throw new RateCardRejected([fileProblem(fileName, "upload.empty")]);
    if (bytes.length > LIMITS.importUploadMaxBytes)
      throw fail("invalid", "upload.too_large", {
        file: fileName,
        maxMb: LIMITS.importUploadMaxBytes / 1048576,
      });
    let read: ReadCard;
    if (isRateCardJson(fileName, bytes)) read = readRateCardJson(fileName, decodeBytes(bytes).text);
    else {
      const source = await readSource(fileName, bytes);
      if ("problem" in source) throw new RateCardRejected([source.problem]);
      read = readRateCardRecords(fileName, source.table.records);
    }
    if (!read.ok) throw new RateCardRejected(read.problems);
    const settings = withOptions(read.card.settings ?? DEFAULT_SETTINGS, {
      ...(input.divisor !== undefined
        ? { divisor: input.divisor === "none" ? null : input.divisor }
        : {}),
      ...(input.volumetric !== undefined ? { volumetric: input.volumetric } : {}),
      ...(input.stepRounding !== undefined ? { stepRounding: input.stepRounding } : {}),
    });
    const c = compileRateCard(fileName, { ...read.card, settings }, read.locate);
    if (!c.ok) throw new RateCardRejected(c.problems);
    return { card: c.card, notCovered: c.notCovered, fileValidFrom: read.card.validFrom };
  }

  /**
   * Imports a card for a carrier from its valid-from day (the option, else the JSON's, else today),
   * replacing a card of that same day; then re-costs the carrier's parcels.
   */
  async importCard(actor: Actor, input: ImportCardInput) {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const ws = actor.workspaceId;
    const carrier = await this.carrier(ws, input.carrier);
    const { card, fileValidFrom } = await this.readCard(input);
    const validFrom =
      input.validFrom ??
      (fileValidFrom &&
      /^\d{4}-\d{2}-\d{2}$/.test(fileValidFrom) &&
      fileValidFrom >= LIMITS.dateMin &&
      fileValidFrom <= LIMITS.dateMax
        ? fileValidFrom
        : await this.today(ws));
    const v1 = cardV1(card);
    const bands = card.zones.reduce((n, z) => n + z.bands.length, 0);
    const stored = await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const r = await new RateCardRepository(trx).put(ws, {
        carrierId: carrier.id,
        validFrom,
        card: JSON.stringify(v1),
        createdBy: actor.via === "system" ? null : actor.memberId,
        at,
      });
      await audit(trx, actor, at, {
        action: r.replaced ? "rates.replace" : "rates.import",
        entityType: "rate_card",
        entityId: r.id,
        message: msg(r.replaced ? "audit.rates.replace" : "audit.rates.import", {
          carrier: carrier.name,
          carrierId: carrier.id,
          validFrom,
          file: input.fileName,
          zones: card.zones.length,
          bands,
        }),
      });
      return r;
    });
    // After the card is stored: a million parcels are re-costed in batches, not in its transaction.
    // The importer's open pages hear how it goes (rates.recost.progress, to them only), so the web
    // shows a bar as the CLI does.
    const events = this.deps.events;
    const tell =
      events && actor.via !== "system"
        ? (done: number, total: number) =>
            events.publish(ws, {
              type: "rates.recost.progress",
              memberId: actor.memberId,
              carrierId: carrier.id,
              done,
              total,
            })
        : undefined;
    const onProgress =
      input.onProgress || tell
        ? (done: number, total: number) => {
            input.onProgress?.(done, total);
            tell?.(done, total);
          }
        : undefined;
    const recost = await recostParcels(this.deps.db, ws, {
      carrierIds: [carrier.id],
      ...(onProgress ? { onProgress } : {}),
    });
    const row = (await new RateCardRepository(this.deps.db).get(ws, stored.id))!;
    const [summary] = await this.present(ws, [row]);
    return { card: summary!, replaced: stored.replaced, recosted: recost.count };
  }

  /** Cards with their carrier, valid-until day (the day before the carrier's next card) and what they leave out. */
  private async present(workspaceId: string, rows: RateCardRow[]) {
    const db = this.deps.db;
    const [carriers, all] = await Promise.all([
      new CarrierRepository(db).list(workspaceId, nowIso(this.deps)),
      new RateCardRepository(db).list(workspaceId),
    ]);
    const byId = new Map(carriers.map((c) => [c.id, c]));
    return rows.map((row) => {
      const next = all.find((r) => r.carrierId === row.carrierId && r.validFrom > row.validFrom);
      const c = compiled(row);
      const carrier = byId.get(row.carrierId);
      return {
        id: row.id,
        carrier: carrier ? carrierRef(carrier) : { id: row.carrierId, code: "", name: "" },
        validFrom: row.validFrom,
        validTo: next ? addDays(next.validFrom, -1) : null,
        zones: c.v1.zones.length,
        bands: c.v1.zones.reduce((n, z) => n + z.bands.length, 0),
        notCovered: c.notCovered,
        settings: c.v1.settings,
        createdAt: row.createdAt,
        createdBy: row.createdBy,
        v1: c.v1,
      };
    });
  }

  async list(actor: Actor, carrierId?: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new RateCardRepository(this.deps.db).list(actor.workspaceId, carrierId);
    const items = await this.present(actor.workspaceId, rows);
    return { items: items.map(({ v1: _v1, ...summary }) => summary) };
  }

  private async row(actor: Actor, id: string): Promise<RateCardRow> {
    const row = await new RateCardRepository(this.deps.db).get(actor.workspaceId, id);
    if (!row) throw fail("not_found", "shop.not_found", { what: msg("rates.entity.card") });
    return row;
  }

  async get(actor: Actor, id: string) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const [p] = await this.present(actor.workspaceId, [await this.row(actor, id)]);
    const { v1, ...summary } = p!;
    return { ...summary, card: { format: v1.format, zones: v1.zones } };
  }

  /** The card as dayclear.rate-card/v1 with its carrier and day (what `export` writes as JSON). */
  async fileOf(actor: Actor, id: string): Promise<RateCardV1> {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const [p] = await this.present(actor.workspaceId, [await this.row(actor, id)]);
    return { ...p!.v1, carrier: p!.carrier.code, validFrom: p!.validFrom };
  }

  async remove(actor: Actor, id: string): Promise<{ recosted: number }> {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const row = await this.row(actor, id);
    const carrier = await new CarrierRepository(this.deps.db).get(actor.workspaceId, row.carrierId);
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      await new RateCardRepository(trx).delete(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "rates.delete",
        entityType: "rate_card",
        entityId: id,
        message: msg("audit.rates.delete", {
          carrier: carrier?.name ?? "",
          carrierId: row.carrierId,
          validFrom: row.validFrom,
        }),
      });
    });
    const r = await recostParcels(this.deps.db, actor.workspaceId, { carrierIds: [row.carrierId] });
    return { recosted: r.count };
  }

  /** Re-costs the parcels of one carrier (or all), e.g. after SKU weights changed. */
  async recost(
    actor: Actor,
    carrierId?: string,
    onProgress?: (done: number, total: number) => void,
  ) {
    await authorizeLogistics(this.deps.db, actor, "logistics.manage");
    const r = await recostParcels(this.deps.db, actor.workspaceId, {
      carrierIds: carrierId ? [carrierId] : null,
      onProgress,
    });
    return { count: r.count, costed: r.costed };
  }

  /** The quote request from texts (API query, CLI flags), or field errors. */
  parseQuote(q: {
    carrier?: string;
    province: string;
    weightKg: string;
    dims?: string;
    on?: string;
    declaredValue?: string;
    platform?: string;
  }): QuoteRequest {
    const fields: FieldError[] = [];
    const weightG = parseKg(q.weightKg);
    if (weightG === null || weightG < 1)
      fields.push(
        fieldError("weightKg", "rates.quote.bad_weight", { max: formatKg(RATE_LIMITS.weightMaxG) }),
      );
    const dims = q.dims === undefined || q.dims.trim() === "" ? null : parseDims(q.dims);
    if (q.dims !== undefined && q.dims.trim() !== "" && dims === null)
      fields.push(fieldError("dims", "rates.quote.bad_dims", { max: RATE_LIMITS.sideMaxMm / 10 }));
    if (!findProvince(q.province))
      fields.push(fieldError("province", "rates.province.unknown", { value: q.province }));
    let declaredFen: number | null = null;
    if (q.declaredValue !== undefined && q.declaredValue.trim() !== "") {
      const m = parseMoney(q.declaredValue);
      if (!m.ok || m.fen < 0 || m.fen > RATE_LIMITS.moneyMaxFen)
        fields.push(fieldError("declaredValue", "rates.quote.bad_declared"));
      else declaredFen = m.fen;
    }
    if (fields.length)
      throw fail("invalid", "request.invalid", { fields: fields.map((f) => f.field) }, { fields });
    return {
      ...(q.carrier ? { carrier: q.carrier } : {}),
      province: q.province,
      weightG: weightG!,
      dims,
      ...(q.on ? { on: q.on } : {}),
      declaredFen,
      ...(q.platform ? { platform: q.platform } : {}),
    };
  }

  /**
   * What the parcel costs with one carrier or with each, cheapest first (ties by carrier code), and
   * the carriers left out with the reason: switched off, shipping for other platforms only, no card
   * valid on the day, the card limited to other platforms, the province not covered, no band for
   * the weight.
   */
  async quote(actor: Actor, q: QuoteRequest) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const ws = actor.workspaceId;
    const db = this.deps.db;
    const province = findProvince(q.province);
    if (!province)
      throw fail(
        "invalid",
        "request.invalid",
        { fields: ["province"] },
        {
          fields: [fieldError("province", "rates.province.unknown", { value: q.province })],
        },
      );
    const on = q.on ?? (await this.today(ws));
    const carriers = q.carrier
      ? [await this.carrier(ws, q.carrier)]
      : await new CarrierRepository(db).list(ws, nowIso(this.deps));
    const repo = new RateCardRepository(db);
    const quotes = [];
    const leftOut: { carrier: ReturnType<typeof carrierRef>; reason: Message }[] = [];
    for (const c of carriers) {
      const out = (reason: Message) => leftOut.push({ carrier: carrierRef(c), reason });
      if (!c.active && !q.carrier) {
        out(msg("rates.out.inactive"));
        continue;
      }
      if (q.platform && c.platforms && !c.platforms.includes(q.platform)) {
        out(msg("rates.out.carrier_platform", { platforms: c.platforms, platform: q.platform }));
        continue;
      }
      const row = await repo.validOn(ws, c.id, on);
      const card = row ? compiled(row).card : null;
      if (!row || !card) {
        out(msg("rates.out.no_card", { date: on }));
        continue;
      }
      const platforms = card.settings.platforms;
      if (q.platform && platforms && !platforms.includes(q.platform)) {
        out(msg("rates.out.platform", { platforms, platform: q.platform }));
        continue;
      }
      const r = quoteCard(card, {
        weightG: q.weightG,
        dims: q.dims ?? null,
        province: province.code,
        declaredFen: q.declaredFen ?? null,
      });
      if (!r.ok) {
        out(r.reason);
        continue;
      }
      quotes.push({
        carrier: carrierRef(c),
        cardId: row.id,
        validFrom: row.validFrom,
        zone: r.zone,
        chargeableKg: formatKg(r.chargeableG),
        fee: formatMoney(r.feeFen),
        feeFen: r.feeFen,
        formula: r.formula,
      });
    }
    quotes.sort((a, b) => a.feeFen - b.feeFen || a.carrier.code.localeCompare(b.carrier.code));
    return {
      on,
      province: province.name,
      quotes: quotes.map(({ feeFen: _f, ...rest }) => rest),
      leftOut,
    };
  }
}
