// dayclear rates quote (--carrier CODE | --all) --province P --weight KG [--dims LxWxH] [--on DATE] [--json]
// (the contract is in src/cli/logistics-commands.ts): what a parcel costs with one carrier, or with
// every carrier cheapest first, from the card valid on the day; --json prints
// {"carrier","chargeableKg","fee","formula"} (an array with --all; money as decimal strings, the
// formula in the reader's language). Carriers left out are listed with the reason (not in --json).
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import { DomainError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage } from "../../core/messages/index.js";
import { RateCardService } from "../../modules/logistics/rates.service.js";
import type { RatesQuoteOptions } from "../logistics-commands.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export async function ratesQuote(o: RatesQuoteOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const bad = (text: string) => {
    process.stderr.write(`dayclear: ${text}\n`);
    return 1;
  };
  if (!o.all === !o.carrier) return bad(renderMessage(locale, msg("rates.cli.carrier_or_all")));
  if (o.on !== undefined && !isSupportedDate(o.on))
    return bad(
      renderMessage(
        locale,
        msg("rates.setting.valid_from", { value: o.on, min: LIMITS.dateMin, max: LIMITS.dateMax }),
      ),
    );
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const service = new RateCardService({ db: database.db, clock: systemClock });
    const r = await service.quote(
      actor,
      service.parseQuote({
        ...(o.carrier ? { carrier: o.carrier } : {}),
        province: o.province,
        weightKg: o.weight,
        ...(o.dims ? { dims: o.dims } : {}),
        ...(o.on ? { on: o.on } : {}),
      }),
    );
    const rows = r.quotes.map((q) => ({
      carrier: q.carrier.code,
      chargeableKg: q.chargeableKg,
      fee: q.fee,
      formula: renderMessage(locale, q.formula),
    }));
    if (o.json) {
      if (o.all) process.stdout.write(JSON.stringify(rows) + "\n");
      else if (rows[0]) process.stdout.write(JSON.stringify(rows[0]) + "\n");
    } else {
      for (const q of r.quotes)
        process.stdout.write(
          `${q.carrier.code}\t${q.carrier.name}\t${q.chargeableKg} kg\t${q.fee}\t${renderMessage(locale, q.formula)}\n`,
        );
    }
    for (const l of r.leftOut)
      if (!o.json || !o.all)
        process.stderr.write(
          renderMessage(
            locale,
            msg("rates.cli.left_out", { carrier: l.carrier.code, reason: l.reason }),
          ) + "\n",
        );
    // One carrier that cannot price the parcel is a failure; --all with none is an empty answer.
    return o.carrier && rows.length === 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof DomainError) return bad(cliErrorText(e, locale));
    throw e;
  } finally {
    await database.close();
  }
}
