// Rights from data, never from names (issue 10, findings 9 and 10). What a department's leads may
// do is its function, set by the owner (core/org/rights.ts); a department's name grants nothing.
// Over HTTP on both databases: the two reported attacks are refused and change nothing, a lead
// cannot set a function, and every role's rights on the shop-data and CS routes follow the table.
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as migration from "../../src/db/migrations/2026-12-06-105-department-function.js";
import { qianniuCsv } from "../fixtures/cs/build.js";
import * as fx from "../fixtures/orders/build.js";
import { createTestDatabase, DIALECTS } from "../helpers/db.js";
import { buildWorkspace, frozenClock, services, uniqueEmail } from "../helpers/factories.js";
import { Client, ORIGIN, signupClient, startTestApp, type TestApp } from "../helpers/http.js";

interface Problem {
  status: number;
  code?: string;
  params?: Record<string, string | number>;
}
interface Department {
  id: string;
  name: string;
  parentId: string | null;
  leadMemberId: string | null;
  function: string;
  version: number;
}
interface Person {
  client: Client;
  memberId: string;
}

const PASSWORD = "Rights-check-7Qz-plum";
const DEPARTMENTS = ["运营", "设计", "客服", "物流"] as const;
/** The policy table: who may manage shop data (shops, visitors, attribution, imports, roll-backs) and CS data (imports, chat accounts). */
const TABLE: Record<string, { shop: boolean; cs: boolean }> = {
  owner: { shop: true, cs: true },
  运营主管: { shop: true, cs: false },
  运营专员: { shop: false, cs: false },
  设计主管: { shop: false, cs: false },
  设计专员: { shop: false, cs: false },
  客服主管: { shop: false, cs: true },
  客服专员: { shop: false, cs: false },
  物流主管: { shop: false, cs: false },
  物流专员: { shop: false, cs: false },
};

