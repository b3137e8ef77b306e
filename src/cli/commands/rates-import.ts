// dayclear rates import FILE --carrier CODE [--valid-from DATE] [--divisor N]
//   [--volumetric none|full|half:PCT] [--step-rounding 1|0.5] [--json]
// (the contract is in src/cli/logistics-commands.ts). The file is a rate card: CSV/XLSX (GBK or
// UTF-8) with one row per zone band, or dayclear.rate-card/v1 JSON with its settings
// (docs/LOGISTICS.md). All or nothing: a file with problems prints each with its row and column in
// the reader's language, changes nothing and exits 1.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { placedProblem, problemText } from "../../core/orders/index.js";
import { RateCardRejected, RateCardService } from "../../modules/logistics/rates.service.js";
import type { RatesImportOptions } from "../logistics-commands.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

const fail = (locale: Locale, text: string, json: boolean | undefined) => {
  if (json) process.stdout.write(JSON.stringify({ error: text }) + "\n");
  process.stderr.write(`dayclear: ${text}\n`);
  return 1;
};

export async function ratesImport(file: string | string[], o: RatesImportOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const path = Array.isArray(file) ? file[0]! : file;
  if (o.validFrom !== undefined && !isSupportedDate(o.validFrom))
    return fail(
      locale,
      renderMessage(
        locale,
        msg("rates.setting.valid_from", {
          value: o.validFrom,
          min: LIMITS.dateMin,
          max: LIMITS.dateMax,
        }),
      ),
      o.json,
    );
  let divisor: number | "none" | undefined;
  if (o.divisor !== undefined) {
    divisor = o.divisor === "none" ? "none" : Number(o.divisor);
    if (divisor !== "none" && !Number.isInteger(divisor))
      return fail(
        locale,
        renderMessage(
          locale,
          msg("rates.setting.divisor", { value: o.divisor, min: 1000, max: 30000 }),
        ),
        o.json,
      );
  }
  const size = (await stat(path)).size;
  if (size > LIMITS.importUploadMaxBytes)
    return fail(
      locale,
      renderMessage(
        locale,
        msg("upload.too_large", {
          file: basename(path),
          maxMb: LIMITS.importUploadMaxBytes / 1048576,
        }),
      ),
      o.json,
    );
  const bytes = new Uint8Array(await readFile(path));
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const service = new RateCardService({ db: database.db, clock: systemClock });
    // The re-cost of the carrier's parcels after the card can take a while (1,000,000 parcels):
    // a bar on a terminal, as the order import's.
    const tty = process.stdout.isTTY && !o.json;
    const { default: Progress } = tty ? await import("cli-progress") : { default: null };
    const bar = Progress
      ? new Progress.SingleBar(
          { format: "{bar} {percentage}% | {value}/{total} {step}", hideCursor: true },
          Progress.Presets.shades_classic,
        )
      : null;
    const step = renderMessage(locale, msg("rates.cli.recosting"));
    let started = false;
    const onProgress = (done: number, total: number) => {
      if (!bar || total === 0) return;
      if (!started) {
        bar.start(total, done, { step });
        started = true;
      } else bar.update(done, { step });
      bar.setTotal(total);
    };
    const r = await service
      .importCard(actor, {
        onProgress,
        carrier: o.carrier,
        fileName: basename(path),
        bytes,
        ...(o.validFrom ? { validFrom: o.validFrom } : {}),
        ...(divisor !== undefined ? { divisor } : {}),
        ...(o.volumetric !== undefined ? { volumetric: o.volumetric } : {}),
        ...(o.stepRounding !== undefined ? { stepRounding: o.stepRounding as "1" | "0.5" } : {}),
      })
      .finally(() => {
        if (started) bar?.stop();
      });
    if (o.json) {
      const card = await service.fileOf(actor, r.card.id);
      process.stdout.write(
        JSON.stringify({
          carrier: r.card.carrier.code,
          validFrom: r.card.validFrom,
          zones: r.card.zones,
          bands: r.card.bands,
          replaced: r.replaced,
          recosted: r.recosted,
          notCovered: r.card.notCovered,
          card,
        }) + "\n",
      );
      return 0;
    }
    const say = (m: Parameters<typeof renderMessage>[1]) =>
      process.stdout.write(renderMessage(locale, m) + "\n");
    say(
      msg("rates.cli.imported", {
        carrier: r.card.carrier.name,
        validFrom: r.card.validFrom,
        zones: r.card.zones,
        bands: r.card.bands,
        replaced: r.replaced ? msg("rates.cli.replaced") : "",
      }),
    );
    say(
      r.card.notCovered.length
        ? msg("rates.cli.not_covered", { provinces: r.card.notCovered })
        : msg("rates.cli.all_covered"),
    );
    say(msg("rates.cli.recosted", { count: r.recosted }));
    return 0;
  } catch (e) {
    if (e instanceof RateCardRejected) {
      if (o.json)
        process.stdout.write(
          JSON.stringify({
            errors: e.problems.map((p) => ({
              ...(p.file ? { file: p.file } : {}),
              row: p.row,
              column: p.column,
              code: p.code,
              params: p.params,
              message: problemText(locale, p),
            })),
          }) + "\n",
        );
      process.stderr.write(`dayclear: ${renderMessage(locale, e.coded!)}\n`);
      for (const p of e.problems)
        process.stderr.write(`  ${renderMessage(locale, placedProblem(p))}\n`);
      return 1;
    }
    if (e instanceof DomainError) return fail(locale, cliErrorText(e, locale), o.json);
    throw e;
  } finally {
    await database.close();
  }
}
