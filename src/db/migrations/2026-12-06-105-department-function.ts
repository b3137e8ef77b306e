import { sql, type Kysely } from "kysely";

// A department's function (operations, design, customer_service, logistics, none) decides what its
// leads may do (core/org/rights.ts); until now the server read it from the department's name, so
// a lead could create or rename a department into rights. Existing departments are read from their
// names once, here, with the names the old checks knew, so current workspaces keep working; from
// now on only the owner sets it and the name means nothing.
const BY_NAME: [string, string[]][] = [
  ["operations", ["运营", "运营部", "Operations", "Ops", "电商", "E-commerce"]],
  ["customer_service", ["客服", "客服部", "Customer service", "Customer Service"]],
  ["design", ["设计", "设计部", "Design"]],
  ["logistics", ["物流", "物流部", "Logistics"]],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("departments")
    .addColumn("function", "text", (c) => c.notNull().defaultTo("none"))
    .execute();
  for (const [fn, names] of BY_NAME) {
    await sql`update departments set ${sql.ref("function")} = ${fn} where trim(name) in (${sql.join(names)})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("departments").dropColumn("function").execute();
}
