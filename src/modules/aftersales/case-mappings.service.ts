// Saved after-sales mappings (any file layout: which header holds each field) and the workspace's own
// entries of the platforms' code maps (a type or state code a platform added since Dayclear's tables
// were written). Both are managed by the owner and the leads holding customer_service
// (aftersales.manage); everyone who works cases reads them. Every change is audited.
import type { Actor } from "../../core/actor.js";
import { CASE_FIELDS, type CaseField, type CaseMapping } from "../../core/aftersales/case-file.js";
import { CASE_STATES, CASE_TYPES, RESOLUTIONS } from "../../core/aftersales/cases.js";
import {
  CASE_PLATFORMS,
  normalizeCode,
  PLATFORM_CODES,
  type CasePlatform,
} from "../../core/aftersales/platform-codes.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CaseSourceRepository } from "./case-sources.repository.js";

const HEADER_MAX = 100;
const invalid = (fields: FieldError[]) =>
  fail("invalid", "request.invalid", { fields: fields.map((f) => f.field) }, { fields });

/** A mapping from its JSON (sent or stored): headers for the required fields at least. */
export function checkCaseMapping(v: unknown): { mapping: CaseMapping } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const m = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  const cols = (typeof m.columns === "object" && m.columns !== null ? m.columns : {}) as Record<
    string,
    unknown
  >;
  const columns: CaseMapping["columns"] = {};
  for (const [k, c] of Object.entries(cols)) {
    if (!(CASE_FIELDS as readonly string[]).includes(k)) {
      errors.push(fieldError(`mapping.columns.${k}`, "field.unknown"));
      continue;
    }
    if (c === null || c === "") continue;
    if (typeof c !== "string" || c.trim() === "" || c.length > HEADER_MAX)
      errors.push(fieldError(`mapping.columns.${k}`, "case.mapping.bad_header"));
    else columns[k as CaseField] = c.trim();
  }
  for (const f of ["caseId", "orderId", "type", "state", "openedAt"] as const)
    if (!columns[f] && !errors.some((e) => e.field === `mapping.columns.${f}`))
      errors.push(fieldError(`mapping.columns.${f}`, "field.required"));
  const out: CaseMapping = { columns };
  if (m.utcOffset !== undefined && m.utcOffset !== null && m.utcOffset !== "") {
    if (typeof m.utcOffset === "string" && /^[+-]\d{2}:\d{2}$/.test(m.utcOffset))
      out.utcOffset = m.utcOffset;
    else errors.push(fieldError("mapping.utcOffset", "case.mapping.bad_offset"));
  }
  if (m.currency !== undefined && m.currency !== null && m.currency !== "") {
    if (typeof m.currency === "string" && /^[A-Za-z]{3}$/.test(m.currency))
      out.currency = m.currency.toUpperCase();
    else errors.push(fieldError("mapping.currency", "case.mapping.bad_currency"));
  }
  for (const k of Object.keys(m))
    if (!["columns", "utcOffset", "currency"].includes(k))
      errors.push(fieldError(`mapping.${k}`, "field.unknown"));
  return errors.length ? { errors } : { mapping: out };
}

/** A stored mapping (refused as a whole when it was stored broken). */
export function parseCaseMapping(json: string): CaseMapping {
  const r = checkCaseMapping(JSON.parse(json) as unknown);
  if ("errors" in r) throw invalid(r.errors);
  return r.mapping;
}

const presentMapping = (r: {
  id: string;
  name: string;
  mapping: string;
  version: number;
  updatedAt: string;
}) => ({
  id: r.id,
  name: r.name,
  mapping: JSON.parse(r.mapping) as CaseMapping,
  version: Number(r.version),
  updatedAt: r.updatedAt,
});

const notFound = () => fail("not_found", "shop.not_found", { what: msg("case.entity.mapping") });

export interface CodeMapInput {
  platform: string;
  kind: "type" | "state";
  code: string;
  target: string;
  outcome?: string | null;
}

