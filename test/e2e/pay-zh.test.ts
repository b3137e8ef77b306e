// Pay in the browser (issue 6), on the demo shop: the owner creates a 运营 pay plan from the
// template (marginal tiers named 超额累进), sees a tier overlap refused on the right field, assigns
// the plan to 运营, is refused a run for a month without data, computes last month's run, opens
// 林可's statement (the commission line with its formula and source numbers) and approves & locks
// it. 林可, the 运营 lead, sees her own statement, no link to 客服's, and a direct URL to 刘婷's
// statement says "无权查看". Then My pay in English at phone width with a projection.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { call, login, openDemo } from "./pages/plans.fixtures.js";
import {
  MyPayPage,
  PayPlanPage,
  PayPlansPage,
  PayRunPage,
  PayRunsPage,
  StatementPage,
} from "./pages/pay.pages.js";
import type { PayPlanDefinition } from "../../src/core/pay/plan.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

describe("pay: plan → run → statement → lock, and the lead's view (zh-CN), My pay on a phone (en)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let owner: Page;
  let lead: Page;
  let phone: Page;
  let demo: { email: string; password: string };
  let liuTing: string;
  let templates: Record<string, PayPlanDefinition>;

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") }); // Thursday 10:00 in Shanghai; last month is 2026-10
    demo = await openDemo(server.url);
    // Already in place before the journey: the 客服 plan from its template, for the 客服 department.
    const s = await login(server.url, demo.email, demo.password);
    const departments = await call<{ items: { id: string; name: string }[] }>(
      s,
      "GET",
      "/departments",
    );
    const members = await call<{ items: { id: string; name: string }[] }>(
      s,
      "GET",
      "/members?limit=100",
    );
    liuTing = members.items.find((m) => m.name === "刘婷")!.id;
    templates = Object.fromEntries(
      (
        await call<{ items: { id: string; plan: PayPlanDefinition }[] }>(
          s,
          "GET",
          "/pay-plan-templates",
        )
      ).items.map((x) => [x.id, x.plan]),
    );
    const cs = await call<{ id: string }>(s, "POST", "/pay-plans", {
      effectiveFrom: "2026-10-01",
      templateId: "customer-service",
    });
    await call(s, "POST", `/pay-plans/${cs.id}/assignments`, {
      targetType: "department",
      targetId: departments.items.find((d) => d.name === "客服")!.id,
      effectiveFrom: "2026-10-01",
    });
    for (const [viewport, locale] of [
      [{ width: 1280, height: 860 }, "zh-CN"],
      [{ width: 1280, height: 860 }, "zh-CN"],
      [{ width: 390, height: 844 }, "en"],
    ] as const)
      browsers.push(await launchChromium(viewport, locale));
    owner = await browsers[0]!.context.newPage();
    lead = await browsers[1]!.context.newPage();
    phone = await browsers[2]!.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it(
    "runs the month's pay from plan to locked statements, with the right people seeing the right statements",
    { timeout: 240_000 },
    async () => {
      onTestFailed(async () => {
        await owner.screenshot({ path: `${SCREENSHOTS}/pay-zh-FAILED-owner.png`, fullPage: true });
        await lead.screenshot({ path: `${SCREENSHOTS}/pay-zh-FAILED-lead.png`, fullPage: true });
        await phone.screenshot({ path: `${SCREENSHOTS}/pay-en-FAILED-phone.png`, fullPage: true });
      });
      // The owner: a pay plan for 运营 from the template.
      await new LoginPage(owner).goto(server.url);
      await new LoginPage(owner).signIn(demo.email, demo.password);
      const shell = new AppShell(owner);
      await shell.navigate("薪酬方案", "/pay/plans");
      const plans = new PayPlansPage(owner);
      await expect.poll(() => plans.cards().count()).toBe(1);
      // An imported plan file with a negative rate is refused, each problem named; nothing is created.
      await owner.getByTestId("pay-plan-import").click();
      const bad = { ...structuredClone(templates.operations!), name: "导入的方案" };
      bad.commissions[0]!.tiers!.bands[2]!.ratePct = -3;
      await owner.getByTestId("pay-import-file").setInputFiles({
        name: "plan.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(bad)),
      });
      await owner.getByTestId("pay-import-create").click();
      await expect
        .poll(() => owner.getByTestId("field-errors").innerText())
        .toContain("definition.commissions.0.tiers.bands.2.ratePct: 不能为负数");
      await screenshot(owner, SCREENSHOTS, "pay-zh-00-import-refused");
      await owner.keyboard.press("Escape");
      await owner.getByTestId("pay-import-create").waitFor({ state: "hidden" });
      expect(await plans.cards().count()).toBe(1);
      await plans.createFromTemplate("2026-10-01");
      const plan = new PayPlanPage(owner);
      await expect
        .poll(() => owner.getByTestId("pay-plan-name").innerText())
        .toBe("运营 · 店铺销售额阶梯提成");
      const rules = await plan.rules().innerText();
      expect(rules).toContain("超额累进");
      expect(rules).toContain("未达到目标 ¥50,000.00 的 80% 不计提");
      expect(await plan.tierRows().count()).toBe(3);
      expect(await plan.tierRows().nth(2).innerText()).toMatch(/¥50,000\s+以上\s+12%/);
      expect(await plan.assignments().count()).toBe(0);
      const planUrl = owner.url();
      await screenshot(owner, SCREENSHOTS, "pay-zh-01-plan");

      // A new version whose second band overlaps the first is refused on that band's field; nothing changes.
      await plan.openNewVersion();
      await plan.bandFrom(1).fill("9000");
      await plan.saveVersion();
      await expect
        .poll(() => owner.getByTestId("field-errors").innerText())
        .toContain("definition.commissions.0.tiers.bands.1.from");
      await expect
        .poll(() =>
          owner.getByTestId("edit-band").nth(1).locator(".ant-form-item-explain-error").innerText(),
        )
        .toContain("与第 1 档重叠");
      await screenshot(owner, SCREENSHOTS, "pay-zh-02-overlap-refused");
      await plan.cancelVersion();
      expect(await plan.versions().count()).toBe(1);

      await plan.assignDepartment("运营", "2026-10-01");
      await expect.poll(() => plan.assignments().innerText()).toContain("运营");

      // Pay runs: a month without shop data is refused on the month field, then last month computes.
      await shell.navigate("工资核算", "/pay/runs");
      const runs = new PayRunsPage(owner);
      await runs.compute("2025-10");
      await expect.poll(() => runs.periodError().innerText()).toContain("2025-10 没有店铺数据");
      await screenshot(owner, SCREENSHOTS, "pay-zh-03-no-data");
      await runs.compute("2026-10");
      await owner.waitForURL(/\/pay\/runs\/[^/]+$/);
      const run = new PayRunPage(owner);
      await expect.poll(() => run.rows().count()).toBe(6); // 运营 ×3, 客服 ×3
      expect(await run.status().innerText()).toBe("草稿");
      await screenshot(owner, SCREENSHOTS, "pay-zh-04-run-draft");

      await run.statementLink("林可").click();
      await owner.waitForURL(/\/statements\//);
      const statement = new StatementPage(owner);
      await expect.poll(() => statement.title().innerText()).toContain("林可");
      const commission = statement.line("commission");
      const formula = await commission.getByTestId("line-formula").innerText();
      expect(formula).toMatch(
        /^超额累进，基数 [\d,]+\.\d\d: 10,000\.00 × 5% \+ 40,000\.00 × 8% \+ [\d,]+\.\d\d × 12% = [\d,]+\.\d\d$/,
      );
      const commissionAmount = await commission.getByTestId("line-amount").innerText();
      expect(formula.endsWith(commissionAmount.replace("¥", ""))).toBe(true);
      expect(await commission.getByTestId("line-sources").innerText()).toMatch(
        /店铺数据 GMV 2026-10-01…2026-10-31，\d+ 个店铺，\d+ 个付款订单/,
      );
      expect(await statement.total().innerText()).toMatch(/^¥[\d,]+\.\d\d$/);
      await screenshot(owner, SCREENSHOTS, "pay-zh-05-statement");

      await owner.goBack();
      await run.lock();
      await expect.poll(() => run.status().innerText()).toBe("已锁定");
      expect(await owner.getByTestId("run-export-xlsx").getAttribute("href")).toMatch(
        /\/export\?format=xlsx$/,
      );
      expect(await owner.getByTestId("run-export-csv").getAttribute("href")).toMatch(
        /\/export\?format=csv$/,
      );
      expect(await owner.getByTestId("run-lock").count()).toBe(0);
      await screenshot(owner, SCREENSHOTS, "pay-zh-06-run-locked");
      const runUrl = owner.url();

      // 林可, the 运营 lead: pay runs and My pay in her menu, not pay plans; her own statement.
      await new LoginPage(lead).goto(server.url);
      await new LoginPage(lead).signIn("lin.ke@demo.dayclear.local", demo.password);
      const leadShell = new AppShell(lead);
      await leadShell.workspaceName().waitFor();
      const nav = await lead.getByTestId("nav").innerText();
      expect(nav).toContain("工资核算");
      expect(nav).toContain("我的薪酬");
      expect(nav).not.toContain("薪酬方案");
      await leadShell.navigate("我的薪酬", "/pay/me");
      const myPay = new MyPayPage(lead);
      await expect.poll(() => myPay.statements().count()).toBe(1);
      expect(await myPay.statements().innerText()).toContain("2026-10");
      await screenshot(lead, SCREENSHOTS, "pay-zh-07-lead-my-pay");
      await lead.getByTestId("my-statement-open").click();
      const leadStatement = new StatementPage(lead);
      await expect.poll(() => leadStatement.title().innerText()).toContain("林可");
      expect(await leadStatement.line("commission").getByTestId("line-amount").innerText()).toBe(
        commissionAmount,
      );

      // Her department's run: the 运营 statements only, no link to 客服's; a direct URL is refused plainly.
      await lead.goto(runUrl);
      await expect.poll(() => new PayRunPage(lead).rows().count()).toBe(3);
      expect(await lead.getByTestId("statement-table").innerText()).not.toContain("刘婷");
      expect(await lead.getByTestId("run-lock").count()).toBe(0);
      await screenshot(lead, SCREENSHOTS, "pay-zh-08-lead-run");
      await lead.goto(`${runUrl}/statements/${liuTing}`);
      await expect.poll(() => leadStatement.notAllowed().innerText()).toContain("无权查看");
      await screenshot(lead, SCREENSHOTS, "pay-zh-09-not-allowed");

      // My pay in English on a phone, with a projection.
      await new LoginPage(phone).goto(server.url);
      await new LoginPage(phone).signIn("lin.ke@demo.dayclear.local", demo.password);
      const phoneShell = new AppShell(phone);
      await phoneShell.switchLanguage("English");
      await phoneShell.navigate("My pay", "/pay/me");
      const phonePay = new MyPayPage(phone);
      await expect
        .poll(() => phonePay.monthToDate().innerText())
        .toMatch(/Pay month to date \(2026-11-01 → 2026-11-26\)\s+¥[\d,]+\.\d\d/);
      await phonePay.project("1,200,000");
      await expect
        .poll(() => phonePay.result().innerText())
        .toMatch(/If the shop reaches ¥1,200,000\.00 this month, you earn ¥[\d,]+\.\d\d/);
      await screenshot(phone, SCREENSHOTS, "pay-en-10-phone-my-pay");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.getByText("How pay at ¥1,200,000.00 is computed").click();
      await expect
        .poll(() => phone.getByTestId("statement").last().innerText())
        .toContain("1,200,000.00");
      await screenshot(phone, SCREENSHOTS, "pay-en-11-phone-projection-lines");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.goto(runUrl);
      await expect.poll(() => new PayRunPage(phone).rows().count()).toBe(3);
      await screenshot(phone, SCREENSHOTS, "pay-en-12-phone-run");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.getByTestId("statement-open").filter({ hasText: "林可" }).click();
      await expect.poll(() => new StatementPage(phone).title().innerText()).toContain("林可");
      await screenshot(phone, SCREENSHOTS, "pay-en-13-phone-statement");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);

      // The owner on the phone: the plan with its tier table fits, and a version effective inside
      // the locked October is refused on the date field.
      await browsers[2]!.context.clearCookies();
      await new LoginPage(phone).goto(server.url);
      await new LoginPage(phone).signIn(demo.email, demo.password);
      await phone.goto(planUrl);
      const phonePlan = new PayPlanPage(phone);
      await expect.poll(() => phonePlan.tierRows().count()).toBe(3);
      await screenshot(phone, SCREENSHOTS, "pay-14-phone-plan");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phonePlan.openNewVersion();
      await phone.getByTestId("edit-effective").fill("2026-10-15");
      await phonePlan.saveVersion();
      await expect
        .poll(() =>
          phone
            .getByTestId("plan-editor")
            .locator(".ant-form-item-explain-error")
            .first()
            .innerText(),
        )
        .toMatch(/2026-10-15 (is inside a locked pay period|落在已锁定的工资月份内)/);
      await screenshot(phone, SCREENSHOTS, "pay-15-phone-locked-period");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
      await phone.keyboard.press("Escape");
      expect(await phonePlan.versions().count()).toBe(1);
      await phone.goto(`${server.url}/pay/runs`);
      await expect.poll(() => phone.getByTestId("run-row").count()).toBe(1);
      await screenshot(phone, SCREENSHOTS, "pay-16-phone-runs");
      expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    },
  );
});
