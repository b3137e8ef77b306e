import { stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fail } from "../core/errors.js";
import { cliErrorText, cliLocale } from "./locale.js";

describe("the CLI's language", () => {
  it("follows --lang, then LC_ALL / LC_MESSAGES / LANG, else English", () => {
    expect(cliLocale(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(undefined, { LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" })).toBe("en");
    expect(cliLocale("zh-CN", { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(undefined, {})).toBe("en");
    expect(cliLocale(undefined, { LANG: "C.UTF-8" })).toBe("en");
  });
  it("prints a coded error in the reader's language", () => {
    const err = fail("invalid", "range.too_long", { maxDays: 93 });
    expect(cliErrorText(err, "en")).toBe("Choose at most 93 days at once.");
    expect(cliErrorText(err, "zh-CN")).not.toMatch(/[A-Za-z]{4}/);
  });
  it("says a file it was given is missing in the reader's language, not Node's ENOENT", async () => {
    const missing = await stat("/no/such/orders.csv").catch((e: unknown) => e);
    expect(cliErrorText(missing, "zh-CN")).toBe("找不到文件：/no/such/orders.csv");
    expect(cliErrorText(missing, "en")).toBe("No such file: /no/such/orders.csv");
  });
});
