// Saved logistics mappings (logistics_mappings): tracking layouts and the shops' write-back
// templates. Every method takes the workspace id and filters by it.
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";

export class LogisticsMappingRepository {
  constructor(private readonly db: Executor) {}

  async mapping(workspaceId: string, kind: "tracking" | "writeback", name: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", kind)
      .where("name", "=", name)
      .executeTakeFirst();
  }

  async mappings(workspaceId: string, kind: "tracking" | "writeback") {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", kind)
      .orderBy("name")
      .execute();
  }

  /** The write-back template of a shop and platform, if one was saved. */
  async writebackMapping(workspaceId: string, shopId: string, platform: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("kind", "=", "writeback")
      .where("shopId", "=", shopId)
      .where("platform", "=", platform)
      .executeTakeFirst();
  }

  async mappingById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("logisticsMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async createMapping(m: {
    workspaceId: string;
    kind: "tracking" | "writeback";
    shopId: string | null;
    platform: string | null;
    name: string;
    mapping: string;
    at: string;
  }): Promise<string> {
    const id = newId();
    await this.db
      .insertInto("logisticsMappings")
      .values({
        workspaceId: m.workspaceId,
        id,
        kind: m.kind,
        shopId: m.shopId,
        platform: m.platform,
        name: m.name,
        mapping: m.mapping,
        version: 1,
        createdAt: m.at,
        updatedAt: m.at,
      })
      .execute();
    return id;
  }

  async updateMapping(
    workspaceId: string,
    id: string,
    version: number,
    set: { name: string; mapping: string; at: string },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("logisticsMappings")
      .set({ name: set.name, mapping: set.mapping, updatedAt: set.at, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deleteMapping(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("logisticsMappings")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }
}
