import type { Actor } from "../../core/actor.js";
import { fail, fieldError } from "../../core/errors.js";
import { msg } from "../../core/messages/index.js";
import { newId } from "../../core/ids.js";
import { LIMITS, type Role } from "../../core/limits.js";
import { AuthRepository } from "../auth/auth.repository.js";
import { hashPassword } from "../auth/password.js";
import { assertStrongPassword } from "../auth/password-strength.js";
import { emailTaken } from "../auth/auth.service.js";
import { AttemptThrottle } from "../auth/throttle.js";
import type { Executor } from "../../db/database.js";
import type { Invitation, User } from "../../db/schema.js";
import { hashSecret, newSecret } from "../auth/tokens.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { InvitationRepository } from "./invitation.repository.js";
import { MemberRepository } from "./member.repository.js";
import { can, loadPolicyActor } from "./org.policy.js";
import { policyActor } from "../../core/policy.js";
import { badField, notFoundIn } from "./org.errors.js";
import { presentInvitation } from "./org.presenter.js";

export class InvitationService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(
    actor: Actor,
    input: {
      email?: string | null;
      role?: Role;
      departmentId?: string | null;
      title?: string | null;
    },
  ) {
    const role = input.role ?? "member";
    const departmentId = input.departmentId ?? null;
    return this.deps.db.transaction().execute(async (trx) => {
      const departments = await new DepartmentRepository(trx).list(actor.workspaceId);
      if (departmentId && !departments.some((d) => d.id === departmentId))
        throw badField("departmentId", "org.department.no_such");
      const who = await loadPolicyActor(trx, actor, departments);
      if (
        !can(who, "invitation.manage", { departmentId }) ||
        (role === "owner" && !can(who, "member.grant_owner"))
      ) {
        throw fail("forbidden", "org.invitation.forbidden");
      }
      const token = newSecret("inv_");
      const now = this.deps.clock();
      const inv = {
        workspaceId: actor.workspaceId,
        id: newId(),
        tokenHash: hashSecret(token),
        email: input.email?.toLowerCase() ?? null,
        role,
        departmentId,
        title: input.title ?? null,
        createdBy: actor.memberId,
        expiresAt: new Date(now.getTime() + LIMITS.invitationDays * 86_400_000).toISOString(),
        acceptedAt: null,
        createdAt: now.toISOString(),
      };
      await new InvitationRepository(trx).create(inv);
      await audit(trx, actor, inv.createdAt, {
        action: "invitation.create",
        entityType: "invitation",
        entityId: inv.id,
        message: inv.email
          ? msg("audit.invitation.create", { email: inv.email, role: msg(`org.role.${role}`) })
          : msg("audit.invitation.create_link", { role: msg(`org.role.${role}`) }),
      });
      return { ...presentInvitation(inv), token, path: `/invite/${token}` };
    });
  }

  async list(actor: Actor) {
    if (!can(policyActor(actor, []), "invitation.read"))
      throw fail("forbidden", "org.invitation.read_forbidden");
    return (
      await new InvitationRepository(this.deps.db).listPending(actor.workspaceId, nowIso(this.deps))
    ).map(presentInvitation);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new InvitationRepository(trx);
      const inv = await repo.getById(actor.workspaceId, id);
      if (!inv) throw notFoundIn("invitation");
      const departments = await new DepartmentRepository(trx).list(actor.workspaceId);
      if (
        !can(await loadPolicyActor(trx, actor, departments), "invitation.manage", {
          departmentId: inv.departmentId,
        })
      )
        throw fail("forbidden", "org.invitation.forbidden");
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, nowIso(this.deps), {
        action: "invitation.revoke",
        entityType: "invitation",
        entityId: id,
        message: inv.email
          ? msg("audit.invitation.revoke", { email: inv.email })
          : msg("audit.invitation.revoke_link"),
      });
    });
  }

  async lookup(token: string) {
    const inv = await new InvitationRepository(this.deps.db).findByTokenHash(hashSecret(token));
    if (!inv || inv.acceptedAt || inv.expiresAt <= nowIso(this.deps))
      throw fail("not_found", "org.invitation.link_invalid");
    return {
      workspaceName: inv.workspaceName,
      email: inv.email,
      role: inv.role,
      expiresAt: inv.expiresAt,
    };
  }

  /**
   * Accepts an invitation as a new person: name, email and password make a new account. An email
   * that already has an account is refused exactly as signup refuses it (`auth.email_taken`),
   * after every other check, and no password is ever compared here: an existing account joins only
   * when signed in (acceptSignedIn). Throttled like login, per address and link.
   */
  async acceptAsNewUser(
    input: { token: string; name: string; email: string; password: string },
    ip: string,
  ): Promise<{ userId: string; workspaceId: string }> {
    return this.throttled(input.token, ip, async () => {
      const email = input.email.toLowerCase();
      const inv = await this.pending(this.deps.db, input.token);
      if (inv.email && inv.email !== email) throw otherEmail();
      await assertStrongPassword("password", input.password, [email, input.name]);
      const passwordHash = await hashPassword(input.password);
      return this.join(input.token, async (trx, at) => {
        const auth = new AuthRepository(trx);
        if (await auth.findUserByEmail(email)) throw emailTaken();
        const user = {
          id: newId(),
          email,
          name: input.name.trim(),
          passwordHash,
          locale: null,
          createdAt: at,
          updatedAt: at,
        };
        await auth.createUser(user);
        return user;
      });
    });
  }

  /** Accepts an invitation as the signed-in user (their other workspaces are untouched). */
  async acceptSignedIn(
    input: { token: string; userId: string },
    ip: string,
  ): Promise<{ userId: string; workspaceId: string }> {
    return this.throttled(input.token, ip, () =>
      this.join(input.token, async (trx, _at, inv) => {
        const user = await new AuthRepository(trx).findUserById(input.userId);
        if (!user) throw notFoundIn("user");
        if (inv.email && inv.email !== user.email) throw otherEmail();
        if (await new MemberRepository(trx).getByUserId(inv.workspaceId, user.id)) {
          throw fail("conflict", "invitation.already_member");
        }
        return user;
      }),
    );
  }

  private async throttled<T>(token: string, ip: string, work: () => Promise<T>): Promise<T> {
    const perLink = `accept:${ip}:${hashSecret(token)}`,
      perIp = `accept-ip:${ip}`;
    const throttle = new AttemptThrottle(this.deps.db, this.deps.clock);
    await throttle.take([
      { key: perLink, limit: LIMITS.loginMaxFailures },
      { key: perIp, limit: LIMITS.loginMaxFailures * 10 },
    ]);
    const result = await work();
    await throttle.succeeded([perLink], [perIp]);
    return result;
  }

  private async pending(db: Executor, token: string) {
    const inv = await new InvitationRepository(db).findByTokenHash(hashSecret(token));
    if (!inv || inv.acceptedAt || inv.expiresAt <= nowIso(this.deps))
      throw fail("not_found", "org.invitation.link_invalid");
    return inv;
  }

  /** Marks the invitation used and makes the user a member, in one transaction. */
  private join(
    token: string,
    userFor: (trx: Executor, at: string, inv: Invitation) => Promise<Pick<User, "id" | "name">>,
  ) {
    return this.deps.db.transaction().execute(async (trx) => {
      const inv = await this.pending(trx, token);
      const at = nowIso(this.deps);
      const user = await userFor(trx, at, inv);
      if (!(await new InvitationRepository(trx).markAccepted(inv.workspaceId, inv.id, at)))
        throw fail("conflict", "org.invitation.just_used");
      const memberId = newId();
      await new MemberRepository(trx).create({
        workspaceId: inv.workspaceId,
        id: memberId,
        userId: user.id,
        name: user.name,
        role: inv.role,
        title: inv.title,
        departmentId: inv.departmentId,
        status: "active",
        hoursPerDay: null,
        workweek: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await audit(
        trx,
        {
          userId: user.id,
          memberId,
          workspaceId: inv.workspaceId,
          role: inv.role,
          departmentId: inv.departmentId,
          via: "session",
        },
        at,
        {
          action: "invitation.accept",
          entityType: "member",
          entityId: memberId,
          message: msg("audit.invitation.accept", { member: user.name, memberId }),
        },
      );
      return { userId: user.id, workspaceId: inv.workspaceId };
    });
  }
}

const otherEmail = () =>
  fail("invalid", "invitation.other_email", undefined, {
    fields: [fieldError("email", "invitation.other_email")],
  });
