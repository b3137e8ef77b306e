// `dayclear remind` as a cron job runs it: a real process on a real database file.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../core/actor.js";
import { addDays } from "../../core/calendar/date.js";
import { openDatabase } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { presentNotification } from "../../modules/daily/notifications.js";
import { buildMember, buildWorkspace, services } from "../../../test/helpers/factories.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const dayclear = (args: string[]) =>
  run(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      DAYCLEAR_FROM_SOURCE: "1",
      DATABASE_URL: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "en_US.UTF-8",
    },
  });

/** A fixed-offset zone where it is now between 12:00 and 13:00, so reminders are due whenever the test runs. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours(); // −11 … +12
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`; // POSIX sign: Etc/GMT-8 is UTC+8
}

describe("dayclear remind", () => {
  it("sends the goal reminders due now, once a day, and says how many", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "dayclear-remind-")), "shop.db");
    const database = openDatabase({ file });
    await migrateToLatest(database);
    const s = services(database, systemClock);
    const { owner } = await buildWorkspace(s);
    const { member } = await buildMember(s, owner, { name: "设计专员" });
    await s.workspaces.update(owner, {
      version: (await s.workspaces.get(owner)).version,
      timeZone: zoneAtNoon(),
    });
    const today = new Date().toISOString().slice(0, 10);
    const cycle = await s.goals.createCycle(owner, {
      name: "本月",
      kind: "custom",
      from: addDays(today, -20),
      to: addDays(today, 20),
    });
    await database.close();

    expect((await dayclear(["remind", "--db", file])).stdout).toBe("Sent 1 goal reminder.\n");
    expect((await dayclear(["remind", "--db", file])).stdout).toBe("Sent 0 goal reminders.\n");

    const check = openDatabase({ file });
    const notes = await check.db
      .selectFrom("notifications")
      .selectAll()
      .where("kind", "=", "goal.reminder")
      .execute();
    await check.close();
    // Stored as messages: the member reads it in their language, and switching re-renders it.
    expect(notes.map((n) => [n.memberId, n.link])).toEqual([
      [member.id, `/goals?cycle=${cycle.id}`],
    ]);
    const read = (locale: "zh-CN" | "en") => {
      const n = presentNotification(notes[0]!, locale);
      return [n.title, n.body];
    };
    expect(read("zh-CN")).toEqual(["目标待办：本月", "制定目标"]);
    expect(read("en")).toEqual(["Goals to do: 本月", "Set your goals"]);
  }, 60_000);
});
