// The audit log reads as sentences with names, in the reader's language: entries are stored as
// {code, params} with the names at the time, and rendered when read. Entries written before
// messages existed are read as the same sentences where their data allows, else as their old text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessage } from "../../core/messages/index.js";
import type { Services } from "../../server/services.js";
import { failure } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildMember, buildWorkspace, services } from "../../../test/helpers/factories.js";
import { AuditRepository } from "./audit.repository.js";

for (const dialect of DIALECTS) {
  describe(`the audit log on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    const sentences = async (
      owner: Parameters<Services["audit"]["list"]>[0],
      locale: "en" | "zh-CN",
    ) => (await s.audit.list(owner, { limit: 50 }, locale)).items.map((e) => e.summary);

    it("reads “王芳 把 李雷 调到了 设计部” in Chinese and “王芳 moved 李雷 to 设计部” in English, with the names at the time", async () => {
      const { owner } = await buildWorkspace(s);
      await s.auth.updateProfile(owner, { name: "王芳" });
      const design = await s.departments.create(owner, { name: "设计部" });
      const { member } = await buildMember(s, owner, { name: "李雷" });
      await s.members.update(owner, member.id, {
        version: member.version,
        departmentId: design.id,
      });
      const [moved] = (await s.audit.list(owner, { limit: 1 }, "zh-CN")).items;
      expect(moved).toMatchObject({
        action: "member.update",
        entityId: member.id,
        summary: "王芳 把 李雷 调到了 设计部",
        message: {
          code: "audit.member.move",
          params: {
            actor: "王芳",
            actorId: owner.memberId,
            member: "李雷",
            memberId: member.id,
            department: "设计部",
            departmentId: design.id,
          },
        },
      });
      expect(renderMessage("en", moved!.message)).toBe("王芳 moved 李雷 to 设计部");
      expect((await s.audit.list(owner, { limit: 1 }, "en")).items[0]!.summary).toBe(
        "王芳 moved 李雷 to 设计部",
      );

      // Renamed later, the entry keeps the names it was written with.
      await s.auth.updateProfile(owner, { name: "王芳芳" });
      await s.departments.update(owner, design.id, { version: design.version, name: "视觉部" });
      expect(await sentences(owner, "zh-CN")).toEqual([
        "王芳芳 把部门 设计部 改名为 视觉部",
        "王芳 把 李雷 调到了 设计部",
        "王芳 添加了成员 李雷（" + (await s.members.get(owner, member.id)).email + "）",
        "王芳 新建了部门 设计部",
        "Owner 创建了工作区 Test shop",
      ]);
      expect((await sentences(owner, "en"))[0]).toBe(
        "王芳芳 renamed the department 设计部 to 视觉部",
      );
    });

    it("names the lead, the role and the days off, and never shows a raw id", async () => {
      const { owner } = await buildWorkspace(s);
      const ops = await s.departments.create(owner, { name: "Operations" });
      const { member } = await buildMember(s, owner, { name: "Li Lei", departmentId: ops.id });
      await s.departments.update(owner, ops.id, { version: ops.version, leadMemberId: member.id });
      await s.members.addLeave(owner, member.id, {
        startDate: "2026-10-08",
        endDate: "2026-10-09",
      });
      const en = await sentences(owner, "en");
      expect(en.slice(0, 3)).toEqual([
        "Owner recorded days off for Li Lei from 2026-10-08 to 2026-10-09",
        "Owner made Li Lei the lead of Operations",
        "Owner changed Li Lei's role to lead",
      ]);
      expect((await sentences(owner, "zh-CN")).slice(0, 3)).toEqual([
        "Owner 为 Li Lei 登记了休假：2026-10-08 至 2026-10-09",
        "Owner 任命 Li Lei 为 Operations 的主管",
        "Owner 把 Li Lei 的角色改为主管",
      ]);
      for (const line of en) expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    });

    it("reads entries written before messages as sentences where their data names the change, else as their old text", async () => {
      const { owner } = await buildWorkspace(s);
      await s.auth.updateProfile(owner, { name: "王芳" });
      const { member } = await buildMember(s, owner, { name: "李雷" });
      const repo = new AuditRepository(tdb.database.db);
      const old = { workspaceId: owner.workspaceId, actorMemberId: owner.memberId };
      await repo.record({
        ...old,
        action: "member.deactivate",
        entityType: "member",
        entityId: member.id,
        summary: "Deactivated member 李雷",
        before: { status: "active" },
        after: { status: "inactive" },
        at: "2026-01-01T00:00:00.000Z",
      });
      await repo.record({
        ...old,
        action: "token.create",
        entityType: "api_token",
        entityId: "t1",
        summary: "Created API token deploy",
        at: "2026-01-02T00:00:00.000Z",
      });
      await repo.record({
        ...old,
        actorMemberId: null,
        action: "calendar.day.put",
        entityType: "calendar",
        entityId: "2026-06-01",
        summary: "2026-06-01: holiday 店庆",
        after: { date: "2026-06-01", kind: "holiday", name: "店庆" },
        at: "2026-01-03T00:00:00.000Z",
      });
      const zh = await sentences(owner, "zh-CN");
      expect(zh.slice(0, 3)).toEqual([
        "系统 把 2026-06-01 设为休息日（店庆）",
        "王芳：Created API token deploy",
        "王芳 停用了 李雷 的账号",
      ]);
      expect((await sentences(owner, "en")).slice(0, 3)).toEqual([
        "Dayclear made 2026-06-01 a day off (店庆)",
        "王芳: Created API token deploy",
        "王芳 deactivated 李雷",
      ]);
    });

    it("is the owner's to read", async () => {
      const { owner } = await buildWorkspace(s);
      const { actor } = await buildMember(s, owner, { role: "lead" });
      const refused = await failure(s.audit.list(actor, { limit: 10 }, "zh-CN"));
      expect([refused?.kind, refused?.coded?.code]).toEqual(["forbidden", "org.audit.owner_only"]);
    });
  });
}
