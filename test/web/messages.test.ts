// The two message catalogs say the same things: every code the Chinese reader can meet, the
// English reader can too, with the same parameters.
import { describe, expect, it } from "vitest";
import { MESSAGES_EN } from "../../web/src/i18n/messages.en.js";
import { MESSAGES_ZH } from "../../web/src/i18n/messages.zh-CN.js";
import { messageText } from "../../web/src/i18n/messages.js";

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("message catalogs", () => {
  it("have the same codes in both languages", () => {
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
  });
  it("use the same parameters for each code", () => {
    for (const [code, en] of Object.entries(MESSAGES_EN))
      expect([code, placeholders(MESSAGES_ZH[code] ?? "")]).toEqual([code, placeholders(en)]);
  });
  it("render nothing for a code they do not know, so the server's English stays", () => {
    expect(messageText("zh-CN", "no.such.code", {})).toBeUndefined();
    expect(messageText("en", undefined)).toBeUndefined();
  });
});
