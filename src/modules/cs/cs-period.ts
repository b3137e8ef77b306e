// A period's customer-service numbers by member and by department (sub-departments included):
// what the summary, pay scorecards and goals read. Departments are those the members are in now.
import { DepartmentTree } from "../../core/org/tree.js";
import { emptyTotals, mergeTotals, type CsTotals } from "../../core/cs/cs-metrics.js";
import type { Executor } from "../../db/database.js";
import { PeopleRepository } from "../orders/people.repository.js";
import { CsRepository } from "./cs.repository.js";

export class CsPeriod {
  private constructor(
    readonly from: string,
    readonly to: string,
    private readonly byMember: Map<string, CsTotals>,
    private readonly memberDept: Map<string, string | null>,
    private readonly tree: DepartmentTree,
  ) {}

  static async load(
    db: Executor,
    workspaceId: string,
    range: { from: string; to: string },
  ): Promise<CsPeriod> {
    const people = new PeopleRepository(db);
    const [sums, members, departments] = await Promise.all([
      new CsRepository(db).sums(workspaceId, range.from, range.to),
      people.memberDepartments(workspaceId),
      people.departmentParents(workspaceId),
    ]);
    const byMember = new Map(sums.map(({ memberId, ...t }) => [memberId, t]));
    return new CsPeriod(
      range.from,
      range.to,
      byMember,
      new Map(members.map((m) => [m.id, m.departmentId])),
      new DepartmentTree(departments),
    );
  }

  /** Members with CS data in the period. */
  get memberIds(): string[] {
    return [...this.byMember.keys()];
  }
  has(memberId: string): boolean {
    return this.byMember.has(memberId);
  }
  member(memberId: string): CsTotals {
    return this.byMember.get(memberId) ?? emptyTotals();
  }
  get total(): CsTotals {
    return [...this.byMember.values()].reduce(mergeTotals, emptyTotals());
  }

  department(departmentId: string): CsTotals {
    const ids = this.tree.subtree(departmentId);
    let sum = emptyTotals();
    for (const [memberId, t] of this.byMember) {
      const d = this.memberDept.get(memberId);
      if (d && ids.has(d)) sum = mergeTotals(sum, t);
    }
    return sum;
  }
}
