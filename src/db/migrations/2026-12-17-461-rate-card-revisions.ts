import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// Every content a rate card has had, kept (rate_card_revisions), and the card's current revision
// (rate_cards.revision). A parcel's stored cost formula names the card and its revision with the
// quote's inputs (src/core/logistics/cost-inputs.ts) instead of holding the formula's JSON, so a
// re-cost writes ~30 bytes of formula a parcel instead of ~350; the formula shown is the quote of
// that revision, which never changes — replacing a card's content for its day (same id, so parcels
// still point at it) makes a new revision, and a parcel costed with the old one still shows the
// formula it was costed with until it is re-costed. Existing cards become revision 1; parcels keep
// their stored formula messages (still read) until their next re-cost.
export async function up(db: Kysely<unknown>): Promise<void> {
  const req = (c: ColumnDefinitionBuilder) => c.notNull();
  await db.schema
    .createTable("rate_card_revisions")
    .addColumn("workspace_id", "text", (c) =>
      c.notNull().references("workspaces.id").onDelete("cascade"),
    )
    .addColumn("card_id", "text", req)
    .addColumn("revision", "integer", req)
    .addColumn("card", "text", req)
    .addColumn("created_at", "text", req)
    .addPrimaryKeyConstraint("rate_card_revisions_pk", ["workspace_id", "card_id", "revision"])
    .execute();
  await db.schema
    .alterTable("rate_cards")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`
    INSERT INTO rate_card_revisions (workspace_id, card_id, revision, card, created_at)
    SELECT workspace_id, id, 1, card, created_at FROM rate_cards`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("rate_cards").dropColumn("revision").execute();
  await db.schema.dropTable("rate_card_revisions").execute();
}
