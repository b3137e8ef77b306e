// Commander's own usage errors in the reader's language: each of its error templates rendered from
// the catalog (cli.usage.…), and one command run as a real process with --lang and with LANG.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { argvLocale, commanderErrorText } from "./commander-output.js";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../bin/dayclear.js");

describe("Commander's usage errors", () => {
  // Commander's own lines (commander/lib/command.js, option.js), as outputError receives them.
  const LINES: [string, string, string][] = [
    [
      "error: required option '--shop <name>' not specified\n",
      "错误：缺少必填选项 --shop <name>\n",
      "error: required option '--shop <name>' not specified\n",
    ],
    [
      "error: option '--shop <name>' argument missing\n",
      "错误：选项 --shop <name> 缺少取值\n",
      "error: option '--shop <name>' argument missing\n",
    ],
    [
      "error: missing required argument 'plan'\n",
      "错误：缺少必填参数 plan\n",
      "error: missing required argument 'plan'\n",
    ],
    [
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh-CN, en.\n",
      "错误：选项 --lang <lang> 的取值“fr”无效，可选：zh-CN, en。\n",
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh-CN, en.\n",
    ],
    [
      "error: unknown option '--shp'\n(Did you mean --shop?)\n",
      "错误：未知选项 --shp\n（是否想输入 --shop？）\n",
      "error: unknown option '--shp'\n(Did you mean --shop?)\n",
    ],
    [
      "error: unknown command 'kpii'\n(Did you mean one of kpi, cases?)\n",
      "错误：未知命令 kpii\n（是否想输入 kpi, cases？）\n",
      "error: unknown command 'kpii'\n(Did you mean kpi, cases?)\n",
    ],
    [
      "error: too many arguments for 'schedule'. Expected 1 argument but got 2.\n",
      "错误：schedule 的参数过多：应为 1 个，收到 2 个。\n",
      "error: too many arguments for 'schedule'. Expected 1 argument(s) but got 2.\n",
    ],
  ];

  it("renders each of Commander's errors from the catalog in Chinese and in English", () => {
    for (const [line, zh, en] of LINES) {
      expect(commanderErrorText(line, "zh-CN")).toBe(zh);
      expect(commanderErrorText(line, "en")).toBe(en);
    }
  });

  it("prints a line it does not know as Commander wrote it", () => {
    const line = "error: option '--a' cannot be used with option '--b'\n";
    expect(commanderErrorText(line, "zh-CN")).toBe(line);
  });

  it("takes the language from --lang anywhere on the command line, else the environment", () => {
    const en = { LANG: "en_US.UTF-8" };
    const zh = { LANG: "zh_CN.UTF-8" };
    expect(argvLocale(["node", "dayclear", "kpi", "--lang", "zh-CN"], en)).toBe("zh-CN");
    expect(argvLocale(["node", "dayclear", "--lang=en", "kpi"], zh)).toBe("en");
    expect(argvLocale(["node", "dayclear", "kpi"], zh)).toBe("zh-CN");
    expect(argvLocale(["node", "dayclear", "kpi", "--lang", "fr"], en)).toBe("en");
  });

  it("says a missing required option in the reader's language when a command is run", async () => {
    const dayclear = async (args: string[], env: Record<string, string>) => {
      try {
        await run(
          process.execPath,
          [bin, "kpi", "--from", "2026-10-01", "--to", "2026-10-31", ...args],
          {
            env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", LC_ALL: "", LC_MESSAGES: "", ...env },
            timeout: 120_000,
            killSignal: "SIGKILL",
          },
        );
      } catch (e) {
        return e as { code: number; stderr: string };
      }
      throw new Error("expected a non-zero exit");
    };
    const zh = await dayclear(["--lang", "zh-CN"], { LANG: "en_US.UTF-8" });
    expect(zh.code).toBe(1);
    expect(zh.stderr.split("\n")[0]).toBe("错误：缺少必填选项 --shop <name>");
    const zhEnv = await dayclear([], { LANG: "zh_CN.UTF-8" });
    expect(zhEnv.stderr.split("\n")[0]).toBe("错误：缺少必填选项 --shop <name>");
    const en = await dayclear([], { LANG: "en_US.UTF-8" });
    expect(en.code).toBe(1);
    expect(en.stderr.split("\n")[0]).toBe("error: required option '--shop <name>' not specified");
    // The help after the error is Commander's, in English in both.
    expect(zh.stderr).toContain("Usage: dayclear kpi [options]");
  }, 180_000);
});
