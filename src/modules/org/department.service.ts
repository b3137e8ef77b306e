import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { msg, type Message } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { MemberRepository } from "./member.repository.js";
import { can, loadPolicyActor } from "./org.policy.js";
import { badField, notFoundIn, staleIn } from "./org.errors.js";
import { presentDepartment } from "./org.presenter.js";
import type { DepartmentFunction } from "../../core/org/rights.js";
import type { Department } from "../../db/schema.js";
import type { PolicyActor } from "../../core/policy.js";
import type { DepartmentDto } from "./org.schema.js";

export interface DepartmentInput {
  name?: string;
  parentId?: string | null;
  leadMemberId?: string | null;
  sortOrder?: number;
  /** What the department may do; only the owner sets it (a new department has none, so takes its parent's). */
  function?: DepartmentFunction;
}

export class DepartmentService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor): Promise<DepartmentDto[]> {
    const db = this.deps.db;
    const [departments, members] = await Promise.all([
      new DepartmentRepository(db).list(actor.workspaceId),
      new MemberRepository(db).listBrief(actor.workspaceId),
    ]);
    return departments.map((d) => presentDepartment(d, members));
  }

  async create(actor: Actor, input: DepartmentInput & { name: string }): Promise<DepartmentDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new DepartmentRepository(trx);
      const all = await repo.list(actor.workspaceId);
      const parentId = input.parentId ?? null;
      if (parentId && !all.some((d) => d.id === parentId))
        throw badField("parentId", "org.department.no_parent");
      if (
        !can(await loadPolicyActor(trx, actor, all), "department.create", {
          departmentId: parentId,
        })
      )
        throw fail("forbidden", "org.department.create_forbidden");
      if (input.function !== undefined && input.function !== "none")
        authorizeFunctionChange(await loadPolicyActor(trx, actor, all));
      const at = nowIso(this.deps);
      const lead = await this.checkLead(trx, actor, input.leadMemberId ?? null, at);
      const leadMemberId = lead?.id ?? null;
      const dep = {
        workspaceId: actor.workspaceId,
        id: newId(),
        parentId,
        name: input.name.trim(),
        leadMemberId,
        function: input.function ?? "none",
        sortOrder: input.sortOrder ?? all.filter((d) => d.parentId === parentId).length,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.create(dep);
      await audit(trx, actor, at, {
        action: "department.create",
        entityType: "department",
        entityId: dep.id,
        message: msg("audit.department.create", { department: dep.name, departmentId: dep.id }),
        after: dep,
      });
      return this.present(trx, actor.workspaceId, dep.id);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: DepartmentInput & { version: number },
  ): Promise<DepartmentDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new DepartmentRepository(trx);
      const all = await repo.list(actor.workspaceId);
      const current = all.find((d) => d.id === id);
      if (!current) throw notFoundIn("department");
      const who = await loadPolicyActor(trx, actor, all);
      if (!can(who, "department.update", { departmentId: id }))
        throw fail("forbidden", "org.department.not_managed");
      if (input.function !== undefined && input.function !== current.function)
        authorizeFunctionChange(who);
      if (input.parentId !== undefined && input.parentId !== current.parentId) {
        const parentId = input.parentId;
        if (parentId !== null) {
          if (!all.some((d) => d.id === parentId))
            throw badField("parentId", "org.department.no_parent");
          if (this.isSelfOrDescendant(all, id, parentId))
            throw badField("parentId", "org.department.cycle");
        }
        if (!can(who, "department.create", { departmentId: parentId }))
          throw fail("forbidden", "org.department.parent_not_managed");
      }
      const at = nowIso(this.deps);
      const lead =
        input.leadMemberId === undefined
          ? undefined
          : await this.checkLead(trx, actor, input.leadMemberId, at);
      const patch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.sortOrder !== undefined && { sortOrder: input.sortOrder }),
        ...(input.function !== undefined && { function: input.function }),
        ...(lead !== undefined && { leadMemberId: lead?.id ?? null }),
        updatedAt: at,
      };
      const updated = await repo.update(actor.workspaceId, id, input.version, patch);
      if (!updated) throw staleIn("department", current.version);
      await audit(trx, actor, at, {
        action: "department.update",
        entityType: "department",
        entityId: id,
        message: departmentChange(current, updated, all, lead?.name ?? null),
        before: current,
        after: updated,
      });
      return this.present(trx, actor.workspaceId, id);
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new DepartmentRepository(trx);
      const all = await repo.list(actor.workspaceId);
      const current = all.find((d) => d.id === id);
      if (!current) throw notFoundIn("department");
      if (current.leadMemberId === actor.memberId && actor.role === "lead")
        throw fail("forbidden", "org.department_own_delete", { department: current.name });
      if (
        !can(await loadPolicyActor(trx, actor, all), "department.delete", {
          departmentId: id,
          leadMemberId: current.leadMemberId,
        })
      )
        throw fail("forbidden", "org.department.not_managed");
      if (all.some((d) => d.parentId === id)) throw fail("conflict", "org.department.has_children");
      const at = nowIso(this.deps);
      await new MemberRepository(trx).clearDepartment(actor.workspaceId, id, at);
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "department.delete",
        entityType: "department",
        entityId: id,
        message: msg("audit.department.delete", { department: current.name, departmentId: id }),
        before: current,
      });
    });
  }

  private isSelfOrDescendant(
    all: { id: string; parentId: string | null }[],
    rootId: string,
    candidate: string,
  ): boolean {
    for (let cur: string | null = candidate, hops = 0; cur !== null && hops <= all.length; hops++) {
      if (cur === rootId) return true;
      cur = all.find((d) => d.id === cur)?.parentId ?? null;
    }
    return false;
  }

  /** A department's lead must be an active member; a plain member becomes a lead. */
  private async checkLead(
    trx: Executor,
    actor: Actor,
    leadMemberId: string | null,
    at: string,
  ): Promise<{ id: string; name: string } | null> {
    if (leadMemberId === null) return null;
    const members = new MemberRepository(trx);
    const lead = await members.getById(actor.workspaceId, leadMemberId);
    if (!lead || lead.status !== "active")
      throw badField("leadMemberId", "org.department.lead_inactive");
    if (lead.role === "member") {
      await members.update(actor.workspaceId, lead.id, lead.version, {
        role: "lead",
        updatedAt: at,
      });
      await audit(trx, actor, at, {
        action: "member.role",
        entityType: "member",
        entityId: lead.id,
        message: msg("audit.member.role", {
          member: lead.name,
          memberId: lead.id,
          role: msg("org.role.lead"),
        }),
        before: { role: "member" },
        after: { role: "lead" },
      });
    }
    return { id: lead.id, name: lead.name };
  }

  private async present(db: Executor, workspaceId: string, id: string): Promise<DepartmentDto> {
    const d = await new DepartmentRepository(db).getById(workspaceId, id);
    if (!d) throw notFoundIn("department");
    return presentDepartment(d, await new MemberRepository(db).listBrief(workspaceId));
  }
}

