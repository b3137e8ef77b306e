import type { Kysely } from "kysely";
import type { Actor, Clock } from "../../core/actor.js";
import type { DB } from "../../db/schema.js";
import { AuditRepository, type AuditInput } from "../audit/audit.repository.js";
import type { Executor } from "../../db/database.js";

/** What every service is built with: the database and a clock (frozen in tests). */
export interface ServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export const nowIso = (deps: ServiceDeps): string => deps.clock().toISOString();

/** Records an audit entry for an actor's change inside the caller's transaction. */
export async function audit(db: Executor, actor: Actor, at: string, e: Omit<AuditInput, "workspaceId" | "actorMemberId" | "at">): Promise<void> {
  await new AuditRepository(db).record({ ...e, workspaceId: actor.workspaceId, actorMemberId: actor.via === "system" ? null : actor.memberId, at });
}
