// Files chosen together for one import (a folder's worth): whether their total, with the files
// already uploaded for it, is over what one import in the browser takes — said before any is sent,
// with the server's own text (upload.total_too_large) in the page's language.
import { LIMITS } from "../../../../src/core/limits.js";
import type { Locale } from "../../api/types.js";
import { messageText } from "../../i18n/messages.js";

const MB = 1024 * 1024;

/** The refusal's text when the files come to more than the limit together, else null. */
export function totalRefusal(
  locale: Locale,
  picked: { name: string; size: number }[],
  uploaded: { fileName: string; size: number }[],
): string | null {
  // A file chosen again under the same name replaces the one uploaded before: it counts once.
  const kept = uploaded.filter((u) => !picked.some((f) => f.name === u.fileName));
  const total = [...kept, ...picked].reduce((n, f) => n + f.size, 0);
  if (total <= LIMITS.importUploadTotalMaxBytes) return null;
  const params = { totalMb: Math.ceil(total / MB), maxMb: LIMITS.importUploadTotalMaxBytes / MB };
  return messageText(locale, "upload.total_too_large", params) ?? null;
}
