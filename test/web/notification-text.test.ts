// The bell shows a notification in the page's language from its messages: the same stored
// notification reads in Chinese on the Chinese page and in English on the English one, and a text
// stored before codes existed shows as it was.
import { describe, expect, it } from "vitest";
import { msg, storedMessage } from "../../src/core/messages/index.js";
import { notificationText } from "../../web/src/components/plans/notificationText.js";

describe("a notification in the bell", () => {
  const comment = {
    message: msg("notification.report.comment", { date: "2026-11-02" }),
    lines: [msg("notification.text", { text: "辛苦了" })],
  };

  it("renders in the page's language, with no half of the other", () => {
    expect(notificationText(comment, "zh-CN")).toEqual({
      title: "你 2026-11-02 的日报有新点评",
      body: "辛苦了",
    });
    expect(notificationText(comment, "en")).toEqual({
      title: "New comment on your report of 2026-11-02",
      body: "辛苦了",
    });
  });

  it("puts each line of a reminder on its own line", () => {
    const reminder = {
      message: msg("goals.reminder.title", { cycle: "November" }),
      lines: [msg("goals.reminder.set"), msg("goals.reminder.self_due", { date: "2026-11-30" })],
    };
    const en = notificationText(reminder, "en");
    expect(en.body.split("\n")).toHaveLength(2);
    expect(`${en.title}\n${en.body}`).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(notificationText(reminder, "zh-CN").body).not.toMatch(/[A-Za-z]{3,}/);
    expect(notificationText(reminder, "zh-CN").title).toMatch(/November/);
  });

  it("shows a text stored before codes as it was", () => {
    const legacy = { message: storedMessage("系统维护 · Maintenance"), lines: [] };
    expect(notificationText(legacy, "en")).toEqual({ title: "系统维护 · Maintenance", body: "" });
  });
});
