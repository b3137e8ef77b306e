// Page models for goals (目标考核): the goals page (team, goals, the assessment) and the evaluation.
import type { Page } from "playwright-core";
import { pick } from "./common.js";

interface GoalInput {
  title: string;
  metric?: string;
  weight: number;
  target: string;
}

export class GoalsPage {
  constructor(private readonly page: Page) {}
  readonly goal = (title: string) => this.page.getByTestId(`goal-${title}`);
  readonly status = (title: string) => this.goal(title).getByTestId("goal-status");
  readonly weightTotal = () => this.page.getByTestId("weight-total");
  readonly assessmentStatus = () => this.page.getByTestId("assessment-status");
  readonly finalScore = () => this.page.getByTestId("final-score");

  async choosePerson(name: string) {
    await this.page.getByTestId(`person-${name}`).click();
  }
  /** A department's panel (部门目标), opened. */
  readonly department = (name: string) => this.page.getByTestId(`dept-${name}`);
  readonly departmentStatus = (name: string, title: string) =>
    this.department(name).getByTestId(`dept-goal-${title}`).getByTestId("goal-status");

  async addGoal(g: GoalInput) {
    await this.page.getByTestId("add-goal").click();
    await this.fillGoal(g);
    await this.goal(g.title).waitFor();
  }
  async addDepartmentGoal(department: string, g: GoalInput) {
    await this.department(department).getByTestId("dept-add-goal").click();
    await this.fillGoal(g);
    await this.department(department).getByTestId(`dept-goal-${g.title}`).waitFor();
  }
  async proposeDepartment(department: string) {
    await this.department(department).getByTestId("dept-propose-all").click();
  }
  private async fillGoal(g: GoalInput) {
    await this.page.getByTestId("goal-title").fill(g.title);
    if (g.metric) await pick(this.page, this.page.getByTestId("goal-metric"), g.metric);
    await this.page.getByTestId("goal-weight").fill(String(g.weight));
    await this.page.getByTestId("goal-target").fill(g.target);
    await this.page.getByTestId("goal-save").click();
  }
  async proposeAll() {
    await this.page.getByTestId("propose-all").click();
  }
  async agreeAll() {
    await this.page.getByTestId("agree-all").click();
  }
  async selfAssess(d: {
    scores: Record<string, number>;
    actuals: Record<string, string>;
    report: string;
  }) {
    for (const [title, v] of Object.entries(d.actuals))
      await this.page.getByTestId(`actual-${title}`).fill(v);
    for (const [title, v] of Object.entries(d.scores))
      await this.page.getByTestId(`self-${title}`).fill(String(v));
    await this.page.getByTestId("report").fill(d.report);
    await this.page.getByTestId("submit-self").click();
  }
  async review(d: { scores: Record<string, number>; comment: string }) {
    for (const [title, v] of Object.entries(d.scores))
      await this.page.getByTestId(`lead-${title}`).fill(String(v));
    await this.page.getByTestId("review-comment").fill(d.comment);
    await this.page.getByTestId("finalize").click();
  }
  /** The question asked before finalising a cycle that has not ended. */
  readonly earlyFinalize = () => this.page.locator(".ant-modal-confirm");
  async confirmEarlyFinalize() {
    await this.earlyFinalize().locator(".ant-btn-primary").click();
  }
}
