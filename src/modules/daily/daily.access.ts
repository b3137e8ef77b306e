// Who sees and changes whose day: a member their own; a lead the members of the departments they
// manage; the owner everyone. Another workspace's member is simply not found.
import type { Actor } from "../../core/actor.js";
import { forbidden, notFound } from "../../core/errors.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { managedDepartments } from "../org/org.policy.js";

export interface MemberRef {
  id: string;
  name: string;
  departmentId: string | null;
}

export async function memberInWorkspace(
  db: Executor,
  actor: Actor,
  memberId: string,
): Promise<MemberRef> {
  const m = await db
    .selectFrom("members")
    .select(["id", "name", "departmentId"])
    .where("workspaceId", "=", actor.workspaceId)
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (!m) throw notFound("Member");
  return m;
}

/** Members whose days the actor oversees (themselves included). */
export async function overseenMembers(
  db: Executor,
  actor: Actor,
  departmentId?: string,
): Promise<MemberRef[]> {
  let q = db
    .selectFrom("members")
    .select(["id", "name", "departmentId"])
    .where("workspaceId", "=", actor.workspaceId)
    .where("status", "=", "active")
    .orderBy("name");
  if (departmentId) q = q.where("departmentId", "=", departmentId);
  const all = await q.execute();
  if (actor.role === "owner") return all;
  if (actor.role === "member") return all.filter((m) => m.id === actor.memberId);
  const managed = managedDepartments(
    actor,
    await new DepartmentRepository(db).list(actor.workspaceId),
  );
  return all.filter(
    (m) => m.id === actor.memberId || (m.departmentId !== null && managed.has(m.departmentId)),
  );
}

/** Reading someone's day: themselves, their lead, the owner. */
export async function assertOversees(
  db: Executor,
  actor: Actor,
  memberId: string,
): Promise<MemberRef> {
  const m = await memberInWorkspace(db, actor, memberId);
  if (m.id === actor.memberId || actor.role === "owner") return m;
  if (actor.role === "lead") {
    const managed = managedDepartments(
      actor,
      await new DepartmentRepository(db).list(actor.workspaceId),
    );
    if (m.departmentId !== null && managed.has(m.departmentId)) return m;
  }
  throw forbidden("You may only see your own day, or your department's as its lead");
}
