// The logistics commands, declared as issue 14 names them (a contract: keep the names and flags):
//   dayclear ship queue --shop NAME [--json]
//   dayclear ship tracking FILE... --shop NAME [--mapping NAME] [--dry-run] [--json]
//   dayclear ship export --shop NAME --platform taobao|jd|pdd|douyin|shopify|woocommerce [--batch ID | --from DATE --to DATE] [--out FILE]
//   dayclear ship cost --from DATE --to DATE [--json]
//   dayclear rates import FILE --carrier CODE [--valid-from DATE] [--divisor N] [--volumetric none|full|half:PCT] [--step-rounding 1|0.5] [--json]
//   dayclear rates quote (--carrier CODE | --all) --province P --weight KG [--dims LxWxH] [--on DATE] [--json]
// Each implementation lives in commands/<name>.ts and is imported only when it runs. A file with
// problems exits non-zero and changes nothing.
import { Option, type Command } from "commander";

type Run = (fn: () => Promise<number | void>) => Promise<void>;

const lang = () =>
  new Option(
    "--lang <lang>",
    "language of problems and notes (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)",
  ).choices(["zh-CN", "en"]);
const workspace = () =>
  new Option("--workspace <name-or-id>", "the workspace (default: the only one in the database)");

export interface ShipQueueOptions {
  db?: string;
  shop: string;
  workspace?: string;
  json?: boolean;
  lang?: string;
}
export interface ShipTrackingOptions {
  db?: string;
  shop: string;
  workspace?: string;
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
  lang?: string;
}
export interface ShipExportOptions {
  db?: string;
  shop: string;
  workspace?: string;
  platform: string;
  batch?: string;
  from?: string;
  to?: string;
  out?: string;
  lang?: string;
}
export interface ShipCostOptions {
  db?: string;
  workspace?: string;
  from: string;
  to: string;
  json?: boolean;
  lang?: string;
}
export interface RatesImportOptions {
  db?: string;
  workspace?: string;
  carrier: string;
  validFrom?: string;
  divisor?: string;
  volumetric?: string;
  stepRounding?: string;
  json?: boolean;
  lang?: string;
}
export interface RatesQuoteOptions {
  db?: string;
  workspace?: string;
  carrier?: string;
  all?: boolean;
  province: string;
  weight: string;
  dims?: string;
  on?: string;
  json?: boolean;
  lang?: string;
}

