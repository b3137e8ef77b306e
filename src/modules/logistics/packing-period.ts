// A period's packing by member and department (sub-departments included): parcels packed (a parcel
// counts for whoever packed it, on the workspace's day of packed_at, while it is packed or shipped)
// and wrong parcels the pack station stopped. What goals and pay read through the MetricSource.
// A number is given only when the workspace recorded such data in the period: a shop that does not
// scan has no counts here (its people's counts are entered), not zeros.
import { addDays } from "../../core/calendar/date.js";
import { localDayStart } from "../../core/logistics/packing.js";
import { DepartmentTree } from "../../core/org/tree.js";
import type { Executor } from "../../db/database.js";
import { PeopleRepository } from "../orders/people.repository.js";
import { ScheduleRepository } from "../plans/schedule.repository.js";
import { PackingWorkRepository } from "./packing-work.repository.js";

export type PackingSubject = { member: string } | { department: string } | "all";

export class PackingPeriod {
  private constructor(
    readonly from: string,
    readonly to: string,
    private readonly packed: Map<string, number>,
    private readonly wrong: Map<string, number>,
    /** Parcels were marked packed by someone in the period (scanned or not). */
    readonly packingRecorded: boolean,
    /** The pack station was used in the period. */
    readonly scanned: boolean,
    private readonly memberDept: Map<string, string | null>,
    private readonly tree: DepartmentTree,
  ) {}

  static async load(
    db: Executor,
    workspaceId: string,
    range: { from: string; to: string },
  ): Promise<PackingPeriod> {
    const timeZone = (await new ScheduleRepository(db).timeZone(workspaceId)) ?? "UTC";
    const fromIso = localDayStart(range.from, timeZone);
    const toIso = localDayStart(addDays(range.to, 1), timeZone);
    const repo = new PackingWorkRepository(db);
    const people = new PeopleRepository(db);
    const [packed, wrong, recorded, members, departments] = await Promise.all([
      repo.packedBy(workspaceId, fromIso, toIso),
      repo.wrongParcels(workspaceId, fromIso, toIso),
      repo.packingRecorded(workspaceId, fromIso, toIso),
      people.memberDepartments(workspaceId),
      people.departmentParents(workspaceId),
    ]);
    return new PackingPeriod(
      range.from,
      range.to,
      packed,
      wrong,
      recorded.packed,
      recorded.scanned,
      new Map(members.map((m) => [m.id, m.departmentId])),
      new DepartmentTree(departments),
    );
  }

  private sum(counts: Map<string, number>, subject: PackingSubject): number {
    if (subject === "all") return [...counts.values()].reduce((s, n) => s + n, 0);
    if ("member" in subject) return counts.get(subject.member) ?? 0;
    const ids = this.tree.subtree(subject.department);
    let n = 0;
    for (const [memberId, c] of counts) {
      const d = this.memberDept.get(memberId);
      if (d && ids.has(d)) n += c;
    }
    return n;
  }

  /** Parcels packed by the subject; null when nobody recorded packing in the period. */
  parcels(subject: PackingSubject): number | null {
    return this.packingRecorded ? this.sum(this.packed, subject) : null;
  }

  /** Wrong parcels the pack station stopped for the subject; null when nobody scanned in the period. */
  wrongParcels(subject: PackingSubject): number | null {
    return this.scanned ? this.sum(this.wrong, subject) : null;
  }
}
