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
    // English unless a test asks otherwise (the CLI speaks LC_ALL/LC_MESSAGES/LANG's language).
    env: {
      ...process.env,
      DAYCLEAR_FROM_SOURCE: "1",
      DATABASE_URL: "",
      LC_ALL: "",
      LC_MESSAGES: "",
      LANG: "en_US.UTF-8",
      ...env,
    },
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

  it("creates a user in a new workspace and one in an existing workspace, saying so in the reader's language", async () => {
    const en = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
    const zh = { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" };
    const create = (
      file: string,
      email: string,
      name: string,
      more: string[],
      env: Record<string, string>,
    ) => dayclear(["user", "create", "--db", file, "--email", email, "--name", name, ...more], env);
    const a = await create(
      db,
      "boss@example.com",
      "Boss",
      ["--password", "boss-pass-1", "--workspace", "CLI Shop"],
      en,
    );
    expect(a.stdout).toBe("Created workspace “CLI Shop” with owner boss@example.com.\n");
    const b = await create(db, "packer@example.com", "Packer", ["--workspace", "CLI Shop"], en);
    expect(b.stdout).toMatch(
      /^Added packer@example.com to CLI Shop as member\.\nInitial password: \S{8,}\n$/,
    );
    // Another database: a workspace named after its owner in the reader's language (--lang wins
    // over the environment), a lead added in Chinese (LANG) with the role as the web names it.
    const other = join(dir, "other.db");
    const c = await create(other, "solo@example.com", "小王", ["--lang", "zh-CN"], en);
    expect(c.stdout).toMatch(
      /^已创建工作区“小王的店铺”，店主是 solo@example.com。\n初始密码：\S{8,}\n$/,
    );
    const d = await create(
      other,
      "lead@example.com",
      "小李",
      ["--workspace", "小王的店铺", "--role", "lead"],
      zh,
    );
    expect(d.stdout).toMatch(
      /^已把 lead@example.com 加入 小王的店铺，角色：主管。\n初始密码：\S{8,}\n$/,
    );
    const e = await create(other, "sam@example.com", "Sam", [], en);
    expect(e.stdout).toContain("Created workspace “Sam's shop” with owner sam@example.com.");
    // A refusal from the service (the email has an account) in the reader's language, exit 1.
    const again = await create(
      other,
      "solo@example.com",
      "Again",
      ["--workspace", "小王的店铺"],
      zh,
    )
      .then(() => ({ code: 0, stderr: "" }))
      .catch((err: unknown) => err as { code: number; stderr: string });
    expect(again).toMatchObject({
      code: 1,
      stderr: "dayclear: 这个邮箱已经有 Dayclear 账号了，请改为给对方发邀请。\n",
    });
  }, 240_000);

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
