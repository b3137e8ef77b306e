// Recurring duties (a 09:00–12:00 CS shift, the 8/12/16 o'clock order-printing runs): they show on
// Today and take the member's capacity, so the engine never plans work into them.
import type { Actor } from "../../core/actor.js";
import { invalidField, notFound } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { nowIso, type ServiceDeps } from "../shared/context.js";
import { assertOversees } from "./daily.access.js";

const present = (d: {
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
    let q = this.deps.db
      .selectFrom("duties")
      .selectAll()
      .where("workspaceId", "=", actor.workspaceId)
      .orderBy("startTime");
    if (memberId) {
      await assertOversees(this.deps.db, actor, memberId);
      q = q.where("memberId", "=", memberId);
    }
    return (await q.execute()).map(present);
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
      throw invalidField("endTime", "The duty ends before it starts");
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
      await assertOversees(trx, actor, memberId);
      await trx.insertInto("duties").values(duty).execute();
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
    return present(duty);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const outcome = await this.deps.db.transaction().execute(async (trx) => {
      const duty = await trx
        .selectFrom("duties")
        .selectAll()
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!duty) throw notFound("Duty");
      await assertOversees(trx, actor, duty.memberId);
      await trx
        .deleteFrom("duties")
        .where("workspaceId", "=", actor.workspaceId)
        .where("id", "=", id)
        .execute();
      return this.schedule.replan(trx, actor.workspaceId, actor);
    });
    this.schedule.committed(outcome);
  }
}