export class CaseMappingService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return (await new CaseSourceRepository(this.deps.db).mappings(actor.workspaceId)).map(
      presentMapping,
    );
  }

  async create(actor: Actor, input: { name: string; mapping: unknown }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const body = this.check(input);
    const ws = actor.workspaceId;
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CaseSourceRepository(trx);
      if (await repo.mappingByName(ws, body.name))
        throw fail("conflict", "case.mapping.taken", { name: body.name });
      const at = nowIso(this.deps);
      const id = newId();
      await repo.insertMapping({
        workspaceId: ws,
        id,
        name: body.name,
        mapping: body.mapping,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await audit(trx, actor, at, {
        action: "aftersales.mapping.create",
        entityType: "aftersales_mapping",
        entityId: id,
        message: msg("audit.aftersales.mapping_saved", { name: body.name }),
        after: body,
      });
      return presentMapping((await repo.mappingById(ws, id))!);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: { name: string; mapping: unknown; version: number },
  ) {
    const ws = actor.workspaceId;
    const current = await new CaseSourceRepository(this.deps.db).mappingById(ws, id);
    if (!current) throw notFound();
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const body = this.check(input);
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CaseSourceRepository(trx);
      const taken = await repo.mappingByName(ws, body.name);
      if (taken && taken.id !== id)
        throw fail("conflict", "case.mapping.taken", { name: body.name });
      const at = nowIso(this.deps);
      if (!(await repo.updateMapping(ws, id, input.version, { ...body, updatedAt: at })))
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("case.entity.mapping"), current: Number(current.version) },
          { extra: { currentVersion: Number(current.version) } },
        );
      await audit(trx, actor, at, {
        action: "aftersales.mapping.update",
        entityType: "aftersales_mapping",
        entityId: id,
        message: msg("audit.aftersales.mapping_saved", { name: body.name }),
        before: { name: current.name, mapping: current.mapping },
        after: body,
      });
      return presentMapping((await repo.mappingById(ws, id))!);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const ws = actor.workspaceId;
    const current = await new CaseSourceRepository(this.deps.db).mappingById(ws, id);
    if (!current) throw notFound();
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    await this.deps.db.transaction().execute(async (trx) => {
      await new CaseSourceRepository(trx).deleteMapping(ws, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "aftersales.mapping.delete",
        entityType: "aftersales_mapping",
        entityId: id,
        message: msg("audit.aftersales.mapping_deleted", { name: current.name }),
        before: { name: current.name, mapping: current.mapping },
      });
    });
  }

  /** A platform's code map: the built-in codes and the workspace's own entries (which win). */
  async codeMap(actor: Actor, platform: CasePlatform) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    const own = await new CaseSourceRepository(this.deps.db).codeMaps(actor.workspaceId, platform);
    const builtIn = PLATFORM_CODES[platform];
    return {
      platform,
      types: Object.entries(builtIn.types).map(([code, target]) => ({ code, target })),
      states: Object.entries(builtIn.states).map(([code, t]) => ({
        code,
        target: t.state,
        outcome: t.outcome ?? null,
      })),
      own: own.map((r) => ({
        kind: r.kind as "type" | "state",
        code: r.code,
        target: r.target,
        outcome: r.outcome,
        updatedAt: r.updatedAt,
      })),
    };
  }

  /** Adds or changes one of the workspace's own codes. */
  async putCode(actor: Actor, input: CodeMapInput) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const errors: FieldError[] = [];
    if (!(CASE_PLATFORMS as readonly string[]).includes(input.platform))
      errors.push(fieldError("platform", "field.invalid", { reason: input.platform }));
    const code = normalizeCode(input.code ?? "");
    if (code === "" || code.length > HEADER_MAX)
      errors.push(fieldError("code", "case.mapping.bad_header"));
    const targets: readonly string[] =
      input.kind === "type" ? [...CASE_TYPES, "refund_only"] : CASE_STATES;
    if (!targets.includes(input.target))
      errors.push(fieldError("target", "case.code_map.bad_target"));
    const outcome = input.outcome ?? null;
    if (
      outcome !== null &&
      (input.kind !== "state" ||
        input.target !== "resolved" ||
        ![...RESOLUTIONS, "success"].includes(outcome))
    )
      errors.push(fieldError("outcome", "case.code_map.bad_outcome"));
    if (errors.length) throw invalid(errors);
    const ws = actor.workspaceId;
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      await new CaseSourceRepository(trx).putCodeMap({
        workspaceId: ws,
        platform: input.platform,
        kind: input.kind,
        code,
        target: input.target,
        outcome,
        updatedBy: actor.memberId,
        updatedAt: at,
      });
      await audit(trx, actor, at, {
        action: "aftersales.code_map.put",
        entityType: "aftersales_code_map",
        entityId: null,
        message: msg("audit.aftersales.code_map_saved", {
          platform: msg(`shop.platform.${input.platform as CasePlatform}`),
          kind: input.kind,
          code,
          target: input.target,
        }),
        after: { ...input, code },
      });
    });
    return this.codeMap(actor, input.platform as CasePlatform);
  }

  async deleteCode(
    actor: Actor,
    key: { platform: CasePlatform; kind: "type" | "state"; code: string },
  ) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const ws = actor.workspaceId;
    const code = normalizeCode(key.code);
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await new CaseSourceRepository(trx).deleteCodeMap(ws, { ...key, code })))
        throw fail("not_found", "shop.not_found", { what: msg("case.entity.mapping") });
      await audit(trx, actor, nowIso(this.deps), {
        action: "aftersales.code_map.delete",
        entityType: "aftersales_code_map",
        entityId: null,
        message: msg("audit.aftersales.code_map_deleted", {
          platform: msg(`shop.platform.${key.platform}`),
          kind: key.kind,
          code,
        }),
      });
    });
    return this.codeMap(actor, key.platform);
  }

  /**
   * The workspace's rule for returned goods: inspected before they are refunded or not (version 0
   * while never saved). Read by everyone who works cases.
   */
  async returnRules(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return new CaseSourceRepository(this.deps.db).settings(actor.workspaceId);
  }

  /** Sets the rule (with `version`, 0 the first time; 409 stale); audited. */
  async putReturnRules(actor: Actor, input: { inspectBeforeRefund: boolean; version: number }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const ws = actor.workspaceId;
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new CaseSourceRepository(trx);
      const at = nowIso(this.deps);
      const before = await repo.settings(ws);
      const on = input.inspectBeforeRefund;
      if (!(await repo.putSettings(ws, input.version, { inspectBeforeRefund: on }, at)))
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("case.entity.return_rules"), current: before.version },
          { extra: { currentVersion: before.version } },
        );
      await audit(trx, actor, at, {
        action: "aftersales.return_rules.update",
        entityType: "workspace",
        entityId: ws,
        message: msg(on ? "audit.aftersales.inspect_on" : "audit.aftersales.inspect_off"),
        before: { inspectBeforeRefund: before.inspectBeforeRefund, version: before.version },
        after: { inspectBeforeRefund: on },
      });
      return repo.settings(ws);
    });
  }

  private check(input: { name: string; mapping: unknown }) {
    const errors: FieldError[] = [];
    const name = typeof input.name === "string" ? input.name.trim() : "";
    if (name === "" || name.length > LIMITS.mappingNameMax)
      errors.push(fieldError("name", "case.mapping.bad_name", { max: LIMITS.mappingNameMax }));
    const r = checkCaseMapping(input.mapping);
    if ("errors" in r) errors.push(...r.errors);
    if (errors.length || "errors" in r) throw invalid(errors);
    return { name, mapping: JSON.stringify(r.mapping) };
  }
}
