// Which workspace a shop-data command works on, as a user meets it: a real process on a real file.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const dayclear = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [bin, ...args], {
    env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", DATABASE_URL: "", LC_ALL: "", ...env },
  }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe("a shop-data command on a database with no workspace", () => {
  const db = join(mkdtempSync(join(tmpdir(), "dayclear-ws-")), "empty.db");
  const kpi = ["kpi", "--db", db, "--shop", "x", "--from", "2026-11-01", "--to", "2026-11-30"];

  it("says there is no workspace yet and how to make one, in the reader's language", async () => {
    await run(process.execPath, [bin, "migrate", "--db", db], {
      env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", DATABASE_URL: "" },
    });
    const en = await dayclear(kpi, { LANG: "en_US.UTF-8" });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("The database has no workspace yet");
    expect(en.stderr).toContain("dayclear demo");
    expect(en.stderr).not.toContain("several");
    const zh = await dayclear(kpi, { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("数据库里还没有工作区");
  }, 60_000);
});
