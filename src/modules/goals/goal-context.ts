// What every goal service shares, built once and handed to each of them (composition, not a base
// class): the dependencies and clock, the repositories, the workspace's today, the organisation
// and its rights (GoalOrg over core/goals/policy.ts), live KPI actuals through the one metric
// reader, and notices through the one notification writer.
import type { Actor } from "../../core/actor.js";
import { workspaceToday } from "../../core/calendar/today.js";
import { fail, fieldError, type MessageParams } from "../../core/errors.js";
import { msg, type MessageCode } from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { notify, type Notice } from "../daily/notifications.js";
import { MetricSource } from "../metrics/metric-source.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { GoalActuals, type GoalMetrics } from "./goal-actuals.js";
import { GoalOrg } from "./goal-org.js";
import { GoalReminderRepository } from "./goal-reminders.repository.js";
import { GoalRepository } from "./goals.repository.js";

/** What a not-found or a stale write is about. */
export type GoalEntity = "cycle" | "goal" | "assessment" | "member";
const ENTITY = {
  cycle: "goals.entity.cycle",
  goal: "goals.entity.goal",
  assessment: "goals.entity.assessment",
  member: "goals.entity.member",
} as const satisfies Record<GoalEntity, MessageCode>;

export const notFound = (what: GoalEntity) =>
  fail("not_found", "goals.not_found", { what: msg(ENTITY[what]) });
export const staleVersion = (what: GoalEntity, current: number) =>
  fail(
    "conflict",
    "goals.stale_version",
    { what: msg(ENTITY[what]), current },
    { extra: { currentVersion: current } },
  );
/** A refusal about one field: the same code for the problem and the field. */
export const invalidField = (field: string, code: MessageCode, params?: MessageParams) =>
  fail("invalid", code, params, { fields: [fieldError(field, code, params)] });

export class GoalContext {
  readonly actuals: GoalActuals;

  constructor(
    readonly deps: ServiceDeps,
    metrics: GoalMetrics = (workspaceId, range) => new MetricSource(deps, workspaceId, range),
  ) {
    this.actuals = new GoalActuals(metrics);
  }

  get db(): Executor {
    return this.deps.db;
  }
  now(): string {
    return nowIso(this.deps);
  }

  goals(db: Executor = this.deps.db) {
    return new GoalRepository(db);
  }
  reminders(db: Executor = this.deps.db) {
    return new GoalReminderRepository(db);
  }

  /** One unit of work: every repository inside gets the `trx` (ARCHITECTURE rule 7). */
  transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T> {
    return this.deps.db.transaction().execute(work);
  }

  /** The workspace's date today, on its own wall clock. */
  async today(workspaceId: string, db: Executor = this.deps.db): Promise<string> {
    const w = await this.goals(db).timeZone(workspaceId);
    return workspaceToday(this.deps.clock(), w?.timeZone ?? "Asia/Shanghai");
  }

  /** The organisation and the actor's rights over goals. */
  async org(actor: Actor, db: Executor = this.deps.db): Promise<GoalOrg> {
    const repo = this.goals(db);
    const [members, departments] = await Promise.all([
      repo.members(actor.workspaceId),
      repo.departments(actor.workspaceId),
    ]);
    return new GoalOrg(actor, members, departments);
  }

  async cycleOr404(actor: Actor, id: string, db: Executor = this.deps.db) {
    const c = await this.goals(db).getCycle(actor.workspaceId, id);
    if (!c) throw notFound("cycle");
    return c;
  }

  /** Writes a notice (through the one notification writer) and collects who got it. */
  async notify(
    trx: Executor,
    workspaceId: string,
    memberId: string | null,
    notice: Notice,
    at: string,
    out: string[],
  ): Promise<void> {
    for (const n of await notify(trx, workspaceId, memberId, notice, at)) out.push(n.memberId);
  }

  /** Tells open pages of the notified members, once the transaction has committed. */
  publish(workspaceId: string, memberIds: readonly string[]): void {
    for (const memberId of new Set(memberIds))
      this.deps.events?.publish(workspaceId, { type: "notification", memberId });
  }
}
