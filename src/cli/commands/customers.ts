// dayclear customers rfm --shop NAME [--window-days N] [--as-of DATE] [--json] [--lang L]
// dayclear customers dormant --shop NAME [--days N] [--as-of DATE] [--out FILE] [--lang L]
// The same service as GET /api/v1/customers/rfm and /customers/dormant (docs/CUSTOMERS.md), run as
// the workspace's owner. `rfm --json` prints one object per segment with its count and the
// cut-offs of its R×F cells; `rfm` computes afresh (stored for the customer pages) with a progress
// bar on a terminal's stderr; `dormant --out` writes the export (CSV, or XLSX for a .xlsx name).
import { emptyRange, rangeText } from "../../core/customers/ranges.js";
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { systemClock } from "../../core/actor.js";
import { isSupportedDate } from "../../core/calendar/range.js";
import type { ScoreRange } from "../../core/customers/rfm.js";
import { fail } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { formatMoneyGrouped } from "../../core/money.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { CustomersService, MAX_WINDOW_DAYS } from "../../modules/customers/customers.service.js";
import { ShopRepository } from "../../modules/orders/shop.repository.js";
import type { Database } from "../../db/database.js";
import { cliLocale } from "../locale.js";
import { kpiTable } from "./kpi.js";
import { openMigrated } from "./open-db.js";
import { workspaceActor } from "./shop-context.js";

export interface CustomersRfmOptions {
  db?: string;
  shop: string;
  workspace?: string;
  windowDays?: string;
  asOf?: string;
  json?: boolean;
  lang?: string;
}
export interface CustomersDormantOptions {
  db?: string;
  shop: string;
  workspace?: string;
  days?: string;
  asOf?: string;
  out?: string;
  lang?: string;
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !(n >= 1 && n <= MAX_WINDOW_DAYS))
    throw fail("invalid", "cli.customers.number.invalid", {
      flag,
      min: 1,
      max: MAX_WINDOW_DAYS,
      got: JSON.stringify(value),
    });
  return n;
}

function asOfDate(value: string | undefined): string | undefined {
  if (value !== undefined && !isSupportedDate(value))
    throw fail("invalid", "cli.date.invalid", {
      flag: "--as-of",
      min: LIMITS.dateMin,
      max: LIMITS.dateMax,
      got: JSON.stringify(value),
    });
  return value;
}

async function withShop<T>(
  o: { db?: string; shop: string; workspace?: string },
  fn: (
    s: CustomersService,
    actor: Awaited<ReturnType<typeof workspaceActor>>,
    shop: { id: string; name: string },
    database: Database,
  ) => Promise<T>,
): Promise<T> {
  const { database } = await openMigrated(o);
  try {
    const actor = await workspaceActor(database, o.workspace);
    const shop = await new ShopRepository(database.db).getByNameOrId(actor.workspaceId, o.shop);
    if (!shop) throw fail("invalid", "cli.customers.no_shop", { shop: o.shop });
    return await fn(
      new CustomersService({ db: database.db, clock: systemClock }),
      actor,
      shop,
      database,
    );
  } finally {
    await database.close();
  }
}

/** A score's values, compactly: R "≥10 <11", F and M ">1 ≤2"; "—" when its cut-offs tie. */
const range = (r: ScoreRange) => (emptyRange(r) ? "—" : rangeText(r));

/**
 * The RFM computation's bar (1,000,000 customers take seconds): on `stream` (stderr) only when it
 * is a terminal and the output is not --json, so a pipe or a script reads the report alone.
 */
export async function rfmProgressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  json: boolean | undefined,
  step: string,
) {
  if (json || !stream.isTTY) return null;
  const { default: Progress } = await import("cli-progress");
  const bar = new Progress.SingleBar(
    { format: "{bar} {percentage}% | {step}", hideCursor: true, stream },
    Progress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done: number, total: number) => {
      if (!started) bar.start(total, done, { step });
      else bar.update(done, { step });
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export async function customersRfm(o: CustomersRfmOptions): Promise<number> {
  const locale = cliLocale(o.lang);
  const windowDays = wholeNumber("--window-days", o.windowDays);
  const asOf = asOfDate(o.asOf);
  return withShop(o, async (s, actor, shop) => {
    const bar = await rfmProgressBar(
      process.stderr,
      o.json,
      renderMessage(locale, msg("cli.customers.rfm.progress")),
    );
    // Computed now (and stored for the customer pages), whatever was stored before.
    const rfm = await s
      .rfm(actor, { shop: shop.id, windowDays, asOf, refresh: true, onProgress: bar?.onProgress })
      .finally(() => bar?.stop());
    if (o.json) {
      console.log(
        JSON.stringify(
          rfm.segments.map((g) => ({ segment: g.segment, count: g.count, cells: g.cells })),
        ),
      );
      return 0;
    }
    const out = [
      renderMessage(
        locale,
        msg("cli.customers.rfm.heading", {
          shop: shop.name,
          customers: rfm.customers,
          from: rfm.window.from,
          to: rfm.window.to,
          days: rfm.window.days,
          asOf: rfm.asOf,
        }),
      ),
    ];
    if (rfm.customers === 0) {
      out.push(renderMessage(locale, msg("cli.customers.rfm.none")));
      console.log(out.join("\n"));
      return 0;
    }
    out.push(
      renderMessage(
        locale,
        msg("cli.customers.rfm.cutoffs", {
          r: rfm.cutoffs.r.join(" / "),
          f: rfm.cutoffs.f.join(" / "),
          m: rfm.cutoffs.m.map((fen) => `¥${formatMoneyGrouped(fen)}`).join(" / "),
        }),
      ),
    );
    out.push(
      ...kpiTable(
        locale,
        rfm.segments.map((g) => [
          g.label,
          `${String(g.count).padStart(6)}   ${g.cells
            .map((c) =>
              renderMessage(
                locale,
                msg("cli.customers.rfm.cells", {
                  r: `${c.r.score} (${range(c.r)})`,
                  f: `${c.f.score} (${range(c.f)})`,
                }),
              ),
            )
            .join("; ")}`,
        ]),
      ),
    );
    console.log(out.join("\n"));
    return 0;
  });
}

export async function customersDormant(o: CustomersDormantOptions): Promise<number> {
  const locale: Locale = cliLocale(o.lang);
  const days = wholeNumber("--days", o.days);
  const asOf = asOfDate(o.asOf);
  return withShop(o, async (s, actor, shop) => {
    const x = await s.dormantExport(actor, { shop: shop.id, days, asOf }, locale);
    const count = x.rows.length - 1;
    if (o.out) {
      if (/\.xlsx$/i.test(o.out)) {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("dormant");
        for (const r of x.rows) ws.addRow(r);
        writeFileSync(o.out, Buffer.from(await wb.xlsx.writeBuffer()));
      } else {
        const cell = (c: string | number) => {
          const t = String(c);
          return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
        };
        writeFileSync(
          o.out,
          "\uFEFF" + x.rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n",
        );
      }
      console.log(
        renderMessage(locale, msg("cli.customers.dormant.written", { count, file: o.out })),
      );
      return 0;
    }
    const heading = renderMessage(
      locale,
      msg("cli.customers.dormant.heading", {
        shop: shop.name,
        count,
        days: x.days,
        lastDate: x.lastDate,
      }),
    );
    console.log([heading, ...x.rows.map((r) => r.join("\t"))].join("\n"));
    return 0;
  });
}
