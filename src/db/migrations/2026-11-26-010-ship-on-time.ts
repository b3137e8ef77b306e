import type { Kysely } from "kysely";

// Ship-on-time rate: the platform's promised ship-by time when the export carries one (拼多多 and
// 抖店 承诺发货时间), else the shop's dispatch window after payment (48 hours unless set).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("orders").addColumn("promised_ship_at", "text").execute();
  await db.schema.alterTable("shops").addColumn("ship_window_hours", "integer", (c) => c.notNull().defaultTo(48)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("shops").dropColumn("ship_window_hours").execute();
  await db.schema.alterTable("orders").dropColumn("promised_ship_at").execute();
}
