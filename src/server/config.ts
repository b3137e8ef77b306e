import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, both from src/server (tsx) and from dist/server (built). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const VERSION: string = (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;

export interface ServerConfig {
  /** Origins allowed to send cookie-authenticated writes, besides the request's own host. */
  publicOrigins: string[];
  /** Serve the built web app from this folder (default dist/web). */
  webRoot: string;
  logLevel: string;
  /** Allow opening the demo shop from the web onboarding page. */
  demo: boolean;
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    publicOrigins: (env.DAYCLEAR_PUBLIC_URL ?? "").split(",").map((s) => s.trim().replace(/\/$/, "")).filter(Boolean),
    webRoot: env.DAYCLEAR_WEB_ROOT ?? join(PROJECT_ROOT, "dist", "web"),
    logLevel: env.LOG_LEVEL ?? "info",
    demo: env.DAYCLEAR_DEMO !== "off",
  };
}
