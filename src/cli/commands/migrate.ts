import { openMigrated } from "./open-db.js";

export async function migrate(flags: { db?: string }): Promise<void> {
  const { database, description, applied } = await openMigrated(flags);
  await database.close();
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${description}: ${applied.join(", ")}`
      : `${description} is up to date.`,
  );
}
