// The engine's messages: codes of the plans catalog with their parameters (core/messages), so the
// CLI, the API and the web say what is wrong with a plan, or what the scheduler noticed, in the
// reader's language. Files and logs keep the English text (`message`, `warnings`), rendered from
// the same catalog, so there is one wording per language.
import {
  msg,
  renderMessage,
  type Message,
  type MessageCode,
  type MessageParam,
  type MessageParams,
} from "../messages/index.js";

export type { Message, MessageCode, MessageParams };
export { msg };

/** The English text, for files and logs. */
export const english = (m: Message): string => renderMessage("en", m);

/** A value as a message shows it: short JSON, or "nothing" when it is absent. */
export function got(v: unknown): MessageParam {
  if (v === undefined) return msg("plans.file.nothing");
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** What a reader names an object of the file by. */
export const what = {
  plan: msg("plans.file.what.plan"),
  calendar: msg("plans.file.what.calendar"),
  member: (id: string) => msg("plans.file.what.member", { id }),
  task: (id: string) => msg("plans.file.what.task", { id }),
  resource: (id: string) => msg("plans.file.what.resource", { id }),
  path: (path: string) => msg("plans.file.what.path", { path }),
};
