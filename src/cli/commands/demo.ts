// dayclear demo [--json] [--lang L]: creates the demo shop (or gives its accounts a new password)
// and says how to sign in, in the CLI's language (--lang, else LC_ALL/LANG).
import { systemClock } from "../../core/actor.js";
import { msg, renderMessage, type Locale } from "../../core/messages/index.js";
import { demoAccounts, type DemoAccount } from "../../modules/demo/demo.data.js";
import { DemoService } from "../../modules/demo/demo.service.js";
import { cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";
import { listenPort, localUrl } from "./server-url.js";

export async function demo(flags: {
  db?: string;
  json?: boolean;
  port?: string;
  lang?: string;
}): Promise<void> {
  const locale = cliLocale(flags.lang);
  const url = localUrl(listenPort(flags.port));
  const { database, description } = await openMigrated(flags);
  try {
    const login = await new DemoService({ db: database.db, clock: systemClock }).ensure();
    const accounts = demoAccounts();
    if (flags.json) {
      console.log(JSON.stringify({ email: login.email, password: login.password, url, accounts }));
      return;
    }
    const said = login.created
      ? msg("cli.demo.created", { database: description })
      : msg("cli.demo.exists", { database: description });
    console.log(renderMessage(locale, said));
    console.log(demoSignIn(url, login.password, accounts, locale));
  } finally {
    await database.close();
  }
}

/** What `dayclear demo` prints: where to sign in, the shared password and the accounts to try. */
export function demoSignIn(
  url: string,
  password: string,
  accounts: DemoAccount[],
  locale: Locale = "en",
): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const rows = accounts.map((a) => {
    const role = msg(`org.role.${a.role}`);
    const who = a.department
      ? msg("cli.demo.account_in", { name: a.name, role, department: a.department })
      : msg("cli.demo.account", { name: a.name, role });
    return `  ${a.email.padEnd(width)}  ${renderMessage(locale, who)}`;
  });
  return [
    renderMessage(locale, msg("cli.demo.sign_in", { url })),
    ...rows,
    renderMessage(locale, msg("cli.demo.password", { password })),
  ].join("\n");
}