for (const dialect of DIALECTS) {
  describe(`rights from data, never from names, on ${dialect}`, () => {
    let t: TestApp;
    let owner: Client;
    const team = new Map<string, Person>();
    let shopId: string;
    let importId: string;

    const departments = async () =>
      (await owner.get<{ items: Department[] }>("/api/v1/departments")).body.items;
    const dept = async (name: string) =>
      (await departments()).find((d) => d.name === name && d.parentId === null)!;
    const person = (label: string) => team.get(label)!;
    /** What the shop data and CS data look like, so a refused write can be shown to change nothing. */
    const snapshot = async () => ({
      shops: (
        await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/shops")
      ).body.items
        .map((s) => s.name)
        .sort(),
      visitors: (
        await owner.get<{ items: unknown[] }>(
          `/api/v1/shops/${shopId}/visitors?from=2026-10-01&to=2026-10-31`,
        )
      ).body.items,
      rules: (await owner.get<{ items: unknown[] }>("/api/v1/attribution-rules")).body.items,
      accounts: (
        await owner.get<{ items: { account: string; memberId: string | null }[] }>(
          "/api/v1/cs-accounts",
        )
      ).body.items,
      imports: (
        await owner.get<{ items: { id: string; status: string }[] }>(
          `/api/v1/shops/${shopId}/imports`,
        )
      ).body.items,
    });
    const uploadOrders = (c: Client) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/shops/${shopId}/uploads?fileName=pdd.csv`,
        payload: Buffer.from(fx.pddOrders()),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
    const uploadCs = (c: Client) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/cs-imports?fileName=qianniu.csv",
        payload: Buffer.from(qianniuCsv()),
        headers: {
          host: "dayclear.test",
          origin: ORIGIN,
          "content-type": "application/octet-stream",
          ...(c.cookie ? { cookie: c.cookie } : {}),
        },
      });
    const refusedFor = (res: { status: number; body: unknown }, fn: string) => {
      expect(res.status).toBe(403);
      expect(res.body as Problem).toMatchObject({
        code: `rights.${fn}_required`,
        params: { function: fn },
      });
    };

    beforeAll(async () => {
      t = await startTestApp(dialect, frozenClock("2026-11-20T02:00:00.000Z"));
      owner = (await signupClient(t.app, "ecommerce")).client;
      team.set("owner", {
        client: owner,
        memberId: (await owner.get<{ member: { id: string } }>("/api/v1/me")).body.member.id,
      });
      for (const name of DEPARTMENTS) {
        const d = await dept(name);
        for (const role of ["lead", "member"] as const) {
          const label = `${name}${role === "lead" ? "主管" : "专员"}`;
          const email = uniqueEmail("rights");
          const created = await owner.post<{ id: string }>("/api/v1/members", {
            name: label,
            email,
            password: PASSWORD,
            role,
            departmentId: d.id,
          });
          expect(created.status, JSON.stringify(created.body)).toBe(201);
          if (role === "lead")
            expect(
              (
                await owner.patch(`/api/v1/departments/${d.id}`, {
                  version: (await dept(name)).version,
                  leadMemberId: created.body.id,
                })
              ).status,
            ).toBe(200);
          const client = new Client(t.app);
          expect(
            (await client.post("/api/v1/auth/login", { email, password: PASSWORD })).status,
          ).toBe(200);
          team.set(label, { client, memberId: created.body.id });
        }
      }
      shopId = (
        await owner.post<{ id: string }>("/api/v1/shops", { name: "拼多多店", platform: "pdd" })
      ).body.id;
      const up = await uploadOrders(owner);
      importId = (
        await owner.post<{ id: string }>(`/api/v1/shops/${shopId}/imports`, {
          uploadIds: [(JSON.parse(up.body) as { id: string }).id],
        })
      ).body.id;
      expect(importId).toBeTruthy();
    }, 120_000);
    afterAll(async () => t.close());

    it("shows every department's function, set by the template, not read from its name", async () => {
      const all = await departments();
      expect(Object.fromEntries(all.map((d) => [d.name, d.function]))).toEqual({
        运营: "operations",
        设计: "design",
        客服: "customer_service",
        物流: "logistics",
      });
      // A member reads the org with its functions too.
      const seen = await person("物流专员").client.get<{ items: Department[] }>(
        "/api/v1/departments",
      );
      expect(seen.body.items.map((d) => d.function).sort()).toEqual([
        "customer_service",
        "design",
        "logistics",
        "operations",
      ]);
    });

    it("a 设计 lead who creates a sub-department named 运营 led by themselves gets no shop rights, and nothing changes", async () => {
      const lead = person("设计主管");
      const before = await snapshot();
      const sub = await lead.client.post<Department>("/api/v1/departments", {
        name: "运营",
        parentId: (await dept("设计")).id,
        leadMemberId: lead.memberId,
      });
      expect(sub.status).toBe(201);
      expect(sub.body.function).toBe("none"); // it takes 设计's function through the tree: design
      refusedFor(
        await lead.client.post("/api/v1/shops", { name: "设计开的店", platform: "taobao" }),
        "operations",
      );
      refusedFor(
        await lead.client.put(`/api/v1/shops/${shopId}/visitors`, {
          days: [{ date: "2026-10-03", visitors: 99999 }],
        }),
        "operations",
      );
      refusedFor(
        await lead.client.post("/api/v1/attribution-rules", {
          kind: "shop",
          pattern: "x",
          memberId: lead.memberId,
          shopId,
        }),
        "operations",
      );
      refusedFor(await lead.client.post(`/api/v1/imports/${importId}/rollback`), "operations");
      expect(await snapshot()).toEqual(before);
    });

    it("a 运营 lead who creates a 客服 sub-department cannot link chat accounts or import CS files, and nothing changes", async () => {
      const lead = person("运营主管");
      const before = await snapshot();
      const sub = await lead.client.post<Department>("/api/v1/departments", {
        name: "客服",
        parentId: (await dept("运营")).id,
        leadMemberId: lead.memberId,
      });
      expect([sub.status, sub.body.function]).toEqual([201, "none"]);
      refusedFor(
        await lead.client.put("/api/v1/cs-accounts", {
          accounts: [{ account: "日清服饰:小美", memberId: lead.memberId }],
        }),
        "customer_service",
      );
      const imported = await uploadCs(lead.client);
      refusedFor(
        { status: imported.statusCode, body: JSON.parse(imported.body) },
        "customer_service",
      );
      expect(await snapshot()).toEqual(before);
      expect((await owner.get<{ items: unknown[] }>("/api/v1/cs-imports")).body.items).toEqual([]);
    });

    it("a lead cannot set a function or rename into rights; the owner can grant one, and a sub-department takes it", async () => {
      const lead = person("物流主管");
      const logistics = await dept("物流");
      const asked = await lead.client.post<Problem>("/api/v1/departments", {
        name: "仓库运营",
        parentId: logistics.id,
        leadMemberId: lead.memberId,
        function: "operations",
      });
      expect([asked.status, asked.body.code]).toEqual([403, "rights.owner_sets_function"]);
      expect((await departments()).some((d) => d.name === "仓库运营")).toBe(false);
      const set = await lead.client.patch<Problem>(`/api/v1/departments/${logistics.id}`, {
        version: logistics.version,
        function: "customer_service",
      });
      expect([set.status, set.body.code]).toEqual([403, "rights.owner_sets_function"]);
      const renamed = await lead.client.patch<Department>(`/api/v1/departments/${logistics.id}`, {
        version: logistics.version,
        name: "运营",
      });
      expect([renamed.status, renamed.body.name, renamed.body.function]).toEqual([
        200,
        "运营",
        "logistics",
      ]);
      refusedFor(
        await lead.client.post("/api/v1/shops", { name: "改名后的店", platform: "jd" }),
        "operations",
      );
      // The owner grants it: the lead of a sub-department created without a function holds it through the tree.
      const email = uniqueEmail("night");
      const night = new Client(t.app);
      const nightId = (
        await owner.post<{ id: string }>("/api/v1/members", {
          name: "夜班主管",
          email,
          password: PASSWORD,
          departmentId: logistics.id,
        })
      ).body.id;
      expect((await night.post("/api/v1/auth/login", { email, password: PASSWORD })).status).toBe(
        200,
      );
      const sub = await lead.client.post<Department>("/api/v1/departments", {
        name: "夜班",
        parentId: logistics.id,
        leadMemberId: nightId,
      });
      expect(sub.status).toBe(201);
      refusedFor(
        await night.put("/api/v1/cs-accounts", {
          accounts: [{ account: "仓库:夜班", memberId: nightId }],
        }),
        "customer_service",
      );
      const granted = await owner.patch<Department>(`/api/v1/departments/${logistics.id}`, {
        version: renamed.body.version,
        function: "customer_service",
      });
      expect([granted.status, granted.body.function]).toEqual([200, "customer_service"]);
      expect(
        (
          await night.put("/api/v1/cs-accounts", {
            accounts: [{ account: "仓库:夜班", memberId: nightId }],
          })
        ).status,
      ).toBe(200);
      // Back as it was, for the table below.
      const back = await owner.patch<Department>(`/api/v1/departments/${logistics.id}`, {
        version: granted.body.version,
        name: "物流",
        function: "logistics",
      });
      expect(back.status).toBe(200);
      expect(
        (
          await owner.put("/api/v1/cs-accounts", {
            accounts: [{ account: "仓库:夜班", memberId: null }],
          })
        ).status,
      ).toBe(200);
      expect((await owner.del(`/api/v1/departments/${sub.body.id}`)).status).toBe(204);
    });

    it("puts the shop's numbers into the daily report of an operations sub-team's member, not of a 设计 sub-team named 运营", async () => {
      const addMember = async (name: string, departmentId: string) =>
        (
          await owner.post<{ id: string }>("/api/v1/members", {
            name,
            email: uniqueEmail("report"),
            password: PASSWORD,
            departmentId,
          })
        ).body.id;
      const dataTeam = (
        await owner.post<Department>("/api/v1/departments", {
          name: "数据组",
          parentId: (await dept("运营")).id,
        })
      ).body;
      const fakeOps = (
        await owner.post<Department>("/api/v1/departments", {
          name: "运营",
          parentId: (await dept("设计")).id,
        })
      ).body;
      expect([dataTeam.function, fakeOps.function]).toEqual(["none", "none"]);
      const metrics = async (memberId: string) =>
        (
          await owner.get<{ draft: { metrics: { key: string }[] } }>(
            `/api/v1/reports/${memberId}/2026-11-20`,
          )
        ).body.draft.metrics.map((m) => m.key);
      expect(await metrics(await addMember("数据专员", dataTeam.id))).toEqual([
        "gmv",
        "paidOrders",
        "aov",
        "conversion",
        "refundRate",
      ]);
      expect(await metrics(await addMember("设计里的运营", fakeOps.id))).toEqual([]);
    });

    it("gives each role the rights of the policy table on the shop-data and CS routes; everyone reads", async () => {
      const seen: Record<string, { shop: boolean; cs: boolean }> = {};
      for (const [label, { client, memberId }] of team) {
        for (const url of [
          "/api/v1/shops",
          `/api/v1/shops/${shopId}/imports`,
          "/api/v1/kpis?from=2026-10-01&to=2026-10-31",
          "/api/v1/attribution-rules",
          "/api/v1/cs-accounts",
          "/api/v1/cs-metrics/summary?from=2026-10-01&to=2026-10-31",
        ]) {
          expect([label, url, (await client.get(url)).status]).toEqual([label, url, 200]);
        }
        const shopWrites = [
          await client.post("/api/v1/shops", { name: `店-${label}`, platform: "taobao" }),
          await client.put(`/api/v1/shops/${shopId}/visitors`, {
            days: [{ date: "2026-10-04", visitors: 100 }],
          }),
          await client.post("/api/v1/attribution-rules", {
            kind: "memo",
            pattern: `rule-${label}`,
            memberId,
          }),
          await uploadOrders(client).then((r) => ({
            status: r.statusCode,
            body: JSON.parse(r.body) as unknown,
          })),
        ];
        const csWrites = [
          await client.put("/api/v1/cs-accounts", {
            accounts: [{ account: `acct:${label}`, memberId }],
          }),
          await uploadCs(client).then((r) => ({
            status: r.statusCode,
            body: JSON.parse(r.body) as unknown,
          })),
        ];
        for (const r of shopWrites.filter((x) => x.status === 403)) refusedFor(r, "operations");
        for (const r of csWrites.filter((x) => x.status === 403)) refusedFor(r, "customer_service");
        const shop = shopWrites.every((r) => r.status !== 403);
        const cs = csWrites.every((r) => r.status !== 403);
        // All or none of a group: a role either holds the function or not.
        expect([
          label,
          shopWrites.some((r) => r.status !== 403) === shop,
          csWrites.some((r) => r.status !== 403) === cs,
        ]).toEqual([label, true, true]);
        seen[label] = { shop, cs };
      }
      expect(seen).toEqual(TABLE);
      // What the allowed roles did is there, and only theirs.
      const after = await snapshot();
      expect(after.shops).toEqual(["拼多多店", "店-owner", "店-运营主管"].sort());
      expect(
        after.accounts
          .map((a) => a.account)
          .filter((a) => a.startsWith("acct:"))
          .sort(),
      ).toEqual(["acct:owner", "acct:客服主管"]);
      // Rolling back an import is the operations right too: refused for the others, done by the 运营 lead.
      for (const label of ["客服主管", "物流专员", "运营专员"])
        refusedFor(
          await person(label).client.post(`/api/v1/imports/${importId}/rollback`),
          "operations",
        );
      expect((await owner.get<{ status: string }>(`/api/v1/imports/${importId}`)).body.status).toBe(
        "committed",
      );
      expect(
        (
          await person("运营主管").client.post<{ status: string }>(
            `/api/v1/imports/${importId}/rollback`,
          )
        ).body.status,
      ).toBe("rolled_back");
    }, 120_000);

    it("a lead cannot delete the department they lead, nor rename or delete another department's or the workspace's skills", async () => {
      const lead = person("运营主管");
      const own = await dept("运营");
      const refused = await lead.client.req("DELETE", `/api/v1/departments/${own.id}`);
      expect([refused.status, (refused.body as Problem).code]).toEqual([
        403,
        "org.department_own_delete",
      ]);
      expect((await departments()).some((d) => d.id === own.id)).toBe(true);
      expect(
        (
          await owner.get<{ departmentId: string | null }>(
            `/api/v1/members/${person("运营专员").memberId}`,
          )
        ).body.departmentId,
      ).toBe(own.id);
      // A sub-team below their own department is theirs to remove.
      const sub = await lead.client.post<Department>("/api/v1/departments", {
        name: "直播组",
        parentId: own.id,
      });
      expect((await lead.client.req("DELETE", `/api/v1/departments/${sub.body.id}`)).status).toBe(
        204,
      );

      const skill = async (name: string, departmentId: string | null) =>
        (await owner.post<{ id: string }>("/api/v1/skills", { name, departmentId })).body.id;
      const design = await skill("主图设计-rights", (await dept("设计")).id);
      const shared = await skill("表格-rights", null);
      const ops = await skill("直播带货-rights", own.id);
      for (const id of [design, shared]) {
        const renamed = await lead.client.patch(`/api/v1/skills/${id}`, { name: "改名" });
        expect([renamed.status, (renamed.body as Problem).code]).toEqual([
          403,
          "org.skill_not_managed",
        ]);
        expect((await lead.client.req("DELETE", `/api/v1/skills/${id}`)).status).toBe(403);
      }
      const moved = await lead.client.patch(`/api/v1/skills/${ops}`, {
        departmentId: (await dept("设计")).id,
      });
      expect(moved.status).toBe(403);
      const names = (await owner.get<{ items: { id: string; name: string }[] }>("/api/v1/skills"))
        .body.items;
      expect(
        names
          .filter((x) => [design, shared, ops].includes(x.id))
          .map((x) => x.name)
          .sort(),
      ).toEqual(["主图设计-rights", "直播带货-rights", "表格-rights"].sort());
      // Their own department's skills are theirs; a member manages none.
      expect(
        (await lead.client.patch(`/api/v1/skills/${ops}`, { name: "直播带货-运营" })).status,
      ).toBe(200);
      expect(
        (
          await person("运营专员").client.post("/api/v1/skills", {
            name: "x-rights",
            departmentId: own.id,
          })
        ).status,
      ).toBe(403);
      expect((await lead.client.req("DELETE", `/api/v1/skills/${ops}`)).status).toBe(204);
    });
  });

  describe(`the department function migration on ${dialect}`, () => {
    it("reads existing departments' functions from their names once; other names get none", async () => {
      const tdb = await createTestDatabase(dialect);
      try {
        const ws = (await buildWorkspace(services(tdb.database), { template: "empty" }))
          .workspaceId;
        const db = tdb.database.db as unknown as Kysely<unknown>;
        await migration.down(db);
        const names = ["运营", " Ops ", "客服部", "设计", "Logistics", "电商", "运营二组", "财务"];
        for (const [i, name] of names.entries()) {
          await sql`insert into departments (workspace_id, id, parent_id, name, lead_member_id, sort_order, version, created_at, updated_at)
            values (${ws}, ${`d${i}`}, null, ${name}, null, ${i}, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(
            db,
          );
        }
        await migration.up(db);
        const rows = (
          await sql<{
            name: string;
            function: string;
          }>`select name, ${sql.ref("function")} from departments where workspace_id = ${ws} order by sort_order`.execute(
            db,
          )
        ).rows;
        expect(rows.map((r) => [r.name, r.function])).toEqual([
          ["运营", "operations"],
          [" Ops ", "operations"],
          ["客服部", "customer_service"],
          ["设计", "design"],
          ["Logistics", "logistics"],
          ["电商", "operations"],
          ["运营二组", "none"],
          ["财务", "none"],
        ]);
      } finally {
        await tdb.cleanup();
      }
    });
  });
}
