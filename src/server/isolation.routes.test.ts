// "A member of workspace A asking for anything of workspace B gets 404, on every route": this
// walks every API path with an id in it (from the OpenAPI document, so new routes are covered
// automatically) and asks for workspace B's records as workspace A's owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../../test/helpers/db.js";
import { signupClient, startTestApp, type Client, type TestApp } from "../../test/helpers/http.js";
import { PAY_PLAN_TEMPLATES } from "../core/pay/templates.js";
import { customerId } from "../modules/customers/customers.service.js";

type Ids = Record<string, string>;

async function seed(client: Client): Promise<Ids> {
  const dep = (await client.post<{ id: string }>("/api/v1/departments", { name: "部门" })).body.id;
  const skill = (
    await client.post<{ id: string }>("/api/v1/skills", { name: `技能-${Math.random()}` })
  ).body.id;
  const member = (
    await client.post<{ id: string }>("/api/v1/members", {
      name: "成员",
      email: `iso-${Math.random()}@example.com`,
      password: "member-pass",
    })
  ).body.id;
  const leave = (
    await client.post<{ id: string }>(`/api/v1/members/${member}/leaves`, {
      startDate: "2026-12-01",
      endDate: "2026-12-01",
    })
  ).body.id;
  const invitation = (await client.post<{ id: string }>("/api/v1/invitations", { role: "member" }))
    .body.id;
  const token = (await client.post<{ id: string }>("/api/v1/tokens", { name: "t" })).body.id;
  const plan = (await client.post<{ id: string }>("/api/v1/plans", { name: "计划" })).body.id;
  const task = (
    await client.post<{ task: { id: string } }>(`/api/v1/plans/${plan}/tasks`, {
      name: "任务",
      effortHours: 4,
    })
  ).body.task.id;
  const items = (
    await client.post<{ inbox: { id: string }[] }>("/api/v1/items", { title: "收件箱" })
  ).body.inbox[0]!.id;
  const duty = (
    await client.post<{ id: string }>("/api/v1/duties", {
      title: "客服值班",
      weekdays: [1],
      startTime: "09:00",
      endTime: "10:00",
    })
  ).body.id;
  const note = (
    await client.post<{ id: string }>("/api/v1/notes", {
      targetType: "plan",
      targetId: plan,
      body: "笔记",
    })
  ).body.id;
  expect((await client.post(`/api/v1/members/${member}/nudge`)).status).toBe(200);
  const shop = await seedShopData(client);
  const payPlan = (
    await client.post<{ id: string }>("/api/v1/pay-plans", {
      templateId: "operations",
      effectiveFrom: "2026-10-01",
    })
  ).body.id;
  const goalCycle = (
    await client.post<{ id: string }>("/api/v1/goal-cycles", {
      name: "2026-12",
      kind: "month",
      from: "2026-12-01",
      to: "2026-12-31",
    })
  ).body.id;
  const goal = (
    await client.post<{ id: string }>("/api/v1/goals", {
      cycleId: goalCycle,
      memberId: member,
      title: "GMV",
      weight: 100,
      target: "1000",
      metric: { kind: "kpi", kpi: "gmv" },
    })
  ).body.id;
  return {
    ...shop,
    "pay-plans": payPlan,
    "goal-cycles": goalCycle,
    goals: goal,
    departments: dep,
    skills: skill,
    members: member,
    leaveId: leave,
    invitations: invitation,
    tokens: token,
    plans: plan,
    tasks: task,
    items,
    duties: duty,
    notes: note,
  };
}

/** A shop with an imported order and a column mapping (the upload goes through app.inject as raw bytes). */
async function seedShopData(client: Client): Promise<Ids> {
  const shops = (
    await client.post<{ id: string }>("/api/v1/shops", { name: "店铺", platform: "custom" })
  ).body.id;
  const mappingId = (
    await client.post<{ id: string }>(`/api/v1/shops/${shops}/mappings`, {
      name: "m",
      mapping: { fields: { orderId: "单号", orderTotal: "金额" } },
    })
  ).body.id;
  const upload = await client.req<{ id: string }>(
    "POST",
    `/api/v1/shops/${shops}/uploads?fileName=o.csv`,
    "单号,金额\nA1,10.00\n",
    { "content-type": "application/octet-stream" },
  );
  const imports = (
    await client.post<{ id: string }>(`/api/v1/shops/${shops}/imports`, {
      uploadIds: [upload.body.id],
      format: "mapping:m",
    })
  ).body.id;
  const orders = (await client.get<{ items: { id: string }[] }>("/api/v1/orders")).body.items[0]!
    .id;
  const me = (await client.get<{ member: { id: string } }>("/api/v1/me")).body.member.id;
  const rule = (
    await client.post<{ rule: { id: string } }>("/api/v1/attribution-rules", {
      kind: "shop",
      pattern: "",
      shopId: shops,
      memberId: me,
    })
  ).body.rule.id;
  return { shops, mappingId, imports, orders, "attribution-rules": rule };
}

