// Customer-service performance on both databases: importing 千牛 (GBK CSV) and 赤兔 (XLSX) exports,
// the period's numbers computed by hand, refusals that store nothing, re-imports that replace,
// linking accounts, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { failure, outcomeKind } from "../../../test/helpers/errors.js";
import { buildShopTeam, services } from "../../../test/helpers/factories.js";
import {
  AJIE,
  chituXlsx,
  octoberRows,
  QIANNIU_HEADER,
  qianniuCsv,
  XIAOMEI,
} from "../../../test/fixtures/cs/build.js";
import type { CsImportRejected } from "./cs-import.service.js";
import { renderMessage, type Locale } from "../../core/messages/index.js";
import { problemText, warningMessage } from "../../core/orders/index.js";

const OCT = { from: "2026-10-01", to: "2026-10-31" };

for (const dialect of DIALECTS) {
  describe(`customer-service performance on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    async function team({ link = true } = {}) {
      const t = await buildShopTeam(s);
      const person = (name: string) => t.people.find((p) => p.name === name)!;
      const agent = person("客服专员");
      const lead = person("客服主管");
      if (link)
        await s.cs.setAccounts(t.owner, {
          accounts: [
            { account: XIAOMEI, memberId: agent.memberId },
            { account: "日清服饰：阿杰", memberId: lead.memberId },
          ],
        });
      const stored = async () =>
        (
          await tdb.database.db
            .selectFrom("csAgentDays")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("workspaceId", "=", t.workspaceId)
            .executeTakeFirstOrThrow()
        ).n;
      return { ...t, person, agent, lead, stored };
    }

    it("imports a 千牛 export and sums the month per member and department as computed by hand", async () => {
      const t = await team();
      const imp = await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv());
      expect(imp).toMatchObject({
        days: 6,
        created: 6,
        replaced: 0,
        accounts: 2,
        from: "2026-10-01",
        to: "2026-10-03",
        encoding: "gb18030",
      });
      expect(imp.warnings).toEqual([
        {
          file: "qianniu-cs-202610.csv",
          code: "cs.warning.total_row",
          params: { row: 9, label: "合计" },
        },
        {
          file: "qianniu-cs-202610.csv",
          code: "cs.warning.unused_columns",
          params: { columns: ["询单->最终付款成功率"] },
        },
      ]);
      const notes = (locale: Locale) =>
        imp.warnings.map((w) => renderMessage(locale, warningMessage(w)));
      expect(notes("en")).toEqual([
        "qianniu-cs-202610.csv: Row 9 is a total row (合计); skipped.",
        "qianniu-cs-202610.csv: Columns not used: 询单->最终付款成功率.",
      ]);
      expect(notes("zh-CN")).toEqual([
        "qianniu-cs-202610.csv：第 9 行是合计行（合计），已跳过。",
        "qianniu-cs-202610.csv：未使用的列：询单->最终付款成功率。",
      ]);
      const sum = await s.cs.summary(t.owner, OCT);
      const mei = sum.members.find((m) => m.memberId === t.agent.memberId)!;
      expect(mei).toMatchObject({
        name: "客服专员",
        accounts: [XIAOMEI],
        days: 3,
        inquirers: 60,
        paying: 38,
        conversion: "63.33",
        firstResponse: "13.7",
        averageResponse: "26.3",
        consultations: 113,
        received: 109,
        sales: "6780.50",
      });
      expect(sum.members.find((m) => m.memberId === t.lead.memberId)).toMatchObject({
        accounts: [AJIE],
        inquirers: 40,
        paying: 20,
        conversion: "50.00",
        firstResponse: "18.3",
        averageResponse: "36.9",
      });
      expect(sum.members).toHaveLength(2);
      expect(sum.total).toMatchObject({
        inquirers: 100,
        paying: 58,
        conversion: "58.00",
        firstResponse: "15.5",
        averageResponse: "30.6",
        sales: "9640.50",
      });
      expect(sum.departments).toEqual([
        expect.objectContaining({
          name: "客服",
          inquirers: 100,
          paying: 58,
          conversion: "58.00",
          firstResponse: "15.5",
          averageResponse: "30.6",
        }),
      ]);
      // Days list, newest first, filtered and paged.
      const page1 = await s.cs.days(t.owner, { ...OCT, memberId: t.agent.memberId, limit: 2 });
      expect(page1.items.map((d) => d.date)).toEqual(["2026-10-03", "2026-10-02"]);
      expect(page1.items[0]).toMatchObject({
        account: XIAOMEI,
        memberName: "客服专员",
        inquirers: 10,
        paying: 7,
        conversion: "70.00",
        firstResponse: "9.0",
        averageResponse: "20.0",
        sales: "1100.00",
      });
      const page2 = await s.cs.days(t.owner, {
        ...OCT,
        memberId: t.agent.memberId,
        limit: 2,
        cursor: page1.nextCursor!,
      });
      expect([page2.items.map((d) => d.date), page2.nextCursor]).toEqual([["2026-10-01"], null]);
      expect(
        (await s.cs.days(t.owner, { account: "日清服饰：阿杰" })).items.map((d) => [
          d.date,
          d.firstResponse,
        ]),
      ).toEqual([
        ["2026-10-03", null],
        ["2026-10-02", "16.0"],
        ["2026-10-01", "22.0"],
      ]);
      expect((await s.audit.list(t.owner, { limit: 20 })).items.map((a) => a.action)).toEqual(
        expect.arrayContaining(["cs.import", "cs_account.link"]),
      );
    });

    it("re-importing the same days (the 赤兔 XLSX of the same month) replaces them: no duplicates, a corrected number wins", async () => {
      const t = await team();
      await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv());
      const again = await s.csImports.importFile(
        t.owner,
        "chitu-cs-202610.xlsx",
        await chituXlsx(),
      );
      expect(again).toMatchObject({ days: 6, replaced: 6, created: 0, encoding: "xlsx" });
      expect(Number(await t.stored())).toBe(6);
      expect((await s.cs.summary(t.owner, OCT)).total).toMatchObject({
        inquirers: 100,
        paying: 58,
        conversion: "58.00",
        firstResponse: "15.5",
        averageResponse: "30.6",
      });
      // A corrected export of 10-02 only: 小美 paid 12 instead of 11; the other days stay.
      const fix = octoberRows().filter((r) => r[0] === "2026-10-02");
      fix[0]![5] = "12";
      expect(
        await s.csImports.importFile(t.owner, "fix.csv", qianniuCsv(fix, { total: false })),
      ).toMatchObject({ days: 2, replaced: 2 });
      expect(Number(await t.stored())).toBe(6);
      expect(
        (await s.cs.summary(t.owner, OCT)).members.find((m) => m.memberId === t.agent.memberId),
      ).toMatchObject({ paying: 39, conversion: "65.00" });
      expect(
        (await s.csImports.history(t.owner, { limit: 10 })).items.map((i) => i.fileName),
      ).toEqual(["fix.csv", "chitu-cs-202610.xlsx", "qianniu-cs-202610.csv"]);
    });

    it("refuses a bad number, an unlinked account and a missing column with row and column, and stores nothing", async () => {
      const t = await team({ link: false });
      await s.cs.setAccounts(t.owner, {
        accounts: [{ account: XIAOMEI, memberId: t.agent.memberId }],
      });
      const unlinked = (await failure(
        s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv()),
      )) as CsImportRejected;
      expect(unlinked.kind).toBe("invalid");
      expect(unlinked.problems).toEqual([
        {
          file: "qianniu-cs-202610.csv",
          row: 4,
          column: "旺旺",
          code: "cs.account_unlinked",
          params: { account: AJIE },
        },
      ]);
      expect(problemText("en", unlinked.problems[0]!)).toBe(
        `The chat account “${AJIE}” is not linked to a member; link it on the Chat accounts tab first.`,
      );
      expect(problemText("zh-CN", unlinked.problems[0]!)).toBe(
        `客服账号“${AJIE}”还没有关联成员，请先在“客服账号”里关联。`,
      );
      expect(unlinked.unlinkedAccounts).toEqual([AJIE]);
      expect(unlinked.coded?.code).toBe("shop.import.refused");
      expect(renderMessage("en", unlinked.coded!)).toMatch(
        /^The import was refused; nothing was stored\./,
      );
      expect(renderMessage("zh-CN", unlinked.coded!)).toMatch(/^导入被拒绝，没有保存任何数据。/);
      expect(unlinked.fields[0]).toMatchObject({
        field: "qianniu-cs-202610.csv:4:旺旺",
        code: "cs.account_unlinked",
        params: { account: AJIE },
      });

      const rows = octoberRows();
      rows[2]![7] = "12,5"; // row 5: a comma as decimal point is not a time
      const bad = (await failure(
        s.csImports.importFile(t.owner, "bad.csv", qianniuCsv(rows)),
      )) as CsImportRejected;
      expect(bad.problems.map((p) => [p.row, p.column, p.code])).toEqual([
        [5, "平均首次响应(秒)", "cs.cell.not_seconds"],
      ]);
      expect(problemText("en", bad.problems[0]!)).toBe(
        "平均首次响应(秒): “12,5” is not a time in seconds (e.g. 12.5 or 1分05秒).",
      );
      expect(problemText("zh-CN", bad.problems[0]!)).toBe(
        "平均首次响应(秒)：“12,5”不是以秒计的时长（例如 12.5 或 1分05秒）。",
      );

      const header = QIANNIU_HEADER.filter((h) => h !== "询单人数");
      const missing = (await failure(
        s.csImports.importFile(
          t.owner,
          "missing.csv",
          qianniuCsv(
            octoberRows().map((r) => r.filter((_, i) => i !== 4)),
            { header },
          ),
        ),
      )) as CsImportRejected;
      expect(missing.problems.map((p) => [p.row, p.column])).toEqual([[2, "询单人数"]]);
      expect(
        await outcomeKind(s.csImports.importFile(t.owner, "empty.csv", new Uint8Array())),
      ).toBe("invalid");
      expect(Number(await t.stored())).toBe(0);
      expect((await s.csImports.history(t.owner, { limit: 10 })).items).toEqual([]);

      // Linking the account the refusal named makes the same file go through.
      await s.cs.setAccounts(t.owner, { accounts: [{ account: AJIE, memberId: t.lead.memberId }] });
      expect(
        (await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv())).days,
      ).toBe(6);
    });

    it("lists and relinks accounts: a new member takes over the account's days outside locked pay months", async () => {
      const t = await team();
      await s.csImports.importFile(t.owner, "qianniu-cs-202610.csv", qianniuCsv());
      expect((await s.cs.accounts(t.agent.actor)).items).toEqual([
        {
          account: XIAOMEI,
          memberId: t.agent.memberId,
          memberName: "客服专员",
          days: 3,
          firstDate: "2026-10-01",
          lastDate: "2026-10-03",
        },
        {
          account: AJIE,
          memberId: t.lead.memberId,
          memberName: "客服主管",
          days: 3,
          firstDate: "2026-10-01",
          lastDate: "2026-10-03",
        },
      ]);
      // A locked pay run through 10-01 keeps that day with 客服主管.
      await tdb.database.db
        .insertInto("payRuns")
        .values({
          workspaceId: t.workspaceId,
          id: "019a0000-0000-7000-8000-00000000c501",
          period: "2026-09",
          fromDate: "2026-09-01",
          toDate: "2026-10-01",
          status: "locked",
          inputs: "[]",
          totalFen: 0,
          computedAt: "2026-10-02T00:00:00.000Z",
          createdBy: null,
          lockedBy: null,
          lockedAt: "2026-10-02T00:00:00.000Z",
          version: 2,
          createdAt: "2026-10-02T00:00:00.000Z",
        })
        .execute();
      const moved = await s.cs.setAccounts(t.lead.actor, {
        accounts: [{ account: AJIE, memberId: t.agent.memberId }],
      });
      expect(moved.movedDays).toBe(2);
      const sum = await s.cs.summary(t.owner, OCT);
      expect(sum.members.find((m) => m.memberId === t.agent.memberId)).toMatchObject({
        accounts: [XIAOMEI, AJIE],
        inquirers: 85,
      });
      expect(sum.members.find((m) => m.memberId === t.lead.memberId)).toMatchObject({
        accounts: [],
        inquirers: 15,
      });
      // Unlinking keeps the days; a new import of the account is refused until it is linked again.
      await s.cs.setAccounts(t.owner, { accounts: [{ account: AJIE, memberId: null }] });
      expect((await s.cs.accounts(t.owner)).items.find((a) => a.account === AJIE)).toMatchObject({
        memberId: null,
        days: 3,
      });
      expect(await outcomeKind(s.csImports.importFile(t.owner, "again.csv", qianniuCsv()))).toBe(
        "invalid",
      );
      expect(
        await outcomeKind(
          s.cs.setAccounts(t.owner, { accounts: [{ account: " ", memberId: null }] }),
        ),
      ).toBe("invalid");
      expect(
        await outcomeKind(
          s.cs.setAccounts(t.owner, {
            accounts: [{ account: "x", memberId: "019a0000-0000-7000-8000-000000000000" }],
          }),
        ),
      ).toBe("invalid");
    });

    // The demo is made inside the test (longer than 30 s on a busy machine; no pay history needed).
    it(
      "gives the demo shop 91 days of CS data for its three 客服 under linked accounts",
      { timeout: 120_000 },
      async () => {
        const login = await s.demo.ensure({ history: false });
        const ctx = (await s.auth.resolveSession(
          (await s.auth.login({ email: login.email, password: login.password }, "127.0.0.1")).token,
        ))!;
        const owner = {
          userId: ctx.user.id,
          memberId: ctx.member.id,
          workspaceId: ctx.workspace.id,
          role: "owner" as const,
          departmentId: null,
          via: "session" as const,
        };
        const accounts = (await s.cs.accounts(owner)).items;
        expect(accounts.map((a) => [a.memberName, a.days])).toEqual([
          ["刘婷", 91],
          ["赵磊", 91],
          ["王芳", 91],
        ]);
        const yesterday = accounts[0]!.lastDate!;
        const sum = await s.cs.summary(owner, { from: accounts[0]!.firstDate!, to: yesterday });
        expect(sum.members.map((m) => m.name).sort()).toEqual(["刘婷", "王芳", "赵磊"].sort());
        for (const m of sum.members) expect(Number(m.conversion)).toBeGreaterThan(35);
        expect(sum.departments.map((d) => d.name)).toEqual(["客服"]);
      },
    );

    it("lets the owner and the leads of 客服 import and link; other leads and members only read", async () => {
      const t = await team();
      const opsLead = t.person("运营主管");
      expect(await outcomeKind(s.csImports.importFile(t.lead.actor, "q.csv", qianniuCsv()))).toBe(
        "ok",
      );
      for (const who of [opsLead.actor, t.agent.actor]) {
        expect(await outcomeKind(s.csImports.importFile(who, "q.csv", qianniuCsv()))).toBe(
          "forbidden",
        );
        expect(
          await outcomeKind(
            s.cs.setAccounts(who, { accounts: [{ account: XIAOMEI, memberId: null }] }),
          ),
        ).toBe("forbidden");
        expect((await s.cs.summary(who, OCT)).total.inquirers).toBe(100);
        expect((await s.cs.days(who, {})).items).toHaveLength(6);
        expect((await s.csImports.history(who, { limit: 5 })).items).toHaveLength(1);
      }
      expect(
        await outcomeKind(s.cs.summary(t.owner, { from: "2026-10-31", to: "2026-10-01" })),
      ).toBe("invalid");
      // Another workspace sees none of it.
      const other = await buildShopTeam(s);
      expect((await s.cs.summary(other.owner, OCT)).members).toEqual([]);
      expect((await s.cs.accounts(other.owner)).items).toEqual([]);
    });
  });
}
