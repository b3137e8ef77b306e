// Packing work in people's days: the parcels waiting now and those expected on the next days, times
// the time a parcel takes, become each 物流 member's packing run on Today, reserved in their day so
// the engine plans tasks around it (packing-load.ts; plans/schedule.service.ts reserves it); the lead
// sees a day's load per member and who is short; the owner or a 物流 lead sets the time per parcel.
import type { Actor } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { fail, fieldError } from "../../core/errors.js";
import { PACKING, type PackingDay } from "../../core/logistics/packing.js";
import { msg } from "../../core/messages/index.js";
import { effectiveFunction } from "../../core/org/rights.js";
import type { Executor } from "../../db/database.js";
import { DepartmentRepository } from "../org/department.repository.js";
import { ScheduleRepository } from "../plans/schedule.repository.js";
import { ScheduleService } from "../plans/schedule.service.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { authorizeLogistics } from "./logistics.access.js";
import {
  logisticsMembers,
  packingForecast,
  packingSeconds,
  reservedMoved,
  type PackingForecast,
  type PackingPeople,
  type PackingSeconds,
} from "./packing-load.js";
import { PackingWorkRepository } from "./packing-work.repository.js";

const round2 = (h: number) => Math.round(h * 100) / 100;
/** How far ahead the lead's card looks (days after today). */
export const LOAD_MAX_DAYS_AHEAD = 30;

/** A member's packing run of a day, as Today shows it. */
export interface PackingRun {
  date: string;
  parcels: number;
  packedParcels: number;
  hours: number;
  reservedHours: number;
  shortHours: number;
  /** The day's parcels for everyone of 物流 (today: packed so far + waiting now). */
  teamParcels: number;
  secondsPerParcel: number;
  secondsSource: PackingSeconds["source"];
}

const presentSeconds = (s: PackingSeconds) => ({
  secondsPerParcel: s.seconds,
  secondsSource: s.source,
  learnedSeconds: s.learned,
  learnedGaps: s.gaps,
  defaultSeconds: PACKING.defaultParcelSeconds,
});

export class PackingWorkService {
  private readonly schedule: ScheduleService;
  constructor(private readonly deps: ServiceDeps) {
    this.schedule = new ScheduleService(deps);
  }

  /** The forecast from today over `days` dates, read the way the engine reads people and calendar. */
  private async forecast(
    db: Executor,
    workspaceId: string,
    days: number,
    known?: { today: string; people: PackingPeople },
  ) {
    const sched = new ScheduleRepository(db);
    const today = known?.today ?? (await this.schedule.today(db, workspaceId));
    const [people, calendar, timeZone] = await Promise.all([
      known?.people ?? sched.people(workspaceId, today),
      sched.calendar(workspaceId),
      sched.timeZone(workspaceId),
    ]);
    const forecast = await packingForecast(db, workspaceId, {
      today,
      now: nowIso(this.deps),
      timeZone: timeZone ?? "UTC",
      days,
      people,
      calendar,
    });
    return { today, forecast };
  }

  /**
   * Re-plans when the packing of today or tomorrow moved since the engine last reserved it (orders
   * imported, parcels packed): the caller then reads allocations that go around it.
   */
  private async keepReserved(workspaceId: string, f: PackingForecast): Promise<void> {
    if (!reservedMoved(workspaceId, f)) return;
    const outcome = await this.deps.db
      .transaction()
      .execute((trx) => this.schedule.replan(trx, workspaceId, null));
    this.schedule.committed(outcome);
  }

  /**
   * A member's packing run on a date (today or later, within the reservation horizon); null for a
   * member who is not of 物流 or a date without packing for them. Re-plans first when the packing
   * moved since the engine reserved it, so Today's tasks go around it.
   */
  async runOf(
    workspaceId: string,
    member: { id: string; departmentId: string | null },
    date: string,
  ): Promise<PackingRun | null> {
    const db = this.deps.db;
    const memberId = member.id;
    // Most people are not of 物流: one look at the departments, nothing else is read for them.
    if (member.departmentId === null) return null;
    const departments = await new DepartmentRepository(db).list(workspaceId);
    if (effectiveFunction(departments, member.departmentId) !== "logistics") return null;
    const sched = new ScheduleRepository(db);
    const today = await this.schedule.today(db, workspaceId);
    if (date < today || date > addDays(today, PACKING.horizonDays - 1)) return null;
    const people = await sched.people(workspaceId, today);
    // Today and tomorrow at least: what the engine's reservation is compared on.
    const { forecast } = await this.forecast(db, workspaceId, Math.max(2, daysUpTo(today, date)), {
      today,
      people,
    });
    if (!forecast) return null;
    await this.keepReserved(workspaceId, forecast);
    const day = forecast.days.find((d) => d.date === date);
    const share = day?.shares.find((s) => s.memberId === memberId);
    if (!day || !share || share.parcels === 0) return null;
    return {
      date,
      parcels: share.parcels,
      packedParcels: share.packedParcels,
      hours: share.hours,
      reservedHours: share.reservedHours,
      shortHours: share.shortHours,
      teamParcels: day.parcels,
      secondsPerParcel: forecast.seconds.seconds,
      secondsSource: forecast.seconds.source,
    };
  }

