// The one writer of notifications (the bell): daily reports, goals and their reminders, the
// schedule's slip alerts all call `notify`. A notification is stored as messages — the title a
// `storeMessage({code, params})`, the body its lines (one message, or a JSON array of them) — and
// rendered when read, in the reader's language, so switching language re-renders old ones too.
// Rows written before codes existed hold plain text and read as `legacy.text` messages.
import { newId } from "../../core/ids.js";
import {
  isMessage,
  renderMessage,
  storedMessage,
  storeMessage,
  type Locale,
  type Message,
} from "../../core/messages/index.js";
import type { Executor } from "../../db/database.js";
import { NotificationRepository, type NotificationRow } from "./notification.repository.js";

/** What a notification says and where it leads; the same for every recipient. */
export interface Notice {
  /** What happened, for filters and tests: "report.comment", "goal.proposed", "schedule.slip" … */
  kind: string;
  title: Message;
  /** The lines under the title: none, one message, or several (a reminder's list of what is due). */
  body?: Message | readonly Message[] | null;
  link: string | null;
}

type Recipients = string | null | undefined | readonly (string | null | undefined)[];

/**
 * Writes the notice to each recipient (empty ones and repeats skipped) through `db` — the caller's
 * transaction when there is one. Returns who got which notification, for the live events the caller
 * publishes once its transaction has committed.
 */
export async function notify(
  db: Executor,
  workspaceId: string,
  recipients: Recipients,
  notice: Notice,
  at: string,
): Promise<{ memberId: string; id: string }[]> {
  const list = typeof recipients === "string" ? [recipients] : (recipients ?? []);
  const members = [...new Set(list.filter((m): m is string => !!m))];
  const written = members.map((memberId) => ({ memberId, id: newId() }));
  const title = storeMessage(notice.title);
  const body = storeLines(notice.body);
  await new NotificationRepository(db).insert(
    workspaceId,
    written.map(({ memberId, id }) => ({
      id,
      memberId,
      kind: notice.kind,
      title,
      body,
      link: notice.link,
      readAt: null,
      createdAt: at,
    })),
  );
  return written;
}

/** The body column: "" for no lines, one stored message, or a JSON array of messages. */
export function storeLines(body: Notice["body"]): string {
  if (!body) return "";
  if (!Array.isArray(body)) return storeMessage(body as Message);
  const lines = body as readonly Message[];
  if (lines.length === 0) return "";
  return lines.length === 1 ? storeMessage(lines[0]!) : JSON.stringify(lines);
}

/** The lines of a stored body (see `storeLines`); a body written before codes is one legacy text. */
export function storedLines(stored: string | null | undefined): Message[] {
  if (!stored) return [];
  if (stored.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (Array.isArray(parsed) && parsed.every(isMessage)) return parsed;
    } catch {
      // not JSON: a legacy text that happens to start with a bracket
    }
  }
  return [storedMessage(stored)];
}

/** A notification for the API: its messages, and their texts in the reader's language. */
export function presentNotification(row: NotificationRow, locale: Locale) {
  const message = storedMessage(row.title);
  const lines = storedLines(row.body);
  return {
    id: row.id,
    kind: row.kind,
    message,
    lines,
    title: renderMessage(locale, message),
    body: lines.map((l) => renderMessage(locale, l)).join("\n"),
    link: row.link,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}
