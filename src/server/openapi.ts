// The OpenAPI document at /api/openapi.json, generated from the route schemas, in a form other
// tools accept (Redocly's recommended rules pass with 0 errors; test/contract/openapi.test.ts):
// OpenAPI 3.1, whose schemas are JSON Schema 2020-12 like TypeBox's (so `exclusiveMinimum` is the
// number TypeBox writes, and a nullable field is `type: "null"` in an anyOf); a server; an
// operationId on every operation, derived from its method and URL unless the route sets one; and
// the problem-details answers (4xx) each operation can give. The web's types are generated from
// this document (npm run api:types → web/src/api/schema.d.ts).
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { RouteOptions } from "fastify";
import type { App } from "../http/app.js";
import { Problem } from "../modules/shared/common.schema.js";
import { VERSION } from "./config.js";

const API_PREFIX = "/api/v1";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The problem answers, by status: what each means for any operation that lists it. */
const PROBLEMS: Record<number, string> = {
  400: "Invalid input (`errors` names each field with a code) or a malformed request",
  401: "Not signed in, or the session or API token is no longer valid",
  403: "Not allowed for this member's role or rights, or a cross-site write",
  404: "No such record in this workspace (another workspace's ids answer 404 too)",
  409: "Conflicts with the stored state: a stale `version` (`currentVersion` says the stored one), a duplicate, or a state that no longer allows it",
  413: "The body is larger than the route accepts",
  429: "Too many attempts; `Retry-After` says when to try again",
};

/** Answers a route gives beyond what its method, parameters and access imply. */
const EXTRA_PROBLEMS: Record<string, number[]> = {
  "POST /api/v1/auth/login": [401, 429],
  "POST /api/v1/me/password": [429],
  "POST /api/v1/invitations/accept": [429],
};

type Schema = Record<string, unknown>;
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Dayclear API",
        version: VERSION,
        description:
          "REST API of Dayclear (日清). Browser: session cookie; scripts: `Authorization: Bearer <API token>`. Errors are problem details (`application/problem+json`) with a stable `code` and `params`.",
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [
        {
          url: "/",
          description: "The instance serving this document (paths start with /api/v1)",
        },
      ],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "dc_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    // Shared schemas are named by their $id (#/components/schemas/Problem), not def-0.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === "string" ? json.$id : `def-${i}`,
    },
    transform: ({ schema, url, route }) => ({
      schema: documentRoute(schema as Schema | undefined, url, route),
      url,
    }),
    transformObject: (document) =>
      finishDocument(("openapiObject" in document ? document.openapiObject : {}) as Schema),
  });
  app.addSchema(Problem);
  // No validator badge: it would load an image from validator.swagger.io, outside the CSP.
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}

/** Marks the problem statuses of an operation for finishDocument (an `x-` key reaches the operation). */
const PROBLEMS_KEY = "x-dayclear-problems";

/**
 * A route's entry in the document: its operationId (its own, else derived from method and URL) and
 * the problem answers that apply, which finishDocument adds beside the responses the route declares.
 */
function documentRoute(schema: Schema | undefined, url: string, route: RouteOptions): Schema {
  const method = ([] as string[]).concat(route.method)[0]!.toUpperCase();
  const own = schema ?? {};
  if (own.hide || !url.startsWith(API_PREFIX)) return own;
  return {
    ...own,
    operationId: (own.operationId as string | undefined) ?? operationIdFor(method, url),
    [PROBLEMS_KEY]: problemStatuses(own, url, method, route),
  };
}

function problemStatuses(schema: Schema, url: string, method: string, route: RouteOptions) {
  const isPublic = route.config?.public === true;
  const takesBody = Boolean(schema.body || schema.consumes);
  // Any request can be malformed (an undecodable URL; text-guard.ts), and any input invalid.
  const statuses = new Set<number>([400, ...(EXTRA_PROBLEMS[`${method} ${url}`] ?? [])]);
  if (!isPublic) statuses.add(401);
  // Unsafe methods are checked for a cross-site origin even on public routes (auth-hook.ts).
  if (!isPublic || UNSAFE.has(method)) statuses.add(403);
  if (url.includes(":")) statuses.add(404);
  if (UNSAFE.has(method)) statuses.add(409);
  if (takesBody) statuses.add(413);
  return [...statuses].sort((a, b) => a - b);
}

