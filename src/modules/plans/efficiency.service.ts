// The workspace's efficiency table (issue 12; docs/ENGINE.md "Efficiency"): how fast each skill
// level works relative to level 3, read by every member and set by the owner (it moves every plan
// of every department). Saving it marks the schedule stale: the next read re-plans with it, so a
// level-5 member's hours on a task become effort ÷ their factor. Default: none stored, every level
// at 1, plans as before.
import type { Actor } from "../../core/actor.js";
import {
  EFFICIENCY_MAX,
  EFFICIENCY_MIN,
  SKILL_LEVELS,
  isNeutral,
} from "../../core/engine/efficiency.js";
import type { EfficiencyTable } from "../../core/engine/types.js";
import { fail, fieldError, type FieldError } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import {
  announceScheduleChange,
  audit,
  markScheduleStale,
  nowIso,
  type ServiceDeps,
} from "../shared/context.js";
import { EfficiencyRepository } from "./efficiency.repository.js";
import { authorizePlans } from "./plan.policy.js";

export type Level = "1" | "2" | "3" | "4" | "5";
export type Factors = Record<Level, number>;

const NEUTRAL: Factors = { "1": 1, "2": 1, "3": 1, "4": 1, "5": 1 };

/** The stored factors, every level listed (a level not stored works at 1). */
function factorsOf(text: string | undefined): Factors {
  if (!text) return { ...NEUTRAL };
  const raw = JSON.parse(text) as Record<string, unknown>;
  const out = { ...NEUTRAL };
  for (const l of SKILL_LEVELS) {
    const v = raw[String(l)];
    if (typeof v === "number" && Number.isFinite(v)) out[String(l) as Level] = v;
  }
  return out;
}

/** The workspace's table for the engine's input: undefined when it changes nothing. */
export async function efficiencyOf(
  db: Executor,
  workspaceId: string,
): Promise<EfficiencyTable | undefined> {
  const row = await new EfficiencyRepository(db).get(workspaceId);
  const factors = factorsOf(row?.factors);
  return isNeutral(factors) ? undefined : factors;
}

export class EfficiencyService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The table (every member reads it: it explains their hours). */
  async get(actor: Actor) {
    const row = await new EfficiencyRepository(this.deps.db).get(actor.workspaceId);
    const factors = factorsOf(row?.factors);
    return {
      factors,
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt ?? null,
      neutral: isNeutral(factors),
      bounds: { min: EFFICIENCY_MIN, max: EFFICIENCY_MAX },
    };
  }

  /** Sets the table (the owner; `version` as read, 0 when none was saved); audited; re-plans. */
  async put(actor: Actor, input: { factors: Factors; version: number }) {
    authorizePlans(actor, "plans.efficiency.set");
    const errors: FieldError[] = [];
    for (const l of SKILL_LEVELS) {
      const key = String(l) as Level;
      const f = input.factors[key];
      if (l === 3 && f !== 1)
        errors.push(fieldError(`factors.${key}`, "plans.efficiency.reference_level"));
      else if (!(f >= EFFICIENCY_MIN && f <= EFFICIENCY_MAX))
        errors.push(
          fieldError(`factors.${key}`, "plans.efficiency.out_of_range", {
            min: EFFICIENCY_MIN,
            max: EFFICIENCY_MAX,
          }),
        );
    }
    if (errors.length) {
      const first = errors[0]!;
      throw fail("invalid", first.code!, first.params, { fields: errors });
    }
    const factors = Object.fromEntries(
      SKILL_LEVELS.map((l) => [
        String(l),
        Math.round(input.factors[String(l) as Level] * 100) / 100,
      ]),
    ) as Factors;
    const ws = actor.workspaceId;
    const at = nowIso(this.deps);
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new EfficiencyRepository(trx);
      const before = await repo.get(ws);
      const current = before?.version ?? 0;
      const stale = () =>
        fail(
          "conflict",
          "plans.efficiency.stale",
          { currentVersion: current },
          {
            extra: { currentVersion: current },
          },
        );
      if (current !== input.version) throw stale();
      const ok = await repo.put(
        {
          workspaceId: ws,
          factors: JSON.stringify(factors),
          version: current + 1,
          updatedAt: at,
          updatedBy: actor.memberId,
        },
        current,
      );
      if (!ok) throw stale();
      await audit(trx, actor, at, {
        action: "plans.efficiency.set",
        entityType: "workspace",
        entityId: ws,
        message: msg("audit.plans.efficiency_set", {
          l1: factors["1"],
          l2: factors["2"],
          l3: factors["3"],
          l4: factors["4"],
          l5: factors["5"],
        }),
        before: factorsOf(before?.factors),
        after: factors,
      });
      await markScheduleStale(trx, ws);
    });
    announceScheduleChange(this.deps, ws);
    return this.get(actor);
  }
}
