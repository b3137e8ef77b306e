// dayclear serve [--lang L]: migrates, serves the web app and the API, sends goal reminders on a
// timer. What it prints itself is in the CLI's language (--lang, else LC_ALL/LANG); the web and
// the API speak each reader's language.
import { msg, renderMessage, type Message } from "../../core/messages/index.js";
import type { Database } from "../../db/database.js";
import type { App } from "../../server/types.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { listenPort, localUrl } from "./server-url.js";

export async function serve(flags: {
  db?: string;
  port?: string;
  host?: string;
  lang?: string;
}): Promise<void> {
  const locale = cliLocale(flags.lang);
  const say = (m: Message) => renderMessage(locale, m);
  const port = listenPort(flags.port);
  const host = flags.host ?? process.env.HOST ?? "0.0.0.0";
  const { database, description } = await openMigrated(flags);
  const { buildApp } = await import("../../server/app.js");
  const app = await buildApp({
    database,
    databaseUrl: database.dialect === "postgres" ? process.env.DATABASE_URL : undefined,
  });
  if (process.env.DAYCLEAR_REMINDERS !== "off") await startGoalReminders(app, database);
  if (process.env.DAYCLEAR_SLA_SWEEP !== "off")
    await (await import("./sla-sweep.js")).startSlaSweep(app, database);
  // A stop signal closes the server and the database. Requests under way get the grace period to
  // finish; then the process exits without them, so SIGTERM is always honoured (a second signal
  // exits at once). SQLite's journal keeps the file whole either way.
  const graceMs = shutdownGraceMs(process.env.DAYCLEAR_SHUTDOWN_GRACE_MS);
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => {
      console.error(say(msg("cli.serve.grace", { ms: graceMs, signal })));
      process.exit(1);
    }, graceMs).unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      console.error(say(msg("cli.serve.shutdown_failed", { error: String(err) })));
      process.exit(1);
    }
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(
    `\n${say(msg("cli.serve.running", { database: description, url: localUrl(actualPort) }))}\n`,
  );
}

const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** DAYCLEAR_SHUTDOWN_GRACE_MS: how long a stop signal waits for requests under way (default 10 s). */
export function shutdownGraceMs(value: string | undefined): number {
  const ms = Number(value);
  return value && Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_SHUTDOWN_GRACE_MS;
}

const FIRST_SWEEP_MS = 30_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Goal reminders from the server process (docs/GOALS.md): a sweep 30 s after start, then 10
 * minutes after each one ends; the timer does not keep the process alive and stops when the app
 * closes (after the sweep under way). Several instances may all sweep: each reminder goes out once.
 * Started here, not in buildApp, so the test suites' many apps run no timers.
 */
async function startGoalReminders(app: App, database: Database): Promise<void> {
  const { openReminders } = await import("./remind.js");
  const { reminders, close } = await openReminders(database, app.events);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const sweep = async () => {
    try {
      const { sent, failed } = await reminders.sweep();
      if (sent > 0) app.log.info({ sent }, `sent ${sent} goal reminder${sent === 1 ? "" : "s"}`);
      for (const f of failed) app.log.warn(f, "goal reminders for a workspace failed");
    } catch (err) {
      app.log.error({ err }, "goal reminder sweep failed");
    }
  };
  const after = (ms: number) => {
    timer = setTimeout(() => {
      running = sweep().then(() => {
        if (!closed) after(SWEEP_EVERY_MS);
      });
    }, ms);
    timer.unref();
  };
  after(FIRST_SWEEP_MS);
  app.addHook("onClose", async () => {
    closed = true;
    clearTimeout(timer);
    await running;
    await close();
  });
}
