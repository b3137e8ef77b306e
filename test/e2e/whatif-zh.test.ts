// Issue 12, progress control as a lead meets it, on both databases: a late 双11 plan's Progress tab
// gives SPI and CPI, both forecasts and why the finish slipped; the corrective actions each show
// their before/after Gantt; applying the best combination moves the engine's forecast to the
// deadline and undoing it moves it back. Between the two databases every language walks at both
// widths (SQLite: Chinese at 1440 px, English at 390; PostgreSQL: English at 1440, Chinese at 390):
// bars on a desk, a list of old → new dates on a phone, without the page scrolling sideways.
//
// Monday 2026-11-02, plan 双11 大促 (deadline Wed 11-04), all 设计专员's: 主图设计 8 h, then 详情页
// 8 h, then 短视频 8 h (FS): the baseline frozen that morning plans Mon, Tue, Wed. 设计专员 finishes
// 主图设计 on Monday (8 h). Tuesday: 详情页 has grown to 16 h and 短视频 to 12 h. Status Tuesday:
// PV 16, EV 8, AC 8 → SPI 0.50, CPI 1.00; ES 1 of AT 2 → SPI(t) 0.5, 3 planned days ÷ 0.5 = 6
// workdays → Mon 11-09 (earned schedule); the engine: 详情页 Tue–Wed, 短视频 Thu–Fri → Fri 11-06.
// Alone, giving 详情页 or 短视频 to 设计主管, or 2 h of overtime a day, each finishes Thu 11-05;
// fast-tracking 短视频 moves nothing while one person does both. The best combination gives 短视频
// to 设计主管 and starts it with 详情页 (start-to-start): Tue–Wed beside it → Wed 11-04, on time.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DIALECTS } from "../helpers/db.js";
import { launchSharedChromium, UI_TIMEOUT } from "./chromium.js";
import { LoginPage } from "./pages/auth.pages.js";
import { screenshotFits } from "./pages/common.js";
import { call, login } from "./pages/plans.fixtures.js";
import { WhatIfPanel } from "./pages/whatif.pages.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

const OWNER = { email: "owner@whatif.test", password: "owner-pass-1" };
const LEAD = { email: "lead@whatif.test", password: "lead-pass-1" };
const MEMBER = { email: "m@whatif.test", password: "member-pass-1" };

