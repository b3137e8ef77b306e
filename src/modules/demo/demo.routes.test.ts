// How a visitor signs in to the demo: POST /demo answers with the shared password and the accounts
// to try; a signed-out sign-in page learns the accounts (never the password) from GET /instance,
// only while the demo is the instance's only workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../../test/helpers/db.js";
import { Client, signupClient, startTestApp, type TestApp } from "../../../test/helpers/http.js";

interface Account {
  email: string;
  name: string;
  role: string;
  department: string | null;
}
interface Instance {
  hasWorkspaces: boolean;
  demoExists: boolean;
  demoAvailable: boolean;
  demoAccounts: Account[];
}

const OFFERED = [
  ["owner", "owner", null],
  ["lin.ke", "lead", "运营"],
  ["chen.siyuan", "member", "运营"],
  ["wu.tong", "lead", "设计"],
  ["zheng.xiaoya", "member", "设计"],
  ["wang.fang", "lead", "客服"],
  ["liu.ting", "member", "客服"],
  ["ma.qiang", "lead", "物流"],
  ["he.jun", "member", "物流"],
].map(([user, role, department]) => ({ email: `${user}@demo.dayclear.local`, role, department }));

for (const dialect of DIALECTS) {
  describe(`demo sign-in on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    it(
      "shows the demo's accounts (owner, a lead and a member of each department) until a real workspace exists, never its password",
      { timeout: 120_000 },
      async () => {
        const visitor = new Client(t.app);
        expect((await visitor.get<Instance>("/api/v1/instance")).body).toEqual({
          hasWorkspaces: false,
          demoExists: false,
          demoAvailable: true,
          demoAccounts: [],
        });

        const opened = await new Client(t.app).post<{
          email: string;
          password: string;
          accounts: Account[];
        }>("/api/v1/demo", { history: false });
        expect(opened.status).toBe(200);
        expect(
          opened.body.accounts.map(({ email, role, department }) => ({ email, role, department })),
        ).toEqual(OFFERED);
        const { password } = opened.body;

        const signedOut = await visitor.get<Instance>("/api/v1/instance");
        expect(
          signedOut.body.demoAccounts.map(({ email, role, department }) => ({
            email,
            role,
            department,
          })),
        ).toEqual(OFFERED);
        expect(signedOut.body.demoAccounts.find((a) => a.role === "lead")!.name).toBe("林可");
        expect(signedOut.raw).not.toContain(password);
        // Each offered account signs in with the shared password, e.g. the 客服 member.
        expect(
          (
            await new Client(t.app).post("/api/v1/auth/login", {
              email: "liu.ting@demo.dayclear.local",
              password,
            })
          ).status,
        ).toBe(200);

        await signupClient(t.app);
        expect((await visitor.get<Instance>("/api/v1/instance")).body).toMatchObject({
          hasWorkspaces: true,
          demoExists: true,
          demoAvailable: false,
          demoAccounts: [],
        });
      },
    );
  });
}
