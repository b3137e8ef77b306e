import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, type Message } from "../../core/messages/index.js";
import type { Role } from "../../core/limits.js";
import type { Executor } from "../../db/database.js";
import { hashPassword } from "../auth/password.js";
import { assertStrongPassword } from "../auth/password-strength.js";
import { AuthRepository } from "../auth/auth.repository.js";
import {
  announceScheduleChange,
  audit,
  markScheduleStale,
  nowIso,
  type ServiceDeps,
} from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { MemberRepository } from "./member.repository.js";
import { can, loadPolicyActor, type OrgAction } from "./org.policy.js";
import { badField, notFoundIn, staleIn } from "./org.errors.js";
import { presentLeave, presentMember } from "./org.presenter.js";
import type { CreateMemberInput, LeaveDto, MemberDto, UpdateMemberInput } from "./org.schema.js";
import { SkillRepository } from "./skill.repository.js";

export class MemberService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    q: { limit: number; cursor?: string; departmentId?: string; status?: "active" | "inactive" },
  ) {
    const repo = new MemberRepository(this.deps.db);
    const rows = await repo.list(actor.workspaceId, q);
    const skills = await repo.skillsOf(
      actor.workspaceId,
      rows.map((r) => r.id),
    );
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return {
      items: page.map((m) => presentMember(m, skills)),
      nextCursor: more ? page[page.length - 1]!.id : null,
    };
  }

  async get(actor: Actor, id: string): Promise<MemberDto & { leaves: LeaveDto[] }> {
    return this.present(this.deps.db, actor.workspaceId, id);
  }

  async create(
    actor: Actor,
    input: CreateMemberInput,
  ): Promise<MemberDto & { leaves: LeaveDto[] }> {
    await assertStrongPassword("password", input.password, [input.email, input.name]);
    const passwordHash = await hashPassword(input.password);
    return this.deps.db.transaction().execute(async (trx) => {
      const role: Role = input.role ?? "member";
      const departmentId = input.departmentId ?? null;
      await this.authorize(trx, actor, "member.create", { departmentId, role });
      if (role === "owner" && !can(await loadPolicyActor(trx, actor), "member.grant_owner"))
        throw fail("forbidden", "org.member.owner_only_owner");
      await this.checkDepartment(trx, actor.workspaceId, departmentId);
      const auth = new AuthRepository(trx);
      if (await auth.findUserByEmail(input.email))
        throw fail("conflict", "org.member.email_taken", undefined, { extra: { field: "email" } });
      const at = nowIso(this.deps);
      const userId = newId();
      await auth.createUser({
        id: userId,
        email: input.email,
        name: input.name.trim(),
        passwordHash,
        locale: null,
        createdAt: at,
        updatedAt: at,
      });
      const member = {
        workspaceId: actor.workspaceId,
        id: newId(),
        userId,
        name: input.name.trim(),
        role,
        title: input.title ?? null,
        departmentId,
        status: "active" as const,
        hoursPerDay: input.hoursPerDay ?? null,
        workweek: input.workweek ? JSON.stringify([...input.workweek].sort()) : null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await new MemberRepository(trx).create(member);
      if (input.skills?.length)
        await this.writeSkills(trx, actor.workspaceId, member.id, input.skills);
      await audit(trx, actor, at, {
        action: "member.create",
        entityType: "member",
        entityId: member.id,
        message: msg("audit.member.create", {
          member: member.name,
          memberId: member.id,
          email: input.email,
          role: msg(`org.role.${role}`),
        }),
        after: { ...member, skills: input.skills ?? [] },
      });
      return this.present(trx, actor.workspaceId, member.id);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateMemberInput,
  ): Promise<MemberDto & { leaves: LeaveDto[] }> {
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = new MemberRepository(trx);
        const current = await repo.getById(actor.workspaceId, id);
        if (!current) throw notFoundIn("member");
        const who = await loadPolicyActor(trx, actor);
        const target = { memberId: id, departmentId: current.departmentId, role: current.role };
        const onlyProfile =
          input.role === undefined && input.departmentId === undefined && input.title === undefined;
        const onlyOwnCalendar = onlyProfile && input.name === undefined;
        const allowed =
          can(who, "member.update", target) ||
          (onlyProfile && can(who, "member.profile", target)) ||
          (onlyOwnCalendar && can(who, "member.calendar", target));
        if (!allowed) throw fail("forbidden", "org.member.forbidden");
        if (input.role !== undefined && input.role !== current.role) {
          if (!can(who, "member.role", target))
            throw fail("forbidden", "org.member.role_forbidden");
          if (input.role === "owner" && !can(who, "member.grant_owner"))
            throw fail("forbidden", "org.member.owner_only_owner");
          if (current.role === "owner" && (await repo.countOwners(actor.workspaceId)).n <= 1)
            throw fail("conflict", "org.member.last_owner");
        }
        if (input.departmentId !== undefined && input.departmentId !== current.departmentId) {
          await this.checkDepartment(trx, actor.workspaceId, input.departmentId);
          if (!can(who, "member.update", { ...target, departmentId: input.departmentId }))
            throw fail("forbidden", "org.member.department_not_managed");
        }
        const at = nowIso(this.deps);
        const patch = {
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.departmentId !== undefined && { departmentId: input.departmentId }),
          ...(input.hoursPerDay !== undefined && { hoursPerDay: input.hoursPerDay }),
          ...(input.workweek !== undefined && {
            workweek: input.workweek === null ? null : JSON.stringify([...input.workweek].sort()),
          }),
          updatedAt: at,
        };
        const updated = await repo.update(actor.workspaceId, id, input.version, patch);
        if (!updated) throw staleIn("member", current.version);
        if (input.role !== undefined && input.role === "member" && current.role === "lead") {
          await new DepartmentRepository(trx).clearLead(actor.workspaceId, id, at);
        }
        await audit(trx, actor, at, {
          action: "member.update",
          entityType: "member",
          entityId: id,
          message: await this.memberChange(trx, actor.workspaceId, current, updated),
          before: current,
          after: updated,
        });
        await markScheduleStale(trx, actor.workspaceId);
        return this.present(trx, actor.workspaceId, id);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  async setStatus(
    actor: Actor,
    id: string,
    status: "active" | "inactive",
  ): Promise<MemberDto & { leaves: LeaveDto[] }> {
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = new MemberRepository(trx);
        const current = await repo.getById(actor.workspaceId, id);
        if (!current) throw notFoundIn("member");
        await this.authorize(trx, actor, "member.deactivate", {
          memberId: id,
          departmentId: current.departmentId,
          role: current.role,
        });
        if (current.status === status) return this.present(trx, actor.workspaceId, id);
        if (
          status === "inactive" &&
          current.role === "owner" &&
          (await repo.countOwners(actor.workspaceId)).n <= 1
        ) {
          throw fail("conflict", "org.member.last_owner");
        }
        const at = nowIso(this.deps);
        await repo.update(actor.workspaceId, id, current.version, { status, updatedAt: at });
        if (status === "inactive")
          await new DepartmentRepository(trx).clearLead(actor.workspaceId, id, at);
        await audit(trx, actor, at, {
          action: status === "inactive" ? "member.deactivate" : "member.reactivate",
          entityType: "member",
          entityId: id,
          message: msg(
            status === "inactive" ? "audit.member.deactivate" : "audit.member.reactivate",
            {
              member: current.name,
              memberId: id,
            },
          ),
          before: { status: current.status },
          after: { status },
        });
        await markScheduleStale(trx, actor.workspaceId);
        return this.present(trx, actor.workspaceId, id);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  async setSkills(actor: Actor, id: string, skills: { skillId: string; level: number }[]) {
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const current = await new MemberRepository(trx).getById(actor.workspaceId, id);
        if (!current) throw notFoundIn("member");
        await this.authorize(trx, actor, "member.skills", {
          memberId: id,
          departmentId: current.departmentId,
          role: current.role,
        });
        const before = await new MemberRepository(trx).skillsOf(actor.workspaceId, [id]);
        const names = await this.writeSkills(trx, actor.workspaceId, id, skills);
        const at = nowIso(this.deps);
        await audit(trx, actor, at, {
          action: "member.skills",
          entityType: "member",
          entityId: id,
          message: names.length
            ? msg("audit.member.skills", { member: current.name, memberId: id, skills: names })
            : msg("audit.member.skills_none", { member: current.name, memberId: id }),
          before,
          after: skills,
        });
        await markScheduleStale(trx, actor.workspaceId);
        return this.present(trx, actor.workspaceId, id);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  async addLeave(
    actor: Actor,
    id: string,
    input: { startDate: string; endDate: string; kind?: string; note?: string | null },
  ): Promise<LeaveDto> {
    if (input.endDate < input.startDate) throw badField("endDate", "range.reversed");
    return this.deps.db
      .transaction()
      .execute(async (trx) => {
        const current = await new MemberRepository(trx).getById(actor.workspaceId, id);
        if (!current) throw notFoundIn("member");
        await this.authorize(trx, actor, "member.calendar", {
          memberId: id,
          departmentId: current.departmentId,
          role: current.role,
        });
        const at = nowIso(this.deps);
        const leave = {
          workspaceId: actor.workspaceId,
          id: newId(),
          memberId: id,
          startDate: input.startDate,
          endDate: input.endDate,
          kind: input.kind ?? "leave",
          note: input.note ?? null,
          createdAt: at,
        };
        await new MemberRepository(trx).addLeave(leave);
        await audit(trx, actor, at, {
          action: "member.leave.add",
          entityType: "member",
          entityId: id,
          message: msg("audit.member.leave_add", {
            member: current.name,
            memberId: id,
            from: leave.startDate,
            to: leave.endDate,
          }),
          after: leave,
        });
        await markScheduleStale(trx, actor.workspaceId);
        return presentLeave(leave);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  async deleteLeave(actor: Actor, id: string, leaveId: string): Promise<void> {
    await this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = new MemberRepository(trx);
        const current = await repo.getById(actor.workspaceId, id);
        const leave = current && (await repo.getLeave(actor.workspaceId, id, leaveId));
        if (!current || !leave) throw notFoundIn("leave");
        await this.authorize(trx, actor, "member.calendar", {
          memberId: id,
          departmentId: current.departmentId,
          role: current.role,
        });
        await repo.deleteLeave(actor.workspaceId, leaveId);
        await audit(trx, actor, nowIso(this.deps), {
          action: "member.leave.delete",
          entityType: "member",
          entityId: id,
          message: msg("audit.member.leave_delete", {
            member: current.name,
            memberId: id,
            from: leave.startDate,
            to: leave.endDate,
          }),
          before: leave,
        });
        await markScheduleStale(trx, actor.workspaceId);
      })
      .finally(() => announceScheduleChange(this.deps, actor.workspaceId));
  }

  private async authorize(
    db: Executor,
    actor: Actor,
    action: OrgAction,
    target: Parameters<typeof can>[2],
  ): Promise<void> {
    if (!can(await loadPolicyActor(db, actor), action, target))
      throw fail("forbidden", "org.member.forbidden");
  }

  private async checkDepartment(
    db: Executor,
    workspaceId: string,
    departmentId: string | null,
  ): Promise<void> {
    if (
      departmentId !== null &&
      !(await new DepartmentRepository(db).getById(workspaceId, departmentId))
    ) {
      throw badField("departmentId", "org.department.no_such");
    }
  }

  /** Replaces the member's skills; returns their names, for the audit entry. */
  private async writeSkills(
    db: Executor,
    workspaceId: string,
    memberId: string,
    skills: { skillId: string; level: number }[],
  ): Promise<string[]> {
    const known = new Map(
      (await new SkillRepository(db).list(workspaceId)).map((s) => [s.id, s.name]),
    );
    const seen = new Set<string>();
    skills.forEach((s, i) => {
      if (!known.has(s.skillId)) throw badField(`skills/${i}/skillId`, "org.skill.no_such");
      if (seen.has(s.skillId)) throw badField(`skills/${i}/skillId`, "org.skill.listed_twice");
      seen.add(s.skillId);
    });
    await new MemberRepository(db).replaceSkills(workspaceId, memberId, skills);
    return skills.map((s) => known.get(s.skillId)!);
  }

  /**
   * What a member change was, as one sentence (names at the time): a move to another department,
   * a new role, a rename, else a change of their profile.
   */
  private async memberChange(
    db: Executor,
    workspaceId: string,
    before: { name: string; role: Role; departmentId: string | null },
    after: { id: string; name: string; role: Role; departmentId: string | null },
  ): Promise<Message> {
    const ids = { member: after.name, memberId: after.id };
    if (after.departmentId !== before.departmentId) {
      const departments = new DepartmentRepository(db);
      const to = after.departmentId && (await departments.getById(workspaceId, after.departmentId));
      if (to) return msg("audit.member.move", { ...ids, department: to.name, departmentId: to.id });
      const from =
        before.departmentId && (await departments.getById(workspaceId, before.departmentId));
      if (from)
        return msg("audit.member.unassign", { ...ids, from: from.name, departmentId: from.id });
    }
    if (after.role !== before.role)
      return msg("audit.member.role", { ...ids, role: msg(`org.role.${after.role}`) });
    if (after.name !== before.name)
      return msg("audit.member.rename", { ...ids, from: before.name });
    return msg("audit.member.update", ids);
  }

  private async present(db: Executor, workspaceId: string, id: string) {
    const repo = new MemberRepository(db);
    const m = await repo.getById(workspaceId, id);
    if (!m) throw notFoundIn("member");
    const [skills, leaves] = await Promise.all([
      repo.skillsOf(workspaceId, [id]),
      repo.leavesOf(workspaceId, [id]),
    ]);
    return { ...presentMember(m, skills), leaves: leaves.map(presentLeave) };
  }
}
