// The customers commands, declared as issue 11 names them (a contract: keep the names and flags):
//   dayclear customers rfm --shop NAME [--window-days N] [--json]
//   dayclear customers dormant --shop NAME [--days N] [--out FILE]
// plus --as-of DATE (the analysis date, default today), --workspace and --lang like the others.
// The implementation lives in commands/customers.ts and is imported only when it runs.
import { Option, type Command } from "commander";
import type { CustomersDormantOptions, CustomersRfmOptions } from "./commands/customers.js";

type Run = (fn: () => Promise<number | void>, lang?: string) => Promise<void>;

const lang = () =>
  new Option(
    "--lang <lang>",
    "language of what it says (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)",
  ).choices(["zh-CN", "en"]);
const workspace = () =>
  new Option("--workspace <name-or-id>", "the workspace (default: the only one in the database)");
const asOf = () =>
  new Option("--as-of <date>", "the analysis date, YYYY-MM-DD (default: today in the workspace)");

export function registerCustomersCommands(
  program: Command,
  dbOption: () => Option,
  run: Run,
): void {
  const customers = program.command("customers").description("Customers (客户): RFM and dormant");
  customers
    .command("rfm")
    .description(
      "RFM of a shop's customers: quintile scores with their cut-offs, one line per segment of the R×F map with its count",
    )
    .addOption(dbOption())
    .requiredOption("--shop <name>", "the shop's name or id")
    .addOption(workspace())
    .option("--window-days <n>", "F and M count the paid orders of the last N days (1–3660)", "365")
    .addOption(asOf())
    .option("--json", "print one object per segment: [{segment, count, cells: [{r, f}]}]")
    .addOption(lang())
    .action((o: CustomersRfmOptions) =>
      run(async () => (await import("./commands/customers.js")).customersRfm(o), o.lang),
    );
  customers
    .command("dormant")
    .description(
      "Customers with no paid order for N days or more, most valuable first, for a win-back campaign",
    )
    .addOption(dbOption())
    .requiredOption("--shop <name>", "the shop's name or id")
    .addOption(workspace())
    .option("--days <n>", "no paid order for this many days or more (1–3660)", "90")
    .addOption(asOf())
    .option("--out <file>", "write the list to a file (CSV, or XLSX for a .xlsx name)")
    .addOption(lang())
    .action((o: CustomersDormantOptions) =>
      run(async () => (await import("./commands/customers.js")).customersDormant(o), o.lang),
    );
}
