// Rate cards in the database: one row per carrier and valid-from date, the card as its
// `dayclear.rate-card/v1` JSON. Every method takes the workspace id and filters by it.
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";

export interface RateCardRow {
  id: string;
  carrierId: string;
  validFrom: string;
  card: string;
  createdBy: string | null;
  createdAt: string;
}

const COLUMNS = ["id", "carrierId", "validFrom", "card", "createdBy", "createdAt"] as const;

export class RateCardRepository {
  constructor(private readonly db: Executor) {}

  /** Every card of the workspace (or of one carrier), by carrier and valid-from date. */
  list(workspaceId: string, carrierId?: string): Promise<RateCardRow[]> {
    let q = this.db.selectFrom("rateCards").select(COLUMNS).where("workspaceId", "=", workspaceId);
    if (carrierId !== undefined) q = q.where("carrierId", "=", carrierId);
    return q.orderBy("carrierId").orderBy("validFrom").execute();
  }

  async get(workspaceId: string, id: string): Promise<RateCardRow | null> {
    const row = await this.db
      .selectFrom("rateCards")
      .select(COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The card of a carrier valid on a date: the latest valid-from on or before it. */
  async validOn(workspaceId: string, carrierId: string, date: string): Promise<RateCardRow | null> {
    const row = await this.db
      .selectFrom("rateCards")
      .select(COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("carrierId", "=", carrierId)
      .where("validFrom", "<=", date)
      .orderBy("validFrom", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Stores a card for its carrier and day: a new row, or the card of that same day replaced (its id
   * kept, so parcels costed with it still point at it).
   */
  async put(
    workspaceId: string,
    r: { carrierId: string; validFrom: string; card: string; createdBy: string | null; at: string },
  ): Promise<{ id: string; replaced: boolean }> {
    const existing = await this.db
      .selectFrom("rateCards")
      .select("id")
      .where("workspaceId", "=", workspaceId)
      .where("carrierId", "=", r.carrierId)
      .where("validFrom", "=", r.validFrom)
      .executeTakeFirst();
    if (existing) {
      await this.db
        .updateTable("rateCards")
        .set({ card: r.card, createdBy: r.createdBy, createdAt: r.at })
        .where("workspaceId", "=", workspaceId)
        .where("id", "=", existing.id)
        .execute();
      return { id: existing.id, replaced: true };
    }
    const id = newId();
    await this.db
      .insertInto("rateCards")
      .values({
        workspaceId,
        id,
        carrierId: r.carrierId,
        validFrom: r.validFrom,
        card: r.card,
        createdBy: r.createdBy,
        createdAt: r.at,
      })
      .execute();
    return { id, replaced: false };
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("rateCards")
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
