// The workspace's carriers in the database. A workspace gets the seeded carriers (core/logistics/
// carriers.ts) the first time anything asks for its carriers; after that they are the workspace's to
// edit. Every method takes the workspace id and filters by it.
import { CARRIER_SEEDS } from "../../core/logistics/carriers.js";
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";
import type { CarriersTable } from "../../db/schema.js";

export interface Carrier {
  id: string;
  code: string;
  name: string;
  codes: Record<string, string>;
  aliases: string[];
  platforms: string[] | null;
  active: boolean;
  version: number;
}

export const toCarrier = (r: CarriersTable): Carrier => ({
  id: r.id,
  code: r.code,
  name: r.name,
  codes: JSON.parse(r.codes) as Record<string, string>,
  aliases: JSON.parse(r.aliases) as string[],
  platforms: r.platforms === null ? null : (JSON.parse(r.platforms) as string[]),
  active: r.active === 1,
  version: r.version,
});

export class CarrierRepository {
  constructor(private readonly db: Executor) {}

  /** The workspace's carriers (seeded on first use), active and inactive, by code. */
  async list(workspaceId: string, at: string): Promise<Carrier[]> {
    let rows = await this.rows(workspaceId);
    if (rows.length === 0) {
      await this.db
        .insertInto("carriers")
        .values(
          CARRIER_SEEDS.map((c) => ({
            workspaceId,
            id: newId(),
            code: c.code,
            name: c.name,
            codes: JSON.stringify(c.codes),
            aliases: JSON.stringify(c.aliases),
            platforms: null,
            active: 1,
            version: 1,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      rows = await this.rows(workspaceId);
    }
    return rows.map(toCarrier);
  }

  async get(workspaceId: string, id: string): Promise<Carrier | null> {
    const r = await this.db
      .selectFrom("carriers")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toCarrier(r) : null;
  }

  /** A carrier by its id or its workspace code (case-insensitive: "zto" is ZTO). */
  async find(workspaceId: string, idOrCode: string, at: string): Promise<Carrier | null> {
    const all = await this.list(workspaceId, at);
    const t = idOrCode.trim();
    return (
      all.find((c) => c.id === t) ??
      all.find((c) => c.code.toLowerCase() === t.toLowerCase()) ??
      null
    );
  }

  async insert(workspaceId: string, c: Omit<Carrier, "version">, at: string): Promise<void> {
    await this.db
      .insertInto("carriers")
      .values({
        workspaceId,
        id: c.id,
        code: c.code,
        name: c.name,
        codes: JSON.stringify(c.codes),
        aliases: JSON.stringify(c.aliases),
        platforms: c.platforms === null ? null : JSON.stringify(c.platforms),
        active: c.active ? 1 : 0,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
  }

  /** Changes a carrier if its version is still `version` (bumped); false when gone or changed first. */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    c: Omit<Carrier, "id" | "version">,
    at: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("carriers")
      .set({
        code: c.code,
        name: c.name,
        codes: JSON.stringify(c.codes),
        aliases: JSON.stringify(c.aliases),
        platforms: c.platforms === null ? null : JSON.stringify(c.platforms),
        active: c.active ? 1 : 0,
        version: version + 1,
        updatedAt: at,
      })
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private rows(workspaceId: string) {
    return this.db
      .selectFrom("carriers")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .orderBy("code")
      .execute();
  }
}
