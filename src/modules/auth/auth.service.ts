import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS, type Locale } from "../../core/limits.js";
import { msg } from "../../core/messages/index.js";
import { findOrgTemplate, type OrgTemplateId } from "../../core/org/templates.js";
import { MemberRepository } from "../org/member.repository.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { WorkspaceService } from "../workspaces/workspace.service.js";
import { AuthRepository, type SessionContext } from "./auth.repository.js";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.js";
import { hashSecret, newSecret } from "./tokens.js";
import { AttemptThrottle } from "./throttle.js";
import { assertStrongPassword } from "./password-strength.js";
import { TokenRepository } from "../tokens/tokens.repository.js";

export interface NewSession {
  token: string;
  expiresAt: Date;
  /** The session's life in seconds, for the cookie's Max-Age (counted on the browser's clock). */
  maxAgeSeconds: number;
}

const DAY_MS = 86_400_000;

/** The one answer for an email that has an account, wherever an account would be created. */
export const emailTaken = () =>
  fail("invalid", "auth.email_taken", undefined, {
    fields: [fieldError("email", "auth.email_taken")],
  });

export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  async signup(input: {
    workspaceName: string;
    name: string;
    email: string;
    password: string;
    locale?: Locale;
    template?: OrgTemplateId;
  }): Promise<NewSession> {
    await assertStrongPassword("password", input.password, [
      input.email,
      input.name,
      input.workspaceName,
    ]);
    const passwordHash = await hashPassword(input.password);
    const { userId, workspaceId, memberId } = await this.deps.db
      .transaction()
      .execute(async (trx) => {
        const repo = new AuthRepository(trx);
        if (await repo.findUserByEmail(input.email)) throw emailTaken();
        const at = nowIso(this.deps);
        const userId = newId();
        await repo.createUser({
          id: userId,
          email: input.email,
          name: input.name.trim(),
          passwordHash,
          locale: input.locale ?? null,
          createdAt: at,
          updatedAt: at,
        });
        const w = await new WorkspaceService(this.deps).createIn(
          trx,
          { name: input.workspaceName, locale: input.locale },
          at,
        );
        const memberId = newId();
        await new MemberRepository(trx).create({
          workspaceId: w.id,
          id: memberId,
          userId,
          name: input.name.trim(),
          role: "owner",
          title: null,
          departmentId: null,
          status: "active",
          hoursPerDay: null,
          workweek: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        const actor: Actor = {
          userId,
          memberId,
          workspaceId: w.id,
          role: "owner",
          departmentId: null,
          via: "session",
        };
        await audit(trx, actor, at, {
          action: "workspace.create",
          entityType: "workspace",
          entityId: w.id,
          message: msg("audit.workspace.create", { workspace: w.name, workspaceId: w.id }),
        });
        return { userId, workspaceId: w.id, memberId };
      });
    if (input.template && findOrgTemplate(input.template)) {
      const actor: Actor = {
        userId,
        memberId,
        workspaceId,
        role: "owner",
        departmentId: null,
        via: "session",
      };
      await new WorkspaceService(this.deps).applyTemplate(actor, input.template, input.locale);
    }
    return this.createSession(userId, workspaceId);
  }

  /**
   * Signs in. Unknown email and wrong password give the same answer and cost the same time;
   * attempts from one address for one email, or from one address overall, are counted before the
   * password is checked (see AttemptThrottle), so past the limit even parallel tries get 429.
   */
  async login(
    input: { email: string; password: string; workspaceId?: string },
    ip: string,
  ): Promise<NewSession> {
    const email = input.email.toLowerCase();
    const perEmail = `login:${ip}:${email}`,
      perIp = `login-ip:${ip}`;
    const throttle = new AttemptThrottle(this.deps.db, this.deps.clock);
    await throttle.take([
      { key: perEmail, limit: LIMITS.loginMaxFailures },
      { key: perIp, limit: LIMITS.loginMaxFailures * 10 },
    ]);
    const repo = new AuthRepository(this.deps.db);
    const user = await repo.findUserByEmail(email);
    const ok = await verifyPassword(
      input.password,
      user?.passwordHash ?? (await dummyPasswordHash()),
    );
    const memberships = user && ok ? await repo.listMemberships(user.id) : [];
    const membership = input.workspaceId
      ? memberships.find((m) => m.workspaceId === input.workspaceId)
      : memberships[0];
    if (!user || !ok || !membership) throw fail("unauthorized", "auth.login_failed");
    await throttle.succeeded([perEmail], [perIp]);
    return this.createSession(user.id, membership.workspaceId);
  }

  async createSession(userId: string, workspaceId: string): Promise<NewSession> {
    const token = newSecret();
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + LIMITS.sessionDays * DAY_MS);
    await new AuthRepository(this.deps.db).createSession({
      id: hashSecret(token),
      userId,
      workspaceId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt, maxAgeSeconds: LIMITS.sessionDays * 86_400 };
  }

  resolveSession(token: string): Promise<SessionContext | undefined> {
    return new AuthRepository(this.deps.db).findSession(hashSecret(token), nowIso(this.deps));
  }

  async logout(token: string): Promise<void> {
    await new AuthRepository(this.deps.db).deleteSession(hashSecret(token));
  }

  /**
   * Signs the user out everywhere else: every other session ends (the caller's own, if any, stays),
   * and with `revokeApiTokens` every API token of the account too, in all its workspaces.
   */
  async logoutEverywhere(
    actor: Actor,
    currentSessionToken?: string,
    options: { revokeApiTokens?: boolean } = {},
  ) {
    return this.deps.db.transaction().execute(async (trx) => {
      const sessionsEnded = await new AuthRepository(trx).deleteSessionsOfUser(
        actor.userId,
        currentSessionToken && hashSecret(currentSessionToken),
      );
      const apiTokensRevoked = options.revokeApiTokens
        ? await new TokenRepository(trx).revokeAllOfUser(actor.userId, nowIso(this.deps))
        : 0;
      return { sessionsEnded, apiTokensRevoked };
    });
  }

  async memberships(actor: Actor) {
    return new AuthRepository(this.deps.db).listMemberships(actor.userId);
  }

  async updateProfile(
    actor: Actor,
    input: { name?: string; locale?: Locale | null },
  ): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      await new AuthRepository(trx).updateUser(
        actor.userId,
        {
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.locale !== undefined && { locale: input.locale }),
        },
        at,
      );
      if (input.name !== undefined)
        await new MemberRepository(trx).rename(
          actor.workspaceId,
          actor.memberId,
          input.name.trim(),
          at,
        );
    });
  }

  /**
   * Changes the password after checking the current one (throttled per account). Whoever knew the
   * old password may have signed in elsewhere or made an API token with it, so every other session
   * ends and the account's API tokens are revoked; the caller's own session stays.
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    currentSessionToken?: string,
  ): Promise<{ sessionsEnded: number; apiTokensRevoked: number }> {
    const repo = new AuthRepository(this.deps.db);
    const user = await repo.findUserById(actor.userId);
    if (!user) throw fail("unauthorized", "auth.not_signed_in");
    const throttle = new AttemptThrottle(this.deps.db, this.deps.clock);
    const key = `password:${user.id}`;
    await throttle.take([{ key, limit: LIMITS.loginMaxFailures }]);
    if (!(await verifyPassword(currentPassword, user.passwordHash)))
      throw fail("invalid", "auth.current_password_wrong", undefined, {
        fields: [fieldError("currentPassword", "auth.current_password_wrong")],
      });
    await throttle.succeeded([key]);
    await assertStrongPassword("newPassword", newPassword, [user.email, user.name]);
    const passwordHash = await hashPassword(newPassword);
    await repo.updateUser(actor.userId, { passwordHash }, nowIso(this.deps));
    return this.logoutEverywhere(actor, currentSessionToken, { revokeApiTokens: true });
  }
}
