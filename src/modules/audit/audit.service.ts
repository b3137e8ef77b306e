import type { Actor } from "../../core/actor.js";
import { forbidden } from "../../core/errors.js";
import { policyActor } from "../../core/policy.js";
import { can } from "../org/org.policy.js";
import { toPage } from "../shared/common.schema.js";
import type { ServiceDeps } from "../shared/context.js";
import { AuditRepository } from "./audit.repository.js";

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, q: { limit: number; cursor?: string; entityType?: string }) {
    if (!can(policyActor(actor, []), "audit.read"))
      throw forbidden("Only the owner reads the audit log");
    const rows = await new AuditRepository(this.deps.db).list(actor.workspaceId, q);
    return toPage(rows, q.limit, (r) => ({
      id: r.id,
      at: r.at,
      actorMemberId: r.actorMemberId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      summary: r.summary,
      before: parse(r.before),
      after: parse(r.after),
    }));
  }
}
