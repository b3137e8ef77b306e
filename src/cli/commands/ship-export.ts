// dayclear ship export --shop NAME --platform P [--batch ID | --from DATE --to DATE] [--out FILE] —
// see src/cli/logistics-commands.ts for the contract and docs/LOGISTICS.md for each platform's
// layout. Writes the file (to --out, else to stdout) and records it for the check against the
// platform's next export; nothing shipped in the scope exits 1.
import { writeFile } from "node:fs/promises";
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import type { WritebackPlatform } from "../../core/logistics/writeback-file.js";
import { msg, renderMessage } from "../../core/messages/index.js";
import { WritebackService } from "../../modules/logistics/writeback.service.js";
import type { ShipExportOptions } from "../logistics-commands.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export async function shipExport(o: ShipExportOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const say = (code: Parameters<typeof msg>[0], params: Parameters<typeof msg>[1]) =>
    renderMessage(locale, msg(code, params));
  for (const [flag, value] of [
    ["--from", o.from],
    ["--to", o.to],
  ] as const)
    if (value !== undefined && !isSupportedDate(value)) {
      process.stderr.write(
        `dayclear: ${say("writeback.cli.bad_date", { flag, value, min: LIMITS.dateMin, max: LIMITS.dateMax })}\n`,
      );
      return 1;
    }
  if (!o.batch === !o.from || (o.batch && o.to) || (o.to && !o.from)) {
    process.stderr.write(`dayclear: ${say("writeback.cli.scope", {})}\n`);
    return 1;
  }
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const service = new WritebackService({ db: database.db, clock: systemClock });
    const { file, rendered } = await service.create(actor, {
      shop: o.shop,
      platform: o.platform as WritebackPlatform,
      ...(o.batch ? { batch: o.batch } : { from: o.from, to: o.to ?? o.from }),
    });
    if (o.out) {
      await writeFile(o.out, rendered.bytes);
      console.log(
        say("writeback.cli.wrote", {
          lines: file.lines,
          platform: file.platform,
          out: o.out,
          format: file.format,
          id: file.id,
        }),
      );
    } else process.stdout.write(rendered.bytes);
    return 0;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
