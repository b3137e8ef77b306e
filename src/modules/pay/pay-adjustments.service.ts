// Pay adjustments, listed: the corrections waiting for the next run (open) and those a locked run
// has paid (settled). Adding one stays with the pay runs (PayRunService.addAdjustment): the run
// that computes and locks is what settles it. Visibility follows the statements: the owner sees
// every member's, a lead those of the members of the departments they manage (and their own), a
// member their own — open ones included, so they know a correction is coming.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import { fail } from "../../core/errors.js";
import { formatMoney } from "../../core/money.js";
import { policyActor } from "../../core/policy.js";
import type { ServiceDeps } from "../shared/context.js";
import { payNotFound } from "./pay-errors.js";
import { PayRepository } from "./pay.repository.js";

export type AdjustmentStatus = "open" | "settled" | "all";

export interface AdjustmentQuery {
  status?: AdjustmentStatus;
  memberId?: string;
  limit?: number;
  cursor?: string;
}

export class PayAdjustmentService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Newest first. Filtering by a member you may not see is refused (403) rather than answered with
   * an empty list, as for that member's statement; a member id of no member here is 404.
   */
  async list(actor: Actor, q: AdjustmentQuery = {}) {
    const repo = new PayRepository(this.deps.db);
    const [members, departments] = await Promise.all([
      repo.members(actor.workspaceId),
      repo.departments(actor.workspaceId),
    ]);
    const who = policyActor(actor, departments);
    const visible = (m: { id: string; departmentId: string | null }) =>
      can(who, "pay.statement.read", { memberId: m.id, departmentId: m.departmentId });
    let memberIds: string[] | undefined;
    if (q.memberId) {
      const m = members.find((x) => x.id === q.memberId);
      if (!m) throw payNotFound("member");
      if (!visible(m)) throw fail("forbidden", "pay.forbidden.adjustments");
      memberIds = [m.id];
    } else if (actor.role !== "owner") {
      memberIds = members.filter(visible).map((m) => m.id);
    }
    const limit = q.limit ?? 50;
    const rows = await repo.listAdjustments(actor.workspaceId, {
      status: q.status ?? "all",
      memberIds,
      limit,
      cursor: q.cursor,
    });
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return {
      items: page.map((r) => ({
        id: r.id,
        memberId: r.memberId,
        memberName: r.memberName ?? "",
        amount: formatMoney(r.amountFen),
        reason: r.reason,
        runId: r.runId,
        runPeriod: r.runPeriod,
        status: r.runStatus === "locked" ? ("settled" as const) : ("open" as const),
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      })),
      nextCursor: more ? page.at(-1)!.id : null,
    };
  }
}
