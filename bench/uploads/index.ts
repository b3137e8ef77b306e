// Upload bombs against a real server (issue 10, finding 3): `dayclear serve` on SQLite in its own
// process; three hostile files posted at once to the order upload route, per kind — a zip bomb
// (an XLSX of ~12 MB whose sheet unpacks to 3 GB), the same bomb lying about its size in the zip
// directory, an XLSX of 120 MB unpacked read up to the row limit, and a CSV of 20 MB (the upload
// limit) past the row limit — then all twelve at once. Reports the server's peak resident memory
// (VmRSS from /proc sampled every 20 ms), the answers, and GET /api/v1/me polled every 100 ms meanwhile. Not a timed
// test: the figures go to docs/BENCHMARKS.md. The bombs are generated once into bench/out/uploads.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIMITS } from "../../src/core/limits.js";
import { xlsxBomb } from "../../test/fixtures/orders/xlsx-bomb.js";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "bench", "out", "uploads");
const MB = 1048576;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

async function startServer(port: number, dbFile: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin", "dayclear.js"), "serve", "--port", String(port), "--host", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DAYCLEAR_FROM_SOURCE: "1",
        DAYCLEAR_DB: dbFile,
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("http://")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

/** Resident memory of a process from /proc (VmRSS), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function cached(name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(OUT, name);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = await make();
  writeFileSync(file, bytes);
  return bytes;
}

export async function runUploadsBench(_args: string[]): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  const bomb = await cached("bomb-3gb.xlsx", () => xlsxBomb(3 * 1024 * MB));
  const liar = await cached("bomb-3gb-lying.xlsx", () =>
    xlsxBomb(3 * 1024 * MB, { declaredSize: 100 * MB }),
  );
  const rows = await cached("rows-120mb.xlsx", () => xlsxBomb(120 * MB));
  const line = "1,2,交易成功\n";
  const csv = new TextEncoder().encode(
    `订单编号,买家实际支付金额,订单状态\n${line.repeat(Math.floor((LIMITS.importUploadMaxBytes - 100) / Buffer.byteLength(line)))}`,
  );
  console.log(
    `files ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: bomb ${(bomb.length / MB).toFixed(1)} MB → 3,072 MB unpacked; lying bomb ${(liar.length / MB).toFixed(1)} MB (states 100 MB); rows ${(rows.length / MB).toFixed(2)} MB → 120 MB; CSV ${(csv.length / MB).toFixed(1)} MB`,
  );

  const dir = mkdtempSync(join(tmpdir(), "dayclear-bench-uploads-"));
  const port = await freePort();
  const server = await startServer(port, join(dir, "bench.db"));
  const base = `http://127.0.0.1:${port}`;
  const results: {
    scenario: string;
    answers: string;
    seconds: number;
    baseMb: number;
    peakMb: number;
    afterMb: number;
    meMaxMs: number;
    meFailures: number;
  }[] = [];
  try {
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({
        workspaceName: "Bench shop",
        name: "Bench",
        email: `bench-${Date.now()}@example.com`,
        password: "bench-pass-2026!",
        template: "ecommerce",
      }),
    });
    if (signup.status !== 201)
      throw new Error(`signup failed: ${signup.status} ${await signup.text()}`);
    const cookie = signup.headers.get("set-cookie")!.split(";")[0]!;
    const headers = { origin: base, cookie };
    const shop = await fetch(`${base}/api/v1/shops`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "天猫店", platform: "taobao" }),
    });
    const shopId = ((await shop.json()) as { id: string }).id;
    const post = async (name: string, bytes: Uint8Array) => {
      const res = await fetch(
        `${base}/api/v1/shops/${shopId}/uploads?fileName=${encodeURIComponent(name)}`,
        {
          method: "POST",
          headers: { ...headers, "content-type": "application/octet-stream" },
          body: bytes,
        },
      );
      const body = (await res.json()) as { code?: string };
      return `${res.status} ${body.code ?? ""}`.trim();
    };

    const scenarios: [string, [string, Uint8Array][]][] = [
      [
        "3 zip bombs (3 GB each)",
        [
          ["a.xlsx", bomb],
          ["b.xlsx", bomb],
          ["c.xlsx", bomb],
        ],
      ],
      [
        "3 lying zip bombs (state 100 MB, hold 3 GB)",
        [
          ["a.xlsx", liar],
          ["b.xlsx", liar],
          ["c.xlsx", liar],
        ],
      ],
      [
        "3 XLSX read to the row limit (120 MB unpacked)",
        [
          ["a.xlsx", rows],
          ["b.xlsx", rows],
          ["c.xlsx", rows],
        ],
      ],
      [
        "3 CSV of 20 MB past the row limit",
        [
          ["a.csv", csv],
          ["b.csv", csv],
          ["c.csv", csv],
        ],
      ],
    ];
    scenarios.push(["all 12 at once", scenarios.flatMap(([, files]) => files)]);
    for (const [scenario, files] of scenarios) {
      // Settle between scenarios so one's garbage is not the next one's base.
      await new Promise((r) => setTimeout(r, 3000));
      const baseMb = rssMb(server.pid!);
      let peakMb = baseMb,
        meMaxMs = 0,
        meFailures = 0,
        done = false;
      const sampler = setInterval(() => {
        peakMb = Math.max(peakMb, rssMb(server.pid!));
      }, 20);
      const poll = (async () => {
        while (!done) {
          const t = Date.now();
          const ok = await fetch(`${base}/api/v1/me`, { headers }).then(
            (r) => r.status === 200,
            () => false,
          );
          if (!ok) meFailures++;
          meMaxMs = Math.max(meMaxMs, Date.now() - t);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const start = Date.now();
      const answers = await Promise.all(files.map(([name, bytes]) => post(name, bytes)));
      const seconds = (Date.now() - start) / 1000;
      done = true;
      await poll;
      clearInterval(sampler);
      const afterMb = rssMb(server.pid!);
      peakMb = Math.max(peakMb, afterMb);
      const counted = new Map<string, number>();
      for (const a of answers) counted.set(a, (counted.get(a) ?? 0) + 1);
      results.push({
        scenario,
        answers: [...counted].map(([a, n]) => `${n}× ${a}`).join(", "),
        seconds,
        baseMb,
        peakMb,
        afterMb,
        meMaxMs,
        meFailures,
      });
    }
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nUploads to one \`dayclear serve\` process on SQLite (${base}); peak = the process's VmRSS sampled every 20 ms during the scenario; /me polled every 100 ms meanwhile`,
  );
  console.log(
    "| scenario | answers | wall s | RSS before MB | peak RSS MB | RSS after MB | /me slowest ms | /me failures | target (peak < 1,024 MB, /me answers) |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const met = r.peakMb < 1024 && r.meFailures === 0 ? "met" : "not met";
    console.log(
      `| ${r.scenario} | ${r.answers} | ${r.seconds.toFixed(1)} | ${r.baseMb.toFixed(0)} | ${r.peakMb.toFixed(0)} | ${r.afterMb.toFixed(0)} | ${r.meMaxMs} | ${r.meFailures} | ${met} |`,
    );
  }
}
