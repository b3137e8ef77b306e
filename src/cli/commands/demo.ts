import { systemClock } from "../../core/actor.js";
import { DemoService } from "../../modules/demo/demo.service.js";
import { openMigrated } from "./open-db.js";

export async function demo(flags: { db?: string; json?: boolean }): Promise<void> {
  const { database, description } = await openMigrated(flags);
  try {
    const login = await new DemoService({ db: database.db, clock: systemClock }).ensure();
    if (flags.json) {
      console.log(JSON.stringify({ email: login.email, password: login.password }));
      return;
    }
    console.log(login.created ? `Created the demo shop in ${description}.` : `The demo shop exists in ${description}; its accounts have a new password.`);
    console.log(`Sign in at http://localhost:${process.env.PORT ?? 3000} with\n  email:    ${login.email}\n  password: ${login.password}`);
    console.log("Every demo member (e.g. lin.ke@demo.dayclear.local, a lead) has the same password.");
  } finally {
    await database.close();
  }
}
