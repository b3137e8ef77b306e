// Commander's own messages — its usage errors ("error: required option '--shop <name>' not
// specified") — in the reader's language: `--lang` on the command line, else LC_ALL/LC_MESSAGES/
// LANG (locale.ts). Commander hands `outputError` only its finished English line, so each of its
// error kinds is recognised by Commander's fixed template and its parameters (the option, the
// value, the choices) are taken from it; the sentence around them is the catalog's (cli.usage.…).
// A line no template matches (a newer Commander) is printed as Commander wrote it. The help that
// follows an error, and --help, stay in English: they are Commander's generated text.
import type { OutputConfiguration } from "commander";
import { msg, renderMessage, type Locale, type Message } from "../core/messages/index.js";
import { cliLocale } from "./locale.js";

/** The reader's language from the command line (`--lang x` or `--lang=x`, anywhere), else the environment's. */
export function argvLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  let flag: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--lang") flag = argv[i + 1];
    else if (a.startsWith("--lang=")) flag = a.slice("--lang=".length);
  });
  return cliLocale(flag, env);
}

/** Commander's error templates (commander/lib/command.js, option.js), each with its message. */
const TEMPLATES: [RegExp, (m: RegExpMatchArray) => Message][] = [
  [
    /^required option '(.+)' not specified$/,
    (m) => msg("cli.usage.required_option", { option: m[1]! }),
  ],
  [
    /^option '(.+)' argument missing$/,
    (m) => msg("cli.usage.option_argument_missing", { option: m[1]! }),
  ],
  [
    /^missing required argument '(.+)'$/,
    (m) => msg("cli.usage.missing_argument", { argument: m[1]! }),
  ],
  [
    /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (m) => msg("cli.usage.invalid_choice", { option: m[1]!, value: m[2]!, choices: m[3]! }),
  ],
  [/^unknown option '(.+)'$/, (m) => msg("cli.usage.unknown_option", { option: m[1]! })],
  [/^unknown command '(.+)'$/, (m) => msg("cli.usage.unknown_command", { command: m[1]! })],
  [
    /^too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => msg("cli.usage.too_many_arguments_for", { command: m[1]!, expected: m[2]!, got: m[3]! }),
  ],
  [
    /^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => msg("cli.usage.too_many_arguments", { expected: m[1]!, got: m[2]! }),
  ],
];
const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)$/;

/** Commander's error line in the reader's language; as Commander wrote it when not one of its templates. */
export function commanderErrorText(line: string, locale: Locale): string {
  const text = line.replace(/\n$/, "");
  const suggestion = SUGGESTION.exec(text);
  const body = (suggestion ? text.slice(0, suggestion.index) : text).replace(/^error: /, "");
  for (const [pattern, message] of TEMPLATES) {
    const m = pattern.exec(body);
    if (!m) continue;
    const lines = [renderMessage(locale, msg("cli.usage.error", { problem: message(m) }))];
    if (suggestion)
      lines.push(renderMessage(locale, msg("cli.usage.did_you_mean", { names: suggestion[1]! })));
    return `${lines.join("\n")}\n`;
  }
  return line;
}

/** `program.configureOutput(…)`: Commander's errors in the language of this command line. */
export function commanderOutput(argv: readonly string[] = process.argv): OutputConfiguration {
  const locale = argvLocale(argv);
  return {
    outputError: (line, write) => write(commanderErrorText(line, locale)),
  };
}
