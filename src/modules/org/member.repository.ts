import type { Executor } from "../../db/database.js";
import type { Leave, Member, NewMember } from "../../db/schema.js";

export interface MemberSkillRow {
  memberId: string;
  skillId: string;
  skillName: string;
  level: number;
}

export class MemberRepository {
  constructor(private readonly db: Executor) {}

  list(
    workspaceId: string,
    opts: {
      limit: number;
      cursor?: string;
      departmentId?: string;
      status?: "active" | "inactive";
      memberIds?: string[];
    },
  ) {
    let q = this.db
      .selectFrom("members as m")
      .innerJoin("users as u", "u.id", "m.userId")
      .selectAll("m")
      .select("u.email")
      .where("m.workspaceId", "=", workspaceId)
      .orderBy("m.id")
      .limit(opts.limit + 1);
    if (opts.cursor) q = q.where("m.id", ">", opts.cursor);
    if (opts.departmentId) q = q.where("m.departmentId", "=", opts.departmentId);
    if (opts.status) q = q.where("m.status", "=", opts.status);
    return q.execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("members as m")
      .innerJoin("users as u", "u.id", "m.userId")
      .selectAll("m")
      .select("u.email")
      .where("m.workspaceId", "=", workspaceId)
      .where("m.id", "=", id)
      .executeTakeFirst();
  }

  /** Every member's id, name, department and status (for department pages and counts). */
  listBrief(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "status"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  /** An active owner of the workspace (the first by id), or undefined. */
  firstActiveOwner(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("role", "=", "owner")
      .where("status", "=", "active")
      .orderBy("id")
      .executeTakeFirst();
  }

  /** Of the given emails, those whose account is an active member of the workspace. */
  async activeEmails(workspaceId: string, emails: readonly string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = await this.db
      .selectFrom("users")
      .innerJoin("members", "members.userId", "users.id")
      .select("users.email")
      .where("members.workspaceId", "=", workspaceId)
      .where("members.status", "=", "active")
      .where("users.email", "in", [...emails])
      .execute();
    return rows.map((r) => r.email);
  }

  /** Renames a member (their account's name changed), without a version check. */
  async rename(workspaceId: string, id: string, name: string, now: string): Promise<void> {
    await this.db
      .updateTable("members")
      .set((eb) => ({ name, version: eb("version", "+", 1), updatedAt: now }))
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  getByUserId(workspaceId: string, userId: string) {
    return this.db
      .selectFrom("members")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("userId", "=", userId)
      .executeTakeFirst();
  }

  async create(m: NewMember): Promise<void> {
    await this.db.insertInto("members").values(m).execute();
  }

  update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Omit<Member, "workspaceId" | "id" | "userId" | "version" | "createdAt">>,
  ) {
    return this.db
      .updateTable("members")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  countOwners(workspaceId: string) {
    return this.db
      .selectFrom("members")
      .where("workspaceId", "=", workspaceId)
      .where("role", "=", "owner")
      .where("status", "=", "active")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
  }

  skillsOf(workspaceId: string, memberIds: string[]): Promise<MemberSkillRow[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("memberSkills as ms")
      .innerJoin("skills as s", (j) =>
        j.onRef("s.workspaceId", "=", "ms.workspaceId").onRef("s.id", "=", "ms.skillId"),
      )
      .where("ms.workspaceId", "=", workspaceId)
      .where("ms.memberId", "in", memberIds)
      .select(["ms.memberId", "ms.skillId", "s.name as skillName", "ms.level"])
      .orderBy("s.name")
      .execute();
  }

  async replaceSkills(
    workspaceId: string,
    memberId: string,
    skills: { skillId: string; level: number }[],
  ): Promise<void> {
    await this.db
      .deleteFrom("memberSkills")
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .execute();
    if (skills.length > 0) {
      await this.db
        .insertInto("memberSkills")
        .values(skills.map((s) => ({ workspaceId, memberId, ...s })))
        .execute();
    }
  }

  leavesOf(workspaceId: string, memberIds: string[]) {
    if (memberIds.length === 0) return Promise.resolve([] as Leave[]);
    return this.db
      .selectFrom("leaves")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "in", memberIds)
      .orderBy("startDate")
      .execute();
  }

  async addLeave(l: Leave): Promise<void> {
    await this.db.insertInto("leaves").values(l).execute();
  }

  getLeave(workspaceId: string, memberId: string, id: string) {
    return this.db
      .selectFrom("leaves")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("memberId", "=", memberId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async deleteLeave(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("leaves")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  async clearDepartment(workspaceId: string, departmentId: string, now: string): Promise<void> {
    await this.db
      .updateTable("members")
      .set((eb) => ({ departmentId: null, version: eb("version", "+", 1), updatedAt: now }))
      .where("workspaceId", "=", workspaceId)
      .where("departmentId", "=", departmentId)
      .execute();
  }
}
