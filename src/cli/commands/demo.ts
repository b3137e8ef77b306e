import { systemClock } from "../../core/actor.js";
import { demoAccounts, type DemoAccount } from "../../modules/demo/demo.data.js";
import { DemoService } from "../../modules/demo/demo.service.js";
import { openMigrated } from "./open-db.js";
import { listenPort, localUrl } from "./server-url.js";

export async function demo(flags: { db?: string; json?: boolean; port?: string }): Promise<void> {
  const url = localUrl(listenPort(flags.port));
  const { database, description } = await openMigrated(flags);
  try {
    const login = await new DemoService({ db: database.db, clock: systemClock }).ensure();
    const accounts = demoAccounts();
    if (flags.json) {
      console.log(JSON.stringify({ email: login.email, password: login.password, url, accounts }));
      return;
    }
    console.log(
      login.created
        ? `Created the demo shop in ${description}.`
        : `The demo shop exists in ${description}; its accounts have a new password.`,
    );
    console.log(demoSignIn(url, login.password, accounts));
  } finally {
    await database.close();
  }
}

/** What `dayclear demo` prints: where to sign in, the shared password and the accounts to try. */
export function demoSignIn(url: string, password: string, accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const rows = accounts.map(
    (a) =>
      `  ${a.email.padEnd(width)}  ${a.name} (${a.role}${a.department ? `, ${a.department}` : ""})`,
  );
  return [
    `Sign in at ${url} with one of these accounts (server started with the same --port/PORT):`,
    ...rows,
    `Password (every demo account): ${password}`,
  ].join("\n");
}
