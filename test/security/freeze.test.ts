// Freezes (issue 10, finding 1): on SQLite, the owner or a 运营 member saving or submitting the
// daily report froze every database request of the instance — the draft read the shop's numbers
// through the root database handle while its own transaction held SQLite's only connection, so it
// waited for itself. The report was lost and the process ignored SIGTERM. Here every role of the
// e-commerce template saves and submits over HTTP on both databases while others keep being served,
// the root handle refuses work inside its own transaction, and `dayclear serve` stops on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../src/core/plans/local-date.js";
import { ROOT_HANDLE_IN_TRANSACTION } from "../../src/db/database.js";
import { DIALECTS } from "../helpers/db.js";
import { buildShopTeam, frozenClock, services } from "../helpers/factories.js";
import { Client, startTestApp, type TestApp } from "../helpers/http.js";

/** A frozen instance never answers; a working one answers well within this, even on a busy machine. */
const PROMPT_MS = 10_000;

async function within<T>(
  what: string | (() => string),
  work: Promise<T>,
  ms = PROMPT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const frozen = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${typeof what === "string" ? what : what()} did not answer within ${ms} ms: the instance is frozen`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, frozen]);
  } finally {
    clearTimeout(timer);
  }
}

interface Report {
  status: string;
  note: string | null;
  blockers: string | null;
  submittedAt: string | null;
  draft: { metrics: { key: string }[] };
}

for (const dialect of DIALECTS) {
  describe(`the daily report of every role on ${dialect}`, () => {
    const clock = frozenClock("2026-11-20T02:00:00.000Z");
    const today = "2026-11-20";
    let t: TestApp;
    let bystander: Client;
    const people: { label: string; department: string | null; client: Client; memberId: string }[] =
      [];

    const login = async (email: string, password: string) => {
      const c = new Client(t.app);
      const res = await c.post("/api/v1/auth/login", { email, password });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.raw}`);
      return c;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect, clock);
      const team = await buildShopTeam(services(t.tdb.database, clock));
      const owner = await login(team.email, "owner-password");
      // With a shop the reports of the owner and of 运营 carry the shop's numbers of the day.
      const shop = await owner.post("/api/v1/shops", { name: "天猫旗舰店", platform: "taobao" });
      expect(shop.status, shop.raw).toBe(201);
      people.push({
        label: "owner",
        department: null,
        client: owner,
        memberId: team.owner.memberId,
      });
      for (const p of team.people)
        people.push({
          label: p.name,
          department: p.department,
          client: await login(p.email, p.password),
          memberId: p.memberId,
        });
      bystander = await login(team.people.at(-1)!.email, team.people.at(-1)!.password);
    }, 120_000);
    afterAll(async () => t?.close());

    it("covers the owner and a lead and a member of each of the four departments", () => {
      expect(people.map((p) => p.label)).toEqual([
        "owner",
        "运营主管",
        "运营专员",
        "设计主管",
        "设计专员",
        "客服主管",
        "客服专员",
        "物流主管",
        "物流专员",
      ]);
    });

    for (const label of [
      "owner",
      "运营主管",
      "运营专员",
      "设计主管",
      "设计专员",
      "客服主管",
      "客服专员",
      "物流主管",
      "物流专员",
    ]) {
      it(`${label} saves and submits today's report while the instance keeps answering`, async () => {
        const me = people.find((p) => p.label === label)!;
        const url = `/api/v1/reports/${me.memberId}/${today}`;
        const note = `${label} 今日小结`;
        // Another person's request arrives while the report is being saved.
        const [saved, other] = await Promise.all([
          within(`${label}'s save`, me.client.put<Report>(url, { note, blockers: "等待素材" })),
          within("GET /api/v1/me of another member during the save", bystander.get("/api/v1/me")),
        ]);
        expect(saved.status, saved.raw).toBe(200);
        expect(saved.body).toMatchObject({ status: "draft", note, blockers: "等待素材" });
        expect(other.status).toBe(200);

        const submitted = await within(
          `${label}'s submit`,
          me.client.put<Report>(url, { submit: true }),
        );
        expect(submitted.status, submitted.raw).toBe(200);
        expect(submitted.body.status).toBe("submitted");
        expect(submitted.body.submittedAt).not.toBeNull();

        const stored = await within(`${label}'s report`, me.client.get<Report>(url));
        expect(stored.body).toMatchObject({ status: "submitted", note, blockers: "等待素材" });
        if (label === "owner" || me.department === "运营")
          expect(stored.body.draft.metrics.map((m) => m.key)).toContain("gmv");
        expect(
          (await within("GET /api/v1/me after the submit", bystander.get("/api/v1/me"))).status,
        ).toBe(200);
      }, 60_000);
    }

    it("the root handle refuses work inside its own open transaction instead of waiting for it", async () => {
      const db = t.tdb.database.db;
      const started = Date.now();
      const attempt = db.transaction().execute(async (trx) => {
        await trx.selectFrom("workspaces").select("id").execute();
        // A slip that a service might make: a swallowed error must not let the transaction commit.
        await db
          .selectFrom("workspaces")
          .select("id")
          .execute()
          .catch(() => undefined);
        await trx.updateTable("workspaces").set({ name: "不应保存" }).execute();
      });
      await expect(within("a transaction using the root handle", attempt)).rejects.toThrow(
        ROOT_HANDLE_IN_TRANSACTION,
      );
      expect(Date.now() - started).toBeLessThan(PROMPT_MS);
      expect(
        await db.selectFrom("workspaces").select("name").where("name", "=", "不应保存").execute(),
      ).toEqual([]);
      // Work from outside the transaction still waits its turn and is served.
      const [inside, outside] = await Promise.all([
        db
          .transaction()
          .execute(async (trx) => trx.selectFrom("workspaces").select("id").execute()),
        db.selectFrom("workspaces").select("id").execute(),
      ]);
      expect(outside).toEqual(inside);
    });
  });
}

