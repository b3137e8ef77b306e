// The API contract others build on: /api/openapi.json passes Redocly's recommended rules (the
// maintained @redocly/cli, run on the served document) with 0 errors, names every operation once,
// and web/src/api/schema.d.ts is what openapi-typescript makes of it today.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { OpenAPI3 } from "openapi-typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { operationIdFor } from "../../src/server/openapi.js";
import { API_TYPES_FILE, apiTypes, openApiDocument } from "./api-types.js";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

function redoclyLint(document: OpenAPI3): {
  errors: number;
  warnings: number;
  problems: LintProblem[];
} {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve("@redocly/cli/package.json");
  const bin = (JSON.parse(readFileSync(pkgFile, "utf8")) as { bin: { redocly: string } }).bin
    .redocly;
  const dir = mkdtempSync(join(tmpdir(), "dayclear-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync(
      process.execPath,
      [join(dirname(pkgFile), bin), "lint", file, "--format=json", "--max-problems=100000"],
      {
        cwd: dir, // no redocly.yaml here: the built-in recommended ruleset
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const json = run.stdout.slice(run.stdout.indexOf("{"));
    if (!json) throw new Error(`redocly lint gave no report: ${run.stderr}`);
    const report = JSON.parse(json) as {
      totals: { errors: number; warnings: number };
      problems: LintProblem[];
    };
    return { ...report.totals, problems: report.problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function operations(document: OpenAPI3) {
  const out: { method: string; path: string; operationId?: string; responses: string[] }[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, unknown>)) {
      if (!METHODS.includes(method)) continue;
      const o = op as { operationId?: string; responses?: Record<string, unknown> };
      out.push({
        method,
        path,
        operationId: o.operationId,
        responses: Object.keys(o.responses ?? {}),
      });
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  let document: OpenAPI3;
  beforeAll(async () => {
    document = await openApiDocument();
  });

  it("passes Redocly's recommended rules with 0 errors", () => {
    const { errors, problems } = redoclyLint(document);
    const listed = problems
      .filter((p) => p.severity === "error")
      .slice(0, 20)
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`);
    expect(listed).toEqual([]);
    expect(errors).toBe(0);
  }, 60_000);

  it("is OpenAPI 3.1 with a server, and every operation has a unique operationId and its problem answers", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers?.length).toBeGreaterThan(0);
    const ops = operations(document);
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => !o.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const o of ops) {
      const other = seen.get(o.operationId!);
      if (other) duplicates.push(`${o.operationId}: ${other} and ${o.method} ${o.path}`);
      seen.set(o.operationId!, `${o.method} ${o.path}`);
    }
    expect(duplicates).toEqual([]);
    expect(ops.filter((o) => !o.responses.some((s) => s.startsWith("4")))).toEqual([]);
    const plan = document.paths?.["/api/v1/plans/{id}"] as
      { patch?: { operationId?: string; responses?: Record<string, unknown> } } | undefined;
    const patchPlan = plan?.patch;
    expect(patchPlan?.operationId).toBe("patchPlan");
    expect(Object.keys(patchPlan?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "404", "409"]),
    );
    expect(patchPlan?.responses?.["404"]).toMatchObject({
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
  });

  it("derives operationIds from method and URL", () => {
    expect(operationIdFor("GET", "/api/v1/plans")).toBe("listPlans");
    expect(operationIdFor("GET", "/api/v1/plans/:id")).toBe("getPlanById");
    expect(operationIdFor("POST", "/api/v1/plans")).toBe("createPlan");
    expect(operationIdFor("PATCH", "/api/v1/tasks/:id")).toBe("patchTask");
    expect(operationIdFor("POST", "/api/v1/goals/:id/agree")).toBe("postGoalAgree");
    expect(operationIdFor("POST", "/api/v1/daily/duties")).toBe("createDailyDuty");
    expect(operationIdFor("GET", "/api/v1/reports/status")).toBe("getReportsStatus");
    expect(operationIdFor("GET", "/api/v1/reports/:memberId/:date")).toBe(
      "getReportByMemberIdAndDate",
    );
    expect(operationIdFor("DELETE", "/api/v1/members/:id/leaves/:leaveId")).toBe(
      "deleteMemberLeave",
    );
  });

  it("generates the committed web types (web/src/api/schema.d.ts)", async () => {
    const expected = await apiTypes(document);
    const committed = readFileSync(API_TYPES_FILE, "utf8");
    if (committed !== expected)
      expect.fail(
        "web/src/api/schema.d.ts is not what the server's OpenAPI document generates: run npm run api:types",
      );
  }, 60_000);
});
