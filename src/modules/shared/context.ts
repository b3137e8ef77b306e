import type { Kysely } from "kysely";
import type { Actor, Clock } from "../../core/actor.js";
import { msg, storeMessage, type Message } from "../../core/messages/index.js";
import type { DB } from "../../db/schema.js";
import { AuditRepository } from "../audit/audit.repository.js";
import type { Executor } from "../../db/database.js";
import { WorkspaceRepository } from "../workspaces/workspace.repository.js";

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

/** One change for the audit log. */
export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | null;
  /**
   * What happened, for a reader: an `audit.…` code whose params hold the target's id and its name
   * as it is now (`{ member: "李雷", memberId }`), never prose. The writer adds who did it
   * (`actor`, `actorId`), so the log reads as a sentence with names in the reader's language.
   */
  message: Message;
  before?: unknown;
  after?: unknown;
}

/** Records an audit entry for an actor's change inside the caller's transaction. */
export async function audit(db: Executor, actor: Actor, at: string, e: AuditChange): Promise<void> {
  const repo = new AuditRepository(db);
  const system = actor.via === "system";
  const name = system ? null : await repo.memberName(actor.workspaceId, actor.memberId);
  await repo.record({
    workspaceId: actor.workspaceId,
    actorMemberId: system ? null : actor.memberId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: storeMessage({
      code: e.message.code,
      params: {
        ...e.message.params,
        actor: system ? msg("audit.actor.system") : (name ?? msg("audit.actor.unknown")),
        actorId: system ? null : actor.memberId,
      },
    }),
    before: e.before,
    after: e.after,
    at,
  });
}

/**
 * The name of a member or department as it is now, for an audit message whose caller holds only
 * the id (null when there is none).
 */
export function auditName(
  db: Executor,
  workspaceId: string,
  kind: "member" | "department",
  id: string | null,
): Promise<string | null> {
  if (id === null) return Promise.resolve(null);
  const repo = new AuditRepository(db);
  return kind === "member"
    ? repo.memberName(workspaceId, id)
    : repo.departmentName(workspaceId, id);
}

/**
 * Marks the workspace's schedule out of date after a change the engine depends on (a day off,
 * hours, skills, the calendar). The next read re-plans; open pages are told to read again.
 */
export async function markScheduleStale(db: Executor, workspaceId: string): Promise<void> {
  await new WorkspaceRepository(db).markScheduleStale(workspaceId);
}

export function announceScheduleChange(deps: ServiceDeps, workspaceId: string): void {
  deps.events?.publish(workspaceId, { type: "schedule.changed" });
}
