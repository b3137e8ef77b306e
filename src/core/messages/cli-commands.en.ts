// What the CLI's own commands say (serve, migrate, demo, backup, remind, kpi), rendered in the
// CLI's language: --lang, else LC_ALL/LC_MESSAGES/LANG (src/cli/locale.ts). The Chinese texts are
// in cli-commands.zh-CN.ts, typed by these keys.
export const CLI_COMMANDS_EN = {
  "cli.date.invalid": "{flag} is a date YYYY-MM-DD from {min} to {max} (got {got})",
  "cli.port.invalid": '--port must be a port number, not "{port}"',
  "cli.file.not_found": "No such file: {path}",
  "cli.file.not_readable": "Cannot read {path}: permission denied",
  "cli.file.is_directory": "{path} is a folder, not a file",
  // Commander's usage errors (src/cli/commander-output.ts); --help itself stays English.
  "cli.usage.error": "error: {problem}",
  "cli.usage.required_option": "required option '{option}' not specified",
  "cli.usage.option_argument_missing": "option '{option}' argument missing",
  "cli.usage.missing_argument": "missing required argument '{argument}'",
  "cli.usage.invalid_choice":
    "option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.",
  "cli.usage.unknown_option": "unknown option '{option}'",
  "cli.usage.unknown_command": "unknown command '{command}'",
  "cli.usage.too_many_arguments":
    "too many arguments. Expected {expected} argument(s) but got {got}.",
  "cli.usage.too_many_arguments_for":
    "too many arguments for '{command}'. Expected {expected} argument(s) but got {got}.",
  "cli.usage.did_you_mean": "(Did you mean {names}?)",
  // dayclear serve
  "cli.serve.running": "Dayclear is running on {database}\n  ➜  {url}",
  "cli.serve.grace":
    "Dayclear: requests still under way {ms} ms after {signal}; exiting without them",
  "cli.serve.shutdown_failed": "Dayclear: shutdown failed: {error}",
  // dayclear migrate
  "cli.migrate.applied": "Applied {count} migration(s) to {database}: {names}",
  "cli.migrate.up_to_date": "{database} is up to date.",
  // dayclear demo
  "cli.demo.created": "Created the demo shop in {database}.",
  "cli.demo.exists": "The demo shop exists in {database}; its accounts have a new password.",
  "cli.demo.sign_in":
    "Sign in at {url} with one of these accounts (server started with the same --port/PORT):",
  "cli.demo.account": "{name} ({role})",
  "cli.demo.account_in": "{name} ({role}, {department})",
  "cli.demo.password": "Password (every demo account): {password}",
  // dayclear backup
  "cli.backup.postgres":
    'This instance uses PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=dayclear.dump "$DATABASE_URL"',
  "cli.backup.needs_sqlite": "backup needs a SQLite database file",
  "cli.backup.exists": "{file} exists; choose another file",
  "cli.backup.done": "Backed up {database} to {file} ({size} KiB)",
  // dayclear remind
  "cli.remind.sent_one": "Sent {count} goal reminder.",
  "cli.remind.sent": "Sent {count} goal reminders.",
  "cli.remind.failed": "goal reminders for workspace {workspace} failed: {error}",
  // dayclear kpi: a heading, then one line per KPI (label, value)
  "cli.kpi.no_shop": 'No shop named "{shop}" in this workspace',
  "cli.kpi.heading": "{shop}, {from} – {to} ({currency})",
  "cli.kpi.gmv": "GMV",
  "cli.kpi.gmv_value": "{gmv}   (net of refunds {net})",
  "cli.kpi.paid_orders": "Paid orders",
  "cli.kpi.aov": "AOV",
  "cli.kpi.refund_rate": "Refund rate",
  "cli.kpi.refund_rate_value": "{orders} of orders, {amount} of GMV",
  "cli.kpi.conversion": "Conversion",
  "cli.kpi.conversion_value": "{rate} ({buyers} buyers / {visitors} visitors)",
  "cli.kpi.conversion_no_visitors": "{rate} (no visitor counts imported)",
  "cli.kpi.repurchase": "Repurchase",
  "cli.kpi.repurchase_value": "{rate}; {new} new, {returning} returning customers",
} as const satisfies Record<string, string>;
