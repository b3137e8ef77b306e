// After-sales cases' benchmarks (issue 11, docs/BENCHMARKS.md "After-sales and customers").
//   npm run bench -- cases [--open 100000] [--new 1000] [--agents 20] [--fresh 20] [--pages 200] [--no-pg]
// A 客服 department of `agents` members holding `open` open cases between them (every open state,
// deadlines over ten days, a fifth waiting for the buyer with none) and `fresh` members with none
// yet, generated set-based into a fresh database; the clock is a Tuesday 10:00 in Shanghai.
// 1. A member's queue (GET /aftersales/cases?assignee=me&state=open, the first page of 50 with the
//    SLA clocks): p95 over the loaded members, goal ≤ 50 ms.
// 2. Routing `new` new cases (the run that follows an import: the agents' days, the open work of
//    every agent, the rules, the writes, the engine's re-plan): goal ≤ 2 s for 1,000. The run must
//    assign every case (the fresh members have the room).
import { sql } from "kysely";
import type { Actor } from "../../src/core/actor.js";
import { routeNewCases } from "../../src/modules/aftersales/routing.service.js";
import type { Database } from "../../src/db/database.js";
import {
  buildMember,
  buildWorkspace,
  frozenClock,
  services,
} from "../../test/helpers/factories.js";
import {
  analyze,
  arg,
  cpuSeconds,
  dialects,
  freshDatabase,
  insertSeries,
  load,
  seconds,
  timeIt,
  type Dialect,
} from "./data.js";

const NOW = "2026-12-08T02:00:00.000Z"; // Tuesday 10:00 in Shanghai
const OPEN = ["new", "in_progress", "waiting_buyer", "received", "inspected"];
const TYPES = [
  "refund_after_shipping",
  "return_refund",
  "return_refund",
  "exchange",
  "return_refund",
];

const caseColumns = [
  "workspace_id",
  "id",
  "shop_id",
  "platform",
  "case_key",
  "platform_case_id",
  "source",
  "platform_order_id",
  "customer_key",
  "type",
  "state",
  "currency",
  "requested_fen",
  "assignee_member_id",
  "opened_at",
  "due_at",
  "version",
  "created_at",
  "updated_at",
];

/** Case rows i = 0…n-1: state and type by i % 5, assignee by i % members (or none). */
async function insertCases(
  database: Database,
  ws: string,
  shopId: string,
  n: number,
  prefix: string,
  members: string[] | null,
  state?: string,
) {
  const pick = (list: string[], mod: string) =>
    `case ${mod} ${list.map((v, k) => `when ${k} then '${v}'`).join(" ")} end`;
  const st = state ? `'${state}'` : pick(OPEN, "i % 5");
  await insertSeries(
    database,
    n,
    "aftersales_cases",
    caseColumns,
    [
      `'${ws}'`,
      `'${prefix}' || i`,
      `'${shopId}'`,
      "'taobao'",
      `'${prefix}' || i`,
      `'${prefix}' || i`,
      "'import'",
      `'o${prefix}' || i`,
      "'buyer:b' || (i % 50000)",
      state ? "'refund_before_shipping'" : pick(TYPES, "i % 5"),
      st,
      "'CNY'",
      "1000 + (i % 977) * 10",
      members ? pick(members, `i % ${members.length}`) : "null",
      "{date:i % 30} || 'T02:00:00.000Z'",
      `case when ${state ? "1 = 0" : "i % 5 = 2"} then null else {date:-(i % 10)} || 'T0' || (1 + i % 9) || ':' || (10 + i % 50) || ':00.000Z' end`,
      "1",
      `'${NOW}'`,
      `'${NOW}'`,
    ],
    { day: "2026-12-08" },
  );
}

