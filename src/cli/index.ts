// The `dayclear` command. Each command's module is imported only when it runs, so quick commands
// such as `dayclear schedule` start without loading the server.
import { Command, Option } from "commander";
import { commanderOutput } from "./commander-output.js";

const program = new Command();
program
  .name("dayclear")
  .description("Dayclear (日清) — plans into people's days, shop data into pay")
  // Usage errors in the reader's language (--lang, else LANG); the subcommands inherit it.
  .configureOutput(commanderOutput())
  .showHelpAfterError();

const dbOption = () =>
  new Option(
    "--db <file>",
    "SQLite database file (default $DAYCLEAR_DB or ./data/dayclear.db; DATABASE_URL selects PostgreSQL)",
  );
const langOption = (what = "language of what it says") =>
  new Option(
    "--lang <lang>",
    `${what} (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)`,
  ).choices(["zh-CN", "en"]);
/** Runs a command; an error it throws is said in its --lang, else the environment's language. */
const run = (fn: () => Promise<number | void>, lang?: string) =>
  fn().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    async (err: unknown) => {
      const { cliErrorText, cliLocale } = await import("./locale.js");
      process.stderr.write(`dayclear: ${cliErrorText(err, cliLocale(lang))}\n`);
      process.exitCode = 1;
    },
  );

program
  .command("serve")
  .description("Migrate the database and serve the web app and API")
  .addOption(dbOption())
  .option("--port <port>", "port to listen on (default $PORT or 3000)")
  .option("--host <host>", "address to bind (default $HOST or 0.0.0.0)")
  .addOption(langOption())
  .action((o: { db?: string; port?: string; host?: string; lang?: string }) =>
    run(async () => (await import("./commands/serve.js")).serve(o), o.lang),
  );

program
  .command("migrate")
  .description("Bring the database schema up to date")
  .addOption(dbOption())
  .addOption(langOption())
  .action((o: { db?: string; lang?: string }) =>
    run(async () => (await import("./commands/migrate.js")).migrate(o), o.lang),
  );

program
  .command("demo")
  .description("Create the demo shop (or reset its password) and print how to sign in")
  .addOption(dbOption())
  .option(
    "--port <port>",
    "the port `dayclear serve` uses, for the printed URL (default $PORT or 3000)",
  )
  .option("--json", 'print {"email", "password", "url", "accounts"} as JSON')
  .addOption(langOption())
  .action((o: { db?: string; json?: boolean; port?: string; lang?: string }) =>
    run(async () => (await import("./commands/demo.js")).demo(o), o.lang),
  );

const user = program.command("user").description("Manage accounts");
user
  .command("create")
  .description("Create an account: the owner of a new workspace, or a member of an existing one")
  .addOption(dbOption())
  .requiredOption("--email <email>")
  .requiredOption("--name <name>")
  .option("--password <password>", "initial password (generated and printed when omitted)")
  .option(
    "--workspace <name-or-id>",
    "existing workspace to join, or the name of a new one (default: new workspace named after the user)",
  )
  .addOption(
    new Option("--role <role>", "role in an existing workspace")
      .choices(["owner", "lead", "member"])
      .default("member"),
  )
  .addOption(
    new Option(
      "--lang <lang>",
      "language of what it says (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)",
    ).choices(["zh-CN", "en"]),
  )
  .action(
    (o: {
      db?: string;
      email: string;
      name: string;
      password?: string;
      workspace?: string;
      role: "owner" | "lead" | "member";
      lang?: string;
    }) => run(async () => (await import("./commands/user-create.js")).userCreate(o)),
  );

program
  .command("backup")
  .description("Write a consistent snapshot of the SQLite database (safe while serving)")
  .addOption(dbOption())
  .argument("[file]", "where to write the snapshot (default ./data/backup-<time>.db)")
  .addOption(langOption())
  .action((file: string | undefined, o: { db?: string; lang?: string }) =>
    run(async () => (await import("./commands/backup.js")).backup(file, o), o.lang),
  );

program
  .command("remind")
  .description(
    "Send the goal reminders due now (once a day per person and cycle, after 09:00 local time)",
  )
  .addOption(dbOption())
  .addOption(langOption())
  .action((o: { db?: string; lang?: string }) =>
    run(async () => (await import("./commands/remind.js")).remind(o), o.lang),
  );

program
  .command("schedule")
  .description("Schedule a plan file (dayclear.plan/v1, team or abstract) or a PSPLIB .sm file")
  .argument("<plan>", "plan file")
  .option("--out <file>", "write the result here instead of stdout")
  .option("--effort <effort>", "quick, or the number of schedules to search (e.g. 5000)", "quick")
  .option("--seed <seed>", "random seed", "1")
  .addOption(
    new Option(
      "--lang <lang>",
      "language of problems and notes on stderr (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)",
    ).choices(["zh-CN", "en"]),
  )
  .action((file: string, o: { out?: string; effort?: string; seed?: string; lang?: string }) =>
    run(async () => (await import("./commands/schedule.js")).scheduleCommand(file, o)),
  );

