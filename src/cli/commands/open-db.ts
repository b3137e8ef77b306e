import {
  databaseConfigFromEnv,
  describeDatabase,
  openDatabase,
  type Database,
} from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";

/** Opens the database named by --db / DAYCLEAR_DB / DATABASE_URL and brings it up to date. */
export async function openMigrated(flags: {
  db?: string;
}): Promise<{ database: Database; description: string; applied: string[] }> {
  const config = databaseConfigFromEnv(flags);
  const database = openDatabase(config);
  try {
    const result = await migrateToLatest(database);
    return {
      database,
      description: describeDatabase(config),
      applied: (result.results ?? []).map((r) => r.migrationName),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