/**
 * B's logistics records, written directly (A must get 404 before anything reads their content):
 * a carrier of B's seeded list, a rate card, a batch, a parcel, a carrier bill, saved mappings and a
 * write-back file, keyed by their path under /logistics.
 */
async function seedLogistics(t: TestApp, workspaceId: string, shopId: string): Promise<Ids> {
  const db = t.tdb.database.db;
  const at = "2026-12-01T00:00:00.000Z";
  const id = (n: number) => `019a0000-0000-7000-8000-00000000c${String(n).padStart(3, "0")}`;
  await db
    .insertInto("carriers")
    .values({
      workspaceId,
      id: id(1),
      code: "ISO",
      name: "隔离快递",
      codes: "{}",
      aliases: "[]",
      platforms: null,
      active: 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto("rateCards")
    .values({
      workspaceId,
      id: id(2),
      carrierId: id(1),
      validFrom: "2026-12-01",
      card: "{}",
      createdBy: null,
      createdAt: at,
    })
    .execute();
  await db
    .insertInto("shipBatches")
    .values({
      workspaceId,
      id: id(3),
      number: "B20261201-01",
      status: "open",
      createdBy: null,
      createdAt: at,
      printedAt: null,
      handedOverAt: null,
      version: 1,
    })
    .execute();
  await db
    .insertInto("parcels")
    .values({
      workspaceId,
      id: id(4),
      shopId,
      batchId: id(3),
      status: "open",
      carrierId: null,
      waybillNo: null,
      waybillSource: null,
      weightG: null,
      weightSource: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      province: null,
      packedBy: null,
      packedAt: null,
      shippedAt: null,
      costFen: null,
      costCardId: null,
      costFormula: null,
      exportedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto("carrierBills")
    .values({
      workspaceId,
      id: id(5),
      carrierId: id(1),
      fileName: "b.csv",
      period: "2026-11",
      lines: 0,
      billedFen: 0,
      computedFen: 0,
      createdBy: null,
      createdAt: at,
      toleranceG: 100,
      encoding: "utf-8",
    })
    .execute();
  for (const [n, kind] of [
    [6, "tracking"],
    [7, "bill"],
  ] as const)
    await db
      .insertInto("logisticsMappings")
      .values({
        workspaceId,
        id: id(n),
        kind,
        shopId: null,
        platform: null,
        name: kind,
        mapping: "{}",
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
  await db
    .insertInto("writebackFiles")
    .values({
      workspaceId,
      id: id(8),
      shopId,
      platform: "taobao",
      fileName: "w.csv",
      format: "csv",
      batchId: null,
      fromDate: null,
      toDate: null,
      lines: 0,
      createdBy: null,
      createdAt: at,
    })
    .execute();
  return {
    "logistics/carriers": id(1),
    "logistics/rate-cards": id(2),
    "logistics/batches": id(3),
    "logistics/parcels": id(4),
    "logistics/bills": id(5),
    "logistics/mappings": id(6),
    "logistics/bill-mappings": id(7),
    "logistics/writeback-files": id(8),
  };
}

/** One after-sales case, one saved after-sales mapping and one open follow-up of the workspace. */
async function seedAftersales(t: TestApp, workspaceId: string, shopId: string): Promise<Ids> {
  const db = t.tdb.database.db;
  const at = "2026-12-01T00:00:00.000Z";
  const id = (n: number) => `019a0000-0000-7000-8000-00000000d${String(n).padStart(3, "0")}`;
  await db
    .insertInto("aftersalesCases")
    .values({
      workspaceId,
      id: id(1),
      shopId,
      platform: "taobao",
      caseKey: "manual:isolation",
      platformCaseId: null,
      source: "manual",
      orderId: null,
      platformOrderId: null,
      customerKey: null,
      type: "refund_only_shipped",
      platformType: null,
      state: "new",
      resolution: null,
      platformState: null,
      reason: null,
      reasonCode: null,
      currency: "CNY",
      requestedFen: 100,
      refundFen: null,
      returnCarrier: null,
      returnWaybill: null,
      inspection: null,
      inspectionNote: null,
      assigneeMemberId: null,
      openedAt: at,
      firstResponseAt: null,
      decidedAt: null,
      resolvedAt: null,
      platformDeadlineAt: null,
      dueAt: null,
      raw: null,
      importId: null,
      version: 1,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto("aftersalesMappings")
    .values({
      workspaceId,
      id: id(2),
      name: "isolation",
      mapping: "{}",
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  await db
    .insertInto("aftersalesFollowups")
    .values({
      workspaceId,
      id: id(3),
      ruleId: "rule",
      ruleName: "isolation",
      sourceKey: `case:${id(1)}`,
      shopId,
      orderId: null,
      caseId: id(1),
      platformOrderId: null,
      dueDate: "2026-12-01",
      memberId: null,
      script: "",
      state: "open",
      outcome: null,
      turnedGood: 0,
      complaintCaseId: null,
      note: null,
      doneAt: null,
      doneDate: null,
      doneBy: null,
      version: 1,
      createdAt: at,
    })
    .execute();
  return { "aftersales/cases": id(1), "aftersales/mappings": id(2), "aftersales/followups": id(3) };
}

/** A body that passes validation, so the answer tells about the record, not the input. */
function bodyFor(method: string, path: string): unknown {
  if (method === "patch" && !path.includes("/logistics/"))
    return path.startsWith("/api/v1/skills") ? {} : { version: 1 };
  if (path.includes("/today/tasks/") && path.endsWith("/check-off")) return {};
  if (path.endsWith("/skills") && method === "put") return { skills: [] };
  if (path.endsWith("/leaves")) return { startDate: "2026-12-02", endDate: "2026-12-02" };
  if (path.endsWith("/tasks") && method === "post") return { name: "x", effortHours: 1 };
  if (path.endsWith("/remaining")) return { remainingHours: 1 };
  if (path.endsWith("/save-as-template")) return { name: "x" };
  if (path.endsWith("/what-ifs/apply"))
    return { revision: "x", changes: [{ kind: "assign", taskId: "x", memberId: "x" }] };
  if (path.endsWith("/aftersales/cases/{id}/transitions")) return { to: "in_progress", version: 1 };
  if (path.endsWith("/aftersales/cases/{id}/assign")) return { memberId: "x", version: 1 };
  if (path.endsWith("/aftersales/followups/{id}/outcome"))
    return { outcome: "no_answer", version: 1 };
  if (path.endsWith("/aftersales/mappings/{id}") && method === "put")
    return {
      version: 1,
      name: "x",
      mapping: { columns: { caseId: "a", orderId: "b", type: "c", state: "d", openedAt: "e" } },
    };
  if (path.endsWith("/mappings"))
    return { name: "x", mapping: { fields: { orderId: "a", orderTotal: "b" } } };
  if (path.endsWith("/pay-plans/{id}/versions"))
    return { version: 1, effectiveFrom: "2027-01-01", definition: PAY_PLAN_TEMPLATES[0]!.plan };
  if (path.endsWith("/pay-plans/{id}/assignments"))
    return { targetType: "member", targetId: "x", effectiveFrom: "2027-01-01" };
  if (path.endsWith("/pay-runs/{id}/lock")) return { version: 1 };
  if (path.startsWith("/api/v1/goals/{id}/return")) return { version: 1, comment: "x" };
  if (path.startsWith("/api/v1/goals/{id}/") || path.endsWith("/finalize")) return { version: 1 };
  if (path.endsWith("/assessments/{memberId}") && method === "put")
    return { version: 0, report: "x", goals: [] };
  if (path.endsWith("/review")) return { version: 1, comment: "x", goals: [] };
  if (path.endsWith("/owner")) return { version: 1, memberId: null };
  if (path.endsWith("/visitors") && method === "put")
    return { days: [{ date: "2026-12-01", visitors: 1 }] };
  if (path.endsWith("/parcels/{id}/waybill")) return { waybill: "SF1234567890" };
  if (path.endsWith("/logistics/mappings/{id}") && method !== "delete")
    return { version: 1, name: "x", mapping: {} };
  if (path.endsWith("/logistics/bill-mappings/{id}") && method !== "delete")
    return { version: 1, name: "x", waybill: "运单号", fee: "运费" };
  if (
    path.startsWith("/api/v1/logistics/") &&
    (method === "post" || method === "put" || method === "patch")
  )
    return { version: 1 };
  if (path.includes("/imports") && method === "post" && !path.endsWith("/rollback"))
    return { uploadIds: ["x"] };
  return method === "get" || method === "delete" ? undefined : {};
}

for (const dialect of DIALECTS) {
  describe(`workspace isolation on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => t.close());

    it("answers 404 for another workspace's records on every route with an id", async () => {
      const a = (await signupClient(t.app)).client;
      const b = (await signupClient(t.app)).client;
      await seed(a);
      const bIds = await seed(b);
      const bMemberNotification = await t.tdb.database.db
        .selectFrom("notifications")
        .select("id")
        .where("memberId", "=", bIds.members!)
        .executeTakeFirstOrThrow();
      bIds.notifications = bMemberNotification.id;
      // A pay run needs a month of shop data; B's run is written directly so its id routes are walked.
      const bWorkspace = (await b.get<{ workspace: { id: string } }>("/api/v1/me")).body.workspace
        .id;
      bIds["pay-runs"] = "019a0000-0000-7000-8000-0000000000b1";
      await t.tdb.database.db
        .insertInto("payRuns")
        .values({
          workspaceId: bWorkspace,
          id: bIds["pay-runs"],
          period: "2026-10",
          fromDate: "2026-10-01",
          toDate: "2026-10-31",
          status: "draft",
          inputs: "[]",
          totalFen: 0,
          computedAt: "2026-11-01T00:00:00.000Z",
          createdBy: null,
          lockedBy: null,
          lockedAt: null,
          version: 1,
          createdAt: "2026-11-01T00:00:00.000Z",
        })
        .execute();
      Object.assign(bIds, await seedLogistics(t, bWorkspace, bIds.shops!));
      Object.assign(bIds, await seedAftersales(t, bWorkspace, bIds.shops!));
      // A customer is its shop and the key the import gave its orders (no stored id).
      const bOrder = await t.tdb.database.db
        .selectFrom("orders")
        .select("customerKey")
        .where("id", "=", bIds.orders!)
        .executeTakeFirstOrThrow();
      bIds.customers = customerId(bIds.shops!, bOrder.customerKey!);
      const doc = (
        await a.get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json")
      ).body;
      const checked: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (!path.includes("{id}")) continue;
        const parts = path.split("/");
        const segment =
          parts[3] === "logistics" || parts[3] === "aftersales"
            ? `${parts[3]}/${parts[4]}`
            : parts[3]!;
        const resource = segment === "today" ? "tasks" : segment;
        const id = bIds[resource];
        expect(id, `no seeded record for ${path}`).toBeDefined();
        for (const method of Object.keys(ops)) {
          const query = path.endsWith("/uploads")
            ? "?fileName=x.csv"
            : path.startsWith("/api/v1/pay-runs/{id}/export")
              ? "?format=csv"
              : path.endsWith("/visitors") && method === "get"
                ? "?from=2026-12-01&to=2026-12-02"
                : "";
          const url =
            path
              .replace("{id}", id!)
              .replace("{leaveId}", bIds.leaveId!)
              .replace("{mappingId}", bIds.mappingId!)
              .replace("{memberId}", bIds.members!) + query;
          const res = await a.req(method.toUpperCase() as "GET", url, bodyFor(method, path));
          expect(res.status, `${method.toUpperCase()} ${path} → ${res.raw}`).toBe(404);
          checked.push(`${method} ${path}`);
        }
      }
      expect(checked.length).toBeGreaterThanOrEqual(12);
      // And B's records are all still there, untouched.
      expect((await b.get(`/api/v1/members/${bIds.members}`)).status).toBe(200);
      expect((await b.get(`/api/v1/customers/${bIds.customers}`)).status).toBe(200);
      expect(
        (await b.get<{ items: { id: string }[] }>("/api/v1/tokens")).body.items.map((x) => x.id),
      ).toContain(bIds.tokens);
    });
  });
}
