import { sql, type Kysely } from "kysely";
import { msg, type Message } from "../../core/messages/index.js";

// A goal's unit is a code since issue 15 ("unit.yuan"), rendered in the reader's language
// ("310,000 元" / "¥310,000"); before, the server stored "元", "单", "%" or "s" and the web "¥",
// so the English audit log read "target 310000元". This turns the units a code stands for into
// their codes — in goals, in the agreement snapshots and in the audit log's "drafted the goal"
// entries, whose target becomes a number with its unit — and keeps any other unit ("张", "款")
// as it was written. The table is this migration's own copy (core/goals/units.ts may grow).

const CODES: Record<string, string> = {
  元: "unit.yuan",
  "¥": "unit.yuan",
  "￥": "unit.yuan",
  rmb: "unit.yuan",
  cny: "unit.yuan",
  yuan: "unit.yuan",
  "%": "unit.percent",
  "％": "unit.percent",
  s: "unit.second",
  sec: "unit.second",
  秒: "unit.second",
  单: "unit.order",
  order: "unit.order",
  orders: "unit.order",
};
/** Back: the unit as the old server stored it. */
const TEXTS: Record<string, string> = {
  "unit.yuan": "元",
  "unit.percent": "%",
  "unit.second": "s",
  "unit.order": "单",
};

/** The code for a stored unit, or undefined to keep it. */
export const unitCode = (unit: string): string | undefined => CODES[unit.trim().toLowerCase()];

/** A target with its unit as the audit message's parameter (core/goals/units.ts goalValue). */
function targetValue(value: string, unit: string): Message {
  const code = unitCode(unit) ?? (unit in TEXTS ? unit : undefined);
  if (code === "unit.yuan") return msg("unit.yuan.value", { value });
  if (code === "unit.percent") return msg("unit.percent.value", { value });
  if (code === "unit.second") return msg("unit.second.value", { value });
  if (code === "unit.order") return msg("unit.order.value", { value });
  if (unit === "") return msg("unit.none.value", { value });
  return msg("unit.text.value", { value, unit });
}

const parse = (text: string | null): Record<string, unknown> | undefined => {
  if (!text || !text.startsWith("{")) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** An agreement snapshot ({title, weight, target, unit, metric, …}) with its unit changed, or undefined. */
export function convertSnapshot(
  text: string,
  change: (unit: string) => string | undefined,
): string | undefined {
  const s = parse(text);
  if (!s || typeof s.unit !== "string") return undefined;
  const unit = change(s.unit);
  return unit === undefined || unit === s.unit ? undefined : JSON.stringify({ ...s, unit });
}

/** A "drafted the goal" audit entry ({code, params: {target, unit, …}}) with its target as a value with its unit. */
export function convertAuditSummary(text: string): string | undefined {
  const m = parse(text);
  const params = m?.params as Record<string, unknown> | undefined;
  if (m?.code !== "audit.goal.create" || !params || typeof params.target !== "string")
    return undefined;
  const { unit, ...rest } = params;
  return JSON.stringify({
    ...m,
    params: { ...rest, target: targetValue(params.target, typeof unit === "string" ? unit : "") },
  });
}

/** Back: the target as its digits and the unit as the old server stored it. */
export function revertAuditSummary(text: string): string | undefined {
  const m = parse(text);
  const params = m?.params as Record<string, unknown> | undefined;
  const target = params?.target as Message | undefined;
  if (m?.code !== "audit.goal.create" || typeof target !== "object" || target === null)
    return undefined;
  const value = target.params?.value;
  const code = String(target.code).replace(/\.value$/, "");
  const unit = TEXTS[code] ?? (code === "unit.text" ? String(target.params?.unit ?? "") : "");
  return JSON.stringify({ ...m, params: { ...params, target: String(value ?? ""), unit } });
}

// Plain names: the application's handle turns snake_case result columns into camelCase.
interface Row {
  ws: string;
  id: string;
  text: string | null;
}
const PAGE = 500;

/** Every row of `table` (where `filter`), a page at a time in key order; `change` gives the new text of `column`. */
async function rewrite(
  db: Kysely<unknown>,
  table: "goal_agreements" | "audit_log",
  column: "snapshot" | "summary",
  filter: ReturnType<typeof sql>,
  change: (text: string) => string | undefined,
): Promise<void> {
  let after: { ws: string; id: string } | null = null;
  for (;;) {
    const page: { rows: Row[] } = await sql<Row>`
      select workspace_id as ws, id, ${sql.ref(column)} as text from ${sql.table(table)}
      where ${filter} and ${after ? sql`(workspace_id > ${after.ws} or (workspace_id = ${after.ws} and id > ${after.id}))` : sql`1 = 1`}
      order by workspace_id, id limit ${PAGE}`.execute(db);
    for (const r of page.rows) {
      const next = r.text === null ? undefined : change(r.text);
      if (next === undefined) continue;
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${next}
        where workspace_id = ${r.ws} and id = ${r.id}`.execute(db);
    }
    if (page.rows.length < PAGE) return;
    const last = page.rows[page.rows.length - 1]!;
    after = { ws: last.ws, id: last.id };
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [text, code] of Object.entries(CODES))
    await sql`update goals set unit = ${code} where lower(trim(unit)) = ${text}`.execute(db);
  await rewrite(db, "goal_agreements", "snapshot", sql`1 = 1`, (t) => convertSnapshot(t, unitCode));
  await rewrite(db, "audit_log", "summary", sql`action = 'goal.create'`, convertAuditSummary);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [code, text] of Object.entries(TEXTS))
    await sql`update goals set unit = ${text} where unit = ${code}`.execute(db);
  await rewrite(db, "goal_agreements", "snapshot", sql`1 = 1`, (t) =>
    convertSnapshot(t, (unit) => TEXTS[unit]),
  );
  await rewrite(db, "audit_log", "summary", sql`action = 'goal.create'`, revertAuditSummary);
}
