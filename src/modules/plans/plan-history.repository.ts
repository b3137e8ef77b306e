// A plan's past days as the daily loop records them — hours logged, submitted reports, leads'
// comments and the plan's notes — written in one go (the demo seeds a week of history this way).
// Everyday use writes these rows through the daily module's own use cases.
import type { Insertable } from "kysely";
import type { Executor } from "../../db/database.js";
import type { DB } from "../../db/schema.js";

type Row<T extends keyof DB> = Omit<Insertable<DB[T]>, "workspaceId">;

export class PlanHistoryRepository {
  constructor(private readonly db: Executor) {}

  async insertWorkLog(workspaceId: string, row: Row<"workLogs">): Promise<void> {
    await this.db
      .insertInto("workLogs")
      .values({ ...row, workspaceId })
      .execute();
  }

  async insertReport(workspaceId: string, row: Row<"dailyReports">): Promise<void> {
    await this.db
      .insertInto("dailyReports")
      .values({ ...row, workspaceId })
      .execute();
  }

  async insertReportComment(workspaceId: string, row: Row<"reportComments">): Promise<void> {
    await this.db
      .insertInto("reportComments")
      .values({ ...row, workspaceId })
      .execute();
  }

  async insertNote(workspaceId: string, row: Row<"notes">): Promise<void> {
    await this.db
      .insertInto("notes")
      .values({ ...row, workspaceId })
      .execute();
  }
}
