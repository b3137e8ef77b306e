import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, both from src/server (tsx) and from dist/server (built). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const VERSION: string = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }
).version;

export interface ServerConfig {
  /** Origins allowed to send cookie-authenticated writes, besides the request's own host. */
  publicOrigins: string[];
  /** Serve the built web app from this folder (default dist/web). */
  webRoot: string;
  logLevel: string;
  /** Allow opening the demo shop from the web onboarding page. */
  demo: boolean;
  /** Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy); none unless configured. */
  trustProxy: TrustProxy;
}

export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * DAYCLEAR_TRUST_PROXY: unset or "false" trusts no proxy header (the client address is the TCP
 * peer); "true" trusts every hop (only behind a proxy that overwrites X-Forwarded-For); a number
 * trusts that many hops; otherwise a comma-separated list of proxy addresses or CIDRs.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) {
    // n hops: the nearest n proxies are believed (Fastify's number form, written as its function).
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    publicOrigins: (env.DAYCLEAR_PUBLIC_URL ?? "")
      .split(",")
      .map((s) => s.trim().replace(/\/$/, ""))
      .filter(Boolean),
    webRoot: env.DAYCLEAR_WEB_ROOT ?? join(PROJECT_ROOT, "dist", "web"),
    logLevel: env.LOG_LEVEL ?? "info",
    demo: env.DAYCLEAR_DEMO !== "off",
    trustProxy: parseTrustProxy(env.DAYCLEAR_TRUST_PROXY),
  };
}
