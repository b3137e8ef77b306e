// A notification in the page's language: the server stores it as messages (codes with parameters),
// so switching language re-renders old ones too; a text written before codes is shown as it was.
import type { Notification } from "../../api/plans";
import type { Locale } from "../../api/types";
import { renderMessage } from "../../i18n/messages";

export function notificationText(
  n: Pick<Notification, "message" | "lines">,
  locale: Locale,
): { title: string; body: string } {
  return {
    title: renderMessage(locale, n.message),
    body: n.lines.map((l) => renderMessage(locale, l)).join("\n"),
  };
}
