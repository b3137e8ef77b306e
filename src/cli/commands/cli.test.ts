// The CLI as a user runs it: a real process, a real database file.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const dayclear = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], {
    env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", DATABASE_URL: "", ...env },
  });

describe("dayclear CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-cli-"));
  const db = join(dir, "shop.db");

  it("migrates, creates the demo shop and prints a login as JSON", async () => {
    const migrated = await dayclear(["migrate", "--db", db]);
    expect(migrated.stdout).toMatch(/Applied \d+ migration/);
    const { stdout } = await dayclear(["demo", "--json"], { DAYCLEAR_DB: db });
    const login = JSON.parse(stdout) as { email: string; password: string };
    expect(login.email).toBe("owner@demo.dayclear.local");
    expect(login.password.length).toBeGreaterThanOrEqual(8);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    const members = sqlite.prepare("select count(*) n from members").get() as { n: number };
    const leaves = sqlite.prepare("select count(*) n from leaves").get() as { n: number };
    const departments = sqlite
      .prepare("select name from departments order by sort_order")
      .all() as { name: string }[];
    sqlite.close();
    expect(members.n).toBe(12);
    expect(leaves.n).toBeGreaterThan(0);
    expect(departments.map((d) => d.name)).toEqual(["运营", "设计", "客服", "物流"]);
  }, 60_000);

  it("prints the demo's URL with the port the server uses (--port, else $PORT)", async () => {
    const flag = await dayclear(["demo", "--db", db, "--port", "8123"], { PORT: "9000" });
    expect(flag.stdout).toContain("Sign in at http://localhost:8123 ");
    expect(flag.stdout).toMatch(/Password \(every demo account\): \S{8,}/);
    const env = JSON.parse(
      (await dayclear(["demo", "--db", db, "--json"], { PORT: "8456" })).stdout,
    ) as { url: string; accounts: { email: string }[] };
    expect(env.url).toBe("http://localhost:8456");
    expect(env.accounts.map((a) => a.email)).toContain("wang.fang@demo.dayclear.local");
  }, 60_000);

  it("creates a user in a new workspace and one in an existing workspace", async () => {
    const a = await dayclear([
      "user",
      "create",
      "--db",
      db,
      "--email",
      "boss@example.com",
      "--name",
      "Boss",
      "--password",
      "boss-pass-1",
      "--workspace",
      "CLI Shop",
    ]);
    expect(a.stdout).toContain('Created workspace "CLI Shop"');
    const b = await dayclear([
      "user",
      "create",
      "--db",
      db,
      "--email",
      "packer@example.com",
      "--name",
      "Packer",
      "--workspace",
      "CLI Shop",
    ]);
    expect(b.stdout).toContain("Added packer@example.com to CLI Shop as member");
    expect(b.stdout).toMatch(/Initial password: \S{8,}/);
    await expect(
      dayclear([
        "user",
        "create",
        "--db",
        db,
        "--email",
        "boss@example.com",
        "--name",
        "Again",
        "--workspace",
        "CLI Shop",
      ]),
    ).rejects.toMatchObject({ code: 1 });
  }, 60_000);

  it("backs up SQLite to a consistent file, and points PostgreSQL users to pg_dump", async () => {
    const target = join(dir, "backup.db");
    const { stdout } = await dayclear(["backup", "--db", db, target]);
    expect(stdout).toContain("Backed up");
    expect(existsSync(target)).toBe(true);
    const copy = new BetterSqlite3(target, { readonly: true });
    expect((copy.prepare("select count(*) n from users").get() as { n: number }).n).toBe(14);
    copy.close();
    const pgRun = dayclear(["backup"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    await expect(pgRun).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("pg_dump"),
    });
  }, 60_000);
});
