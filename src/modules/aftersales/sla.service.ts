// After-sales SLA policies, attainment and the sweep (docs/AFTERSALES.md, "SLA"). Everyone reads
// the policies; the owner and the leads holding customer_service save them (aftersales.manage).
// Saving re-computes the deadlines of the open cases at once. The sweep re-computes every open
// case of every workspace (a clock turns at risk or breached with time alone) and sends the alerts
// not sent yet; `dayclear serve` runs it on a timer, a test calls it with its own clock.
import type { Actor } from "../../core/actor.js";
import { CASE_TYPES } from "../../core/aftersales/cases.js";
import { slaAttainment, type CaseSla } from "../../core/aftersales/sla.js";
import { shiftPieces } from "../../core/aftersales/working-hours.js";
import { addDays } from "../../core/calendar/date.js";
import { assertSpan } from "../../core/calendar/range.js";
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { localMidnight } from "../../core/logistics/local-days.js";
import { LIMITS } from "../../core/limits.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeAftersales } from "./aftersales.access.js";
import { CaseSourceRepository } from "./case-sources.repository.js";
import { loadSetup, publishSla, refreshSla, type SlaOutcome } from "./sla-clocks.js";
import { slaOfCasesOpened } from "./sla-attainment.js";
import { SlaRepository } from "./sla.repository.js";

export interface SlaPoliciesInput {
  version: number;
  shift: { start: string; end: string; breaks: { start: string; end: string }[] };
  policies: {
    name: string;
    caseTypes: string[];
    platforms: string[];
    targets: { firstResponse: number | null; decision: number | null; resolution: number | null };
    atRiskShare: number;
  }[];
}

export interface SweepResult {
  workspaces: number;
  changed: number;
  alerts: number;
  failed: { workspaceId: string; error: string }[];
}

const badField = (field: string, code: MessageCode, params?: MessageParams): DomainError =>
  fail("invalid", code, params, { fields: [fieldError(field, code, params)] });

export class SlaService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The workspace's SLA policies and shift hours (the defaults while none are saved). */
  async policies(actor: Actor) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    return loadSetup(this.deps.db, actor.workspaceId);
  }

  /** Replaces the policies and the shift (version-checked, audited); re-computes open cases. */
  async putPolicies(actor: Actor, input: SlaPoliciesInput) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.manage");
    const ws = actor.workspaceId;
    try {
      shiftPieces(input.shift);
    } catch {
      throw badField("shift", "aftersales.sla.shift_invalid");
    }
    const names = new Set<string>();
    for (const [i, p] of input.policies.entries()) {
      const name = p.name.trim();
      if (names.has(name))
        throw badField(`policies.${i}.name`, "aftersales.sla.policy_name_taken", { name });
      names.add(name);
      for (const t of p.caseTypes)
        if (!(CASE_TYPES as readonly string[]).includes(t))
          throw badField(`policies.${i}.caseTypes`, "aftersales.sla.case_type_unknown", {
            type: t,
            types: [...CASE_TYPES],
          });
    }
    let outcome: SlaOutcome | undefined;
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      const repo = new SlaRepository(trx);
      const ok = await repo.saveSettings(
        {
          workspaceId: ws,
          shiftStart: input.shift.start,
          shiftEnd: input.shift.end,
          breaks: JSON.stringify(input.shift.breaks),
          version: input.version + 1,
          updatedBy: actor.memberId,
          updatedAt: at,
        },
        input.version,
      );
      if (!ok) {
        const current = (await repo.settings(ws))?.version ?? 0;
        throw fail(
          "conflict",
          "shop.stale",
          { what: msg("aftersales.sla.entity.policies"), current },
          { extra: { currentVersion: current } },
        );
      }
      await repo.replacePolicies(
        ws,
        input.policies.map((p, i) => ({
          workspaceId: ws,
          id: newId(),
          sortOrder: i,
          name: p.name.trim(),
          caseTypes: JSON.stringify(p.caseTypes),
          platforms: JSON.stringify(p.platforms),
          firstResponseMinutes: p.targets.firstResponse,
          decisionMinutes: p.targets.decision,
          resolutionMinutes: p.targets.resolution,
          atRiskPermille: Math.max(1, Math.min(1000, Math.round(p.atRiskShare * 1000))),
        })),
      );
      await audit(trx, actor, at, {
        action: "aftersales.sla.put",
        entityType: "workspace",
        entityId: ws,
        message: msg("audit.aftersales.sla_policies", {
          count: input.policies.length,
          start: input.shift.start,
          end: input.shift.end,
        }),
        after: { shift: input.shift, policies: input.policies },
      });
      try {
        outcome = await refreshSla(trx, ws, "open", at);
      } catch (err) {
        if (err instanceof RangeError) throw badField("shift", "aftersales.sla.no_working_time");
        throw err;
      }
    });
    publishSla(this.deps, outcome);
    return this.policies(actor);
  }

  /**
   * SLA attainment of the cases opened in the local days from…to (the workspace's time zone),
   * optionally of one shop: per clock and over all, met ÷ (met + breached), as of now.
   */
  async attainment(actor: Actor, q: { from: string; to: string; shop?: string }) {
    await authorizeAftersales(this.deps.db, actor, "aftersales.read");
    assertSpan(q.from, q.to, LIMITS.kpiRangeMaxDays);
    const ws = actor.workspaceId;
    const db = this.deps.db;
    let shopId: string | null = null;
    if (q.shop) {
      const shop = await new CaseSourceRepository(db).shop(ws, q.shop);
      if (!shop) throw fail("not_found", "shop.not_found", { what: msg("shop.entity.shop") });
      shopId = shop.id;
    }
    const tz = await new SlaRepository(db).timeZone(ws);
    const fromIso = new Date(localMidnight(q.from, tz)).toISOString();
    const toIso = new Date(localMidnight(addDays(q.to, 1), tz)).toISOString();
    const opened = await slaOfCasesOpened(db, ws, fromIso, toIso, shopId, nowIso(this.deps));
    const statuses: CaseSla[] = opened.map((c) => c.sla);
    const a = slaAttainment(statuses);
    return {
      from: q.from,
      to: q.to,
      shopId,
      cases: opened.length,
      firstResponse: a.firstResponse,
      decision: a.decision,
      resolution: a.resolution,
      all: a.all,
    };
  }

  /** Re-computes the open cases of every workspace and sends the alerts not sent yet. */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { workspaces: 0, changed: 0, alerts: 0, failed: [] };
    for (const ws of await new SlaRepository(this.deps.db).workspacesWithOpenCases()) {
      try {
        const outcome = await this.sweepWorkspace(ws);
        result.workspaces++;
        result.changed += outcome.changed;
        result.alerts += outcome.alerts;
      } catch (err) {
        result.failed.push({
          workspaceId: ws,
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return result;
  }

  /** One workspace's open cases, in one transaction; the events go out after it commits. */
  async sweepWorkspace(workspaceId: string): Promise<SlaOutcome> {
    const outcome = await this.deps.db
      .transaction()
      .execute((trx) => refreshSla(trx, workspaceId, "open", nowIso(this.deps)));
    publishSla(this.deps, outcome);
    return outcome;
  }
}
