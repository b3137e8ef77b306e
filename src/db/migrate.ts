import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { Database } from "./database.js";
import * as m001 from "./migrations/2026-11-26-001-foundation.js";
import * as m003 from "./migrations/2026-11-26-003-shop-data.js";
import * as m002 from "./migrations/2026-11-26-002-plans-daily.js";
import * as m004 from "./migrations/2026-11-26-004-goals-pay.js";
import * as m005 from "./migrations/2026-11-26-005-goals.js";
import * as m006 from "./migrations/2026-11-26-006-orders-paid-customer.js";
import * as m007 from "./migrations/2026-11-26-007-attribution.js";
import * as m010 from "./migrations/2026-11-26-010-ship-on-time.js";
import * as m008 from "./migrations/2026-11-26-008-goal-reminders.js";
import * as m009 from "./migrations/2026-11-26-009-cs-performance.js";
import * as m105dept from "./migrations/2026-12-06-105-department-function.js";
import * as m110notify from "./migrations/2026-12-12-110-notification-messages.js";
import * as m120logistics from "./migrations/2026-12-13-120-logistics.js";
import * as m140identity from "./migrations/2026-12-13-140-order-identity.js";
import * as m122queue from "./migrations/2026-12-13-122-queue.js";
import * as m123scan from "./migrations/2026-12-13-123-scan.js";
import * as m124cost from "./migrations/2026-12-13-124-cost.js";
import * as m130units from "./migrations/2026-12-13-130-goal-units.js";
import * as m220evm from "./migrations/2026-12-14-220-evm-snapshots.js";
import * as m230aftersales from "./migrations/2026-12-14-230-aftersales.js";
import * as m310sla from "./migrations/2026-12-15-310-aftersales-sla.js";
import * as m320routing from "./migrations/2026-12-15-320-aftersales-routing.js";
import * as m361unmeasured from "./migrations/2026-12-15-361-case-unmeasured-clocks.js";
import * as m355care from "./migrations/2026-12-15-355-aftersales-quality-followups.js";
import * as m330waybill from "./migrations/2026-12-15-330-waybill-unique.js";
import * as m347whatif from "./migrations/2026-12-15-347-whatif-undo.js";
import * as m349efficiency from "./migrations/2026-12-15-349-efficiency.js";
import * as m405claims from "./migrations/2026-12-16-405-quality-task-claims.js";
import * as m420rfm from "./migrations/2026-12-16-420-customer-rfm.js";
import * as m440queue from "./migrations/2026-12-16-440-case-queue-order.js";
import * as m430fill from "./migrations/2026-12-16-430-parcels-fillfactor.js";
import * as m470openwork from "./migrations/2026-12-17-470-case-open-work.js";
import * as m480pairs from "./migrations/2026-12-17-480-repeat-pairs.js";
import * as m461revisions from "./migrations/2026-12-17-461-rate-card-revisions.js";

// Migrations are imported statically so they run the same from TypeScript sources and from dist.
const MIGRATIONS: Record<string, Migration> = {
  "2026-11-26-001-foundation": m001,
  "2026-11-26-003-shop-data": m003,
  "2026-11-26-002-plans-daily": m002,
  "2026-11-26-004-goals-pay": m004,
  "2026-11-26-005-goals": m005,
  "2026-11-26-006-orders-paid-customer": m006,
  "2026-11-26-007-attribution": m007,
  "2026-11-26-010-ship-on-time": m010,
  "2026-11-26-008-goal-reminders": m008,
  "2026-11-26-009-cs-performance": m009,
  "2026-12-06-105-department-function": m105dept,
  "2026-12-12-110-notification-messages": m110notify,
  "2026-12-13-120-logistics": m120logistics,
  "2026-12-13-140-order-identity": m140identity,
  "2026-12-13-122-queue": m122queue,
  "2026-12-13-123-scan": m123scan,
  "2026-12-13-124-cost": m124cost,
  "2026-12-13-130-goal-units": m130units,
  "2026-12-14-220-evm-snapshots": m220evm,
  "2026-12-14-230-aftersales": m230aftersales,
  "2026-12-15-310-aftersales-sla": m310sla,
  "2026-12-15-320-aftersales-routing": m320routing,
  "2026-12-15-330-waybill-unique": m330waybill,
  "2026-12-15-361-case-unmeasured-clocks": m361unmeasured,
  "2026-12-15-355-aftersales-quality-followups": m355care,
  "2026-12-15-347-whatif-undo": m347whatif,
  "2026-12-15-349-efficiency": m349efficiency,
  "2026-12-16-405-quality-task-claims": m405claims,
  "2026-12-16-420-customer-rfm": m420rfm,
  "2026-12-16-440-case-queue-order": m440queue,
  "2026-12-16-430-parcels-fillfactor": m430fill,
  "2026-12-17-470-case-open-work": m470openwork,
  "2026-12-17-480-repeat-pairs": m480pairs,
  "2026-12-17-461-rate-card-revisions": m461revisions,
};

/** The migrations this build knows, in the order they are named (the test templates' key uses it). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
