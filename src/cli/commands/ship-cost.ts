// dayclear ship cost --from DATE --to DATE [--json] — see src/cli/logistics-commands.ts for the
// contract. The logistics cost of the parcels shipped on the workspace's days from..to: in total,
// per parcel and against sales, by carrier, province, shop and month, and what carrier bills charged
// for those parcels (docs/LOGISTICS.md, part cost). Text in the reader's language (--lang, else
// LC_ALL/LANG); --json prints the figures with money as decimal strings ("1234.50") and rates as
// ratios (0.038 = 3.8 %).
import { systemClock } from "../../core/actor.js";
import { DomainError } from "../../core/errors.js";
import {
  LogisticsDashboardService,
  dashboardTables,
} from "../../modules/logistics/dashboard.service.js";
import type { ShipCostOptions } from "../logistics-commands.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

/** A table as aligned text: columns padded to their widest cell (CJK characters count double). */
function textTable(rows: readonly (string | number | null)[][]): string {
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const cells = rows.map((r) => r.map((c) => (c === null ? "—" : String(c))));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return cells
    .map((r) =>
      r
        .map((c, i) => {
          const pad = " ".repeat(widths[i]! - width(c));
          // Numbers and amounts to the right, words to the left.
          return i > 0 && /^-?[\d.,]+%?$|^—$/.test(c) ? pad + c : c + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function shipCost(o: ShipCostOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const d = await new LogisticsDashboardService({ db: database.db, clock: systemClock }).compute(
      actor.workspaceId,
      { from: o.from, to: o.to },
    );
    if (o.json) {
      console.log(
        JSON.stringify(
          {
            from: d.from,
            to: d.to,
            currency: d.currency,
            ...d.totals,
            byCarrier: d.byCarrier,
            byProvince: d.byProvince,
            byShop: d.byShop,
            byMonth: d.byMonth,
            billed: d.billed,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    // The dashboard's export tables, as text; the per-packer days are the dashboard's, not the cost's.
    const tables = dashboardTables(d, locale).slice(0, 5);
    console.log(tables.map((t) => `${t.title}\n${textTable(t.rows)}`).join("\n\n"));
    return 0;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
