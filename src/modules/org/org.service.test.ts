import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { failure, outcomeKind } from "../../../test/helpers/errors.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import { buildMember, buildWorkspace, services } from "../../../test/helpers/factories.js";

const kindOf = outcomeKind;

for (const dialect of DIALECTS) {
  describe(`organisation services on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database);
    });
    afterAll(async () => tdb.cleanup());

    it("applies the e-commerce template: four departments with their skills, and again without duplicates", async () => {
      const { owner } = await buildWorkspace(s);
      await s.workspaces.applyTemplate(owner, "ecommerce", "zh-CN");
      await s.workspaces.applyTemplate(owner, "ecommerce", "zh-CN");
      const deps = await s.departments.list(owner);
      expect(deps.map((d) => d.name)).toEqual(["运营", "设计", "客服", "物流"]);
      const skills = await s.skills.list(owner);
      expect(skills.map((k) => k.name)).toContain("主图设计");
      expect(new Set(skills.map((k) => k.name)).size).toBe(skills.length);
    });

    it("adds a member with skills and levels, who can then sign in", async () => {
      const { owner } = await buildWorkspace(s, { template: "ecommerce" });
      const design = (await s.departments.list(owner)).find((d) => d.name === "设计")!;
      const mainImage = (await s.skills.list(owner)).find((k) => k.name === "主图设计")!;
      const { member, email, password } = await buildMember(s, owner, {
        name: "郑小雅",
        departmentId: design.id,
        skills: [{ skillId: mainImage.id, level: 4 }],
      });
      expect(member.skills).toEqual([{ skillId: mainImage.id, name: "主图设计", level: 4 }]);
      expect((await s.departments.list(owner)).find((d) => d.id === design.id)!.memberCount).toBe(
        1,
      );
      const session = await s.auth.login({ email, password }, "10.0.0.1");
      const ctx = await s.auth.resolveSession(session.token);
      expect(ctx?.member.id).toBe(member.id);
    });

    it("refuses a stale update with a conflict and keeps the first writer's change", async () => {
      const { owner } = await buildWorkspace(s);
      const { member } = await buildMember(s, owner, { name: "A" });
      await s.members.update(owner, member.id, { version: member.version, title: "First" });
      expect(
        await kindOf(
          s.members.update(owner, member.id, { version: member.version, title: "Second" }),
        ),
      ).toBe("conflict");
      expect((await s.members.get(owner, member.id)).title).toBe("First");
    });

    it("lets a lead manage their own department only, and a member only themselves", async () => {
      const { owner } = await buildWorkspace(s, { template: "ecommerce" });
      const deps = await s.departments.list(owner);
      const cs = deps.find((d) => d.name === "客服")!;
      const ops = deps.find((d) => d.name === "运营")!;
      const lead = await buildMember(s, owner, { name: "王芳", departmentId: cs.id });
      await s.departments.update(owner, cs.id, {
        version: cs.version,
        leadMemberId: lead.member.id,
      });
      const leadActor = { ...lead.actor, role: "lead" as const };
      const inCs = await buildMember(s, owner, { name: "刘婷", departmentId: cs.id });
      const inOps = await buildMember(s, owner, { name: "陈思远", departmentId: ops.id });

      expect(
        await kindOf(
          s.members.update(leadActor, inCs.member.id, {
            version: inCs.member.version,
            title: "售前客服",
          }),
        ),
      ).toBe("ok");
      expect(
        await kindOf(
          s.members.update(leadActor, inOps.member.id, {
            version: inOps.member.version,
            title: "x",
          }),
        ),
      ).toBe("forbidden");
      expect(
        await kindOf(
          s.members.update(leadActor, inCs.member.id, {
            version: inCs.member.version + 1,
            role: "owner",
          }),
        ),
      ).toBe("forbidden");
      expect(
        await kindOf(s.departments.update(leadActor, ops.id, { version: ops.version, name: "x" })),
      ).toBe("forbidden");
      expect(await kindOf(s.workspaces.update(leadActor, { version: 1, name: "x" }))).toBe(
        "forbidden",
      );

      const me = inCs.actor;
      const fresh = await s.members.get(owner, inCs.member.id);
      expect(
        await kindOf(
          s.members.update(me, me.memberId, {
            version: fresh.version,
            name: "刘婷婷",
            hoursPerDay: 6,
          }),
        ),
      ).toBe("ok");
      expect(
        await kindOf(
          s.members.update(me, me.memberId, { version: fresh.version + 1, role: "lead" }),
        ),
      ).toBe("forbidden");
      expect(
        await kindOf(
          s.members.addLeave(me, me.memberId, { startDate: "2026-12-01", endDate: "2026-12-02" }),
        ),
      ).toBe("ok");
      expect(
        await kindOf(
          s.members.addLeave(me, inOps.member.id, {
            startDate: "2026-12-01",
            endDate: "2026-12-02",
          }),
        ),
      ).toBe("forbidden");
      expect(await kindOf(s.audit.list(leadActor, { limit: 10 }))).toBe("forbidden");
    });

    it("never shows one workspace's records to another", async () => {
      const a = await buildWorkspace(s, { template: "ecommerce" });
      const b = await buildWorkspace(s, { template: "ecommerce" });
      const bMember = await buildMember(s, b.owner, { name: "B's" });
      const bDep = (await s.departments.list(b.owner))[0]!;
      const bSkill = (await s.skills.list(b.owner))[0]!;
      expect(await kindOf(s.members.get(a.owner, bMember.member.id))).toBe("not_found");
      expect(
        await kindOf(s.members.update(a.owner, bMember.member.id, { version: 1, name: "x" })),
      ).toBe("not_found");
      expect(await kindOf(s.departments.update(a.owner, bDep.id, { version: 1, name: "x" }))).toBe(
        "not_found",
      );
      expect(await kindOf(s.skills.delete(a.owner, bSkill.id))).toBe("not_found");
      expect(
        await kindOf(
          s.members.create(a.owner, {
            name: "x",
            email: "x-cross@example.com",
            password: "member-pass",
            departmentId: bDep.id,
          }),
        ),
      ).toBe("invalid");
      expect(
        await kindOf(
          s.members.setSkills(a.owner, (await s.members.list(a.owner, { limit: 5 })).items[0]!.id, [
            { skillId: bSkill.id, level: 3 },
          ]),
        ),
      ).toBe("invalid");
      expect((await s.members.list(a.owner, { limit: 50 })).items.map((m) => m.id)).not.toContain(
        bMember.member.id,
      );
    });

    it("keeps history when a member is deactivated: they can no longer sign in, and the last owner stays", async () => {
      const { owner } = await buildWorkspace(s);
      const m = await buildMember(s, owner, { name: "Leaver" });
      const session = await s.auth.login({ email: m.email, password: m.password }, "10.0.0.2");
      await s.members.setStatus(owner, m.member.id, "inactive");
      expect(await s.auth.resolveSession(session.token)).toBeUndefined();
      expect(await kindOf(s.auth.login({ email: m.email, password: m.password }, "10.0.0.2"))).toBe(
        "unauthorized",
      );
      expect((await s.members.get(owner, m.member.id)).status).toBe("inactive");
      expect(await kindOf(s.members.setStatus(owner, owner.memberId, "inactive"))).toBe("conflict");
      const log = await s.audit.list(owner, { limit: 50 });
      expect(log.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(["member.create", "member.deactivate"]),
      );
    });

    it("refuses a department cycle and deleting a department that has sub-departments", async () => {
      const { owner } = await buildWorkspace(s);
      const top = await s.departments.create(owner, { name: "销售" });
      const sub = await s.departments.create(owner, { name: "电商", parentId: top.id });
      expect(
        await kindOf(
          s.departments.update(owner, top.id, { version: top.version, parentId: sub.id }),
        ),
      ).toBe("invalid");
      expect(await kindOf(s.departments.delete(owner, top.id))).toBe("conflict");
      await s.departments.delete(owner, sub.id);
      await s.departments.delete(owner, top.id);
      expect(await s.departments.list(owner)).toEqual([]);
    });

    it("lets only an owner make someone an owner (member.grant_owner): promoting, inviting", async () => {
      const { owner } = await buildWorkspace(s, { template: "ecommerce" });
      const cs = (await s.departments.list(owner)).find((d) => d.name === "客服")!;
      const lead = await buildMember(s, owner, { name: "王芳", departmentId: cs.id });
      await s.departments.update(owner, cs.id, {
        version: cs.version,
        leadMemberId: lead.member.id,
      });
      const leadActor = { ...lead.actor, role: "lead" as const };
      const inCs = await buildMember(s, owner, { name: "刘婷", departmentId: cs.id });
      const codeOf = async (p: Promise<unknown>) => (await failure(p))?.coded?.code ?? "ok";

      expect(
        await codeOf(
          s.members.update(leadActor, inCs.member.id, {
            version: inCs.member.version,
            role: "owner",
          }),
        ),
      ).toBe("org.member.owner_only_owner");
      expect(
        await codeOf(
          s.invitations.create(leadActor, {
            email: "boss@example.com",
            role: "owner",
            departmentId: cs.id,
          }),
        ),
      ).toBe("org.invitation.forbidden");
      // The same lead may invite a member into their department; the owner may make an owner.
      expect(
        await codeOf(
          s.invitations.create(leadActor, {
            email: "m@example.com",
            role: "member",
            departmentId: cs.id,
          }),
        ),
      ).toBe("ok");
      expect(
        await codeOf(
          s.members.update(owner, inCs.member.id, { version: inCs.member.version, role: "owner" }),
        ),
      ).toBe("ok");
    });

    it("invites someone by link; the link works once", async () => {
      const { owner } = await buildWorkspace(s, { name: "Invite shop" });
      const inv = await s.invitations.create(owner, {
        email: "newbie@example.com",
        role: "member",
      });
      expect(await s.invitations.lookup(inv.token)).toMatchObject({
        workspaceName: "Invite shop",
        email: "newbie@example.com",
      });
      const joined = await s.invitations.acceptAsNewUser(
        { token: inv.token, name: "Newbie", email: "newbie@example.com", password: "newbie-pass" },
        "10.9.9.9",
      );
      expect(joined.workspaceId).toBe(owner.workspaceId);
      expect(
        await kindOf(
          s.invitations.acceptAsNewUser(
            {
              token: inv.token,
              name: "Again",
              email: "newbie@example.com",
              password: "newbie-pass",
            },
            "10.9.9.9",
          ),
        ),
      ).toBe("not_found");
      expect((await s.members.list(owner, { limit: 50 })).items.map((m) => m.name)).toContain(
        "Newbie",
      );
    });
  });
}
