// The daily services' side of the policy: load what the table needs (the target member, the
// departments a lead manages) through the caller's handle and ask `can` (core/daily/policy.ts holds
// the rules). Another workspace's member is simply not found.
import type { Actor } from "../../core/actor.js";
import { can } from "../../core/can.js";
import type { DailyAction } from "../../core/daily/policy.js";
import { fail } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import { policyActor, type PolicyActor } from "../../core/policy.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { TodayRepository, type MemberRef } from "./today.repository.js";

export type { MemberRef } from "./today.repository.js";

/** The actor as the policy sees them; only a lead's rights depend on the departments. */
export async function dailyActor(db: Executor, actor: Actor): Promise<PolicyActor> {
  const departments =
    actor.role === "lead" ? await new DepartmentRepository(db).list(actor.workspaceId) : [];
  return policyActor(actor, departments);
}

export async function memberInWorkspace(
  db: Executor,
  actor: Actor,
  memberId: string,
): Promise<MemberRef> {
  const m = await new TodayRepository(db).member(actor.workspaceId, memberId);
  if (!m)
    throw fail("not_found", "daily.today.not_found", { what: msg("daily.today.entity.member") });
  return m;
}

/** Members whose days the actor oversees (themselves included), by name. */
export async function overseenMembers(
  db: Executor,
  actor: Actor,
  departmentId?: string,
  action: DailyAction = "daily.today.read",
): Promise<MemberRef[]> {
  const all = await new TodayRepository(db).activeMembers(actor.workspaceId, departmentId);
  const who = await dailyActor(db, actor);
  return all.filter((m) => can(who, action, { memberId: m.id, departmentId: m.departmentId }));
}

/** The member, if the actor may do the action about them (by default: read their day). */
export async function assertOversees(
  db: Executor,
  actor: Actor,
  memberId: string,
  action: DailyAction = "daily.today.read",
): Promise<MemberRef> {
  const m = await memberInWorkspace(db, actor, memberId);
  const who = await dailyActor(db, actor);
  if (!can(who, action, { memberId: m.id, departmentId: m.departmentId }))
    throw fail("forbidden", "daily.today.not_overseen");
  return m;
}
