// Finds Debian's Chromium for the browser tests, installing it when we may (root with apt-get).
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

/**
 * How long a journey waits for what the user should see: an element, a URL, a polled text. One
 * generous figure, so the journeys hold on a loaded 2-core machine (vitest's expect.poll waits 1 s
 * by default, which a busy machine misses). A wait that finds its target returns at once.
 */
export const UI_TIMEOUT = 30_000;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function hasAptGet(): boolean {
  try {
    execFileSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && hasAptGet()) {
    // CJK fonts too, or every Chinese character in the screenshots is a box.
    execSync("apt-get update && apt-get install -y chromium fonts-noto-cjk", {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync(CANDIDATES[0]!)) return CANDIDATES[0]!;
  }
  throw new Error(
    "Chromium not found at /usr/bin/chromium. Install Debian's package (`sudo apt-get install -y chromium`) to run the browser tests.",
  );
}

/** A persistent context on a new, empty user-data-dir, so no profile state leaks between tests. */
export async function launchChromium(
  viewport: { width: number; height: number },
  locale = "zh-CN",
  /** The reader's time zone (the shop's, where the pages show times); the machine's when not given. */
  opts: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), "dayclear-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: LAUNCH_ARGS,
    headless: true,
    viewport,
    locale,
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    deviceScaleFactor: 1,
    // As a reader who asked for less motion: the app then animates no dialog, menu or chart
    // (web/src/components/reducedMotion.ts), so no click waits for an animation to settle.
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT);
  if (process.env.VITEST) {
    // Every journey launches a browser before it polls: its expect.poll calls wait UI_TIMEOUT too.
    const { vi } = await import("vitest");
    vi.setConfig({ expect: { poll: { timeout: UI_TIMEOUT, interval: 100 } } });
  }
  return { context, close: () => context.close() };
}

/**
 * One Chromium for several people: each gets a context of their own (`newContext`, own cookies
 * and language) with the journeys' waits set as `launchChromium` sets them.
 */
export async function launchSharedChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: LAUNCH_ARGS,
    headless: true,
  });
  if (process.env.VITEST) {
    const { vi } = await import("vitest");
    vi.setConfig({ expect: { poll: { timeout: UI_TIMEOUT, interval: 100 } } });
  }
  return browser;
}

export type { Browser };
