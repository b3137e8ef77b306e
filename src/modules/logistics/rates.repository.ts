// Rate cards in the database: one row per carrier and valid-from date, the card as its
// `dayclear.rate-card/v1` JSON, and every content a card has had by revision (rate_card_revisions:
// what parcels' stored cost formulas name). Every method takes the workspace id and filters by it.
import { newId } from "../../core/ids.js";
import type { Executor } from "../../db/database.js";

export interface RateCardRow {
  id: string;
  carrierId: string;
  validFrom: string;
  card: string;
  /** Its current revision (rate_card_revisions). */
  revision: number;
  createdBy: string | null;
  createdAt: string;
}

const COLUMNS = [
  "id",
  "carrierId",
  "validFrom",
  "card",
  "revision",
  "createdBy",
  "createdAt",
] as const;
const toRow = (r: Omit<RateCardRow, "revision"> & { revision: number | string }): RateCardRow => ({
  ...r,
  revision: Number(r.revision),
});

export class RateCardRepository {
  constructor(private readonly db: Executor) {}

  /** Every card of the workspace (or of one carrier), by carrier and valid-from date. */
  async list(workspaceId: string, carrierId?: string): Promise<RateCardRow[]> {
    let q = this.db.selectFrom("rateCards").select(COLUMNS).where("workspaceId", "=", workspaceId);
    if (carrierId !== undefined) q = q.where("carrierId", "=", carrierId);
    return (await q.orderBy("carrierId").orderBy("validFrom").execute()).map(toRow);
  }

  async get(workspaceId: string, id: string): Promise<RateCardRow | null> {
    const row = await this.db
      .selectFrom("rateCards")
      .select(COLUMNS)
      .where("workspaceId", "=", workspaceId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toRow(row) : null;
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
    return row ? toRow(row) : null;
  }

  /**
   * The contents of the given card revisions (`cardId:revision` keys), as JSON by key; revisions not
   * found (another workspace's) are left out.
   */
  async revisions(
    workspaceId: string,
    wanted: readonly { cardId: string; revision: number }[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const cardIds = [...new Set(wanted.map((w) => w.cardId))];
    const keys = new Set(wanted.map((w) => `${w.cardId}:${w.revision}`));
    for (let i = 0; i < cardIds.length; i += 500) {
      const rows = await this.db
        .selectFrom("rateCardRevisions")
        .select(["cardId", "revision", "card"])
        .where("workspaceId", "=", workspaceId)
        .where("cardId", "in", cardIds.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        const key = `${r.cardId}:${Number(r.revision)}`;
        if (keys.has(key)) out.set(key, r.card);
      }
    }
    return out;
  }

  /**
   * Stores a card for its carrier and day: a new row, or the card of that same day replaced (its id
   * kept, so parcels costed with it still point at it). A new content is a new revision (the old
   * ones are kept: parcels costed with them show their formulas from them); the same content again
   * keeps the revision, so re-costing after it writes nothing.
   */
  async put(
    workspaceId: string,
    r: { carrierId: string; validFrom: string; card: string; createdBy: string | null; at: string },
  ): Promise<{ id: string; replaced: boolean }> {
    const existing = await this.db
      .selectFrom("rateCards")
      .select(["id", "card", "revision"])
      .where("workspaceId", "=", workspaceId)
      .where("carrierId", "=", r.carrierId)
      .where("validFrom", "=", r.validFrom)
      .executeTakeFirst();
    if (existing) {
      const same = existing.card === r.card;
      const revision = Number(existing.revision) + (same ? 0 : 1);
      if (!same) await this.addRevision(workspaceId, existing.id, revision, r);
      await this.db
        .updateTable("rateCards")
        .set({ card: r.card, revision, createdBy: r.createdBy, createdAt: r.at })
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
        revision: 1,
        createdBy: r.createdBy,
        createdAt: r.at,
      })
      .execute();
    await this.addRevision(workspaceId, id, 1, r);
    return { id, replaced: false };
  }

  private async addRevision(
    workspaceId: string,
    cardId: string,
    revision: number,
    r: { card: string; at: string },
  ) {
    await this.db
      .insertInto("rateCardRevisions")
      .values({ workspaceId, cardId, revision, card: r.card, createdAt: r.at })
      .execute();
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
