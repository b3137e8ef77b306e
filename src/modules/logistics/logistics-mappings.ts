// Saved layouts of logistics files (logistics_mappings): "tracking" mappings read any tracking
// export (which header holds the order number, carrier, waybill, weight), "writeback" templates
// rename the columns of a shop's write-back file for one platform and pick its file format.
// Tracking mappings are the packers' (logistics.pack: they import tracking files every day);
// write-back templates are the lead's (logistics.manage), like carriers and rate cards.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import type { TrackingMapping } from "../../core/logistics/tracking-file.js";
import {
  WRITEBACK_FIELDS,
  WRITEBACK_FORMATS,
  WRITEBACK_PLATFORMS,
  type WritebackPlatform,
  type WritebackTemplate,
} from "../../core/logistics/writeback-file.js";
import { msg } from "../../core/messages/index.js";
import { nowIso, type ServiceDeps, audit } from "../shared/context.js";
import { authorizeLogistics } from "./logistics.access.js";
import { LogisticsMappingRepository } from "./logistics-mappings.repository.js";
import { ScanRepository } from "./scan.repository.js";

export type MappingKind = "tracking" | "writeback";

export interface MappingInput {
  kind: MappingKind;
  name: string;
  shopId?: string | null;
  platform?: string | null;
  mapping: unknown;
}

const HEADER_MAX = 100;
const isText = (v: unknown, max = HEADER_MAX): v is string =>
  typeof v === "string" && v.trim() !== "" && v.length <= max;

function invalid(fields: FieldError[]) {
  return fail("invalid", "request.invalid", { fields: fields.map((f) => f.field) }, { fields });
}

/** A tracking mapping from its JSON (stored or sent): columns for order and waybill at least. */
export function checkTrackingMapping(
  v: unknown,
): { mapping: TrackingMapping } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const m = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  const cols = (typeof m.columns === "object" && m.columns !== null ? m.columns : {}) as Record<
    string,
    unknown
  >;
  const columns: TrackingMapping["columns"] = {};
  for (const f of ["order", "carrier", "waybill", "weight"] as const) {
    const c = cols[f];
    if (c === undefined || c === null || c === "") continue;
    if (!isText(c)) errors.push(fieldError(`mapping.columns.${f}`, "tracking.mapping.bad_header"));
    else columns[f] = c.trim();
  }
  for (const f of ["order", "waybill"] as const)
    if (!columns[f] && !errors.some((e) => e.field === `mapping.columns.${f}`))
      errors.push(fieldError(`mapping.columns.${f}`, "field.required"));
  for (const k of Object.keys(cols))
    if (!["order", "carrier", "waybill", "weight"].includes(k))
      errors.push(fieldError(`mapping.columns.${k}`, "field.unknown"));
  const out: TrackingMapping = { columns };
  if (m.weightUnit !== undefined) {
    if (m.weightUnit === "kg" || m.weightUnit === "g") out.weightUnit = m.weightUnit;
    else errors.push(fieldError("mapping.weightUnit", "tracking.mapping.bad_unit"));
  }
  if (m.carrier !== undefined && m.carrier !== null && m.carrier !== "") {
    if (isText(m.carrier, 20)) out.carrier = m.carrier.trim();
    else errors.push(fieldError("mapping.carrier", "tracking.mapping.bad_header"));
  }
  return errors.length ? { errors } : { mapping: out };
}

/** A stored tracking mapping (refused as a whole when it was stored broken). */
export function parseTrackingMapping(json: string): TrackingMapping {
  const r = checkTrackingMapping(JSON.parse(json) as unknown);
  if ("errors" in r) throw invalid(r.errors);
  return r.mapping;
}

/** A write-back template: headers per field (any subset) and a file format. */
export function checkWritebackTemplate(
  v: unknown,
): { template: WritebackTemplate } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const m = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  const heads = (typeof m.headers === "object" && m.headers !== null ? m.headers : {}) as Record<
    string,
    unknown
  >;
  const headers: WritebackTemplate["headers"] = {};
  for (const [k, h] of Object.entries(heads)) {
    if (!(WRITEBACK_FIELDS as readonly string[]).includes(k))
      errors.push(fieldError(`mapping.headers.${k}`, "field.unknown"));
    else if (!isText(h))
      errors.push(fieldError(`mapping.headers.${k}`, "tracking.mapping.bad_header"));
    else headers[k as keyof typeof headers] = h.trim();
  }
  const template: WritebackTemplate = { headers };
  if (m.format !== undefined) {
    if ((WRITEBACK_FORMATS as readonly unknown[]).includes(m.format))
      template.format = m.format as WritebackTemplate["format"];
    else errors.push(fieldError("mapping.format", "writeback.template.bad_format"));
  }
  return errors.length ? { errors } : { template };
}

export const parseWritebackTemplate = (json: string): WritebackTemplate => {
  const r = checkWritebackTemplate(JSON.parse(json) as unknown);
  if ("errors" in r) throw invalid(r.errors);
  return r.template;
};

