// dayclear kpi --shop NAME --from DATE --to DATE [--json] [--lang L]
// The table is in the CLI's language (--lang, else LC_ALL/LANG); --json prints the numbers alone.
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import { fail } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { msg, renderMessage, type Locale, type Message } from "../../core/messages/index.js";
import { KpiService } from "../../modules/orders/kpi.service.js";
import { ShopRepository } from "../../modules/orders/shop.repository.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);
const count = (n: number | null) => (n === null ? "—" : n);

/** Columns a text takes in a terminal: CJK and full-width characters take two. */
const columns = (text: string) =>
  [...text].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

/** Labelled lines with the values in one column, whatever the labels' language. */
export function kpiTable(locale: Locale, rows: [Message, Message | string | number][]): string[] {
  const labels = rows.map(([label]) => renderMessage(locale, label));
  const width = Math.max(...labels.map(columns));
  return rows.map(([, value], i) => {
    const label = labels[i]!;
    const text = typeof value === "object" ? renderMessage(locale, value) : String(value);
    return `  ${label}${" ".repeat(width - columns(label) + 2)}${text}`;
  });
}

export async function kpiCommand(o: {
  db?: string;
  shop: string;
  from: string;
  to: string;
  workspace?: string;
  json?: boolean;
  lang?: string;
}): Promise<number> {
  const locale = cliLocale(o.lang);
  for (const [flag, value] of [
    ["--from", o.from],
    ["--to", o.to],
  ] as const) {
    if (!isSupportedDate(value))
      throw fail("invalid", "cli.date.invalid", {
        flag,
        min: LIMITS.dateMin,
        max: LIMITS.dateMax,
        got: JSON.stringify(value),
      });
  }
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const shop = await new ShopRepository(database.db).getByNameOrId(actor.workspaceId, o.shop);
    if (!shop) throw fail("invalid", "cli.kpi.no_shop", { shop: o.shop });
    const k = await new KpiService({ db: database.db, clock: systemClock }).compute(
      actor.workspaceId,
      { shopIds: [shop.id], from: o.from, to: o.to, repurchase: !o.json },
    );
    const t = k.totals;
    if (o.json) {
      console.log(
        JSON.stringify({
          gmv: t.gmv,
          paidOrders: t.paidOrders,
          aov: t.aov,
          refundRate: t.refundRate,
          conversion: t.conversion,
          currency: k.currency,
        }),
      );
      return 0;
    }
    const heading = msg("cli.kpi.heading", {
      shop: shop.name,
      from: o.from,
      to: o.to,
      currency: k.currency,
    });
    const conversion = t.visitors
      ? msg("cli.kpi.conversion_value", {
          rate: pct(t.conversion),
          buyers: t.buyers,
          visitors: t.visitors,
        })
      : msg("cli.kpi.conversion_no_visitors", { rate: pct(t.conversion) });
    const lines = kpiTable(locale, [
      [msg("cli.kpi.gmv"), msg("cli.kpi.gmv_value", { gmv: t.gmv, net: t.netGmv })],
      [msg("cli.kpi.paid_orders"), t.paidOrders],
      [msg("cli.kpi.aov"), t.aov],
      [
        msg("cli.kpi.refund_rate"),
        msg("cli.kpi.refund_rate_value", {
          orders: pct(t.refundRate),
          amount: pct(t.refundAmountRate),
        }),
      ],
      [msg("cli.kpi.conversion"), conversion],
      [
        msg("cli.kpi.repurchase"),
        msg("cli.kpi.repurchase_value", {
          rate: pct(t.repurchaseRate),
          new: count(t.newCustomers),
          returning: count(t.returningCustomers),
        }),
      ],
    ]);
    console.log([renderMessage(locale, heading), ...lines].join("\n"));
    return 0;
  } finally {
    await database.close();
  }
}
