// The CLI's reader language: `--lang` when given, else the environment's (LC_ALL, LC_MESSAGES,
// LANG: "zh_CN.UTF-8" → Chinese), else English. Messages are rendered from their codes with the
// same catalogs the web and the API use (src/core/messages).
import { DomainError } from "../core/errors.js";
import { msg, pickLocale, renderMessage, type Locale } from "../core/messages/index.js";

export function cliLocale(flag?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG].map((v) => v?.replace(/_/g, "-"));
  return pickLocale(flag, ...fromEnv) ?? "en";
}

/** An error as the CLI prints it: a coded domain error in the reader's language, else its text. */
export function cliErrorText(err: unknown, locale: Locale = cliLocale()): string {
  if (err instanceof DomainError) {
    const head = renderMessage(locale, err.coded ?? msg("legacy.text", { text: err.message }));
    const fields = err.fields.map((f) =>
      f.code
        ? `  ${f.field}: ${renderMessage(locale, { code: f.code, params: f.params ?? {} })}`
        : `  ${f.field}: ${f.message}`,
    );
    return [head, ...fields].join("\n");
  }
  const file = fileErrorCode(err);
  if (file) return renderMessage(locale, msg(file.code, { path: file.path }));
  return err instanceof Error ? err.message : String(err);
}

const FILE_ERRORS: Record<
  string,
  "cli.file.not_found" | "cli.file.not_readable" | "cli.file.is_directory"
> = {
  ENOENT: "cli.file.not_found",
  EACCES: "cli.file.not_readable",
  EPERM: "cli.file.not_readable",
  EISDIR: "cli.file.is_directory",
};

/** A file the command was given that is missing, unreadable or a folder (Node's fs errors). */
function fileErrorCode(err: unknown): { code: (typeof FILE_ERRORS)[string]; path: string } | null {
  if (!(err instanceof Error)) return null;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ? FILE_ERRORS[e.code] : undefined;
  return code && e.path ? { code, path: e.path } : null;
}
