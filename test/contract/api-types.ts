// The web's API types, generated from the server's OpenAPI document with openapi-typescript:
// `npm run api:types` writes web/src/api/schema.d.ts; test/contract/openapi.test.ts regenerates it
// in memory and fails when the committed file differs. The document comes from the app itself,
// built in-process on an empty in-memory SQLite database (nothing listens, nothing is written).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { buildApp } from "../../src/server/app.js";
import { PROJECT_ROOT } from "../../src/server/config.js";

export const API_TYPES_FILE = join(PROJECT_ROOT, "web", "src", "api", "schema.d.ts");

/** The OpenAPI document as GET /api/openapi.json serves it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const database = openDatabase({ file: ":memory:" });
  try {
    await migrateToLatest(database);
    const app = await buildApp({
      database,
      logger: false,
      config: { webRoot: "/nonexistent", demo: true },
    });
    try {
      await app.ready();
      const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
      if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${res.statusCode}`);
      return res.json<OpenAPI3>();
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The text of web/src/api/schema.d.ts for a document, formatted as the repository formats. */
export async function apiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document);
  const source = COMMENT_HEADER + astToString(ast);
  const options = (await resolveConfig(API_TYPES_FILE)) ?? {};
  return format(source, { ...options, filepath: API_TYPES_FILE });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(API_TYPES_FILE, await apiTypes(await openApiDocument()));
  console.log(`Wrote ${API_TYPES_FILE}`);
}
