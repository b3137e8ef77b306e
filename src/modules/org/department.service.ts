import type { Actor } from "../../core/actor.js";
import {
  conflict,
  fail,
  forbidden,
  invalidField,
  notFound,
  staleVersion,
} from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { MemberRepository } from "./member.repository.js";
import { can, loadPolicyActor } from "./org.policy.js";
import { presentDepartment } from "./org.presenter.js";
import { authorizeFunctionChange } from "./rights.access.js";
import type { DepartmentFunction } from "../../core/org/rights.js";
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
      db
        .selectFrom("members")
        .select(["id", "name", "departmentId", "status"])
        .where("workspaceId", "=", actor.workspaceId)
        .execute(),
    ]);
    return departments.map((d) => presentDepartment(d, members));
  }

  async create(actor: Actor, input: DepartmentInput & { name: string }): Promise<DepartmentDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new DepartmentRepository(trx);
      const all = await repo.list(actor.workspaceId);
      const parentId = input.parentId ?? null;
      if (parentId && !all.some((d) => d.id === parentId))
        throw invalidField("parentId", "No such parent department");
      if (
        !can(await loadPolicyActor(trx, actor, all), "department.create", {
          departmentId: parentId,
        })
      )
        throw forbidden("Only the owner or the lead of the parent department may add a department");
      if (input.function !== undefined && input.function !== "none") authorizeFunctionChange(actor);
      const at = nowIso(this.deps);
      const leadMemberId = await this.checkLead(trx, actor, input.leadMemberId ?? null, at);
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
        summary: `Created department ${dep.name}`,
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
      if (!current) throw notFound("Department");
      const who = await loadPolicyActor(trx, actor, all);
      if (!can(who, "department.update", { departmentId: id }))
        throw forbidden("You do not manage this department");
      if (input.function !== undefined && input.function !== current.function)
        authorizeFunctionChange(actor);
      if (input.parentId !== undefined && input.parentId !== current.parentId) {
        const parentId = input.parentId;
        if (parentId !== null) {
          if (!all.some((d) => d.id === parentId))
            throw invalidField("parentId", "No such parent department");
          if (this.isSelfOrDescendant(all, id, parentId))
            throw invalidField(
              "parentId",
              "A department cannot be moved under itself or one of its sub-departments",
            );
        }
        if (!can(who, "department.create", { departmentId: parentId }))
          throw forbidden("You do not manage the new parent department");
      }
      const at = nowIso(this.deps);
      const patch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.sortOrder !== undefined && { sortOrder: input.sortOrder }),
        ...(input.function !== undefined && { function: input.function }),
        ...(input.leadMemberId !== undefined && {
          leadMemberId: await this.checkLead(trx, actor, input.leadMemberId, at),
        }),
        updatedAt: at,
      };
      const updated = await repo.update(actor.workspaceId, id, input.version, patch);
      if (!updated) throw staleVersion("Department", current.version);
      await audit(trx, actor, at, {
        action: "department.update",
        entityType: "department",
        entityId: id,
        summary: `Updated department ${updated.name}`,
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
      if (!current) throw notFound("Department");
      if (current.leadMemberId === actor.memberId && actor.role === "lead") {
        throw fail(
          "forbidden",
          "org.department_own_delete",
          { department: current.name },
          "A lead cannot delete the department they lead; the owner can",
        );
      }
      if (
        !can(await loadPolicyActor(trx, actor, all), "department.delete", {
          departmentId: id,
          leadMemberId: current.leadMemberId,
        })
      )
        throw forbidden("You do not manage this department");
      if (all.some((d) => d.parentId === id))
        throw conflict("Move or delete the sub-departments first");
      const at = nowIso(this.deps);
      await new MemberRepository(trx).clearDepartment(actor.workspaceId, id, at);
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, at, {
        action: "department.delete",
        entityType: "department",
        entityId: id,
        summary: `Deleted department ${current.name}`,
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
  ): Promise<string | null> {
    if (leadMemberId === null) return null;
    const members = new MemberRepository(trx);
    const lead = await members.getById(actor.workspaceId, leadMemberId);
    if (!lead || lead.status !== "active")
      throw invalidField("leadMemberId", "The lead must be an active member of this workspace");
    if (lead.role === "member") {
      await members.update(actor.workspaceId, lead.id, lead.version, {
        role: "lead",
        updatedAt: at,
      });
      await audit(trx, actor, at, {
        action: "member.role",
        entityType: "member",
        entityId: lead.id,
        summary: `${lead.name} became a lead`,
        before: { role: "member" },
        after: { role: "lead" },
      });
    }
    return leadMemberId;
  }

  private async present(db: Executor, workspaceId: string, id: string): Promise<DepartmentDto> {
    const d = await new DepartmentRepository(db).getById(workspaceId, id);
    if (!d) throw notFound("Department");
    const members = await db
      .selectFrom("members")
      .select(["id", "name", "departmentId", "status"])
      .where("workspaceId", "=", workspaceId)
      .execute();
    return presentDepartment(d, members);
  }
}
