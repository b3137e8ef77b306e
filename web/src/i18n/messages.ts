// The server's message codes in the reader's language: one catalog per language, shared with the
// server, the CLI and exports (src/core/messages). The server sends `code` + `params` (problem
// details, field errors, import problems, statements, notifications, audit entries); this renders
// them. A code the catalog does not know (a newer server) falls back to the server's `detail`.
import {
  isMessageCode,
  renderMessage,
  type Locale,
  type Message,
  type MessageParams,
} from "../../../src/core/messages/index.js";
export { MESSAGES_EN } from "../../../src/core/messages/en.js";
export { MESSAGES_ZH } from "../../../src/core/messages/zh-CN.js";
export { renderMessage, storedMessage, isMessage } from "../../../src/core/messages/index.js";
export type { Message, MessageCode } from "../../../src/core/messages/index.js";

/** The catalog's text for a code in the locale, with `{name}` filled; undefined when unknown. */
export function messageText(
  locale: Locale,
  code: string | undefined,
  params: MessageParams = {},
): string | undefined {
  if (!isMessageCode(code)) return undefined;
  return renderMessage(locale, { code, params } satisfies Message);
}
