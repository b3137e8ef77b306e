import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
import type { Locale } from "../../core/messages/index.js";
import { policyActor } from "../../core/policy.js";
import { can } from "../org/org.policy.js";
import { toPage } from "../shared/common.schema.js";
import type { ServiceDeps } from "../shared/context.js";
import { hasLegacyRows, presentAuditEntry, type AuditNames } from "./audit.presenter.js";
import { AuditRepository } from "./audit.repository.js";

const NO_NAMES: AuditNames = { members: new Map(), departments: new Map() };

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The log as sentences with names in the reader's language (`summary`), and their messages. */
  async list(
    actor: Actor,
    q: { limit: number; cursor?: string; entityType?: string },
    locale: Locale = "zh-CN",
  ) {
    // Owner-only: the departments play no part in the decision.
    if (!can(policyActor(actor, []), "audit.read")) throw fail("forbidden", "org.audit.owner_only");
    const repo = new AuditRepository(this.deps.db);
    const rows = await repo.list(actor.workspaceId, q);
    const names = hasLegacyRows(rows) ? await repo.namesNow(actor.workspaceId) : NO_NAMES;
    return toPage(rows, q.limit, (r) => presentAuditEntry(r, locale, names));
  }
}
