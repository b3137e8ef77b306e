import { sql, type Kysely } from "kysely";
import {
  LOCALES,
  msg,
  renderMessage,
  storeMessage,
  type Message,
} from "../../core/messages/index.js";

// Notifications are stored as messages ({code, params}) since issue 15 and rendered in the
// reader's language; before, the server wrote one text in both languages ("目标待确认 · Goal to
// agree: 主图点击率"). This turns the texts the old server wrote — fixed titles with their values,
// the lines of goal reminders and slip alerts — back into codes. What it does not recognise (a
// person's own words, a text from elsewhere) stays as it was and reads as legacy text.

type Parse = (text: string) => Message | undefined;
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;

/** One rule: a whole-text pattern and the message its groups make. */
const rule =
  (re: RegExp, make: (...groups: string[]) => Message): Parse =>
  (text) => {
    const m = re.exec(text);
    return m ? make(...m.slice(1)) : undefined;
  };

const TITLES: Parse[] = [
  rule(/^目标待确认 · Goal to agree: (.*)$/s, (title) => msg("goals.notice.proposed", { title })),
  rule(/^目标已确认 · Goal agreed: (.*)$/s, (title) => msg("goals.notice.agreed", { title })),
  rule(/^目标被退回 · Goal sent back: (.*)$/s, (title) => msg("goals.notice.returned", { title })),
  rule(/^自评待审核 · Self-assessment to review: (.*)$/s, (name) =>
    msg("goals.notice.self_assessed", { name }),
  ),
  rule(/^考核结果已确定 · Your result for (.*): (-?\d+\.\d{2})$/s, (cycle, score) =>
    msg("goals.notice.final", { cycle, score }),
  ),
  rule(/^目标待办 · Goals: (.*)$/s, (cycle) => msg("goals.reminder.title", { cycle })),
  rule(new RegExp(`^日报有新点评 · New comment on your (${DATE}) report$`), (date) =>
    msg("notification.report.comment", { date }),
  ),
  rule(new RegExp(`^请提交今天（(${DATE})）的日报 · Please submit today's report$`), (date) =>
    msg("notification.report.nudge", { date }),
  ),
  rule(/^(\d+) 项计划变化 · \d+ plan changes$/, (count) =>
    msg("plans.slip.changes", { count: Number(count) }),
  ),
  // A single slip alert's title was the Chinese half of its line.
  rule(new RegExp(`^「(.*)」预计完成日期从 (${DATE}) 推迟到 (${DATE})$`, "s"), (plan, from, to) =>
    msg("plans.slip.finish_moved", { plan, from, to }),
  ),
  rule(
    new RegExp(
      `^「(.*)」任务「(.*)」将晚于截止日 (${DATE}) 完成（(${DATE})，晚 (\\d+) 个工作日）$`,
      "s",
    ),
    (plan, task, deadline, finish, lateDays) =>
      msg("plans.slip.task_late", { plan, task, deadline, finish, lateDays: Number(lateDays) }),
  ),
];

/** The lines of goal reminders and slip alerts. */
const LINES: Parse[] = [
  rule(/^制定目标 · set your goals$/, () => msg("goals.reminder.set")),
  rule(/^提交目标 · propose your goals$/, () => msg("goals.reminder.propose")),
  rule(/^确认目标 · agree your goals$/, () => msg("goals.reminder.agree")),
  rule(/^审核自评 · review the self-assessments of (.*)$/, (names) =>
    msg("goals.reminder.review", { names: names.split(", ") }),
  ),
  rule(
    new RegExp(`^自评已逾期（截止 (${DATE})）· self-assessment overdue \\(was due ${DATE}\\)$`),
    (date) => msg("goals.reminder.self_overdue", { date }),
  ),
  rule(new RegExp(`^自评（截止 (${DATE})）· self-assessment due ${DATE}$`), (date) =>
    msg("goals.reminder.self_due", { date }),
  ),
  rule(
    new RegExp(`^「(.*)」预计完成日期从 (${DATE}) 推迟到 (${DATE}) · finish moved from .*$`),
    (plan, from, to) => msg("plans.slip.finish_moved", { plan, from, to }),
  ),
  rule(
    new RegExp(
      `^「(.*)」任务「(.*)」将晚于截止日 (${DATE}) 完成（(${DATE})，晚 (\\d+) 个工作日） · ".*" will finish .*$`,
    ),
    (plan, task, deadline, finish, lateDays) =>
      msg("plans.slip.task_late", { plan, task, deadline, finish, lateDays: Number(lateDays) }),
  ),
];

