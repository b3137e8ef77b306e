// dayclear kpi --shop NAME --from DATE --to DATE [--json]
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import { LIMITS } from "../../core/limits.js";
import { KpiService } from "../../modules/orders/kpi.service.js";
import { ShopRepository } from "../../modules/orders/shop.repository.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)} %`);

export async function kpiCommand(o: {
  db?: string;
  shop: string;
  from: string;
  to: string;
  workspace?: string;
  json?: boolean;
}): Promise<number> {
  for (const [flag, value] of [
    ["--from", o.from],
    ["--to", o.to],
  ] as const) {
    if (!isSupportedDate(value))
      throw new Error(
        `${flag} is a date YYYY-MM-DD from ${LIMITS.dateMin} to ${LIMITS.dateMax} (got ${JSON.stringify(value)})`,
      );
  }
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const shop = await new ShopRepository(database.db).getByNameOrId(actor.workspaceId, o.shop);
    if (!shop) throw new Error(`No shop named "${o.shop}" in this workspace`);
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
    console.log(`${shop.name}, ${o.from} – ${o.to} (${k.currency})`);
    console.log(`  GMV          ${t.gmv}   (net of refunds ${t.netGmv})`);
    console.log(`  Paid orders  ${t.paidOrders}`);
    console.log(`  AOV          ${t.aov}`);
    console.log(`  Refund rate  ${pct(t.refundRate)} of orders, ${pct(t.refundAmountRate)} of GMV`);
    console.log(
      `  Conversion   ${pct(t.conversion)}${t.visitors ? ` (${t.buyers} buyers / ${t.visitors} visitors)` : " (no visitor counts imported)"}`,
    );
    console.log(
      `  Repurchase   ${pct(t.repurchaseRate)}; ${t.newCustomers} new, ${t.returningCustomers} returning customers`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