  /**
   * The load of a day for the lead (default: the next day someone of 物流 works): the parcels
   * expected, each member's packing, duties and plan hours against their hours, and who is short.
   */
  async load(actor: Actor, q: { date?: string }) {
    await authorizeLogistics(this.deps.db, actor, "logistics.pack");
    const ws = actor.workspaceId;
    const today = await this.schedule.today(this.deps.db, ws);
    const last = addDays(today, LOAD_MAX_DAYS_AHEAD);
    if (q.date !== undefined && (q.date < today || q.date > last))
      throw fail(
        "invalid",
        "logistics.people.load_date_range",
        { from: today, to: last },
        {
          fields: [
            fieldError("date", "logistics.people.load_date_range", { from: today, to: last }),
          ],
        },
      );
    await this.schedule.current(ws);
    const { forecast } = await this.forecast(this.deps.db, ws, LOAD_MAX_DAYS_AHEAD + 1);
    if (forecast) await this.keepReserved(ws, forecast);
    const date = q.date ?? nextPackingDay(forecast, today) ?? addDays(today, 1);
    const day = forecast?.days.find((d) => d.date === date);
    const members = forecast?.members ?? [];
    const plan = await this.schedule.allocationsBetween(ws, {
      from: date,
      to: date,
      memberIds: members.map((m) => m.id),
    });
    const planHours = (id: string) =>
      round2(plan.filter((a) => a.memberId === id).reduce((s, a) => s + a.hours, 0));
    const seconds =
      forecast?.seconds ?? (await packingSeconds(this.deps.db, ws, [], nowIso(this.deps)));
    const rows = members.map((m) => {
      const share = day?.shares.find((s) => s.memberId === m.id);
      const dutyHours = share?.dutyHours ?? 0;
      const packingHours = share?.hours ?? 0;
      const needed = round2(dutyHours + packingHours + planHours(m.id));
      const available = share?.capacityHours ?? 0;
      return {
        memberId: m.id,
        name: m.name,
        working: share !== undefined,
        availableHours: available,
        dutyHours,
        planHours: planHours(m.id),
        packingParcels: share?.parcels ?? 0,
        packedParcels: share?.packedParcels ?? 0,
        packingHours,
        neededHours: needed,
        shortHours: round2(Math.max(0, needed - available)),
      };
    });
    return {
      date,
      today,
      ...presentSeconds(seconds),
      queueParcels: forecast?.queueParcels ?? 0,
      inflowPerDay: round2(forecast?.inflowPerDay ?? 0),
      parcels: day?.parcels ?? 0,
      newParcels: day?.newParcels ?? 0,
      carriedOverParcels: day?.carriedOver ?? 0,
      waitingParcels: day?.waitingParcels ?? 0,
      packingHours: round2(rows.reduce((s, r) => s + r.packingHours, 0)),
      shortHours: round2(rows.reduce((s, r) => s + r.shortHours, 0)),
      members: rows,
    };
  }

  /** The time per parcel: set, learned from the pack station, or the default, and which is in use. */
  async settings(actor: Actor) {
    await authorizeLogistics(this.deps.db, actor, "logistics.read");
    return this.presentSettings(this.deps.db, actor.workspaceId);
  }

  private async presentSettings(db: Executor, workspaceId: string) {
    const today = await this.schedule.today(db, workspaceId);
    const people = await new ScheduleRepository(db).people(workspaceId, today);
    const packers = await logisticsMembers(db, workspaceId, people);
    const [row, seconds] = await Promise.all([
      new PackingWorkRepository(db).settings(workspaceId),
      packingSeconds(
        db,
        workspaceId,
        packers.map((m) => m.id),
        nowIso(this.deps),
      ),
    ]);
    return {
      parcelSeconds: row?.parcelSeconds ?? null,
      ...presentSeconds(seconds),
      version: row?.version ?? 0,
    };
  }

  /**
   * Sets the time per parcel (null: learn it from the pack station, else the default); version 0
   * when nothing was saved yet, 409 on a stale version. The schedule re-plans with it at once.
   */
  async updateSettings(actor: Actor, input: { parcelSeconds: number | null; version: number }) {
    const at = nowIso(this.deps);
    const { outcome, settings } = await this.deps.db.transaction().execute(async (trx) => {
      await authorizeLogistics(trx, actor, "logistics.manage");
      const repo = new PackingWorkRepository(trx);
      const before = await repo.settings(actor.workspaceId);
      if (!(await repo.saveSettings(actor.workspaceId, input.version, input.parcelSeconds, at))) {
        const current = before?.version ?? 0;
        throw fail(
          "conflict",
          "logistics.people.settings_stale",
          { currentVersion: current },
          { extra: { currentVersion: current } },
        );
      }
      await audit(trx, actor, at, {
        action: "logistics.packing.settings",
        entityType: "logistics_settings",
        entityId: actor.workspaceId,
        message:
          input.parcelSeconds === null
            ? msg("audit.logistics.parcel_seconds_learned")
            : msg("audit.logistics.parcel_seconds_set", { seconds: input.parcelSeconds }),
        before: { parcelSeconds: before?.parcelSeconds ?? null },
        after: { parcelSeconds: input.parcelSeconds },
      });
      return {
        outcome: await this.schedule.replan(trx, actor.workspaceId, actor),
        settings: await this.presentSettings(trx, actor.workspaceId),
      };
    });
    this.schedule.committed(outcome);
    return settings;
  }
}

/** How many dates from today reach `date` (at least today). */
const daysUpTo = (today: string, date: string) => {
  let n = 1;
  for (let d = today; d < date && n <= PACKING.horizonDays; d = addDays(d, 1)) n++;
  return n;
};

/** The first date after today on which someone of 物流 works. */
function nextPackingDay(f: PackingForecast | null, today: string): string | null {
  return f?.days.find((d: PackingDay) => d.date > today && d.shares.length > 0)?.date ?? null;
}