const first = (parsers: Parse[], text: string) => {
  for (const p of parsers) {
    const m = p(text);
    if (m) return m;
  }
  return undefined;
};

const isStored = (text: string) => {
  if (!text.startsWith("{") && !text.startsWith("[")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The body by the notification's kind: what the old server put there. */
function convertBody(kind: string, body: string): string | undefined {
  if (!body || isStored(body)) return undefined;
  switch (kind) {
    case "report.comment":
      return storeMessage(msg("notification.text", { text: body }));
    case "report.nudge":
      return storeMessage(msg("notification.report.nudge_body", { name: body }));
    case "goal.proposed":
    case "goal.self_assessed":
      return storeMessage(msg("goals.notice.in_cycle", { cycle: body }));
    case "goal.final":
      return storeMessage(msg("goals.notice.review_comment", { comment: body }));
    case "goal.reminder":
    case "schedule.slip": {
      const lines = body.split("\n").map((l) => first(LINES, l));
      if (lines.some((l) => !l)) return undefined; // not all ours: keep the text as it is
      return lines.length === 1 ? storeMessage(lines[0]!) : JSON.stringify(lines);
    }
    default:
      return undefined; // goal.agreed/returned: a comment or the cycle's name, a person's text
  }
}

/**
 * A stored notification's title and body as messages, where the old server's texts are recognised;
 * undefined for what stays as it was.
 */
export function convertNotification(
  kind: string,
  title: string,
  body: string,
): { title?: string; body?: string } {
  const t = isStored(title) ? undefined : first(TITLES, title);
  const b = convertBody(kind, body);
  return { ...(t && { title: storeMessage(t) }), ...(b !== undefined && { body: b }) };
}

// Plain names: the application's handle turns snake_case result columns into camelCase.
interface Row {
  ws: string;
  id: string;
  kind: string;
  title: string;
  body: string;
}

const PAGE = 500;

/** Every notification, a page at a time in key order, through `change` (null: leave the row). */
async function rewrite(
  db: Kysely<unknown>,
  change: (r: Row) => { title?: string; body?: string } | null,
): Promise<void> {
  let after: { ws: string; id: string } | null = null;
  for (;;) {
    const page: { rows: Row[] } = await sql<Row>`
      select workspace_id as ws, id, kind, title, body from notifications
      where ${after ? sql`(workspace_id > ${after.ws} or (workspace_id = ${after.ws} and id > ${after.id}))` : sql`1 = 1`}
      order by workspace_id, id limit ${PAGE}`.execute(db);
    for (const r of page.rows) {
      const c = change(r);
      if (!c || (c.title === undefined && c.body === undefined)) continue;
      await sql`update notifications set title = ${c.title ?? r.title}, body = ${c.body ?? r.body}
        where workspace_id = ${r.ws} and id = ${r.id}`.execute(db);
    }
    if (page.rows.length < PAGE) return;
    const last = page.rows[page.rows.length - 1]!;
    after = { ws: last.ws, id: last.id };
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rewrite(db, (r) => convertNotification(r.kind, r.title, r.body));
}

/** Back to one text in both languages, as the old server wrote and the old web split it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const both = (m: Message) => {
    const [zh, en] = LOCALES.map((l) => renderMessage(l, m));
    return zh === en ? zh! : `${zh} · ${en}`;
  };
  const text = (stored: string): string | undefined => {
    if (!isStored(stored)) return undefined;
    const parsed = JSON.parse(stored) as Message | Message[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map(both).join("\n");
  };
  await rewrite(db, (r) => ({ title: text(r.title), body: text(r.body) }));
}