describe("dayclear serve on SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "dayclear-freeze-"));
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the owner's report and stops on SIGTERM even while a request is still under way", async () => {
    const bin = join(import.meta.dirname, "../../bin/dayclear.js");
    const child = spawn(
      process.execPath,
      [bin, "serve", "--db", join(dir, "shop.db"), "--port", "0", "--host", "127.0.0.1"],
      {
        env: {
          ...process.env,
          DAYCLEAR_FROM_SOURCE: "1",
          DATABASE_URL: "",
          DAYCLEAR_REMINDERS: "off",
          DAYCLEAR_SHUTDOWN_GRACE_MS: "1000",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    server = child;
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    const port = await within(
      "dayclear serve to start",
      new Promise<number>((resolve) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /localhost:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
      }),
      60_000,
    );
    const base = `http://127.0.0.1:${port}`;
    let cookie = "";
    const call = async <T>(method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          origin: base,
          cookie,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(PROMPT_MS),
      });
      const set = res.headers.getSetCookie().find((c) => c.startsWith("dc_session="));
      if (set) cookie = set.split(";")[0]!;
      return { status: res.status, body: (await res.json().catch(() => undefined)) as T };
    };
    expect(
      (
        await call("POST", "/api/v1/auth/signup", {
          workspaceName: "进程测试店",
          name: "Owner",
          email: "owner@freeze.example.com",
          password: "owner-password",
          template: "ecommerce",
        })
      ).status,
    ).toBe(201);
    expect(
      (await call("POST", "/api/v1/shops", { name: "天猫旗舰店", platform: "taobao" })).status,
    ).toBe(201);
    const me = await call<{ member: { id: string }; workspace: { timeZone: string } }>(
      "GET",
      "/api/v1/me",
    );
    const today = localDate(new Date(), me.body.workspace.timeZone);
    const submitted = await call<Report>("PUT", `/api/v1/reports/${me.body.member.id}/${today}`, {
      note: "进程内提交",
      submit: true,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("submitted");
    expect((await call("GET", "/api/v1/me")).status).toBe(200);

    // A client still sending its request body keeps a request under way; SIGTERM must stop the
    // process anyway once the grace period (1 s here) is over.
    const slow = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => slow.once("connect", () => resolve()));
    slow.write(
      `PATCH /api/v1/me HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\norigin: ${base}\r\ncookie: ${cookie}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":`,
    );
    slow.on("error", () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    child.kill("SIGTERM");
    await within(
      () => `the process to exit after SIGTERM (stderr: ${errors.slice(-500)})`,
      exited,
      15_000,
    );
    expect(Date.now() - signalled).toBeLessThan(15_000);
    slow.destroy();
  }, 120_000);
});
