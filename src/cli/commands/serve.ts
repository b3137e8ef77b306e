import { openMigrated } from "./open-db.js";

export async function serve(flags: { db?: string; port?: string; host?: string }): Promise<void> {
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${flags.port ?? process.env.PORT}"`);
  const host = flags.host ?? process.env.HOST ?? "0.0.0.0";
  const { database, description } = await openMigrated(flags);
  const { buildApp } = await import("../../server/app.js");
  const app = await buildApp({ database, databaseUrl: database.dialect === "postgres" ? process.env.DATABASE_URL : undefined });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`\nDayclear is running on ${description}\n  ➜  http://localhost:${actualPort}\n`);
}
