// The customer-service routes over HTTP: the file as the raw body, the problem details of a refused
// import (every problem with row and column, the accounts to link), linking, reading, permissions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import {
  Client,
  ORIGIN,
  signupClient,
  startTestApp,
  type TestApp,
} from "../../../test/helpers/http.js";
import { uniqueEmail } from "../../../test/helpers/factories.js";
import { AJIE, qianniuCsv, XIAOMEI } from "../../../test/fixtures/cs/build.js";

interface Problem {
  status: number;
  detail: string;
  code: string;
  errors: { field: string; message: string; code?: string }[];
  problems: {
    file: string;
    row: number;
    column: string;
    code: string;
    params: Record<string, unknown>;
    message: string;
  }[];
  unlinkedAccounts: string[];
}

for (const dialect of DIALECTS) {
  describe(`customer-service routes on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    /** POSTs bytes as the browser does: the raw body with content-type application/octet-stream. */
    async function upload(c: Client, fileName: string, bytes: Uint8Array, lang?: string) {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/cs-imports?fileName=${encodeURIComponent(fileName)}`,
        payload: Buffer.from(bytes),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          ...(lang ? { "accept-language": lang } : {}),
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
      return {
        status: res.statusCode,
        body: JSON.parse(res.body) as Problem & { days: number; replaced: number },
      };
    }

    it("refuses an unlinked account naming row, column and account; links it; imports; reads the summary", async () => {
      const { client: owner } = await signupClient(t.app, "ecommerce");
      const departments = (
        await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/departments")
      ).body.items;
      const cs = departments.find((d) => d.name === "客服")!.id;
      const email = uniqueEmail("cs");
      const agent = (
        await owner.post<{ id: string }>("/api/v1/members", {
          name: "小美",
          email,
          password: "member-pass",
          departmentId: cs,
        })
      ).body.id;

      const refused = await upload(owner, "qianniu.csv", qianniuCsv());
      expect(refused.status).toBe(400);
      // Each problem as a code with its parameters, and its text in the workspace's language.
      expect(refused.body.problems).toEqual([
        {
          file: "qianniu.csv",
          row: 3,
          column: "旺旺",
          code: "cs.account_unlinked",
          params: { account: XIAOMEI },
          message: `客服账号“${XIAOMEI}”还没有关联成员，请先在“客服账号”里关联。`,
        },
        {
          file: "qianniu.csv",
          row: 4,
          column: "旺旺",
          code: "cs.account_unlinked",
          params: { account: AJIE },
          message: `客服账号“${AJIE}”还没有关联成员，请先在“客服账号”里关联。`,
        },
      ]);
      expect(refused.body.unlinkedAccounts).toEqual([XIAOMEI, AJIE]);
      expect(refused.body.code).toBe("shop.import.refused");
      expect(refused.body.detail).toMatch(
        /^导入被拒绝，没有保存任何数据。共 2 个问题，第一个：qianniu\.csv 第 3 行“旺旺”列：/,
      );
      const english = await upload(owner, "qianniu.csv", qianniuCsv(), "en");
      expect(english.body.problems[0]!.message).toBe(
        `The chat account “${XIAOMEI}” is not linked to a member; link it on the Chat accounts tab first.`,
      );
      expect(english.body.detail).toMatch(
        /^The import was refused; nothing was stored\. 2 problem\(s\); the first: qianniu\.csv row 3, column 旺旺: /,
      );

      const linked = await owner.put<{
        items: { account: string; memberName: string }[];
        movedDays: number;
      }>("/api/v1/cs-accounts", {
        accounts: [
          { account: XIAOMEI, memberId: agent },
          { account: AJIE, memberId: agent },
        ],
      });
      expect(linked.status).toBe(200);
      expect(linked.body.items.map((a) => [a.account, a.memberName])).toEqual([
        [XIAOMEI, "小美"],
        [AJIE, "小美"],
      ]);
      const ok = await upload(owner, "qianniu.csv", qianniuCsv());
      expect([ok.status, ok.body.days, ok.body.replaced]).toEqual([201, 6, 0]);

      const sum = await owner.get<{
        members: {
          name: string;
          inquirers: number;
          conversion: string;
          firstResponse: string;
          averageResponse: string;
        }[];
        departments: { name: string; conversion: string }[];
      }>("/api/v1/cs-metrics/summary?from=2026-10-01&to=2026-10-31");
      expect(sum.body.members).toEqual([
        expect.objectContaining({
          name: "小美",
          inquirers: 100,
          conversion: "58.00",
          firstResponse: "15.5",
          averageResponse: "30.6",
        }),
      ]);
      expect(sum.body.departments).toEqual([
        expect.objectContaining({ name: "客服", conversion: "58.00" }),
      ]);
      const days = await owner.get<{ items: unknown[]; nextCursor: string | null }>(
        "/api/v1/cs-days?from=2026-10-02&to=2026-10-02",
      );
      expect([days.body.items.length, days.body.nextCursor]).toEqual([2, null]);
      expect((await owner.get("/api/v1/cs-days?cursor=nonsense")).status).toBe(400);
      expect((await owner.get("/api/v1/cs-metrics/summary?from=2026-10-01")).status).toBe(400);
      expect((await owner.get<{ items: unknown[] }>("/api/v1/cs-imports")).body.items).toHaveLength(
        1,
      );

      // A member reads but neither imports nor links.
      const m = new Client(t.app);
      expect((await m.post("/api/v1/auth/login", { email, password: "member-pass" })).status).toBe(
        200,
      );
      expect((await m.get("/api/v1/cs-metrics/summary?from=2026-10-01&to=2026-10-31")).status).toBe(
        200,
      );
      expect((await upload(m, "qianniu.csv", qianniuCsv())).status).toBe(403);
      expect(
        (await m.put("/api/v1/cs-accounts", { accounts: [{ account: XIAOMEI, memberId: null }] }))
          .status,
      ).toBe(403);
    });

    it("answers a file sent as JSON, a body of unknown fields and an unknown member with 400", async () => {
      const { client: owner } = await signupClient(t.app, "ecommerce");
      expect((await owner.post("/api/v1/cs-imports?fileName=x.csv", { a: 1 })).status).toBe(400);
      expect(
        (
          await owner.put("/api/v1/cs-accounts", {
            accounts: [{ account: "a", memberId: null, x: 1 }],
          })
        ).status,
      ).toBe(400);
      const unknown = await owner.put<Problem>("/api/v1/cs-accounts", {
        accounts: [{ account: "a", memberId: "019a0000-0000-7000-8000-000000000000" }],
      });
      expect([unknown.status, unknown.body.errors]).toEqual([
        400,
        [
          expect.objectContaining({
            field: "accounts.0.memberId",
            code: "shop.no_such_member",
            message: "工作区里没有这个成员。",
          }),
        ],
      ]);
      const inEnglish = await owner.req<Problem>(
        "PUT",
        "/api/v1/cs-accounts",
        { accounts: [{ account: "a", memberId: "019a0000-0000-7000-8000-000000000000" }] },
        { "accept-language": "en" },
      );
      expect(inEnglish.body.errors[0]!.message).toBe("No such member in this workspace.");
    });
  });
}