program
  .command("whatif")
  .description(
    "Corrective actions for a late team plan file (dayclear.plan/v1): each option's predicted finish and cost (hours moved, overtime added), and the best combination",
  )
  .argument("<plan>", "plan file (e.g. from GET /api/v1/plans/{id}/plan-file)")
  .option(
    "--deadline <date>",
    "the date to meet, YYYY-MM-DD (default: the latest task deadline in the file)",
  )
  .option("--json", "print dayclear.whatif/v1 JSON (codes and texts in the reader's language)")
  .addOption(langOption())
  .action((file: string, o: { deadline?: string; json?: boolean; lang?: string }) =>
    run(async () => (await import("./commands/whatif.js")).whatifCommand(file, o), o.lang),
  );

const importCmd = program.command("import").description("Import data files");
importCmd
  .command("orders")
  .description(
    "Import order, refund or visitor exports (Taobao/Tmall, JD, Pinduoduo, Douyin, Shopify, WooCommerce, or a saved column mapping) into a shop; all files or nothing",
  )
  .argument(
    "<files...>",
    "CSV or XLSX files, any number (exports/*.csv; a Taobao order report with its item report), one import with a progress bar over all of them; large CSV order exports are streamed; an order is its platform order id (Shopify Id, WooCommerce Order ID, 订单编号): in several files it is imported once, in its latest state; one order number under several ids (several Shopify stores) is several orders, and the summary suggests one shop per store",
  )
  .addOption(dbOption())
  .requiredOption("--shop <name>", "the shop (created when the name is new)")
  .option("--workspace <name-or-id>", "the workspace (default: the only one in the database)")
  .option("--format <format>", "auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:NAME", "auto")
  .option("--dry-run", "check and report, store nothing")
  .option(
    "--json",
    "print a JSON summary (each problem and warning with its code, params and text)",
  )
  .addOption(
    new Option(
      "--lang <lang>",
      "language of problems and notes (default: LC_ALL/LC_MESSAGES/LANG, zh… → Chinese, else English)",
    ).choices(["zh-CN", "en"]),
  )
  .action(
    (
      files: string[],
      o: {
        db?: string;
        shop: string;
        workspace?: string;
        format?: string;
        dryRun?: boolean;
        json?: boolean;
        lang?: string;
      },
    ) => run(async () => (await import("./commands/import-orders.js")).importOrders(files, o)),
  );

program
  .command("kpi")
  .description("Shop KPIs for a date range")
  .addOption(dbOption())
  .requiredOption("--shop <name>", "shop name or id")
  .requiredOption("--from <date>", "first day, YYYY-MM-DD")
  .requiredOption("--to <date>", "last day, YYYY-MM-DD")
  .option("--workspace <name-or-id>", "the workspace (default: the only one in the database)")
  .option("--json", "print {gmv, paidOrders, aov, refundRate, conversion, currency}")
  .addOption(langOption())
  .action(
    (o: {
      db?: string;
      shop: string;
      from: string;
      to: string;
      workspace?: string;
      json?: boolean;
      lang?: string;
    }) => run(async () => (await import("./commands/kpi.js")).kpiCommand(o), o.lang),
  );

const cases = program.command("cases").description("After-sales cases (售后)");
cases
  .command("import")
  .description(
    "Import after-sales exports (Taobao/Tmall 退款管理, JD 服务单, Pinduoduo/Douyin 售后单, Shopify returns, WooCommerce refunds, or a saved mapping) into an existing shop; all files or nothing; importing again updates the cases, never duplicates them",
  )
  .argument("<files...>", "CSV (GBK or UTF-8) or XLSX files")
  .addOption(dbOption())
  .requiredOption("--shop <name>", "the shop's name or id")
  .option("--workspace <name-or-id>", "the workspace (default: the only one in the database)")
  .option("--format <format>", "auto|taobao|jd|pdd|douyin|shopify|woocommerce|mapping:NAME", "auto")
  .option("--dry-run", "check and report, store nothing")
  .option(
    "--json",
    "print a JSON summary (each problem and warning with its code, params and text)",
  )
  .addOption(langOption("language of problems and notes"))
  .action(
    (
      files: string[],
      o: {
        db?: string;
        shop: string;
        workspace?: string;
        format?: string;
        dryRun?: boolean;
        json?: boolean;
        lang?: string;
      },
    ) =>
      run(async () => (await import("./commands/cases-import.js")).casesImport(files, o), o.lang),
  );

const { registerLogisticsCommands } = await import("./logistics-commands.js");
registerLogisticsCommands(program, dbOption, run);
const { registerCustomersCommands } = await import("./customers-commands.js");
registerCustomersCommands(program, dbOption, run);

await program.parseAsync(process.argv);
