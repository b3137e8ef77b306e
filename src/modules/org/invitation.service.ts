import type { Actor } from "../../core/actor.js";
import { conflict, forbidden, invalidField, notFound, unauthorized } from "../../core/errors.js";
import { newId } from "../../core/ids.js";
import { LIMITS, type Role } from "../../core/limits.js";
import { AuthRepository } from "../auth/auth.repository.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import { hashSecret, newSecret } from "../auth/tokens.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { DepartmentRepository } from "./department.repository.js";
import { InvitationRepository } from "./invitation.repository.js";
import { MemberRepository } from "./member.repository.js";
import { can, managedDepartments } from "./org.policy.js";
import { presentInvitation } from "./org.presenter.js";

export class InvitationService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: { email?: string | null; role?: Role; departmentId?: string | null; title?: string | null }) {
    const role = input.role ?? "member";
    const departmentId = input.departmentId ?? null;
    return this.deps.db.transaction().execute(async (trx) => {
      const departments = await new DepartmentRepository(trx).list(actor.workspaceId);
      if (departmentId && !departments.some((d) => d.id === departmentId)) throw invalidField("departmentId", "No such department");
      if (!can(actor, "invitation.manage", { departmentId }, managedDepartments(actor, departments)) || (role === "owner" && actor.role !== "owner")) {
        throw forbidden("You may not invite people into this department or role");
      }
      const token = newSecret("inv_");
      const now = this.deps.clock();
      const inv = {
        workspaceId: actor.workspaceId, id: newId(), tokenHash: hashSecret(token), email: input.email?.toLowerCase() ?? null, role, departmentId,
        title: input.title ?? null, createdBy: actor.memberId, expiresAt: new Date(now.getTime() + LIMITS.invitationDays * 86_400_000).toISOString(),
        acceptedAt: null, createdAt: now.toISOString(),
      };
      await new InvitationRepository(trx).create(inv);
      await audit(trx, actor, inv.createdAt, { action: "invitation.create", entityType: "invitation", entityId: inv.id, summary: `Invited ${inv.email ?? "someone"} as ${role}` });
      return { ...presentInvitation(inv), token, path: `/invite/${token}` };
    });
  }

  async list(actor: Actor) {
    if (actor.role === "member") throw forbidden("Only owners and leads see invitations");
    return (await new InvitationRepository(this.deps.db).listPending(actor.workspaceId, nowIso(this.deps))).map(presentInvitation);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new InvitationRepository(trx);
      const inv = await repo.getById(actor.workspaceId, id);
      if (!inv) throw notFound("Invitation");
      const departments = await new DepartmentRepository(trx).list(actor.workspaceId);
      if (!can(actor, "invitation.manage", { departmentId: inv.departmentId }, managedDepartments(actor, departments))) throw forbidden();
      await repo.delete(actor.workspaceId, id);
      await audit(trx, actor, nowIso(this.deps), { action: "invitation.revoke", entityType: "invitation", entityId: id, summary: `Revoked invitation for ${inv.email ?? "someone"}` });
    });
  }

  async lookup(token: string) {
    const inv = await new InvitationRepository(this.deps.db).findByTokenHash(hashSecret(token));
    if (!inv || inv.acceptedAt || inv.expiresAt <= nowIso(this.deps)) throw notFound("Invitation");
    return { workspaceName: inv.workspaceName, email: inv.email, role: inv.role, expiresAt: inv.expiresAt };
  }

  /**
   * Accepts an invitation: a new person sets their name and password; someone who already has an
   * account proves it with their password. Returns the user and workspace to sign in to.
   */
  async accept(input: { token: string; name?: string; email: string; password: string }): Promise<{ userId: string; workspaceId: string }> {
    const newHash = await hashPassword(input.password);
    return this.deps.db.transaction().execute(async (trx) => {
      const invRepo = new InvitationRepository(trx);
      const inv = await invRepo.findByTokenHash(hashSecret(input.token));
      const at = nowIso(this.deps);
      if (!inv || inv.acceptedAt || inv.expiresAt <= at) throw notFound("Invitation");
      const email = input.email.toLowerCase();
      if (inv.email && inv.email !== email) throw invalidField("email", "This invitation is for another email address");
      const auth = new AuthRepository(trx);
      let user = await auth.findUserByEmail(email);
      if (user) {
        if (!(await verifyPassword(input.password, user.passwordHash))) throw unauthorized("Wrong email or password");
        if (await new MemberRepository(trx).getByUserId(inv.workspaceId, user.id)) throw conflict("You are already a member of this workspace");
      } else {
        if (!input.name) throw invalidField("name", "Tell us your name");
        user = { id: newId(), email, name: input.name.trim(), passwordHash: newHash, locale: null, createdAt: at, updatedAt: at };
        await auth.createUser(user);
      }
      if (!(await invRepo.markAccepted(inv.workspaceId, inv.id, at))) throw conflict("This invitation was just used");
      const memberId = newId();
      await new MemberRepository(trx).create({
        workspaceId: inv.workspaceId, id: memberId, userId: user.id, name: input.name?.trim() || user.name, role: inv.role, title: inv.title,
        departmentId: inv.departmentId, status: "active", hoursPerDay: null, workweek: null, version: 1, createdAt: at, updatedAt: at,
      });
      await audit(trx, { userId: user.id, memberId, workspaceId: inv.workspaceId, role: inv.role, departmentId: inv.departmentId, via: "session" }, at, {
        action: "invitation.accept", entityType: "member", entityId: memberId, summary: `${user.name} joined through an invitation`,
      });
      return { userId: user.id, workspaceId: inv.workspaceId };
    });
  }
}