const present = (r: {
  id: string;
  kind: string;
  shopId: string | null;
  platform: string | null;
  name: string;
  mapping: string;
  version: number;
  updatedAt: string;
}) => ({
  id: r.id,
  kind: r.kind as MappingKind,
  shopId: r.shopId,
  platform: r.platform,
  name: r.name,
  mapping: JSON.parse(r.mapping) as Record<string, unknown>,
  version: Number(r.version),
  updatedAt: r.updatedAt,
});

/** Saved tracking mappings and write-back templates of the workspace. */
export class LogisticsMappings {
  constructor(private readonly deps: ServiceDeps) {}

  private right = (kind: MappingKind) =>
    kind === "tracking" ? ("logistics.pack" as const) : ("logistics.manage" as const);

  async list(actor: Actor, kind: MappingKind) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    const rows = await new LogisticsMappingRepository(this.deps.db).mappings(
      actor.workspaceId,
      kind,
    );
    return rows.map(present);
  }

  async create(actor: Actor, input: MappingInput) {
    await authorizeLogistics(this.deps.db, actor, this.right(input.kind));
    const ws = actor.workspaceId;
    const body = await this.check(actor, input);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new LogisticsMappingRepository(trx);
      const same = (await repo.mappings(ws, input.kind)).find(
        (m) =>
          m.name === body.name ||
          (input.kind === "writeback" && m.shopId === body.shopId && m.platform === body.platform),
      );
      if (same)
        throw fail("conflict", "tracking.mapping.taken", {
          name: same.name,
        });
      const at = nowIso(this.deps);
      const id = await repo.createMapping({ workspaceId: ws, ...body, at });
      await audit(trx, actor, at, {
        action: "logistics.mapping.create",
        entityType: "logistics_mapping",
        entityId: id,
        message: msg(`audit.logistics.mapping_${input.kind}_saved`, { name: body.name }),
        after: body,
      });
      return present((await repo.mappingById(ws, id))!);
    });
  }

  async update(actor: Actor, id: string, input: Omit<MappingInput, "kind"> & { version: number }) {
    const ws = actor.workspaceId;
    const current = await new LogisticsMappingRepository(this.deps.db).mappingById(ws, id);
    if (!current) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.mapping") });
    await authorizeLogistics(this.deps.db, actor, this.right(current.kind as MappingKind));
    const body = await this.check(actor, { ...input, kind: current.kind as MappingKind });
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new LogisticsMappingRepository(trx);
      const taken = (await repo.mappings(ws, current.kind as MappingKind)).find(
        (m) => m.id !== id && m.name === body.name,
      );
      if (taken) throw fail("conflict", "tracking.mapping.taken", { name: body.name });
      const at = nowIso(this.deps);
      const ok = await repo.updateMapping(ws, id, input.version, {
        name: body.name,
        mapping: body.mapping,
        at,
      });
      if (!ok)
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("shop.entity.mapping"), current: Number(current.version) },
          { extra: { currentVersion: Number(current.version) } },
        );
      await audit(trx, actor, at, {
        action: "logistics.mapping.update",
        entityType: "logistics_mapping",
        entityId: id,
        message: msg(`audit.logistics.mapping_${current.kind as MappingKind}_saved`, {
          name: body.name,
        }),
        before: { name: current.name, mapping: current.mapping },
        after: { name: body.name, mapping: body.mapping },
      });
      return present((await repo.mappingById(ws, id))!);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const ws = actor.workspaceId;
    const current = await new LogisticsMappingRepository(this.deps.db).mappingById(ws, id);
    if (!current) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.mapping") });
    await authorizeLogistics(this.deps.db, actor, this.right(current.kind as MappingKind));
    await this.deps.db.transaction().execute(async (trx) => {
      await new LogisticsMappingRepository(trx).deleteMapping(ws, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "logistics.mapping.delete",
        entityType: "logistics_mapping",
        entityId: id,
        message: msg("audit.logistics.mapping_deleted", { name: current.name }),
        before: { name: current.name, mapping: current.mapping },
      });
    });
  }

  private async check(actor: Actor, input: MappingInput) {
    const errors: FieldError[] = [];
    const name = typeof input.name === "string" ? input.name.trim() : "";
    if (name === "" || name.length > LIMITS.mappingNameMax)
      errors.push(fieldError("name", "tracking.mapping.bad_name", { max: LIMITS.mappingNameMax }));
    let shopId: string | null = null;
    let platform: WritebackPlatform | null = null;
    let mapping = "";
    if (input.kind === "tracking") {
      const r = checkTrackingMapping(input.mapping);
      if ("errors" in r) errors.push(...r.errors);
      else mapping = JSON.stringify(r.mapping);
    } else {
      const r = checkWritebackTemplate(input.mapping);
      if ("errors" in r) errors.push(...r.errors);
      else mapping = JSON.stringify(r.template);
      if (!(WRITEBACK_PLATFORMS as readonly unknown[]).includes(input.platform))
        errors.push(fieldError("platform", "writeback.template.bad_platform"));
      else platform = input.platform as WritebackPlatform;
      const shop = input.shopId
        ? await new ScanRepository(this.deps.db).shop(actor.workspaceId, input.shopId)
        : null;
      if (!shop) errors.push(fieldError("shopId", "writeback.template.shop_required"));
      else shopId = shop.id;
    }
    if (errors.length) throw invalid(errors);
    return { kind: input.kind, name, shopId, platform, mapping };
  }
}
