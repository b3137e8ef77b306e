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
