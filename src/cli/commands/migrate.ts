// dayclear migrate [--lang L]: brings the schema up to date and says so in the CLI's language.
import { msg, renderMessage } from "../../core/messages/index.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";

export async function migrate(flags: { db?: string; lang?: string }): Promise<void> {
  const locale = cliLocale(flags.lang);
  const { database, description, applied } = await openMigrated(flags);
  await database.close();
  console.log(
    renderMessage(
      locale,
      applied.length
        ? msg("cli.migrate.applied", {
            count: applied.length,
            database: description,
            names: applied.join(", "),
          })
        : msg("cli.migrate.up_to_date", { database: description }),
    ),
  );
}
