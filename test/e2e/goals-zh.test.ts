// Goals in the browser (issue 6), on the demo shop: 林可 (运营 lead) drafts two goals for 陈思远 —
// the shop's GMV (live from the imported orders) and a manual one — with weights adding to 100
// and proposes them, and proposes 运营's department goal; 陈思远, on a phone, reads that one and
// agrees his own, writes the self-assessment (report, self scores, the manual actual) and
// submits; 林可 reviews and fixes the final score (60 × 88 + 40 × 100) ÷ 100 = 92.80, then 陈思远
// opens the evaluation: October's 82.00 → 92.80, rising.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { launchChromium } from "./chromium.js";
import { AppShell } from "./pages/app.pages.js";
import { LoginPage } from "./pages/auth.pages.js";
import { horizontalOverflow, screenshot } from "./pages/common.js";
import { GoalsPage } from "./pages/goals.pages.js";
import { openDemo } from "./pages/plans.fixtures.js";
import { SCREENSHOTS, startServer, testClock, type RunningServer } from "./server.js";

async function call<T>(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", origin: base, cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

describe("goals: a lead drafts, the member agrees and self-assesses, the lead reviews and finalizes (zh-CN)", () => {
  let server: RunningServer;
  const browsers: { context: BrowserContext; close: () => Promise<void> }[] = [];
  let lead: Page;
  let phone: Page;
  let demo: { email: string; password: string };
  let leadEmail: string;
  let memberEmail: string;

  beforeAll(async () => {
    server = await startServer({ clock: testClock("2026-11-26T02:00:00Z") });
    demo = await openDemo(server.url);
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify(demo),
    });
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const members = await call<{ items: { id: string; name: string; email: string }[] }>(
      server.url,
      cookie,
      "GET",
      "/members?limit=100",
    );
    leadEmail = members.items.find((m) => m.name === "林可")!.email;
    const chen = members.items.find((m) => m.name === "陈思远")!;
    memberEmail = chen.email;
    // Last month's cycle went through the whole loop already (by API), so the evaluation has a history.
    const memberRes = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: memberEmail, password: demo.password }),
    });
    const memberCookie = memberRes.headers.get("set-cookie")!.split(";")[0]!;
    const oct = await call<{ id: string }>(server.url, cookie, "POST", "/goal-cycles", {
      name: "2026年10月",
      kind: "month",
      from: "2026-10-01",
      to: "2026-10-31",
    });
    let g = await call<{ id: string; version: number }>(server.url, cookie, "POST", "/goals", {
      cycleId: oct.id,
      memberId: chen.id,
      title: "店铺GMV",
      weight: 100,
      target: "250000",
      metric: { kind: "kpi", kpi: "gmv" },
    });
    g = await call(server.url, cookie, "POST", `/goals/${g.id}/propose`, { version: g.version });
    await call(server.url, memberCookie, "POST", `/goals/${g.id}/agree`, { version: g.version });
    const a = await call<{ version: number }>(
      server.url,
      memberCookie,
      "PUT",
      `/goal-cycles/${oct.id}/assessments/${chen.id}`,
      {
        version: 0,
        report: "十月预热期。",
        submit: true,
        goals: [{ goalId: g.id, selfScore: 80 }],
      },
    );
    const r = await call<{ version: number }>(
      server.url,
      cookie,
      "PUT",
      `/goal-cycles/${oct.id}/assessments/${chen.id}/review`,
      { version: a.version, comment: "稳定。", goals: [{ goalId: g.id, score: 82 }] },
    );
    await call(
      server.url,
      cookie,
      "POST",
      `/goal-cycles/${oct.id}/assessments/${chen.id}/finalize`,
      { version: r.version },
    );
    // The owner opened the month's cycle before the journey.
    await call(server.url, cookie, "POST", "/goal-cycles", {
      name: "2026年11月",
      kind: "month",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    browsers.push(
      await launchChromium({ width: 1280, height: 860 }, "zh-CN"),
      await launchChromium({ width: 390, height: 844 }, "zh-CN"),
    );
    lead = await browsers[0]!.context.newPage();
    phone = await browsers[1]!.context.newPage();
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it("agrees goals, self-assesses and fixes the final score", { timeout: 240_000 }, async () => {
    onTestFailed(async () => {
      await lead.screenshot({ path: `${SCREENSHOTS}/goals-zh-FAILED-lead.png`, fullPage: true });
      await phone.screenshot({ path: `${SCREENSHOTS}/goals-zh-FAILED-phone.png`, fullPage: true });
    });
    // 林可 drafts 陈思远's goals and proposes them.
    await new LoginPage(lead).goto(server.url);
    await new LoginPage(lead).signIn(leadEmail, demo.password);
    await new AppShell(lead).navigate("目标考核", "/goals");
    const leadGoals = new GoalsPage(lead);
    await leadGoals.choosePerson("陈思远");
    await expect
      .poll(() => lead.getByTestId("member-goals").innerText())
      .toContain("陈思远 的目标");
    await leadGoals.addGoal({ title: "店铺GMV", weight: 60, target: "300000" });
    await expect
      .poll(() => leadGoals.weightTotal().innerText())
      .toContain("权重合计 60（须为 100）");
    await leadGoals.addGoal({ title: "上新款数", metric: "手工填写", weight: 40, target: "10" });
    await expect.poll(() => leadGoals.weightTotal().innerText()).toBe("权重合计 100");
    // The GMV goal's actual is the shop's live number, with its achievement.
    await expect
      .poll(() => leadGoals.goal("店铺GMV").getByTestId("goal-actual").innerText())
      .toMatch(/^[\d,]+\.\d{2}$/);
    expect(await leadGoals.goal("店铺GMV").innerText()).toContain("来自店铺数据，实时");
    await leadGoals.proposeAll();
    await expect.poll(() => leadGoals.status("上新款数").innerText()).toBe("待确认");
    await expect.poll(() => leadGoals.status("店铺GMV").innerText()).toBe("待确认");
    // 林可 answers for 运营's own goal too (部门目标): drafted and proposed to the owner.
    await leadGoals.addDepartmentGoal("运营", {
      title: "运营部销售额",
      weight: 100,
      target: "500000",
    });
    await leadGoals.proposeDepartment("运营");
    await expect
      .poll(() => leadGoals.departmentStatus("运营", "运营部销售额").innerText())
      .toBe("待确认");
    await screenshot(lead, SCREENSHOTS, "goals-zh-01-lead-proposed");

    // 陈思远 on a phone: agrees, then writes the self-assessment.
    await new LoginPage(phone).goto(server.url);
    await new LoginPage(phone).signIn(memberEmail, demo.password);
    await new AppShell(phone).navigate("目标考核", "/goals");
    const mine = new GoalsPage(phone);
    await expect.poll(() => phone.getByTestId("member-goals").innerText()).toContain("我的目标");
    // Their department's goal, read only.
    await expect.poll(() => mine.department("运营").innerText()).toContain("运营部销售额");
    expect(await mine.department("运营").getByTestId("dept-add-goal").count()).toBe(0);
    await screenshot(phone, SCREENSHOTS, "goals-zh-02-member-to-agree");
    await mine.agreeAll();
    await expect.poll(() => mine.status("店铺GMV").innerText()).toBe("已确认");
    await expect.poll(() => mine.status("上新款数").innerText()).toBe("已确认");
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
    await mine.selfAssess({
      actuals: { 上新款数: "12" },
      scores: { 店铺GMV: 85, 上新款数: 100 },
      report: "双十一大促完成备货和投放，上新 12 款。",
    });
    await expect.poll(() => mine.assessmentStatus().innerText()).toBe("待审核");
    await screenshot(phone, SCREENSHOTS, "goals-zh-03-member-submitted");

    // 林可 reviews and fixes the final score.
    await lead.reload();
    await leadGoals.choosePerson("陈思远");
    await expect.poll(() => leadGoals.assessmentStatus().innerText()).toBe("待审核");
    expect(await lead.getByTestId("report-text").innerText()).toContain("上新 12 款");
    await leadGoals.review({ scores: { 店铺GMV: 88, 上新款数: 100 }, comment: "大促执行到位。" });
    // November runs until the 30th: fixing the score on the 26th asks first and says why.
    await expect.poll(() => leadGoals.earlyFinalize().innerText()).toContain("2026年11月 尚未结束");
    expect(await leadGoals.earlyFinalize().innerText()).toContain("本周期到 2026年11月30日 才结束");
    await screenshot(lead, SCREENSHOTS, "goals-zh-04a-lead-finalize-early");
    await leadGoals.confirmEarlyFinalize();
    await expect.poll(() => leadGoals.finalScore().innerText()).toContain("最终得分: 92.80");
    await expect.poll(() => leadGoals.assessmentStatus().innerText()).toBe("已定稿");
    await screenshot(lead, SCREENSHOTS, "goals-zh-04-lead-final");

    // The member sees the result, and the evaluation with its charts.
    await phone.reload();
    await expect.poll(() => mine.finalScore().innerText()).toContain("92.80");
    await phone.getByTestId("evaluation-link").click();
    await phone.waitForURL("**/goals/evaluation/**");
    await phone.getByTestId("score-chart").waitFor();
    await phone.getByTestId("kpi-chart").waitFor();
    const evaluation = await phone.getByTestId("evaluation-page").innerText();
    expect(evaluation).toContain("陈思远 的考评");
    expect(evaluation).toContain("上升"); // 82.00 in October → 92.80 in November
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
    await phone.waitForTimeout(600); // the charts' entry animation
    await screenshot(phone, SCREENSHOTS, "goals-zh-05-member-evaluation");

    // The same pages in English.
    await new AppShell(phone).switchLanguage("English");
    await expect
      .poll(() => phone.getByTestId("evaluation-page").innerText())
      .toContain("Evaluation of 陈思远");
    await phone.getByText("Back to goals").click();
    await expect.poll(() => mine.assessmentStatus().innerText()).toBe("Final");
    expect(await phone.getByTestId("member-goals").innerText()).toContain("fixed at the result");
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
    await screenshot(phone, SCREENSHOTS, "goals-en-06-member-final");
  });
});