for (const dialect of DIALECTS) {
  describe(`corrective actions (纠偏) on a late 双11 plan (${dialect})`, () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let planId: string;
    const clock = testClock("2026-11-02T02:00:00Z");
    const name = (step: string) => `whatif-${dialect}-${step}`;
    const shot = (page: Page, step: string) => screenshotFits(page, SCREENSHOTS, name(step), step);
    const open = async (viewport: { width: number; height: number }, locale: string) => {
      const context = await browser.newContext({
        viewport,
        locale,
        reducedMotion: "reduce",
        deviceScaleFactor: 1,
      });
      contexts.push(context);
      const page = await context.newPage();
      onTestFailed(async () => {
        await page.screenshot({
          path: `${SCREENSHOTS}/${name(`FAILED-${locale}`)}.png`,
          fullPage: true,
        });
      });
      const signIn = new LoginPage(page);
      await signIn.goto(server.url);
      await signIn.signIn(LEAD.email, LEAD.password);
      return page;
    };

    beforeAll(async () => {
      server = await startServer({ clock, dialect });
      browser = await launchSharedChromium();
      const base = server.url;
      const res = await fetch(`${base}/api/v1/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({
          workspaceName: "花间服饰",
          name: "周店长",
          email: OWNER.email,
          password: OWNER.password,
          template: "ecommerce",
        }),
      });
      expect(res.ok).toBe(true);
      const s = await login(base, OWNER.email, OWNER.password);
      const design = (
        await call<{ items: { id: string; name: string }[] }>(s, "GET", "/departments")
      ).items.find((d) => d.name === "设计")!;
      const skill = (
        await call<{ items: { id: string; departmentId: string | null }[] }>(s, "GET", "/skills")
      ).items.find((k) => k.departmentId === design.id)!;
      const member = (who: typeof LEAD, name: string, role: "lead" | "member") =>
        call<{ id: string }>(s, "POST", "/members", {
          name,
          email: who.email,
          password: who.password,
          role,
          departmentId: design.id,
          skills: [{ skillId: skill.id, level: 3 }],
        });
      const designer = await member(MEMBER, "设计专员", "member");
      await member(LEAD, "设计主管", "lead");
      planId = (
        await call<{ id: string }>(s, "POST", "/plans", {
          name: "双11 大促",
          startDate: "2026-11-02",
          launchDate: "2026-11-04",
        })
      ).id;
      const task = async (name: string, after: string | null) =>
        (
          await call<{ task: { id: string } }>(s, "POST", `/plans/${planId}/tasks`, {
            name,
            effortHours: 8,
            skillId: skill.id,
            assigneeMemberId: designer.id,
            ...(after && { dependsOn: [{ taskId: after }] }),
          })
        ).task.id;
      const t1 = await task("主图设计", null);
      const t2 = await task("详情页", t1);
      const t3 = await task("短视频", t2);
      await call(s, "POST", `/plans/${planId}/baseline`, {});
      // Monday: 设计专员 finishes 主图设计 (8 h logged).
      const m = await login(base, MEMBER.email, MEMBER.password);
      await call(m, "POST", `/today/tasks/${t1}/check-off`, { hours: 8 });
      // Tuesday morning: 详情页 turned out twice the work, 短视频 half as much again.
      clock.set("2026-11-03T02:00:00Z");
      const tasks = (
        await call<{ tasks: { id: string; version: number }[] }>(s, "GET", `/plans/${planId}`)
      ).tasks;
      const version = (id: string) => tasks.find((x) => x.id === id)!.version;
      await call(s, "PATCH", `/tasks/${t2}`, { version: version(t2), effortHours: 16 });
      await call(s, "PATCH", `/tasks/${t3}`, { version: version(t3), effortHours: 12 });
    }, 180_000);

    afterAll(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await server?.close();
    });

    /** One walk's words, as each language renders them. */
    const WORDS = {
      "zh-CN": {
        overlap: "加起来可能多于",
        late: "晚 2 个工作日",
        give: (task: string) => `把“${task}”交给设计主管`,
        overtime: "每天加班 2 小时",
        fastTrack: "不必等它完成",
        finish: (before: string, after: string) => `完成 ${before} → ${after} · 截止 2026-11-04`,
        misses: "仍然逾期",
        meets: "按期",
        none: "本计划没有任务移动",
        applied: "计划现在于 2026-11-04 完成",
        last: "应用的纠偏方案：计划于 2026-11-04 完成",
        undone: "已撤销：计划恢复为 2026-11-06 完成",
        optional: "可选",
        deferred: "已推迟",
        shift: "(提前|推迟) \\d+ 天",
      },
      "en-US": {
        overlap: "add up to more than the slip",
        late: "2 workday(s) late",
        give: (task: string) => `Give “${task}” to 设计主管`,
        overtime: "works 2 h overtime",
        fastTrack: "instead of after it finishes",
        finish: (before: string, after: string) =>
          `Finish ${before} → ${after} · deadline 2026-11-04`,
        misses: "still late",
        meets: "meets the deadline",
        none: "No task of this plan moves",
        applied: "the plan now finishes 2026-11-04",
        last: "the plan finishes 2026-11-04",
        undone: "Undone: the plan finishes 2026-11-06 again",
        optional: "Optional",
        deferred: "deferred",
        shift: "\\d+ day\\(s\\) (earlier|later)",
      },
    } as const;
    type Locale = keyof typeof WORDS;
    /** A moved task's row: name, old → new dates, the change of hands; on a phone its shift. */
    const move = (locale: Locale, task: string, before: string, after: string, hands = false) =>
      new RegExp(
        `^${task}\\s+${before} → ${after === "deferred" ? WORDS[locale].deferred : after}` +
          (hands ? "\\s+设计专员 → 设计主管" : "") +
          `(\\s+${WORDS[locale].shift})?$`,
      );
    // Each database walks both languages at both widths between them: SQLite Chinese on a desk and
    // English on a phone, PostgreSQL the other way round. The diff is bars on a desk, a list on a
    // phone.
    const [first, second] =
      dialect === "sqlite"
        ? ([
            { locale: "zh-CN", width: 1440 },
            { locale: "en-US", width: 390 },
          ] as const)
        : ([
            { locale: "en-US", width: 1440 },
            { locale: "zh-CN", width: 390 },
          ] as const);
    const viewport = (width: number) => ({ width, height: width > 600 ? 900 : 844 });
    const tag = (v: { locale: Locale; width: number }, step: string) =>
      `${step}-${v.locale.slice(0, 2)}-${v.width}`;
    const expectDiffShape = async (page: Page, within: Locator, wide: boolean) => {
      if (wide) expect(await within.getByTestId("whatif-diff-bars").count()).toBe(1);
      else expect(await page.getByTestId("whatif-diff-bars").count()).toBe(0);
    };
    const readsProgress = async (page: Page, w: WhatIfPanel, locale: Locale) => {
      await page.goto(`${server.url}/plans/${planId}?tab=progress`);
      await w.panel().waitFor();
      expect(await w.spi().innerText()).toContain("0.50");
      expect(await w.cpi().innerText()).toContain("1.00");
      expect(await w.esForecast().innerText()).toContain("2026-11-09");
      expect(await w.engineForecast().innerText()).toContain("2026-11-06");
      const slip = await w.slip().innerText();
      expect(slip).toContain("详情页");
      expect(slip).toContain("短视频");
      expect(await page.getByTestId("slip-overlap").innerText()).toContain(WORDS[locale].overlap);
    };

    it(
      `${first.locale} at ${first.width}: reads SPI/CPI, both forecasts and why it slipped, compares the options' Gantt diffs, applies the best, undoes it`,
      { timeout: 240_000 },
      async () => {
        const { locale, width } = first;
        const words = WORDS[locale];
        const wide = width > 600;
        const page = await open(viewport(width), locale);
        const w = new WhatIfPanel(page);
        await readsProgress(page, w, locale);
        await shot(page, tag(first, "01-progress"));

        await page.getByTestId("whatif-compute").click();
        await w.options().first().waitFor();
        expect(await w.panel().innerText()).toContain(words.late);
        // Three corrective actions, each with its before/after Gantt: each gains a day and still
        // misses the deadline.
        const give = w.option(words.give("详情页"));
        const giveVideo = w.option(words.give("短视频"));
        const overtime = w.option(words.overtime);
        for (const o of [give, giveVideo, overtime]) {
          await o.getByTestId("whatif-diff").waitFor();
          await expectDiffShape(page, o, wide);
          expect(await o.getByTestId("whatif-diff-finish").innerText()).toBe(
            words.finish("2026-11-06", "2026-11-05"),
          );
          expect(await o.getByTestId("whatif-diff").innerText()).toContain(words.misses);
        }
        expect(await w.moves(give)).toEqual([
          expect.stringMatching(move(locale, "详情页", "11-03–11-04", "11-03–11-04", true)),
          expect.stringMatching(move(locale, "短视频", "11-05–11-06", "11-04–11-05")),
        ]);
        expect(await w.moves(overtime)).toEqual([
          expect.stringMatching(move(locale, "短视频", "11-05–11-06", "11-04–11-05")),
        ]);
        // Fast-tracking alone moves nothing: the diff says so.
        expect(await w.option(words.fastTrack).getByTestId("whatif-diff").innerText()).toContain(
          words.none,
        );
        // The best combination: 短视频 to 设计主管, started with 详情页 → on the deadline.
        const best = w.best();
        expect(await best.getByTestId("whatif-diff-finish").innerText()).toBe(
          words.finish("2026-11-06", "2026-11-04"),
        );
        expect(await best.innerText()).toContain(words.meets);
        expect(await w.moves(best)).toContainEqual(
          expect.stringMatching(move(locale, "短视频", "11-05–11-06", "11-03–11-04", true)),
        );
        await shot(page, tag(first, "02-options"));
        for (const [o, step] of [
          [best, "03a-best-diff"],
          [give, "03b-option-diff"],
        ] as const) {
          await o.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SCREENSHOTS}/${name(tag(first, step))}.png` });
        }

        await w.applyBest();
        expect(await w.applied().innerText()).toContain(words.applied);
        await expect
          .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
          .toContain("2026-11-04");
        await shot(page, tag(first, "04-applied"));
        // Read again later, the page still offers to undo it; undone, the forecast is back.
        await page.reload();
        await w.last().waitFor();
        expect(await w.last().innerText()).toContain(words.last);
        await w.undoLast();
        expect(await w.undone().innerText()).toContain(words.undone);
        await expect
          .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
          .toContain("2026-11-06");
        await shot(page, tag(first, "05-undone"));

        // The lead marks 短视频 optional in the task grid; it stays ticked when read again.
        const row = () => page.getByTestId("task-row").filter({ hasText: "短视频" });
        const optional = () => row().getByTestId("task-optional");
        await page.goto(`${server.url}/plans/${planId}?tab=tasks`);
        await optional().click();
        await expect.poll(() => optional().isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
        await page.reload();
        await expect.poll(() => optional().isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
        expect(await row().getByTestId("task-optional-tag").innerText()).toBe(words.optional);
        await shot(page, tag(first, "06-optional"));
      },
    );

    it(
      `${second.locale} at ${second.width}: the same the other way round, each option's moved tasks in its diff; deferring the optional 短视频 is the best now`,
      { timeout: 240_000 },
      async () => {
        const { locale, width } = second;
        const words = WORDS[locale];
        const wide = width > 600;
        const page = await open(viewport(width), locale);
        const w = new WhatIfPanel(page);
        await readsProgress(page, w, locale);
        await shot(page, tag(second, "07-progress"));

        await page.getByTestId("whatif-compute").click();
        await w.options().first().waitFor();
        expect(await w.options().count()).toBeGreaterThanOrEqual(3);
        const give = w.option(words.give("详情页"));
        await expectDiffShape(page, give, wide);
        expect(await w.moves(give)).toContainEqual(
          expect.stringMatching(move(locale, "详情页", "11-03–11-04", "11-03–11-04", true)),
        );
        // 短视频 is optional now (marked at the desk): the cheapest way to the deadline is to defer it.
        expect(await w.best().getByTestId("whatif-diff-finish").innerText()).toBe(
          words.finish("2026-11-06", "2026-11-04"),
        );
        expect(await w.moves(w.best())).toContainEqual(
          expect.stringMatching(move(locale, "短视频", "11-05–11-06", "deferred")),
        );
        await shot(page, tag(second, "08-options"));
        for (const [o, step] of [
          [w.best(), "08a-best-diff"],
          [give, "08b-option-diff"],
        ] as const) {
          await o.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SCREENSHOTS}/${name(tag(second, step))}.png` });
        }

        await w.applyBest();
        await expect
          .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
          .toContain("2026-11-04");
        expect(await w.applied().innerText()).toContain(words.applied);
        await shot(page, tag(second, "09-applied"));
        await page.getByTestId("whatif-undo").click();
        await w.undone().waitFor();
        await expect
          .poll(() => w.engineForecast().innerText(), { timeout: UI_TIMEOUT })
          .toContain("2026-11-06");
        await shot(page, tag(second, "10-undone"));
      },
    );
  });
}
