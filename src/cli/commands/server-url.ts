// The port `dayclear serve` listens on and the URL other commands print for it: one rule, so
// `dayclear demo` names the address the server really uses (--port, else $PORT, else 3000).
import { fail } from "../../core/errors.js";

export const DEFAULT_PORT = 3000;

export function listenPort(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const given = flag ?? (env.PORT || undefined);
  const port = Number(given ?? DEFAULT_PORT);
  if (given?.trim() === "" || !Number.isInteger(port) || port < 0 || port > 65535)
    throw fail("invalid", "cli.port.invalid", { port: given ?? "" });
  return port;
}

export const localUrl = (port: number) => `http://localhost:${port}`;
