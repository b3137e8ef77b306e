// dayclear ship tracking FILE... --shop NAME [--mapping NAME] [--dry-run] [--json] — see
// src/cli/logistics-commands.ts for the contract and docs/LOGISTICS.md for the files. All files or
// nothing: a file with problems exits 1 and stores nothing.
import { stat, readFile } from "node:fs/promises";
import { basename } from "node:path";
import { systemClock } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage, type Locale, type Message } from "../../core/messages/index.js";
import { placedProblem, problemText, warningMessage } from "../../core/orders/index.js";
import {
  TrackingImportRejected,
  TrackingImportService,
  type TrackingSummary,
} from "../../modules/logistics/tracking.service.js";
import type { ShipTrackingOptions } from "../logistics-commands.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export async function shipTracking(
  files: string | string[],
  o: ShipTrackingOptions,
): Promise<number> {
  const locale = cliLocale(o.lang);
  const list = Array.isArray(files) ? files : [files];
  try {
    const sources: { file: string; bytes: Uint8Array }[] = [];
    for (const f of list) {
      const size = (await stat(f)).size;
      if (size > LIMITS.importCliFileMaxBytes)
        throw new DomainError(
          "invalid",
          "upload.too_large",
          [],
          {},
          msg("upload.too_large", {
            file: basename(f),
            maxMb: LIMITS.importCliFileMaxBytes / 1048576,
          }),
        );
      sources.push({ file: basename(f), bytes: new Uint8Array(await readFile(f)) });
    }
    const { database } = await openMigrated(o);
    try {
      const actor = await workspaceActor(database, o.workspace);
      const service = new TrackingImportService({ db: database.db, clock: systemClock });
      try {
        const r = await service.importFiles(actor, o.shop, sources, {
          mapping: o.mapping,
          dryRun: o.dryRun,
          maxBytes: LIMITS.importCliFileMaxBytes,
        });
        return report(locale, r, o, 0);
      } catch (e) {
        if (e instanceof TrackingImportRejected) return report(locale, e.summary, o, 1);
        throw e;
      }
    } finally {
      await database.close();
    }
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  }
}

function report(locale: Locale, s: TrackingSummary, o: ShipTrackingOptions, code: number): number {
  const say = (m: Message) => renderMessage(locale, m);
  if (o.json) {
    const stored = code === 0;
    console.log(
      JSON.stringify({
        shopId: s.shopId,
        dryRun: s.dryRun,
        files: s.files,
        rows: s.rows,
        // A refused import stored nothing.
        parcelsCreated: stored ? s.parcelsCreated : 0,
        updated: stored ? s.updated : 0,
        unchanged: stored ? s.unchanged : 0,
        errors: s.errors.map((e) => ({
          ...(e.file ? { file: e.file } : {}),
          row: e.row,
          column: e.column,
          code: e.code,
          params: e.params,
          message: problemText(locale, e),
        })),
        warnings: s.warnings.map((w) => ({
          ...(w.file ? { file: w.file } : {}),
          code: w.code,
          params: w.params,
          message: say(warningMessage(w)),
        })),
      }),
    );
    return code;
  }
  if (code !== 0) {
    console.error(say(msg("shop.cli.refused", { count: s.errors.length })));
    for (const e of s.errors.slice(0, 50)) console.error(`  ${say(placedProblem(e))}`);
    if (s.errors.length > 50)
      console.error(`  ${say(msg("shop.cli.more", { count: s.errors.length - 50 }))}`);
    return code;
  }
  console.log(
    say(
      msg(s.dryRun ? "tracking.cli.would_import" : "tracking.cli.imported", {
        rows: s.rows,
        shop: o.shop,
        created: s.parcelsCreated,
        updated: s.updated,
        unchanged: s.unchanged,
      }),
    ),
  );
  for (const w of s.warnings.slice(0, 20))
    console.log(`  ${say(msg("shop.cli.note", { warning: warningMessage(w) }))}`);
  return code;
}
