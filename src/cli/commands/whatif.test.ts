// `dayclear whatif PLAN.json [--deadline DATE] [--json]` as a user runs it: a real process on a
// late plan file (test/fixtures/plans/late-launch.plan.json — 张三 does 主图设计 then 详情页, 上架 is
// due Friday 2026-11-06, 李四 (design level 5, factor 1.25) is free), in English and in Chinese.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../../bin/dayclear.js");
const planFile = join(import.meta.dirname, "../../../test/fixtures/plans/late-launch.plan.json");
const EN = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
const ZH = { LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" };
const dir = mkdtempSync(join(tmpdir(), "dayclear-whatif-"));

const dayclear = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [bin, "whatif", ...args], {
    env: { ...process.env, DAYCLEAR_FROM_SOURCE: "1", ...env },
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
const refused = async (args: string[], env: Record<string, string>) => {
  try {
    await dayclear(args, env);
  } catch (e) {
    return e as { code: number; stdout: string; stderr: string };
  }
  throw new Error("expected a non-zero exit");
};

interface WhatIfJson {
  format: string;
  deadline: string;
  finish: string;
  lateDays: number;
  options: {
    id: string;
    kind: string;
    message: { code: string; text: string };
    applicable: boolean;
    score: {
      finish: string;
      daysGained: number;
      meetsDeadline: boolean;
      hoursMoved: number;
      overtimeHours: number;
      hoursCut: number;
    };
  }[];
  best: { optionIds: string[]; score: { finish: string; overtimeHours: number } } | null;
  notes: { code: string; text: string }[];
}

describe("dayclear whatif", () => {
  it("prints the corrective actions of a late plan file with their finish and cost, in English", async () => {
    const { stdout } = await dayclear([planFile], EN);
    const lines = stdout.trimEnd().split("\n");
    // The plan: 主图设计 Mon–Wed, 详情页 Thu–Mon by 张三, 上架 Monday 11-09 — one workday late.
    expect(lines[0]).toBe(
      `${planFile}: forecast finish 2026-11-09, deadline 2026-11-06: 1 workday(s) late.`,
    );
    expect(lines[1]).toBe("Corrective actions, earliest finish first:");
    // 详情页 to 李四 (level 5: 20 h ÷ 1.25 = 16 h, starting the day 主图设计 ends): done Thursday.
    expect(lines[2]).toBe(
      " 1. [another member] Give “详情页” to 李四 (another plan or department) instead of 张三",
    );
    expect(lines[3]).toBe(
      "    finish 2026-11-05 · 2 workday(s) earlier · meets the deadline · 20 h moved, 0 h overtime",
    );
    expect(stdout).toContain(
      "[overtime] 张三 works 2 h overtime on 6 workday(s), 2026-11-02 to 2026-11-09",
    );
    expect(stdout).toContain(
      "    finish 2026-11-06 · 1 workday(s) earlier · meets the deadline · 0 h moved, 8 h overtime",
    );
    // The cheapest option that meets the deadline is the best combination: 8 h of overtime.
    expect(stdout).toContain("Best combination (option(s) 3):");
    expect(stdout).toContain("Notes:");
  });

  it("says the same in Chinese (LANG=zh_CN), and --lang wins over the environment", async () => {
    const zh = (await dayclear([planFile], ZH)).stdout;
    expect(zh.split("\n")[0]).toBe(
      `${planFile}：预测完成 2026-11-09，截止 2026-11-06：晚 1 个工作日。`,
    );
    expect(zh).toContain(" 1. [换人] 把“详情页”交给李四（其他计划或部门），不再由张三做");
    expect(zh).toContain(
      "    完成 2026-11-05 · 提前 2 个工作日 · 赶上截止日期 · 转移 20 小时，加班 0 小时",
    );
    expect(zh).toContain("最佳组合（方案 3）：");
    expect(zh).not.toMatch(/workday|deadline/);
    const en = (await dayclear([planFile, "--lang", "en"], ZH)).stdout;
    expect(en).toContain("Corrective actions, earliest finish first:");
  });

  it("prints dayclear.whatif/v1 with --json: codes, texts in the reader's language and the scores", async () => {
    const out = JSON.parse((await dayclear([planFile, "--json"], ZH)).stdout) as WhatIfJson;
    expect(out).toMatchObject({
      format: "dayclear.whatif/v1",
      deadline: "2026-11-06",
      finish: "2026-11-09",
      lateDays: 1,
    });
    expect(out.options[0]).toMatchObject({
      id: "assign:detail:li",
      kind: "add_person",
      message: {
        code: "progress.whatif.add_person",
        text: "把“详情页”交给李四（其他计划或部门），不再由张三做",
      },
      applicable: true,
      score: {
        finish: "2026-11-05",
        daysGained: 2,
        meetsDeadline: true,
        hoursMoved: 20,
        overtimeHours: 0,
      },
    });
    expect(out.best).toMatchObject({
      optionIds: ["overtime:zhang"],
      score: { finish: "2026-11-06", overtimeHours: 8 },
    });
    expect(out.notes.map((n) => n.code)).toContain("progress.whatif.no_optional_flag");
  });

  it("--deadline moves the date to meet: a week later the plan is on time", async () => {
    const { stdout } = await dayclear([planFile, "--deadline", "2026-11-13", "--json"], EN);
    const out = JSON.parse(stdout) as WhatIfJson;
    expect(out).toMatchObject({ deadline: "2026-11-13", finish: "2026-11-09", lateDays: 0 });
    expect((await dayclear([planFile, "--deadline", "2026-11-13"], EN)).stdout.split("\n")[0]).toBe(
      `${planFile}: forecast finish 2026-11-09, deadline 2026-11-13: on time.`,
    );
  });

  it("reads the file's optional tasks, overtime and work sharing as the server's what-if does", async () => {
    type Task = { id: string } & Record<string, unknown>;
    const plan = JSON.parse(readFileSync(planFile, "utf8")) as { tasks: Task[] };
    const variant = async (name: string, edit: (p: typeof plan) => object) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(edit(structuredClone(plan))));
      return JSON.parse((await dayclear([file, "--json"], EN)).stdout) as WhatIfJson;
    };
    const withTask = (p: typeof plan, id: string, fields: object) => ({
      ...p,
      tasks: p.tasks.map((t) => (t.id === id ? { ...t, ...fields } : t)),
    });
    // Cut scope appears only when a task is optional: deferring 详情页 lets 上架 follow 主图设计
    // (Wed 11-04), 20 h cut.
    const optional = await variant("optional", (p) => withTask(p, "detail", { optional: true }));
    expect(optional.options.find((o) => o.kind === "cut_scope")).toMatchObject({
      id: "defer:detail",
      score: { finish: "2026-11-04", meetsDeadline: true, hoursCut: 20 },
    });
    expect(optional.notes.map((n) => n.code)).not.toContain("progress.whatif.no_optional_flag");
    // The file's overtime (张三 4 h on Tue–Thu) is capacity when useOvertime says so: 主图设计 and
    // 详情页 are done Thursday, 上架 too — on time; the overtime option counts only its own hours.
    const extra = ["2026-11-03", "2026-11-04", "2026-11-05"].map((date) => ({
      member: "zhang",
      date,
      hours: 4,
    }));
    const overtime = await variant("overtime", (p) => ({
      ...p,
      overtime: extra,
      useOvertime: true,
    }));
    expect(overtime).toMatchObject({ finish: "2026-11-05", lateDays: 0 });
    expect(overtime.options.find((o) => o.id === "overtime:zhang")?.score.overtimeHours).toBe(6);
    // Kept but not used without useOvertime (the engine's rule): late as before.
    const unused = await variant("overtime-off", (p) => ({ ...p, overtime: extra }));
    expect(unused).toMatchObject({ finish: "2026-11-09", lateDays: 1 });
    // 详情页 grows to 40 h and is open to anyone: 李四 alone (32 h at 1.25) finishes it Monday 11-09;
    // with maxPeople 2 张三 joins on Thursday and it is done Friday, 上架 too — on time.
    const open = { effortHours: 40, assignee: null };
    const alone = await variant("alone", (p) => withTask(p, "detail", open));
    expect(alone).toMatchObject({ finish: "2026-11-09", lateDays: 1 });
    const shared = await variant("shared", (p) =>
      withTask(p, "detail", { ...open, maxPeople: 2, minChunkHours: 2 }),
    );
    expect(shared).toMatchObject({ finish: "2026-11-06", lateDays: 0 });
  }, 150_000);

  it("refuses a bad file or argument with a coded error in the reader's language and a non-zero exit", async () => {
    const missing = join(dir, "nope.json");
    const gone = await refused([missing], ZH);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(`dayclear whatif: 找不到文件：${missing}\n`);

    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{"format": "dayclear.plan/v1", "mode": "team"');
    const bad = await refused([broken], EN);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not a valid plan/);

    const plan = JSON.parse(readFileSync(planFile, "utf8")) as {
      tasks: { deadline: string | null }[];
    };
    const noDeadline = join(dir, "no-deadline.json");
    writeFileSync(
      noDeadline,
      JSON.stringify({ ...plan, tasks: plan.tasks.map((t) => ({ ...t, deadline: null })) }),
    );
    const none = await refused([noDeadline], ZH);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `dayclear whatif: ${noDeadline} 中没有任务截止日期：请用 --deadline YYYY-MM-DD 给出要赶上的日期\n`,
    );

    const date = await refused([planFile, "--deadline", "2026-02-30"], EN);
    expect(date.code).toBe(1);
    expect(date.stderr).toContain("--deadline is a date YYYY-MM-DD");

    const abstract = join(dir, "abstract.json");
    writeFileSync(
      abstract,
      JSON.stringify({
        format: "dayclear.plan/v1",
        mode: "abstract",
        resources: [{ id: "R1", capacity: 1 }],
        tasks: [{ id: "a", duration: 1, demands: { R1: 1 }, predecessors: [] }],
      }),
    );
    const notTeam = await refused([abstract], EN);
    expect(notTeam.code).toBe(1);
    expect(notTeam.stderr).toContain("corrective actions need a team plan");
  }, 150_000);
});
