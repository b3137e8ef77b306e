// The SLA clocks of the cases opened in a period, as the SLA attainment reads them (GET
// /aftersales/sla-attainment) and the after-sales KPIs group them (per shop, per agent): one
// computation, so both say the same.
import type { CaseSla } from "../../core/aftersales/sla.js";
import type { Executor } from "../../db/database.js";
import { SlaClocks } from "./sla-clocks.js";
import { SlaRepository, type SlaCaseRow } from "./sla.repository.js";

/** Each case opened in [fromIso, toIso) (optionally of one shop) with its clocks as of `now`. */
export async function slaOfCasesOpened(
  db: Executor,
  workspaceId: string,
  fromIso: string,
  toIso: string,
  shopId: string | null,
  now: string,
): Promise<{ row: SlaCaseRow; sla: CaseSla }[]> {
  const repo = new SlaRepository(db);
  const cases = await repo.openedBetween(workspaceId, fromIso, toIso, shopId ?? undefined);
  if (!cases.length) return [];
  const clocks = await SlaClocks.load(db, workspaceId);
  const pauses = await repo.pauses(
    workspaceId,
    cases.map((c) => c.id),
  );
  return cases.map((row) => ({ row, sla: clocks.status(row, pauses.get(row.id) ?? [], now) }));
}
