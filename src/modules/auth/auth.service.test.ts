import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../server/services.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../../../test/helpers/db.js";
import {
  buildWorkspace,
  frozenClock,
  services,
  uniqueEmail,
} from "../../../test/helpers/factories.js";

for (const dialect of DIALECTS) {
  describe(`accounts and sessions on ${dialect}`, () => {
    let tdb: TestDatabase;
    let s: Services;
    const clock = frozenClock();
    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      s = services(tdb.database, clock);
    });
    afterAll(async () => tdb.cleanup());

    it("stores no password or token in clear", async () => {
      const { email, token } = await buildWorkspace(s);
      const user = await tdb.database.db
        .selectFrom("users")
        .selectAll()
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      expect(user.passwordHash).toMatch(/^scrypt\$/);
      expect(user.passwordHash).not.toContain("owner-password");
      const sessions = await tdb.database.db
        .selectFrom("sessions")
        .select("id")
        .where("userId", "=", user.id)
        .execute();
      expect(sessions.map((r) => r.id)).not.toContain(token);
    });

    it("answers a wrong password and an unknown email the same way, then throttles", async () => {
      const { email } = await buildWorkspace(s);
      const wrong = await s.auth
        .login({ email, password: "nope-nope" }, "10.1.1.1")
        .catch((e: Error) => e.message);
      const unknown = await s.auth
        .login({ email: uniqueEmail(), password: "nope-nope" }, "10.1.1.1")
        .catch((e: Error) => e.message);
      expect(wrong).toBe(unknown);
      for (let i = 0; i < 9; i++)
        await s.auth.login({ email, password: "nope-nope" }, "10.1.1.1").catch(() => undefined);
      await expect(
        s.auth.login({ email, password: "owner-password" }, "10.1.1.1"),
      ).rejects.toMatchObject({ kind: "too_many_requests" });
      // Another address is not locked out, and the window passes.
      await expect(
        s.auth.login({ email, password: "owner-password" }, "10.1.1.2"),
      ).resolves.toHaveProperty("token");
      clock.advance(16 * 60_000);
      await expect(
        s.auth.login({ email, password: "owner-password" }, "10.1.1.1"),
      ).resolves.toHaveProperty("token");
    });

    it("expires sessions, ends one on logout and all on logout everywhere", async () => {
      const { email, token } = await buildWorkspace(s);
      const second = await s.auth.login({ email, password: "owner-password" }, "10.2.2.2");
      const ctx = (await s.auth.resolveSession(token))!;
      await s.auth.logout(token);
      expect(await s.auth.resolveSession(token)).toBeUndefined();
      expect(await s.auth.resolveSession(second.token)).toBeDefined();
      const third = await s.auth.login({ email, password: "owner-password" }, "10.2.2.2");
      await s.auth.logoutEverywhere({
        userId: ctx.user.id,
        memberId: ctx.member.id,
        workspaceId: ctx.workspace.id,
        role: "owner",
        departmentId: null,
        via: "session",
      });
      expect(await s.auth.resolveSession(second.token)).toBeUndefined();
      expect(await s.auth.resolveSession(third.token)).toBeUndefined();
      const fourth = await s.auth.login({ email, password: "owner-password" }, "10.2.2.2");
      clock.advance(31 * 86_400_000);
      expect(await s.auth.resolveSession(fourth.token)).toBeUndefined();
    });

    it("issues API tokens that act as their member until revoked", async () => {
      const { owner } = await buildWorkspace(s);
      const created = await s.tokens.create(owner, "nightly import");
      expect(created.token).toMatch(/^dct_/);
      expect(await s.tokens.resolve(created.token)).toMatchObject({
        session: { id: created.id, expiresAt: null },
        member: { id: owner.memberId },
        workspace: { id: owner.workspaceId },
      });
      expect((await s.tokens.list(owner)).map((t) => t.name)).toEqual(["nightly import"]);
      await s.tokens.revoke(owner, created.id);
      expect(await s.tokens.resolve(created.token)).toBeUndefined();
      expect(await s.tokens.list(owner)).toEqual([]);
    });
  });
}
