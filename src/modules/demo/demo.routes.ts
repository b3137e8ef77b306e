import { Type } from "typebox";
import { fail } from "../../core/errors.js";
import type { AuthService } from "../auth/auth.service.js";
import type { DemoService } from "./demo.service.js";
import type { App } from "../../http/app.js";
import { setSessionCookie } from "../../http/session.js";
import { demoAccounts } from "./demo.data.js";

const tags = ["instance"];
const DemoAccountSchema = Type.Object({
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal("owner"), Type.Literal("lead"), Type.Literal("member")]),
  department: Type.Union([Type.String(), Type.Null()]),
});

export async function demoRoutes(
  app: App,
  services: { auth: AuthService; demo: DemoService },
  demoEnabled: boolean,
): Promise<void> {
  app.get(
    "/instance",
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "What a first visit needs to know: does this instance have workspaces, is the demo offered, which demo accounts one signs in with",
        response: {
          200: Type.Object({
            hasWorkspaces: Type.Boolean(),
            demoExists: Type.Boolean(),
            demoAvailable: Type.Boolean(),
            demoAccounts: Type.Array(DemoAccountSchema, {
              description:
                "Only while the demo is the instance's only workspace (empty otherwise); every demo account shares the password given when the demo was opened",
            }),
          }),
        },
      },
    },
    async () => {
      const [s, accounts] = await Promise.all([
        services.demo.status(),
        services.demo.signInAccounts(),
      ]);
      return { ...s, demoAvailable: demoEnabled && s.demoAvailable, demoAccounts: accounts };
    },
  );

  app.post(
    "/demo",
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "Open the demo shop and sign in as its owner (only on an instance without real workspaces)",
        body: Type.Optional(
          Type.Object(
            {
              history: Type.Optional(
                Type.Boolean({
                  description:
                    "Seed last month's goals and locked pay run (default true) when the demo is created",
                }),
              ),
            },
            { additionalProperties: false },
          ),
        ),
        response: {
          200: Type.Object({
            email: Type.String(),
            password: Type.String(),
            accounts: Type.Array(DemoAccountSchema, {
              description: "Demo accounts to try, all with this password",
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      if (!demoEnabled) throw fail("forbidden", "org.demo.disabled");
      const login = await services.demo.openFromWeb({ history: req.body?.history });
      setSessionCookie(
        req,
        reply,
        await services.auth.createSession(login.userId, login.workspaceId),
      );
      return { email: login.email, password: login.password, accounts: demoAccounts() };
    },
  );
}
