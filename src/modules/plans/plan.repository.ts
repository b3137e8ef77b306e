import type { Executor } from "../../db/database.js";
import type { Plan, PlanTask, TaskDependency } from "../../db/schema.js";

export class PlanRepository {
  constructor(private readonly db: Executor) {}

  list(workspaceId: string, opts: { limit: number; cursor?: string; status?: Plan["status"] }) {
    let q = this.db
      .selectFrom("plans")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("id", "desc")
      .limit(opts.limit + 1);
    if (opts.cursor) q = q.where("id", "<", opts.cursor);
    if (opts.status) q = q.where("status", "=", opts.status);
    return q.execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("plans")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  scheduled(workspaceId: string) {
    return this.db
      .selectFrom("plans")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("status", "in", ["draft", "active"])
      .execute();
  }

  async create(p: Plan): Promise<void> {
    await this.db.insertInto("plans").values(p).execute();
  }

  update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Omit<Plan, "workspaceId" | "id" | "version" | "createdAt">>,
  ) {
    return this.db
      .updateTable("plans")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("taskDependencies")
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", id)
      .execute();
    await this.db
      .deleteFrom("allocations")
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", id)
      .execute();
    await this.db
      .deleteFrom("planTasks")
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", id)
      .execute();
    await this.db
      .deleteFrom("plans")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** What scheduling reads of every task (the rest of the row is not needed there). */
  schedulingInputs(workspaceId: string, planIds: string[]) {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("planTasks")
      .select([
        "id",
        "planId",
        "parentId",
        "name",
        "effortHours",
        "skillId",
        "minLevel",
        "assigneeMemberId",
        "priority",
        "earliestStart",
        "deadline",
        "milestone",
        "status",
        "remainingHours",
        "doneAt",
        "optional",
        "deferred",
      ])
      .where("workspaceId", "=", workspaceId)
      .where("planId", "in", planIds)
      .orderBy("sortOrder")
      .orderBy("id")
      .execute();
  }

  tasksOf(workspaceId: string, planIds: string[]) {
    if (planIds.length === 0) return Promise.resolve([] as PlanTask[]);
    return this.db
      .selectFrom("planTasks")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("planId", "in", planIds)
      .orderBy("sortOrder")
      .orderBy("id")
      .execute();
  }

  /** The plan's task tree only (id, parent, name): what validation needs, without the rest. */
  outline(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("planTasks")
      .select(["id", "parentId", "name"])
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .execute();
  }

  getTask(workspaceId: string, id: string) {
    return this.db
      .selectFrom("planTasks")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async createTasks(tasks: PlanTask[]): Promise<void> {
    for (let i = 0; i < tasks.length; i += 100)
      await this.db
        .insertInto("planTasks")
        .values(tasks.slice(i, i + 100))
        .execute();
  }

  updateTask(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Omit<PlanTask, "workspaceId" | "id" | "planId" | "version" | "createdAt">>,
  ) {
    return this.db
      .updateTable("planTasks")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteTask(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("taskDependencies")
      .where("workspaceId", "=", workspaceId)
      .where((eb) => eb.or([eb("taskId", "=", id), eb("predecessorId", "=", id)]))
      .execute();
    await this.db
      .deleteFrom("allocations")
      .where("workspaceId", "=", workspaceId)
      .where("taskId", "=", id)
      .execute();
    await this.db
      .updateTable("planTasks")
      .set({ parentId: null })
      .where("workspaceId", "=", workspaceId)
      .where("parentId", "=", id)
      .execute();
    await this.db
      .deleteFrom("planTasks")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  depsOf(workspaceId: string, planIds: string[]) {
    if (planIds.length === 0) return Promise.resolve([] as TaskDependency[]);
    return this.db
      .selectFrom("taskDependencies")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("planId", "in", planIds)
      .execute();
  }

  async replaceDeps(
    workspaceId: string,
    planId: string,
    taskId: string,
    deps: Omit<TaskDependency, "workspaceId" | "planId" | "taskId">[],
  ): Promise<void> {
    await this.db
      .deleteFrom("taskDependencies")
      .where("workspaceId", "=", workspaceId)
      .where("taskId", "=", taskId)
      .execute();
    if (deps.length)
      await this.db
        .insertInto("taskDependencies")
        .values(deps.map((d) => ({ workspaceId, planId, taskId, ...d })))
        .execute();
  }

  async insertDeps(deps: TaskDependency[]): Promise<void> {
    for (let i = 0; i < deps.length; i += 200)
      await this.db
        .insertInto("taskDependencies")
        .values(deps.slice(i, i + 200))
        .execute();
  }

  /** Freezes a plan's schedule (task id → start and finish) as its baseline. */
  async setBaseline(workspaceId: string, id: string, baseline: string, at: string): Promise<void> {
    await this.db
      .updateTable("plans")
      .set({ baseline, baselineAt: at })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** Progress recorded outside a form (the demo's history): no version check. */
  async setTaskProgress(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<PlanTask, "status" | "doneAt" | "remainingHours">>,
  ): Promise<void> {
    await this.db
      .updateTable("planTasks")
      .set(patch)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  /** The ids of a plan's tasks. */
  async taskIdsOf(workspaceId: string, planId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("planTasks")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("planId", "=", planId)
      .execute();
    return rows.map((r) => r.id);
  }

  /** The plan of each of these tasks (tasks not in the workspace are left out). */
  async planOfTasks(workspaceId: string, taskIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("planTasks")
      .select(["id", "planId"])
      .where("workspaceId", "=", workspaceId)
      .where("id", "in", [...new Set(taskIds), ""])
      .execute();
    return new Map(rows.map((t) => [t.id, t.planId]));
  }

  /** The dependencies of one task (its predecessors). */
  depsOfTask(workspaceId: string, taskId: string) {
    return this.db
      .selectFrom("taskDependencies")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("taskId", "=", taskId)
      .execute();
  }

  /** Hours logged on a plan's tasks: task, date and hours of each log. */
  logsOfPlan(workspaceId: string, planId: string) {
    return this.db
      .selectFrom("workLogs as l")
      .innerJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "l.workspaceId").onRef("t.id", "=", "l.taskId"),
      )
      .select(["l.taskId", "l.memberId", "l.date", "l.hours"])
      .where("l.workspaceId", "=", workspaceId)
      .where("t.planId", "=", planId)
      .execute();
  }

  /** The workspace's skills (id and name): what templates match by name. */
  skills(workspaceId: string) {
    return this.db
      .selectFrom("skills")
      .select(["id", "name"])
      .where("workspaceId", "=", workspaceId)
      .execute();
  }

  async skillExists(workspaceId: string, id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("skills")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return !!row;
  }

  /** Whether a member is active in the workspace (a plan's owner, a task's assignee). */
  async isActiveMember(workspaceId: string, memberId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("members")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", memberId)
      .where("status", "=", "active")
      .executeTakeFirst();
    return !!row;
  }

  templates(workspaceId: string) {
    return this.db
      .selectFrom("planTemplates")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("id")
      .execute();
  }

  getTemplate(workspaceId: string, id: string) {
    return this.db
      .selectFrom("planTemplates")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async createTemplate(t: {
    workspaceId: string;
    id: string;
    name: string;
    body: string;
    createdAt: string;
  }): Promise<void> {
    await this.db.insertInto("planTemplates").values(t).execute();
  }
}