async function runOn(
  dialect: Dialect,
  o: { open: number; fresh: number; agents: number; newCases: number; pages: number },
) {
  const { database, drop } = await freshDatabase(dialect, "cases");
  try {
    const clock = frozenClock(NOW);
    const s = services(database, clock);
    const ws = await buildWorkspace(s, { template: "ecommerce" });
    const cs = (await s.departments.list(ws.owner)).find((d) => d.function === "customer_service");
    if (!cs) throw new Error("no customer_service department in the template");
    const shop = await s.shops.create(ws.owner, { name: "售后店", platform: "taobao" });
    let t0 = performance.now();
    const loaded: Actor[] = [];
    for (let k = 0; k < o.agents + o.fresh; k++) {
      const m = await buildMember(s, ws.owner, { name: `客服${k}`, departmentId: cs.id });
      if (k < o.agents) loaded.push(m.actor);
    }
    const wsId = ws.owner.workspaceId;
    await insertCases(
      database,
      wsId,
      shop.id,
      o.open,
      "c",
      loaded.map((a) => a.memberId),
    );
    await analyze(database);
    console.log(
      `  ${dialect}: ${o.open.toLocaleString("en-US")} open cases over ${o.agents} agents (+${o.fresh} with none) generated in ${seconds(t0)} s (load ${await load()})`,
    );

    const first = await s.cases.list(loaded[0]!, { assignee: "me", state: "open", limit: 50 });
    if (first.items.length !== 50) throw new Error(`the queue has ${first.items.length} cases`);
    const queue = await timeIt(
      `${dialect} member's queue, first page (50)`,
      o.pages,
      (i) => s.cases.list(loaded[i % loaded.length]!, { assignee: "me", state: "open", limit: 50 }),
      50,
    );
    await timeIt(`${dialect} member's queue, second page`, Math.ceil(o.pages / 4), (i) =>
      s.cases.list(loaded[i % loaded.length]!, {
        assignee: "me",
        state: "open",
        limit: 50,
        cursor: first.nextCursor!,
      }),
    );
    await timeIt(`${dialect} lead's queue per person`, Math.ceil(o.pages / 10), () =>
      s.caseRouting.queue(ws.owner),
    );

    // New cases nobody has, then one routing run (what follows an import's commit).
    await insertCases(database, wsId, shop.id, o.newCases, "n", null, "new");
    const deps = { db: database.db, clock };
    const before = await load();
    const c0 = process.cpuUsage();
    t0 = performance.now();
    const run = await routeNewCases(deps, wsId);
    const ms = performance.now() - t0;
    const cpu = cpuSeconds(c0);
    const goal = 2000 * (o.newCases / 1000);
    console.log(
      `  ${dialect}: routing ${o.newCases.toLocaleString("en-US")} new cases: ${run.assigned} assigned, ${run.unassigned} left, in ${(ms / 1000).toFixed(2)} s, Node CPU ${cpu} s (${ms <= goal ? "✓" : "✗"} goal ${(goal / 1000).toFixed(1)} s; load ${before} → ${await load()})`,
    );
    const left = await sql<{ n: number }>`select count(*) as n from aftersales_cases
      where workspace_id = ${wsId} and assignee_member_id is null and state = 'new'`.execute(
      database.db,
    );
    if (run.assigned !== o.newCases || Number(left.rows[0]!.n) !== 0)
      console.log(`  ${dialect}: NOT every new case was assigned`);
    return { queueP95: queue.p95, routingMs: ms };
  } finally {
    await drop();
  }
}

export async function runCasesBench(_args: string[]): Promise<void> {
  const o = {
    open: arg("open", 100_000),
    newCases: arg("new", 1000),
    agents: arg("agents", 20),
    fresh: arg("fresh", 20),
    pages: arg("pages", 200),
  };
  console.log(
    `\nAfter-sales: a member's queue over ${o.open.toLocaleString("en-US")} open cases, routing ${o.newCases.toLocaleString("en-US")} new ones`,
  );
  for (const d of await dialects()) await runOn(d, o);
}
