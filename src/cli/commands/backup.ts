// dayclear backup [FILE] [--lang L]: a consistent copy of the SQLite database, said in the CLI's
// language (--lang, else LC_ALL/LANG); a PostgreSQL instance is pointed to pg_dump.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fail } from "../../core/errors.js";
import { msg, renderMessage } from "../../core/messages/index.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";

export async function backup(
  file: string | undefined,
  flags: { db?: string; lang?: string },
): Promise<number> {
  const locale = cliLocale(flags.lang);
  if (!flags.db && process.env.DATABASE_URL) {
    console.error(renderMessage(locale, msg("cli.backup.postgres")));
    return 2;
  }
  const { database, description } = await openMigrated(flags);
  try {
    if (!database.sqlite || !database.sqliteFile) throw fail("invalid", "cli.backup.needs_sqlite");
    const target = resolve(
      file ?? `./data/backup-${new Date().toISOString().replace(/[:.]/g, "-")}.db`,
    );
    if (existsSync(target)) throw fail("invalid", "cli.backup.exists", { file: target });
    mkdirSync(dirname(target), { recursive: true });
    // VACUUM INTO writes a transactionally consistent copy while other connections keep writing.
    database.sqlite.prepare("VACUUM INTO ?").run(target);
    const size = (statSync(target).size / 1024).toFixed(0);
    console.log(
      renderMessage(locale, msg("cli.backup.done", { database: description, file: target, size })),
    );
    return 0;
  } finally {
    await database.close();
  }
}
