// Recurring duties (a 09:00–12:00 CS shift, the 8/12/16 o'clock order-printing runs): they show on
// Today and take the member's capacity, so the engine never plans work into them.
import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees } from "./daily.access.js";
import { DutyRepository } from "./duty.repository.js";

export const presentDuty = (d: {
  id: string;
  memberId: string;
  title: string;
  weekdays: string;
  startTime: string;
  endTime: string;
}) => ({
  id: d.id,
  memberId: d.memberId,
  title: d.title,
  weekdays: JSON.parse(d.weekdays) as number[],
  startTime: d.startTime,
  endTime: d.endTime,
});

export class DutyService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  async list(actor: Actor, memberId?: string) {
    if (memberId) await assertOversees(this.deps.db, actor, memberId, "daily.duty.read");
    return (await new DutyRepository(this.deps.db).list(actor.workspaceId, memberId)).map(
      presentDuty,
    );
  }

  async create(
    actor: Actor,
    input: {
      memberId?: string;
      title: string;
      weekdays: number[];
      startTime: string;
      endTime: string;
    },
  ) {
    const memberId = input.memberId ?? actor.memberId;
    if (input.endTime <= input.startTime)
      throw fail("invalid", "daily.duty.ends_before_start", undefined, {
        fields: [fieldError("endTime", "daily.duty.ends_before_start")],
      });
    const duty = {
      workspaceId: actor.workspaceId,
      id: newId(),
      memberId,
      title: input.title.trim(),
      weekdays: JSON.stringify([...input.weekdays].sort()),
      startTime: input.startTime,
      endTime: input.endTime,
      createdAt: nowIso(this.deps),
    };
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      await assertOversees(trx, actor, memberId, "daily.duty.manage");
      await new DutyRepository(trx).insert(duty);
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
    return presentDuty(duty);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const duties = new DutyRepository(trx);
      const duty = await duties.get(actor.workspaceId, id);
      if (!duty) throw fail("not_found", "daily.duty.not_found");
      await assertOversees(trx, actor, duty.memberId, "daily.duty.manage");
      await duties.delete(actor.workspaceId, id);
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
  }
}
