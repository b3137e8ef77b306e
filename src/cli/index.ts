// The `dayclear` command. Each command's module is imported only when it runs, so quick commands
// such as `dayclear schedule` start without loading the server.
import { Command, Option } from "commander";

const program = new Command();
program
  .name("dayclear")
  .description("Dayclear (日清) — plans into people's days, shop data into pay")
  .showHelpAfterError();

const dbOption = () =>
  new Option(
    "--db <file>",
    "SQLite database file (default $DAYCLEAR_DB or ./data/dayclear.db; DATABASE_URL selects PostgreSQL)",
  );
const run = (fn: () => Promise<number | void>) =>
  fn().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    async (err: unknown) => {
      const { cliErrorText } = await import("./locale.js");
      process.stderr.write(`dayclear: ${cliErrorText(err)}\n`);
      process.exitCode = 1;
    },
  );

program
  .command("serve")
  .description("Migrate the database and serve the web app and API")
  .addOption(dbOption())
  .option("--port <port>", "port to listen on (default $PORT or 3000)")
  .option("--host <host>", "address to bind (default $HOST or 0.0.0.0)")
  .action((o: { db?: string; port?: string; host?: string }) =>
    run(async () => (await import("./commands/serve.js")).serve(o)),
  );

program
  .command("migrate")
  .description("Bring the database schema up to date")
  .addOption(dbOption())
  .action((o: { db?: string }) =>
    run(async () => (await import("./commands/migrate.js")).migrate(o)),
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
  .action((o: { db?: string; json?: boolean; port?: string }) =>
    run(async () => (await import("./commands/demo.js")).demo(o)),
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
  .action(
    (o: {
      db?: string;
      email: string;
      name: string;
      password?: string;
      workspace?: string;
      role: "owner" | "lead" | "member";
    }) => run(async () => (await import("./commands/user-create.js")).userCreate(o)),
  );

program
  .command("backup")
  .description("Write a consistent snapshot of the SQLite database (safe while serving)")
  .addOption(dbOption())
  .argument("[file]", "where to write the snapshot (default ./data/backup-<time>.db)")
  .action((file: string | undefined, o: { db?: string }) =>
    run(async () => (await import("./commands/backup.js")).backup(file, o)),
  );

program
  .command("remind")
  .description(
    "Send the goal reminders due now (once a day per person and cycle, after 09:00 local time)",
  )
  .addOption(dbOption())
  .action((o: { db?: string }) =>
    run(async () => (await import("./commands/remind.js")).remind(o)),
  );

program
  .command("schedule")
  .description("Schedule a plan file (dayclear.plan/v1, team or abstract) or a PSPLIB .sm file")
  .argument("<plan>", "plan file")
  .option("--out <file>", "write the result here instead of stdout")
  .option("--effort <effort>", "quick, or the number of schedules to search (e.g. 5000)", "quick")
  .option("--seed <seed>", "random seed", "1")
  .action((file: string, o: { out?: string; effort?: string; seed?: string }) =>
    run(async () => (await import("./commands/schedule.js")).scheduleCommand(file, o)),
  );

const importCmd = program.command("import").description("Import data files");
importCmd
  .command("orders")
  .description(
    "Import order, refund or visitor exports (Taobao/Tmall, JD, Pinduoduo, Douyin, Shopify, WooCommerce, or a saved column mapping) into a shop; all files or nothing",
  )
  .argument("<files...>", "CSV or XLSX files (e.g. a Taobao order report and its item report)")
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
  .action(
    (o: {
      db?: string;
      shop: string;
      from: string;
      to: string;
      workspace?: string;
      json?: boolean;
    }) => run(async () => (await import("./commands/kpi.js")).kpiCommand(o)),
  );

await program.parseAsync(process.argv);
