import type { Actor } from "../../core/actor.js";
import { invalidField, tooManyRequests, unauthorized } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS, type Locale } from "../../core/limits.js";
import { findOrgTemplate, type OrgTemplateId } from "../../core/org/templates.js";
import { MemberRepository } from "../org/member.repository.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { WorkspaceService } from "../workspaces/workspace.service.js";
import { AuthRepository, type SessionContext } from "./auth.repository.js";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.js";
import { hashSecret, newSecret } from "./tokens.js";

export interface NewSession {
  token: string;
  expiresAt: Date;
}

const DAY_MS = 86_400_000;

export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  async signup(input: { workspaceName: string; name: string; email: string; password: string; locale?: Locale; template?: OrgTemplateId }): Promise<NewSession> {
    const passwordHash = await hashPassword(input.password);
    const { userId, workspaceId, memberId } = await this.deps.db.transaction().execute(async (trx) => {
      const repo = new AuthRepository(trx);
      if (await repo.findUserByEmail(input.email)) {
        throw invalidField("email", "This email already has an account; sign in instead");
      }
      const at = nowIso(this.deps);
      const userId = newId();
      await repo.createUser({ id: userId, email: input.email, name: input.name.trim(), passwordHash, locale: input.locale ?? null, createdAt: at, updatedAt: at });
      const w = await new WorkspaceService(this.deps).createIn(trx, { name: input.workspaceName, locale: input.locale }, at);
      const memberId = newId();
      await new MemberRepository(trx).create({
        workspaceId: w.id, id: memberId, userId, name: input.name.trim(), role: "owner", title: null, departmentId: null,
        status: "active", hoursPerDay: null, workweek: null, version: 1, createdAt: at, updatedAt: at,
      });
      const actor: Actor = { userId, memberId, workspaceId: w.id, role: "owner", departmentId: null, via: "session" };
      await audit(trx, actor, at, { action: "workspace.create", entityType: "workspace", entityId: w.id, summary: `Created workspace ${w.name}` });
      return { userId, workspaceId: w.id, memberId };
    });
    if (input.template && findOrgTemplate(input.template)) {
      const actor: Actor = { userId, memberId, workspaceId, role: "owner", departmentId: null, via: "session" };
      await new WorkspaceService(this.deps).applyTemplate(actor, input.template, input.locale);
    }
    return this.createSession(userId, workspaceId);
  }

  /**
   * Signs in. Unknown email and wrong password give the same answer and cost the same time;
   * repeated failures from one address for one email, or from one address overall, get 429.
   */
  async login(input: { email: string; password: string; workspaceId?: string }, ip: string): Promise<NewSession> {
    const email = input.email.toLowerCase();
    const keys = [`login:${ip}:${email}`, `login-ip:${ip}`];
    const limits = [LIMITS.loginMaxFailures, LIMITS.loginMaxFailures * 10];
    const repo = new AuthRepository(this.deps.db);
    const now = this.deps.clock();
    const windowMs = LIMITS.loginWindowMinutes * 60_000;
    for (const [i, key] of keys.entries()) {
      const a = await repo.getLoginAttempts(key);
      if (a && now.getTime() - Date.parse(a.windowStart) < windowMs && a.failures >= limits[i]!) {
        const retry = Math.ceil((Date.parse(a.windowStart) + windowMs - now.getTime()) / 1000);
        throw tooManyRequests("Too many sign-in attempts; try again later", retry);
      }
    }
    const user = await repo.findUserByEmail(email);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
    const memberships = user && ok ? await repo.listMemberships(user.id) : [];
    const membership = input.workspaceId ? memberships.find((m) => m.workspaceId === input.workspaceId) : memberships[0];
    if (!user || !ok || !membership) {
      for (const key of keys) {
        const a = await repo.getLoginAttempts(key);
        const fresh = !a || now.getTime() - Date.parse(a.windowStart) >= windowMs;
        await repo.setLoginAttempts(key, fresh ? 1 : a.failures + 1, fresh ? now.toISOString() : a.windowStart);
      }
      throw unauthorized("Wrong email or password");
    }
    await repo.clearLoginAttempts(keys[0]!);
    return this.createSession(user.id, membership.workspaceId);
  }

  async createSession(userId: string, workspaceId: string): Promise<NewSession> {
    const token = newSecret();
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + LIMITS.sessionDays * DAY_MS);
    await new AuthRepository(this.deps.db).createSession({ id: hashSecret(token), userId, workspaceId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    return { token, expiresAt };
  }

  resolveSession(token: string): Promise<SessionContext | undefined> {
    return new AuthRepository(this.deps.db).findSession(hashSecret(token), nowIso(this.deps));
  }

  async logout(token: string): Promise<void> {
    await new AuthRepository(this.deps.db).deleteSession(hashSecret(token));
  }

  /** Ends every session of the user, on every device. */
  logoutEverywhere(actor: Actor): Promise<number> {
    return new AuthRepository(this.deps.db).deleteSessionsOfUser(actor.userId);
  }

  async memberships(actor: Actor) {
    return new AuthRepository(this.deps.db).listMemberships(actor.userId);
  }

  async updateProfile(actor: Actor, input: { name?: string; locale?: Locale | null }): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const at = nowIso(this.deps);
      await new AuthRepository(trx).updateUser(actor.userId, { ...(input.name !== undefined && { name: input.name.trim() }), ...(input.locale !== undefined && { locale: input.locale }) }, at);
      if (input.name !== undefined) {
        await trx.updateTable("members").set((eb) => ({ name: input.name!.trim(), version: eb("version", "+", 1), updatedAt: at }))
          .where("workspaceId", "=", actor.workspaceId).where("id", "=", actor.memberId).execute();
      }
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const repo = new AuthRepository(this.deps.db);
    const user = await repo.findUserById(actor.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) throw invalidField("currentPassword", "The current password is wrong");
    await repo.updateUser(actor.userId, { passwordHash: await hashPassword(newPassword) }, nowIso(this.deps));
  }
}
