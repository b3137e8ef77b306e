// The journeys' waits hold on a loaded machine: no wait shorter than UI_TIMEOUT is written into a
// journey or a page model, and every journey that polls launches its browser through
// launchChromium or launchSharedChromium (which give expect.poll UI_TIMEOUT instead of vitest's
// 1 s).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { UI_TIMEOUT } from "./chromium.js";

const DIR = import.meta.dirname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

describe("browser journeys' waits", () => {
  it("write no timeout shorter than UI_TIMEOUT", () => {
    const short = files(DIR).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/timeout:\s*([\d_]+)\s*[,})]/g)]
        .filter((m) => Number(m[1]!.replaceAll("_", "")) < UI_TIMEOUT)
        .map((m) => `${relative(DIR, f)}: ${m[0]}`),
    );
    expect(short).toEqual([]);
  });

  it("poll only in files that launch their browser through launchChromium", () => {
    const unset = files(DIR)
      .filter((f) => f.endsWith(".test.ts"))
      .filter((f) => {
        const s = readFileSync(f, "utf8");
        return (
          s.includes("expect.poll(") &&
          !s.includes("launchChromium(") &&
          !s.includes("launchSharedChromium")
        );
      })
      .map((f) => relative(DIR, f));
    expect(unset).toEqual([]);
  });
});
