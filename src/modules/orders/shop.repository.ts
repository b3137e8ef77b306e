import type { Executor } from "../../db/database.js";
import type { ColumnMappingsTable, ShopsTable } from "../../db/schema.js";

export class ShopRepository {
  constructor(private readonly db: Executor) {}

  list(workspaceId: string) {
    return this.db
      .selectFrom("shops")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("name")
      .execute();
  }

  getById(workspaceId: string, id: string) {
    return this.db
      .selectFrom("shops")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  getByName(workspaceId: string, name: string) {
    return this.db
      .selectFrom("shops")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("name", "=", name)
      .executeTakeFirst();
  }

  /** A shop named or with this id (the CLI takes either). */
  getByNameOrId(workspaceId: string, nameOrId: string) {
    return this.db
      .selectFrom("shops")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where((eb) => eb.or([eb("name", "=", nameOrId), eb("id", "=", nameOrId)]))
      .executeTakeFirst();
  }

  async create(s: ShopsTable): Promise<void> {
    await this.db.insertInto("shops").values(s).execute();
  }

  update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<
      Pick<ShopsTable, "name" | "currency" | "customerIdentity" | "platform" | "updatedAt">
    >,
  ) {
    return this.db
      .updateTable("shops")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  mappings(workspaceId: string, shopId: string) {
    return this.db
      .selectFrom("columnMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .orderBy("name")
      .execute();
  }

  getMapping(workspaceId: string, id: string) {
    return this.db
      .selectFrom("columnMappings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
  }

  async createMapping(m: ColumnMappingsTable): Promise<void> {
    await this.db.insertInto("columnMappings").values(m).execute();
  }

  updateMapping(
    workspaceId: string,
    id: string,
    version: number,
    patch: Partial<Pick<ColumnMappingsTable, "name" | "mapping" | "updatedAt">>,
  ) {
    return this.db
      .updateTable("columnMappings")
      .set({ ...patch, version: version + 1 })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteMapping(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("columnMappings")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .execute();
  }

  visitors(workspaceId: string, shopId: string, from: string, to: string) {
    return this.db
      .selectFrom("shopVisitors")
      .select(["date", "visitors"])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("date", ">=", from)
      .where("date", "<=", to)
      .orderBy("date")
      .execute();
  }

  visitorsOn(workspaceId: string, shopId: string, dates: string[]) {
    if (dates.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("shopVisitors")
      .select(["date", "visitors"])
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("date", "in", dates)
      .execute();
  }

  async setVisitors(
    workspaceId: string,
    shopId: string,
    days: { date: string; visitors: number | null }[],
    at: string,
  ): Promise<void> {
    if (days.length === 0) return;
    await this.db
      .deleteFrom("shopVisitors")
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where(
        "date",
        "in",
        days.map((d) => d.date),
      )
      .execute();
    const rows = days
      .filter((d) => d.visitors !== null)
      .map((d) => ({ workspaceId, shopId, date: d.date, visitors: d.visitors!, updatedAt: at }));
    for (let i = 0; i < rows.length; i += 500)
      await this.db
        .insertInto("shopVisitors")
        .values(rows.slice(i, i + 500))
        .execute();
  }

  async createUpload(u: {
    workspaceId: string;
    id: string;
    shopId: string;
    fileName: string;
    size: number;
    content: string;
    createdBy: string | null;
    createdAt: string;
  }): Promise<void> {
    await this.db.insertInto("orderUploads").values(u).execute();
  }

  uploads(workspaceId: string, shopId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom("orderUploads")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("shopId", "=", shopId)
      .where("id", "in", ids)
      .execute();
  }

  async deleteUploads(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length)
      await this.db
        .deleteFrom("orderUploads")
        .where("workspaceId", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
  }

  async deleteUploadsBefore(workspaceId: string, before: string): Promise<void> {
    await this.db
      .deleteFrom("orderUploads")
      .where("workspaceId", "=", workspaceId)
      .where("createdAt", "<", before)
      .execute();
  }
}
