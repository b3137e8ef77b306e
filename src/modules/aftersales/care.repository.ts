// Quality cases in the database (docs/AFTERSALES.md, "Quality cases"): the workspace's threshold and
// follow-up rules (one settings row, each part with its own version), the cases that may be quality
// cases with their SKUs, the tasks quality cases opened and whether each is still open, and each SKU's
// claim on its one open task (insert or nothing, so two checks at once open one). Every method takes
// the workspace id.
import type { Executor } from "../../db/database.js";
import type { AftersalesCareSettingsTable, AftersalesQualityTasksTable } from "../../db/schema.js";

export type CareSettingsRow = AftersalesCareSettingsTable;
export type QualityTaskRow = AftersalesQualityTasksTable;

export interface QualityCandidate {
  id: string;
  platform: string;
  reason: string | null;
  openedAt: string;
  orderId: string | null;
}

export class CareRepository {
  constructor(private readonly db: Executor) {}

  async settings(workspaceId: string): Promise<CareSettingsRow | undefined> {
    const r = await this.db
      .selectFrom("aftersalesCareSettings")
      .selectAll()
      .where("workspaceId", "=", workspaceId)
      .executeTakeFirst();
    return (
      r && {
        ...r,
        qualityMinCases: Number(r.qualityMinCases),
        qualityWindowDays: Number(r.qualityWindowDays),
        qualityVersion: Number(r.qualityVersion),
        rulesVersion: Number(r.rulesVersion),
      }
    );
  }

