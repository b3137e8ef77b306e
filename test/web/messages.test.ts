// The two message catalogs say the same things: every code the Chinese reader can meet, the
// English reader can too, with the same parameters; messages render in the reader's language.
import { describe, expect, it } from "vitest";
import { MESSAGES_EN } from "../../web/src/i18n/messages.en.js";
import { MESSAGES_ZH } from "../../web/src/i18n/messages.zh-CN.js";
import { messageText } from "../../web/src/i18n/messages.js";
import { renderMessage, storedMessage, storeMessage, msg } from "../../src/core/messages/index.js";

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1] ?? "").sort();

describe("message catalogs", () => {
  it("have the same codes in both languages", () => {
    expect(Object.keys(MESSAGES_ZH).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
  });
  it("use the same parameters for each code", () => {
    for (const [code, en] of Object.entries(MESSAGES_EN) as [keyof typeof MESSAGES_ZH, string][])
      expect([code, placeholders(MESSAGES_ZH[code])]).toEqual([code, placeholders(en)]);
  });
  it("have no empty text and no English sentence in the Chinese catalog", () => {
    for (const [code, zh] of Object.entries(MESSAGES_ZH) as [string, string][]) {
      expect([code, zh.trim().length > 0]).toEqual([code, true]);
      // Chinese texts may name a product or a code in Latin letters, but not read as English prose.
      const withoutPlaceholders = zh.replace(/\{[^}]+\}/g, "");
      expect([code, /\b[a-z]+ [a-z]+ [a-z]+ [a-z]+\b/i.test(withoutPlaceholders)]).toEqual([
        code,
        false,
      ]);
    }
  });
  it("render nothing for a code they do not know, so the server's detail stays", () => {
    expect(messageText("zh-CN", "no.such.code", {})).toBeUndefined();
    expect(messageText("en", undefined)).toBeUndefined();
  });
  it("render parameters, money in fen, lists and nested messages in the reader's language", () => {
    const m = msg("request.invalid", { fields: ["name", "email"] });
    expect(renderMessage("en", m)).toBe("Check the fields: name, email.");
    expect(renderMessage("zh-CN", m)).toBe("请检查这些字段：name、email。");
    const nested = msg("request.refused", { status: 413, reason: msg("field.required") });
    expect(renderMessage("zh-CN", nested)).toBe("请求被拒绝（413）：必填。");
  });
  it("read stored messages back, and texts stored before codes as they were written", () => {
    const m = msg("pay.inputs_missing", { count: 2, period: "2026-11" });
    expect(storedMessage(storeMessage(m))).toEqual(m);
    expect(renderMessage("zh-CN", storedMessage("目标待确认 · Goal to agree"))).toBe(
      "目标待确认 · Goal to agree",
    );
    expect(renderMessage("en", storedMessage("{not json"))).toBe("{not json");
  });
});
