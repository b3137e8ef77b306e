// The write step shared by the after-sales import and the order sync: the planned cases, their lines,
// history and pauses, through the caller's transaction. A case changed by someone else between plan
// and write (another import at the same moment) refuses the whole write (409).
import { fail } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import type { CasePlan } from "./case-upsert.js";
import type { CaseRepository } from "./cases.repository.js";

export async function writePlans(
  repo: CaseRepository,
  workspaceId: string,
  plans: readonly CasePlan[],
): Promise<void> {
  // New cases in a few statements (a sync or an import creates hundreds), then the changed ones.
  const creates = plans.flatMap((p) => (p.kind === "create" ? [p] : []));
  await repo.insertMany(
    creates.map((p) => p.row),
    creates.flatMap((p) => p.lines),
  );
  await repo.addEvents(creates.flatMap((p) => p.events));
  for (const p of creates)
    if (p.pause.open) await repo.openPause(workspaceId, p.row.id, p.pause.open);
  for (const p of plans) {
    if (p.kind === "unchanged" || p.kind === "create") continue;
    const ok = await repo.update(workspaceId, p.id, p.version, p.fields);
    if (!ok)
      throw fail("conflict", "shop.stale", {
        what: msg("case.entity.case"),
        current: p.version + 1,
      });
    if (p.lines) await repo.replaceLines(workspaceId, p.id, p.lines);
    await repo.addEvents(p.events);
    if (p.pause.close) await repo.closePause(workspaceId, p.id, p.pause.close);
    if (p.pause.open) await repo.openPause(workspaceId, p.id, p.pause.open);
  }
}

/** The ids of the cases a write created or changed (their SLA clocks are re-computed). */
export const writtenIds = (plans: readonly CasePlan[]): string[] =>
  plans.flatMap((p) => (p.kind === "create" ? [p.row.id] : p.kind === "update" ? [p.id] : []));

export const planCounts = (plans: readonly CasePlan[]) => ({
  created: plans.filter((p) => p.kind === "create").length,
  updated: plans.filter((p) => p.kind === "update").length,
  unchanged: plans.filter((p) => p.kind === "unchanged").length,
});
