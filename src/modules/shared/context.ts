import type { Kysely } from "kysely";
import type { Actor, Clock } from "../../core/actor.js";
import type { DB } from "../../db/schema.js";
import { AuditRepository, type AuditInput } from "../audit/audit.repository.js";
import type { Executor } from "../../db/database.js";

/** A change other people's open pages should show without reloading. */
export interface LiveEvent {
  type: string;
  /** When set, only this member receives the event (their notifications). */
  memberId?: string;
  [key: string]: unknown;
}

export interface EventPublisher {
  publish(workspaceId: string, event: LiveEvent): void;
}

/** What every service is built with: the database, a clock (frozen in tests), live events. */
export interface ServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  events?: EventPublisher;
}

export const nowIso = (deps: ServiceDeps): string => deps.clock().toISOString();

/** Records an audit entry for an actor's change inside the caller's transaction. */
export async function audit(
  db: Executor,
  actor: Actor,
  at: string,
  e: Omit<AuditInput, "workspaceId" | "actorMemberId" | "at">,
): Promise<void> {
  await new AuditRepository(db).record({
    ...e,
    workspaceId: actor.workspaceId,
    actorMemberId: actor.via === "system" ? null : actor.memberId,
    at,
  });
}

/**
 * Marks the workspace's schedule out of date after a change the engine depends on (a day off,
 * hours, skills, the calendar). The next read re-plans; open pages are told to read again.
 */
export async function markScheduleStale(db: Executor, workspaceId: string): Promise<void> {
  await db
    .updateTable("schedules")
    .set({ today: "" })
    .where("workspaceId", "=", workspaceId)
    .execute();
}

export function announceScheduleChange(deps: ServiceDeps, workspaceId: string): void {
  deps.events?.publish(workspaceId, { type: "schedule.changed" });
}