/** Only the owner grants rights: a department's function is theirs to set or change. */
function authorizeFunctionChange(who: PolicyActor): void {
  if (!can(who, "department.function")) throw fail("forbidden", "rights.owner_sets_function");
}

/**
 * What a department change was, as one sentence: a rename, a move, a new lead, a new function,
 * else a change (sort order). The names are the ones at the time.
 */
function departmentChange(
  before: Department,
  after: Department,
  all: readonly Department[],
  leadName: string | null,
): Message {
  const ids = { department: after.name, departmentId: after.id };
  if (after.name !== before.name)
    return msg("audit.department.rename", { ...ids, from: before.name });
  if (after.parentId !== before.parentId) {
    const parent = all.find((d) => d.id === after.parentId);
    return parent
      ? msg("audit.department.move", { ...ids, parent: parent.name, parentId: parent.id })
      : msg("audit.department.move_top", ids);
  }
  if (after.leadMemberId !== before.leadMemberId)
    return after.leadMemberId && leadName
      ? msg("audit.department.lead", { ...ids, lead: leadName, leadId: after.leadMemberId })
      : msg("audit.department.no_lead", ids);
  if (after.function !== before.function)
    return msg("audit.department.function", {
      ...ids,
      function: msg(`org.function.${after.function as DepartmentFunction}`),
    });
  return msg("audit.department.update", ids);
}
