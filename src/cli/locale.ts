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
  return err instanceof Error ? err.message : String(err);
}
