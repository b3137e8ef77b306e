// A notification in the page's language: the server stores it as messages (codes with parameters),
// so switching language re-renders old ones too; a text written before codes is shown as it was.
// (Imports with .js: the server's test suite type-checks this file too.)
import type { Locale } from "../../../../src/core/messages/index.js";
import { renderMessage, type Message } from "../../i18n/messages.js";

export function notificationText(
  n: { message: Message; lines: readonly Message[] },
  locale: Locale,
): { title: string; body: string } {
  return {
    title: renderMessage(locale, n.message),
    body: n.lines.map((l) => renderMessage(locale, l)).join("\n"),
  };
}
