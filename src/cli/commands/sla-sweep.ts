// The after-sales SLA sweep from the server process (docs/AFTERSALES.md, "SLA"): a first sweep a
// minute after start, then a minute after each one ends — a clock turns at risk or breached with
// time alone, and its alert should not wait for someone to open the case. The timer does not keep
// the process alive and stops when the app closes (after the sweep under way). Several instances
// may all sweep: each alert goes out once (aftersales_sla_alerts). Started by `dayclear serve`,
// not in buildApp, so the test suites' many apps run no timers; DAYCLEAR_SLA_SWEEP=off turns it off.
// A browser journey starts it on its test server with the test's clock and a shorter pause.
// It first reads the order imports no sync has read (OrderSyncService.sweep, one query when there
// are none): imports committed by another process (the CLI's, when its sync failed), or whose sync
// failed or never ran after the commit — their refunds become cases, their deliveries calls. The
// same sweep makes the 好评回访 follow-ups that came due (FollowupSweep: a workspace's when its
// local date turned or an order import came in), so reading the queue, Today or the list never
// writes.
import { systemClock, type Clock } from "../../core/actor.js";
import type { Database } from "../../db/database.js";
import type { App } from "../../server/types.js";

const FIRST_SWEEP_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;

export async function startSlaSweep(
  app: App,
  database: Database,
  opts: { clock?: Clock; firstMs?: number; everyMs?: number } = {},
): Promise<void> {
  const { SlaService } = await import("../../modules/aftersales/sla.service.js");
  const { FollowupSweep } = await import("../../modules/aftersales/followups-generate.js");
  const { OrderSyncService } = await import("../../modules/aftersales/order-sync.service.js");
  const deps = { db: database.db, clock: opts.clock ?? systemClock, events: app.events };
  const sla = new SlaService(deps);
  const followups = new FollowupSweep(deps);
  const orderSync = new OrderSyncService(deps);
  const every = opts.everyMs ?? SWEEP_EVERY_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const sweep = async () => {
    try {
      const { imports, created, updated, failed } = await orderSync.sweep();
      if (imports > 0)
        app.log.info(
          { imports, created, updated },
          `read ${imports} order imports for after-sales cases`,
        );
      for (const f of failed) app.log.warn(f, "reading a workspace's order imports failed");
    } catch (err) {
      app.log.error({ err }, "order import sync sweep failed");
    }
    try {
      const { alerts, failed } = await sla.sweep();
      if (alerts > 0) app.log.info({ alerts }, `sent ${alerts} SLA alert notifications`);
      for (const f of failed) app.log.warn(f, "the SLA sweep of a workspace failed");
    } catch (err) {
      app.log.error({ err }, "SLA sweep failed");
    }
    try {
      const { made, failed } = await followups.sweep();
      if (made > 0) app.log.info({ made }, `made ${made} follow-ups that came due`);
      for (const f of failed) app.log.warn(f, "making a workspace's follow-ups failed");
    } catch (err) {
      app.log.error({ err }, "follow-up sweep failed");
    }
  };
  const after = (ms: number) => {
    timer = setTimeout(() => {
      running = sweep().then(() => {
        if (!closed) after(every);
      });
    }, ms);
    timer.unref();
  };
  after(opts.firstMs ?? FIRST_SWEEP_MS);
  app.addHook("onClose", async () => {
    closed = true;
    clearTimeout(timer);
    await running;
  });
}
