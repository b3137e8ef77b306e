// A period's customer-service numbers by member and by department (sub-departments included):
// what the summary, pay scorecards and goals read. Departments are those the members are in now.
import { emptyTotals, mergeTotals, type CsTotals } from "../../core/cs/cs-metrics.js";
import type { Executor } from "../../db/database.js";
import { CsRepository } from "./cs.repository.js";

export class CsPeriod {
  private constructor(
    readonly from: string,
    readonly to: string,
    private readonly byMember: Map<string, CsTotals>,
    private readonly memberDept: Map<string, string | null>,
    private readonly children: Map<string | null, string[]>,
  ) {}

  static async load(db: Executor, workspaceId: string, range: { from: string; to: string }): Promise<CsPeriod> {
    const [sums, members, departments] = await Promise.all([
      new CsRepository(db).sums(workspaceId, range.from, range.to),
      db.selectFrom("members").select(["id", "departmentId"]).where("workspaceId", "=", workspaceId).execute(),
      db.selectFrom("departments").select(["id", "parentId"]).where("workspaceId", "=", workspaceId).execute(),
    ]);
    const children = new Map<string | null, string[]>();
    for (const d of departments) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
    const byMember = new Map(sums.map(({ memberId, ...t }) => [memberId, t]));
    return new CsPeriod(range.from, range.to, byMember, new Map(members.map((m) => [m.id, m.departmentId])), children);
  }

  /** Members with CS data in the period. */
  get memberIds(): string[] { return [...this.byMember.keys()]; }
  has(memberId: string): boolean { return this.byMember.has(memberId); }
  member(memberId: string): CsTotals { return this.byMember.get(memberId) ?? emptyTotals(); }
  get total(): CsTotals { return [...this.byMember.values()].reduce(mergeTotals, emptyTotals()); }

  /** The department and every department under it. */
  subtree(departmentId: string): Set<string> {
    const out = new Set<string>();
    const stack = [departmentId];
    while (stack.length) { const id = stack.pop()!; if (out.has(id)) continue; out.add(id); stack.push(...(this.children.get(id) ?? [])); }
    return out;
  }

  department(departmentId: string): CsTotals {
    const ids = this.subtree(departmentId);
    let sum = emptyTotals();
    for (const [memberId, t] of this.byMember) { const d = this.memberDept.get(memberId); if (d && ids.has(d)) sum = mergeTotals(sum, t); }
    return sum;
  }
}