export function registerLogisticsCommands(program: Command, dbOption: () => Option, run: Run) {
  const ship = program
    .command("ship")
    .description("Logistics: the queue, tracking numbers, write-back files and costs");
  ship
    .command("queue")
    .description("List the shop's paid, unshipped orders by ship-by time (待发货)")
    .addOption(dbOption())
    .requiredOption("--shop <name>", "shop name or id")
    .addOption(workspace())
    .option("--json", "print the queue as JSON")
    .addOption(lang())
    .action((o: ShipQueueOptions) =>
      run(async () => (await import("./commands/ship-queue.js")).shipQueue(o)),
    );
  ship
    .command("tracking")
    .description(
      "Import waybill numbers (order number → carrier, waybill, weight) from e-waybill or carrier exports; all files or nothing",
    )
    .argument("<files...>", "CSV or XLSX files")
    .addOption(dbOption())
    .requiredOption("--shop <name>", "shop name or id")
    .addOption(workspace())
    .option("--mapping <name>", "a saved column mapping for another layout")
    .option("--dry-run", "check and report, store nothing")
    .option("--json", "print a JSON summary (each problem with its code, params and text)")
    .addOption(lang())
    .addHelpText(
      "after",
      `
Files: CSV in GBK/GB18030 or UTF-8 (with or without BOM), or XLSX (first sheet); one row per order,
the header found among the first rows, columns by name (Chinese or English):
  订单号/订单编号/平台订单号/Order number   the shop's order number (required)
  运单号/快递单号/物流单号/面单号/Waybill/Tracking number   7–40 letters, digits, dashes (required)
  快递公司/物流公司/承运商/Carrier   a carrier's name, code or alias (顺丰, SF, 中通快递, ZTO Express …);
      without it SF… and JD… numbers name their carrier, others need the column or a mapping's carrier
  重量/重量(kg)/Weight (kg)   kilograms (0.52) or grams (520g; a header in (g) or (克) means grams)
Other layouts: --mapping NAME, a tracking mapping saved in the web app (logistics_mappings: which
header holds order, carrier, waybill, weight; the weight's unit; a carrier for files without one).
Each order of the shop gets a parcel (made when it has none) with the carrier, waybill and weight,
and is shipped; importing again updates. Refused whole (exit 1, each problem with file, row and
column): an unknown order, carrier or weight, a waybill on two orders or another parcel, an order
refunded in full, cancelled or unpaid, an order split into parcels. --json prints {shopId, dryRun,
files, rows, parcelsCreated, updated, unchanged, errors, warnings}. See docs/LOGISTICS.md.`,
    )
    .action((files: string[], o: ShipTrackingOptions) =>
      run(async () => (await import("./commands/ship-tracking.js")).shipTracking(files, o)),
    );
  ship
    .command("export")
    .description("Write the file a platform's back end takes to mark orders shipped")
    .addOption(dbOption())
    .requiredOption("--shop <name>", "shop name or id")
    .addOption(workspace())
    .addOption(
      new Option("--platform <platform>", "the platform's layout")
        .choices(["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"])
        .makeOptionMandatory(),
    )
    .option("--batch <id>", "the parcels of one batch (its id or number)")
    .option("--from <date>", "shipped from this day, YYYY-MM-DD")
    .option("--to <date>", "shipped through this day, YYYY-MM-DD")
    .option("--out <file>", "write here (default: stdout)")
    .addOption(lang())
    .addHelpText(
      "after",
      `
The shop's shipped parcels (with a waybill) of --batch, or shipped on the workspace's days
--from..--to (at most 93), one row per order, in the layout its back end's upload takes:
  taobao       CSV in GBK:   订单编号, 物流公司, 运单号
  jd           XLSX:         订单号, 物流公司, 运单号
  pdd          XLSX:         订单号, 快递公司, 快递单号
  douyin       XLSX:         订单号, 物流公司, 运单号
  shopify      UTF-8 CSV:    Name, Command (UPDATE), Fulfillment: Status (success),
                             Fulfillment: Tracking Company, Fulfillment: Tracking Number, Fulfillment: Send Receipt
  woocommerce  UTF-8 CSV:    order_id, tracking_provider, tracking_number, date_shipped (DD-MM-YYYY), status_shipped (1)
The carrier is written as that platform names it (the carrier's code for the platform, else its
name). A shop's write-back template (web app) renames the headers and may choose csv-gbk, csv-utf8,
csv-utf8-bom or xlsx. The file is recorded and its parcels marked exported: once the platform's next
order export is imported, the write-back check lists every order that disagrees. Nothing shipped in
the scope exits 1. See docs/LOGISTICS.md.`,
    )
    .action((o: ShipExportOptions) =>
      run(async () => (await import("./commands/ship-export.js")).shipExport(o)),
    );
  ship
    .command("cost")
    .description("Logistics cost for a date range: by carrier, province and shop, and per parcel")
    .addOption(dbOption())
    .requiredOption("--from <date>", "first day, YYYY-MM-DD")
    .requiredOption("--to <date>", "last day, YYYY-MM-DD")
    .addOption(workspace())
    .option("--json", "print the figures as JSON (money as decimal strings)")
    .addOption(lang())
    .addHelpText(
      "after",
      `
Counts the parcels shipped (not cancelled) on the workspace's days --from..--to (its time zone), at
the cost computed from each carrier's rate card. Prints, in the reader's language: the totals, the
cost per parcel (cost ÷ parcels with a cost, rounded to the fen), the cost rate 物流成本率 (cost ÷ the
GMV, by paid date in the range, of the shops that shipped those parcels), the ship-on-time rate,
missed and wrong shipments, what carrier bills charged for those parcels, and the cost by carrier,
province, month and shop. --json prints {from, to, currency, parcels, costed, notCosted, cost,
costPerParcel, sales, costRate, byCarrier, byProvince, byShop, byMonth, billed}: money as decimal
strings ("17.10"), rates as ratios (0.038 = 3.8 %). See docs/LOGISTICS.md.`,
    )
    .action((o: ShipCostOptions) =>
      run(async () => (await import("./commands/ship-cost.js")).shipCost(o)),
    );

  const rates = program.command("rates").description("Carrier rate cards");
  rates
    .command("import")
    .description(
      "Import a rate card (CSV/XLSX, GBK or UTF-8, one row per zone band; or dayclear.rate-card/v1 JSON); all or nothing",
    )
    .argument("<file>", "the rate card file")
    .addHelpText(
      "after",
      `
Spreadsheet (CSV in GBK or UTF-8, or XLSX; first sheet), one row per zone band, Chinese or English headers:
  区域/zone  省份/provinces (separated by 、 or ,: 34 province names, short names or GB/T 2260 codes)
  起始重量/from_kg  截止重量/to_kg (kg, at most 3 decimals; a band is (from, to]: 0–3 includes 3.00; empty to = no upper bound)
  方式/mode (一口价|flat, 首重续重|first_additional; empty: flat when a price is given)
  价格/price (flat)  首重/first_kg  首重费/first_fee  续重单位/step_kg (1 or 0.5)  续重费/step_fee (yuan)
A zone's provinces are on its first row (later rows repeat them or leave the cell empty). The bands of
a zone start at 0 and follow one another without gap or overlap; a province is in one zone only.
JSON: {"format":"dayclear.rate-card/v1","settings":{"divisor":6000|null,"volumetric":"none|full|half",
  "volumetricPct":50,"stepRounding":"1|0.5","firstWeightMinimum":false,"minimumCharge":"0.00",
  "remoteSurcharge":"0.00","remoteProvinces":["新疆"],"insuranceRate":"0.5","platforms":null},
  "zones":[{"name":"一区","provinces":["浙江"],"bands":[{"fromKg":"0","toKg":"3","mode":"flat","price":"3.40"}]}]}
The options override the file's settings. Chargeable weight = max(actual, L×W×H cm ÷ divisor) (half:
actual + (volumetric − actual) × PCT %), rounded up to the step; fee = flat price, or first fee +
⌈(weight − first kg) ÷ step⌉ × step fee; then the minimum charge, remote surcharge and insurance, rounded
once to the fen. A card applies from its day until the carrier's next card; the same day replaces it.
Problems are printed with row and column; the file is then refused whole (exit 1). See docs/LOGISTICS.md.`,
    )
    .addOption(dbOption())
    .requiredOption("--carrier <code>", "the carrier's code (e.g. SF, ZTO)")
    .addOption(workspace())
    .option("--valid-from <date>", "first day the card applies, YYYY-MM-DD (default: today)")
    .option("--divisor <n>", "volumetric divisor, cm³ per kg (6000, 8000, 12000)")
    .option("--volumetric <mode>", "none | full | half:PCT (计全抛 / 计半抛)")
    .addOption(
      new Option("--step-rounding <kg>", "round actual weight up to").choices(["1", "0.5"]),
    )
    .option("--json", "print the card and what it leaves out as JSON")
    .addOption(lang())
    .action((file: string, o: RatesImportOptions) =>
      run(async () => (await import("./commands/rates-import.js")).ratesImport(file, o)),
    );
  rates
    .command("quote")
    .description("What a parcel costs with a carrier (or every carrier, cheapest first)")
    .addHelpText(
      "after",
      `
Uses the card of each carrier valid on --on (default: today in the workspace's time zone). --weight is
the actual weight in kg (e.g. 1.25), --dims the size in cm (30x20x10) for the volumetric weight. Prints
carrier, chargeable kg, fee and the formula; carriers left out (no card that day, province not covered,
no band for the weight, switched off) are listed on stderr with the reason. --json prints
{"carrier","chargeableKg","fee","formula"} (an array with --all, cheapest first; the fee in yuan as a
decimal string "4.00"; the formula in the reader's language). One carrier that cannot price the parcel
exits 1. See docs/LOGISTICS.md.`,
    )
    .addOption(dbOption())
    .option("--carrier <code>", "the carrier's code")
    .option("--all", "every carrier with a card covering the province, cheapest first")
    .requiredOption("--province <p>", "destination province (full or short name)")
    .requiredOption("--weight <kg>", "actual weight in kg")
    .option("--dims <LxWxH>", "size in cm, e.g. 30x20x10")
    .option("--on <date>", "the day whose rate card applies (default: today)")
    .addOption(workspace())
    .option("--json", 'print {"carrier","chargeableKg","fee","formula"} (an array with --all)')
    .addOption(lang())
    .action((o: RatesQuoteOptions) =>
      run(async () => (await import("./commands/rates-quote.js")).ratesQuote(o)),
    );
}
