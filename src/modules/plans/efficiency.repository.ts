// The workspace's efficiency table in the database (migration 349; docs/ENGINE.md "Efficiency"):
// one row per workspace, written with a version check. Every method takes the workspace id.
import type { Executor } from "../../db/database.js";
import type { WorkspaceEfficiencyTable } from "../../db/schema.js";

export type EfficiencyRow = WorkspaceEfficiencyTable;

export class EfficiencyRepository {
  constructor(private readonly db: Executor) {}

  get(workspaceId: string): Promise<EfficiencyRow | undefined> {
    return this.db
      .selectFrom("workspaceEfficiency")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
  }

  /** Writes the row when `version` is the stored one (0: none stored yet); false when stale. */
  async put(row: EfficiencyRow, version: number): Promise<boolean> {
    if (version === 0) {
      const r = await this.db
        .insertInto("workspaceEfficiency")
        .values(row)
        .onConflict((oc) => oc.column("workspaceId").doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const { workspaceId, ...fields } = row;
    const r = await this.db
      .updateTable("workspaceEfficiency")
      .set(fields)
      .where("workspaceId", "=", workspaceId)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
