import type { Actor } from "../../core/actor.js";
import { msg } from "../../core/messages/index.js";
import { notFoundIn } from "../org/org.errors.js";
import { newId } from "../../core/ids.js";
import type { ApiToken } from "../../db/schema.js";
import { hashSecret, newSecret } from "../auth/tokens.js";
import { toSessionContext, type SessionContext } from "../auth/auth.repository.js";
import { audit, nowIso, type ServiceDeps } from "../shared/context.js";
import { TokenRepository } from "./tokens.repository.js";

export const presentToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.tokenPrefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
});

/** API tokens for scripts: shown once at creation, stored as SHA-256, acting as their member. */
export class TokenService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, name: string) {
    const secret = newSecret("dct_");
    const at = nowIso(this.deps);
    const t: ApiToken = {
      workspaceId: actor.workspaceId,
      id: newId(),
      memberId: actor.memberId,
      name: name.trim(),
      tokenHash: hashSecret(secret),
      tokenPrefix: secret.slice(0, 8),
      createdAt: at,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await new TokenRepository(trx).create(t);
      await audit(trx, actor, at, {
        action: "token.create",
        entityType: "api_token",
        entityId: t.id,
        message: msg("audit.token.create", { token: t.name, tokenId: t.id }),
      });
    });
    return { ...presentToken(t), token: secret };
  }

  async list(actor: Actor) {
    return (
      await new TokenRepository(this.deps.db).listForMember(actor.workspaceId, actor.memberId)
    ).map(presentToken);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = new TokenRepository(trx);
      const t = await repo.getById(actor.workspaceId, id);
      if (!t || t.memberId !== actor.memberId || t.revokedAt) throw notFoundIn("api_token");
      const at = nowIso(this.deps);
      await repo.revoke(actor.workspaceId, id, at);
      await audit(trx, actor, at, {
        action: "token.revoke",
        entityType: "api_token",
        entityId: id,
        message: msg("audit.token.revoke", { token: t.name, tokenId: id }),
      });
    });
  }

  /**
   * The caller behind an API token, or undefined. Tokens are 256-bit random secrets, so one SHA-256
   * (not a slow password hash) is a safe lookup key: nothing can be guessed from the stored hash.
   */
  async resolve(secret: string): Promise<SessionContext | undefined> {
    const repo = new TokenRepository(this.deps.db);
    const row = await repo.findActive(hashSecret(secret));
    if (!row) return undefined;
    const now = this.deps.clock();
    // Touch at most once a minute so a busy script does not write on every request.
    if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000)
      await repo.touch(row.mWorkspaceId, row.sessionId, now.toISOString());
    return toSessionContext({ ...row, sessionExpiresAt: null });
  }
}