  /**
   * Writes one part of the settings when its version is still `version` (0: never saved); false when
   * stale. The row is created on the first save of either part.
   */
  async putSettings(
    workspaceId: string,
    part: "quality" | "rules",
    version: number,
    fields: Partial<CareSettingsRow>,
    at: string,
    by: string,
  ): Promise<boolean> {
    await this.db
      .insertInto("aftersalesCareSettings")
      .values({
        workspaceId,
        qualityMinCases: 3,
        qualityWindowDays: 7,
        qualityVersion: 0,
        followupRules: "[]",
        rulesVersion: 0,
        updatedAt: at,
        updatedBy: by,
      })
      .onConflict((oc) => oc.column("workspaceId").doNothing())
      .execute();
    const column = part === "quality" ? "qualityVersion" : "rulesVersion";
    const r = await this.db
      .updateTable("aftersalesCareSettings")
      .set({ ...fields, [column]: version + 1, updatedAt: at, updatedBy: by })
      .where("workspaceId", "=", workspaceId)
      .where(column, "=", version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * The workspaces that have saved follow-up rules (any workspace: the server's sweep), by id. A
   * workspace whose rules are all off is still listed; making its follow-ups makes none.
   */
  async workspacesWithFollowupRules(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("aftersalesCareSettings")
      .select("workspaceId")
      .where("followupRules", "!=", "[]")
      .orderBy("workspaceId")
      .execute();
    return rows.map((r) => r.workspaceId);
  }

  /** Cases opened since `since` whose reason may be a quality reason (with a reason at all). */
  candidates(workspaceId: string, since: string): Promise<QualityCandidate[]> {
    return this.db
      .selectFrom("aftersalesCases")
      .select(["id", "platform", "reason", "openedAt", "orderId"])
      .where("workspaceId", "=", workspaceId)
      .where("openedAt", ">=", since)
      .where("reason", "is not", null)
      .orderBy("openedAt")
      .orderBy("id")
      .execute();
  }

  /** The SKUs each case is about: its own lines, else (no lines: the whole order) its order's. */
  async skus(
    workspaceId: string,
    cases: readonly QualityCandidate[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (cases.length === 0) return out;
    const add = (id: string, sku: string | null) => {
      const s = sku?.trim();
      if (!s) return;
      const list = out.get(id) ?? [];
      if (!list.includes(s)) list.push(s);
      out.set(id, list);
    };
    for (let i = 0; i < cases.length; i += 500) {
      const ids = cases.slice(i, i + 500).map((c) => c.id);
      const lines = await this.db
        .selectFrom("aftersalesCaseLines")
        .select(["caseId", "sku"])
        .where("workspaceId", "=", workspaceId)
        .where("caseId", "in", ids)
        .execute();
      for (const l of lines) add(l.caseId, l.sku);
    }
    const whole = cases.filter((c) => !out.has(c.id) && c.orderId);
    const byOrder = new Map<string, string[]>();
    for (const c of whole) byOrder.set(c.orderId!, [...(byOrder.get(c.orderId!) ?? []), c.id]);
    const orderIds = [...byOrder.keys()];
    for (let i = 0; i < orderIds.length; i += 500) {
      const items = await this.db
        .selectFrom("orderItems")
        .select(["orderId", "sku"])
        .where("workspaceId", "=", workspaceId)
        .where("orderId", "in", orderIds.slice(i, i + 500))
        .execute();
      for (const it of items) for (const id of byOrder.get(it.orderId) ?? []) add(id, it.sku);
    }
    return out;
  }

  /** Quality tasks opened since `since`, newest first, with their plan task's state (null: deleted). */
  tasksSince(workspaceId: string, since: string) {
    return this.db
      .selectFrom("aftersalesQualityTasks as q")
      .leftJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "q.workspaceId").onRef("t.id", "=", "q.taskId"),
      )
      .selectAll("q")
      .select(["t.status as taskStatus", "t.name as taskName", "t.assigneeMemberId"])
      .where("q.workspaceId", "=", workspaceId)
      .where("q.openedAt", ">=", since)
      .orderBy("q.openedAt", "desc")
      .orderBy("q.id", "desc")
      .execute();
  }

  /** The SKUs that have a quality task still open (its plan task exists and is not done). */
  async openSkus(workspaceId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom("aftersalesQualityTasks as q")
      .innerJoin("planTasks as t", (j) =>
        j.onRef("t.workspaceId", "=", "q.workspaceId").onRef("t.id", "=", "q.taskId"),
      )
      .select("q.sku")
      .where("q.workspaceId", "=", workspaceId)
      .where("t.status", "!=", "done")
      .execute();
    return new Set(rows.map((r) => r.sku));
  }

  /** The plan the last quality task of a department went to, when it is still active. */
  async lastPlan(workspaceId: string, departmentId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("aftersalesQualityTasks as q")
      .innerJoin("plans as p", (j) =>
        j.onRef("p.workspaceId", "=", "q.workspaceId").onRef("p.id", "=", "q.planId"),
      )
      .select("q.planId")
      .where("q.workspaceId", "=", workspaceId)
      .where("q.departmentId", "=", departmentId)
      .where("p.status", "in", ["draft", "active"])
      .orderBy("q.openedAt", "desc")
      .executeTakeFirst();
    return r?.planId ?? null;
  }

  async insertTask(row: QualityTaskRow): Promise<void> {
    await this.db.insertInto("aftersalesQualityTasks").values(row).execute();
  }

  /**
   * Releases the SKUs' claims whose task is done or gone, and those a check took before
   * `staleBefore` without opening its task (it failed or stopped): in one statement, so a claim
   * whose task another check has just opened is kept.
   */
  async releaseClaims(workspaceId: string, staleBefore: string): Promise<void> {
    await this.db
      .deleteFrom("aftersalesQualityClaims as c")
      .where("c.workspaceId", "=", workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([
            eb("c.taskId", "is not", null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("planTasks as t")
                  .select("t.id")
                  .whereRef("t.workspaceId", "=", "c.workspaceId")
                  .whereRef("t.id", "=", "c.taskId")
                  .where("t.status", "!=", "done"),
              ),
            ),
          ]),
          eb.and([eb("c.taskId", "is", null), eb("c.claimedAt", "<", staleBefore)]),
        ]),
      )
      .execute();
  }

  /**
   * Claims a SKU for a new quality task: true when this check took it, false when another holds it
   * (an open task, or a check opening one now). Insert or nothing on the primary key.
   */
  async claim(workspaceId: string, sku: string, at: string): Promise<boolean> {
    const r = await this.db
      .insertInto("aftersalesQualityClaims")
      .values({ workspaceId, sku, taskId: null, claimedAt: at })
      .onConflict((oc) => oc.columns(["workspaceId", "sku"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Gives back a claim whose task could not be opened. */
  async unclaim(workspaceId: string, sku: string): Promise<void> {
    await this.db
      .deleteFrom("aftersalesQualityClaims")
      .where("workspaceId", "=", workspaceId)
      .where("sku", "=", sku)
      .where("taskId", "is", null)
      .execute();
  }

  /** The task the claim opened (in the transaction that records the task). */
  async claimed(workspaceId: string, sku: string, taskId: string): Promise<void> {
    await this.db
      .updateTable("aftersalesQualityClaims")
      .set({ taskId })
      .where("workspaceId", "=", workspaceId)
      .where("sku", "=", sku)
      .execute();
  }

  /** The workspace's owner (the system opens quality tasks on the owner's authority) and locale. */
  async ownerAndLocale(workspaceId: string) {
    const [owner, ws] = await Promise.all([
      this.db
        .selectFrom("members")
        .select(["id", "userId", "departmentId"])
        .where("workspaceId", "=", workspaceId)
        .where("role", "=", "owner")
        .where("status", "=", "active")
        .orderBy("createdAt")
        .executeTakeFirst(),
      this.db
        .selectFrom("workspaces")
        .select(["locale", "timeZone"])
        .where("id", "=", workspaceId)
        .executeTakeFirstOrThrow(),
    ]);
    return { owner, locale: ws.locale, timeZone: ws.timeZone };
  }

  /**
   * A department's skills that some of its active members hold (by name), and its active members
   * (by name), for giving it a task.
   */
  async departmentPeople(workspaceId: string, departmentId: string) {
    const [skills, members] = await Promise.all([
      this.db
        .selectFrom("skills as s")
        .innerJoin("memberSkills as ms", (j) =>
          j.onRef("ms.workspaceId", "=", "s.workspaceId").onRef("ms.skillId", "=", "s.id"),
        )
        .innerJoin("members as m", (j) =>
          j.onRef("m.workspaceId", "=", "ms.workspaceId").onRef("m.id", "=", "ms.memberId"),
        )
        .select(["s.id", "s.name"])
        .distinct()
        .where("s.workspaceId", "=", workspaceId)
        .where("s.departmentId", "=", departmentId)
        .where("m.departmentId", "=", departmentId)
        .where("m.status", "=", "active")
        .orderBy("s.name")
        .orderBy("s.id")
        .execute(),
      this.db
        .selectFrom("members")
        .select(["id", "name"])
        .where("workspaceId", "=", workspaceId)
        .where("departmentId", "=", departmentId)
        .where("status", "=", "active")
        .orderBy("name")
        .orderBy("id")
        .execute(),
    ]);
    return { skills, members };
  }
}
