import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openMigrated } from "./open-db.js";

export async function backup(file: string | undefined, flags: { db?: string }): Promise<number> {
  if (!flags.db && process.env.DATABASE_URL) {
    console.error(
      'This instance uses PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=dayclear.dump "$DATABASE_URL"',
    );
    return 2;
  }
  const { database, description } = await openMigrated(flags);
  try {
    if (!database.sqlite || !database.sqliteFile)
      throw new Error("backup needs a SQLite database file");
    const target = resolve(
      file ?? `./data/backup-${new Date().toISOString().replace(/[:.]/g, "-")}.db`,
    );
    if (existsSync(target)) throw new Error(`${target} exists; choose another file`);
    mkdirSync(dirname(target), { recursive: true });
    // VACUUM INTO writes a transactionally consistent copy while other connections keep writing.
    database.sqlite.prepare("VACUUM INTO ?").run(target);
    console.log(
      `Backed up ${description} to ${target} (${(statSync(target).size / 1024).toFixed(0)} KiB)`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
