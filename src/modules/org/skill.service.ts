import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import { msg, type Message } from "../../core/messages/index.js";
import { newId } from "../../core/ids.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { can, loadPolicyActor } from "./org.policy.js";
import { badField, notFoundIn } from "./org.errors.js";
import { presentSkill } from "./org.presenter.js";
import type { SkillDto } from "./org.schema.js";
import { SkillRepository } from "./skill.repository.js";

const notManaged = () => fail("forbidden", "org.skill_not_managed");
const nameTaken = (name: string) => fail("conflict", "org.skill.name_taken", { name });

export class SkillService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor): Promise<SkillDto[]> {
    return (await new SkillRepository(this.deps.db).list(actor.workspaceId)).map(presentSkill);
  }

  async create(
    actor: Actor,
    input: { name: string; departmentId?: string | null },
  ): Promise<SkillDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      if (
        !can(await loadPolicyActor(trx, actor), "skill.create", {
          departmentId: input.departmentId ?? null,
        })
      )
        throw notManaged();
      const repo = new SkillRepository(trx);
      const name = input.name.trim();
      if (await repo.getByName(actor.workspaceId, name)) throw nameTaken(name);
      const departmentId = input.departmentId ?? null;
      if (
        departmentId &&
        !(await new DepartmentRepository(trx).getById(actor.workspaceId, departmentId))
      )
        throw badField("departmentId", "org.department.no_such");
      const at = nowIso(this.deps);
      const skill = {
        workspaceId: actor.workspaceId,
        id: newId(),
        name,
        departmentId,
        createdAt: at,
      };
      await repo.create(skill);
      await audit(trx, actor, at, {
        action: "skill.create",
        entityType: "skill",
        entityId: skill.id,
        message: msg("audit.skill.create", { skill: name, skillId: skill.id }),
        after: skill,
      });
      return presentSkill(skill);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: { name?: string; departmentId?: string | null },
  ): Promise<SkillDto> {
    if (actor.role === "member") throw notManaged();
    return this.deps.db.transaction().execute(async (trx) => {
      const repo = new SkillRepository(trx);
      const current = await repo.getById(actor.workspaceId, id);
      if (!current) throw notFoundIn("skill");
      const who = await loadPolicyActor(trx, actor);
      // Both where the skill is and where it would go must be the lead's.
      if (!can(who, "skill.manage", { departmentId: current.departmentId })) throw notManaged();
      if (
        input.departmentId !== undefined &&
        !can(who, "skill.manage", { departmentId: input.departmentId })
      )
        throw notManaged();
      const name = input.name?.trim();
      if (name && name !== current.name && (await repo.getByName(actor.workspaceId, name)))
        throw nameTaken(name);
      const department = input.departmentId
        ? await new DepartmentRepository(trx).getById(actor.workspaceId, input.departmentId)
        : null;
      if (input.departmentId && !department)
        throw badField("departmentId", "org.department.no_such");
      const patch = {
        ...(name !== undefined && { name }),
        ...(input.departmentId !== undefined && { departmentId: input.departmentId }),
      };
      if (Object.keys(patch).length > 0) await repo.update(actor.workspaceId, id, patch);
      const at = nowIso(this.deps);
      await audit(trx, actor, at, {
        action: "skill.update",
        entityType: "skill",
        entityId: id,
        message: skillChange(current, patch, department?.name ?? null),
        before: current,
        after: patch,
      });
      return presentSkill({ ...current, ...patch });
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    if (actor.role === "member") throw notManaged();
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new SkillRepository(trx);
      const current = await repo.getById(actor.workspaceId, id);
      if (!current) throw notFoundIn("skill");
      if (
        !can(await loadPolicyActor(trx, actor), "skill.manage", {
          departmentId: current.departmentId,
        })
      )
        throw notManaged();
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "skill.delete",
        entityType: "skill",
        entityId: id,
        message: msg("audit.skill.delete", { skill: current.name, skillId: id }),
        before: current,
      });
    });
  }
}

/** What a skill change was, as one sentence: a rename, a move to a department or to everyone. */
function skillChange(
  before: { id: string; name: string; departmentId: string | null },
  patch: { name?: string; departmentId?: string | null },
  departmentName: string | null,
): Message {
  const ids = { skill: patch.name ?? before.name, skillId: before.id };
  if (patch.name !== undefined && patch.name !== before.name)
    return msg("audit.skill.rename", { ...ids, from: before.name });
  if (patch.departmentId !== undefined && patch.departmentId !== before.departmentId)
    return patch.departmentId && departmentName
      ? msg("audit.skill.move", { ...ids, department: departmentName })
      : msg("audit.skill.shared", ids);
  return msg("audit.skill.update", ids);
}
