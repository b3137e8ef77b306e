// The demo shop's customer-service performance: 91 days (up to yesterday) of daily numbers for its
// three 客服 — 王芳 (lead, quick and persuasive), 刘婷 (pre-sale, the busiest) and 赵磊 (after-sales,
// slower, converts less) — under linked 千牛 sub-accounts, from a seeded generator (the same
// numbers for the same day), as if one import had written them.
import { seededRandom } from "../../core/seeded-random.js";
import { addDays } from "../../core/calendar/date.js";
import { newId } from "../../core/ids.js";
import { workspaceToday } from "../../core/calendar/today.js";
import type { Executor } from "../../db/database.js";
import type { CsAgentDaysTable } from "../../db/schema.js";
import { memberNames } from "../orders/attribution.repository.js";
import { CsRepository } from "./cs.repository.js";

export const DEMO_CS_AGENTS = [
  {
    name: "王芳",
    account: "日清服饰:芳芳",
    inquirers: 22,
    conversion: 0.68,
    first: 9,
    avg: 21,
    seed: 401,
  },
  {
    name: "刘婷",
    account: "日清服饰:婷婷",
    inquirers: 38,
    conversion: 0.62,
    first: 13,
    avg: 27,
    seed: 402,
  },
  {
    name: "赵磊",
    account: "日清服饰:小磊",
    inquirers: 16,
    conversion: 0.49,
    first: 19,
    avg: 38,
    seed: 403,
  },
] as const;

export async function seedDemoCs(trx: Executor, workspaceId: string, at: string): Promise<void> {
  const today = workspaceToday(new Date(at), "Asia/Shanghai");
  const start = addDays(today, -91);
  const members = [...(await memberNames(trx, workspaceId))].map(([id, name]) => ({ id, name }));
  const repo = new CsRepository(trx);
  const importId = newId();
  const rows: CsAgentDaysTable[] = [];
  for (const a of DEMO_CS_AGENTS) {
    const member = members.find((m) => m.name === a.name);
    if (!member) continue;
    await repo.link(workspaceId, a.account, member.id, at);
    const rand = seededRandom(a.seed);
    for (let d = start; d < today; d = addDays(d, 1)) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      const busy = (dow === 0 || dow === 6 ? 1.3 : 1) * (d.endsWith("-11") ? 2 : 1); // weekends and the 11th campaign day
      const inquirers = Math.round(a.inquirers * busy * (0.75 + rand() * 0.5));
      const conversion = Math.min(
        0.95,
        Math.max(0.2, a.conversion + (rand() - 0.5) * 0.16 - (busy > 1.5 ? 0.05 : 0)),
      );
      const paying = Math.round(inquirers * conversion);
      const consultations = inquirers + Math.round(inquirers * (0.3 + rand() * 0.4));
      const slow = busy > 1.5 ? 1.4 : 1; // a campaign day answers slower
      rows.push({
        workspaceId,
        date: d,
        account: a.account,
        memberId: member.id,
        inquirers,
        payingInquirers: paying,
        firstResponseTenths: Math.round(a.first * slow * (0.7 + rand() * 0.6) * 10),
        avgResponseTenths: Math.round(a.avg * slow * (0.8 + rand() * 0.4) * 10),
        consultations,
        received: consultations - Math.round(rand() * 2),
        salesFen: paying * Math.round(14_000 + rand() * 8_000),
        importId,
        updatedAt: at,
      });
    }
  }
  if (rows.length === 0) return;
  await repo.replaceDays(workspaceId, rows);
  const dates = rows.map((r) => r.date).sort();
  await repo.createImport({
    workspaceId,
    id: importId,
    fileName: "演示数据 客服绩效.csv",
    encoding: "utf-8",
    days: rows.length,
    replaced: 0,
    accounts: DEMO_CS_AGENTS.length,
    fromDate: dates[0]!,
    toDate: dates.at(-1)!,
    warnings: "[]",
    createdBy: null,
    createdAt: at,
  });
}