const pascal = (word: string) =>
  word
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
const isPlural = (word: string) => /s$/.test(word) && !/(ss|us)$/.test(word);
const singular = (word: string) =>
  word.endsWith("ies") ? `${word.slice(0, -3)}y` : isPlural(word) ? word.slice(0, -1) : word;

/**
 * The operationId of a route that sets none, from its method and URL below /api/v1 — stable as
 * long as the route is: `GET /plans` → listPlans, `GET /plans/:id` → getPlanById, `POST /plans` →
 * createPlan, `POST /goals/:id/agree` → postGoalAgree, `PATCH /tasks/:id` → patchTask,
 * `GET /reports/:memberId/:date` → getReportByMemberIdAndDate. A word before a path parameter is
 * made singular; GET names a list when its last segment is a plural word. A route may set its own
 * `schema.operationId`; the contract test checks that all are unique.
 */
export function operationIdFor(method: string, url: string): string {
  const segments = url
    .slice(url.startsWith(API_PREFIX) ? API_PREFIX.length : 0)
    .split("/")
    .filter(Boolean);
  const isParam = (s: string) => s.startsWith(":");
  const words: string[] = [];
  for (const [i, s] of segments.entries()) {
    if (isParam(s)) continue;
    words.push(isParam(segments[i + 1] ?? "") ? singular(s) : s);
  }
  const trailing: string[] = [];
  for (let i = segments.length - 1; i >= 0 && isParam(segments[i]!); i--)
    trailing.unshift(segments[i]!.slice(1));
  const last = segments.at(-1) ?? "";
  const lastIsPlural = !isParam(last) && isPlural(last);
  let verb = method.toLowerCase();
  if (method === "GET") verb = lastIsPlural ? "list" : "get";
  if (method === "POST" && lastIsPlural) {
    verb = "create";
    words[words.length - 1] = singular(words.at(-1)!);
  }
  const by =
    method === "GET" && trailing.length ? `By${trailing.map((p) => pascal(p)).join("And")}` : "";
  return verb + words.map(pascal).join("") + by;
}

/** Keywords our validator knows (ajv-formats) that JSON Schema and OpenAPI do not. */
const VALIDATOR_ONLY = ["formatMinimum", "formatMaximum", "formatExclusiveMinimum"] as const;

/**
 * Whole-document fixes: each operation's problem answers (problem details, the Problem schema),
 * never replacing a response the route declares; the date bounds Ajv checks with ajv-formats' `formatMinimum`/`formatMaximum`
 * (not JSON Schema keywords) are kept as `x-` extensions; the schemas' descriptions state the range.
 */
function finishDocument(generated: Schema): Schema {
  // A copy: the generated document shares schema objects with the routes, which later apps in the
  // same process compile again.
  const doc = structuredClone(generated);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== "object") return;
    const obj = node as Schema;
    for (const key of VALIDATOR_ONLY) {
      if (key in obj) {
        obj[`x-${key}`] = obj[key];
        delete obj[key];
      }
    }
    Object.values(obj).forEach(visit);
  };
  visit(doc.paths);
  visit(doc.components);
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, Schema>>)) {
    for (const operation of Object.values(item)) {
      const statuses = operation[PROBLEMS_KEY] as number[] | undefined;
      if (!statuses) continue;
      delete operation[PROBLEMS_KEY];
      const responses = (operation.responses ?? {}) as Schema;
      for (const status of statuses) {
        responses[status] ??= {
          description: PROBLEMS[status],
          content: {
            "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
          },
        };
      }
      operation.responses = responses;
    }
  }
  return doc;
}
