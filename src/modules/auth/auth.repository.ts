import type { CompiledQuery } from "kysely";
import type { Executor } from "../../db/database.js";
import type { Member, User, Workspace } from "../../db/schema.js";

export interface SessionContext {
  session: { id: string; expiresAt: string };
  user: Pick<User, "id" | "email" | "name" | "locale">;
  member: Member;
  workspace: Workspace;
}

export class AuthRepository {
  constructor(private readonly db: Executor) {}

  findUserByEmail(email: string) {
    return this.db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  }

  findUserById(id: string) {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async createUser(user: User): Promise<void> {
    await this.db.insertInto("users").values({ ...user, email: user.email.toLowerCase() }).execute();
  }

  async updateUser(id: string, patch: Partial<Pick<User, "name" | "locale" | "passwordHash">>, now: string): Promise<void> {
    await this.db.updateTable("users").set({ ...patch, updatedAt: now }).where("id", "=", id).execute();
  }

  async createSession(s: { id: string; userId: string; workspaceId: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.insertInto("sessions").values(s).execute();
  }

  /**
   * One query resolves a session to its user, member and workspace; an inactive member has none.
   * It runs on every request, so it is built and compiled once per database and reused with new
   * parameters.
   */
  async findSession(id: string, now: string): Promise<SessionContext | undefined> {
    let cached = sessionQueries.get(this.db);
    if (!cached) {
      const compiled = this.sessionQuery(SENTINEL_ID, SENTINEL_NOW).compile();
      cached = { compiled, idAt: compiled.parameters.indexOf(SENTINEL_ID), nowAt: compiled.parameters.indexOf(SENTINEL_NOW) };
      sessionQueries.set(this.db, cached);
    }
    const parameters = [...cached.compiled.parameters];
    parameters[cached.idAt] = id;
    parameters[cached.nowAt] = now;
    const result = await this.db.executeQuery<SessionRow>({ ...cached.compiled, parameters });
    const row = result.rows[0];
    if (!row) return undefined;
    return toSessionContext(row);
  }

  private sessionQuery(id: string, now: string) {
    return this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.userId")
      .innerJoin("members as m", (j) => j.onRef("m.workspaceId", "=", "s.workspaceId").onRef("m.userId", "=", "s.userId"))
      .innerJoin("workspaces as w", "w.id", "s.workspaceId")
      .where("s.id", "=", id)
      .where("s.expiresAt", ">", now)
      .where("m.status", "=", "active")
      .select([
        "s.id as sessionId", "s.expiresAt as sessionExpiresAt",
        "u.id as userId", "u.email as userEmail", "u.name as userName", "u.locale as userLocale",
        "m.workspaceId as mWorkspaceId", "m.id as mId", "m.userId as mUserId", "m.name as mName", "m.role as mRole",
        "m.title as mTitle", "m.departmentId as mDepartmentId", "m.status as mStatus", "m.hoursPerDay as mHoursPerDay",
        "m.workweek as mWorkweek", "m.version as mVersion", "m.createdAt as mCreatedAt", "m.updatedAt as mUpdatedAt",
        "w.id as wId", "w.name as wName", "w.timeZone as wTimeZone", "w.currency as wCurrency", "w.locale as wLocale",
        "w.workweek as wWorkweek", "w.hoursPerDay as wHoursPerDay", "w.orgTemplate as wOrgTemplate", "w.isDemo as wIsDemo",
        "w.version as wVersion", "w.createdAt as wCreatedAt", "w.updatedAt as wUpdatedAt",
      ]);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  async deleteSessionsOfUser(userId: string): Promise<number> {
    const r = await this.db.deleteFrom("sessions").where("userId", "=", userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Active memberships of a user, most recently joined first. */
  listMemberships(userId: string) {
    return this.db
      .selectFrom("members as m")
      .innerJoin("workspaces as w", "w.id", "m.workspaceId")
      .where("m.userId", "=", userId)
      .where("m.status", "=", "active")
      .select(["m.workspaceId", "m.id as memberId", "w.name as workspaceName"])
      .orderBy("m.createdAt", "desc")
      .execute();
  }

  getLoginAttempts(key: string) {
    return this.db.selectFrom("loginAttempts").selectAll().where("key", "=", key).executeTakeFirst();
  }

  async setLoginAttempts(key: string, failures: number, windowStart: string): Promise<void> {
    await this.db
      .insertInto("loginAttempts")
      .values({ key, failures, windowStart })
      .onConflict((oc) => oc.column("key").doUpdateSet({ failures, windowStart }))
      .execute();
  }

  async clearLoginAttempts(key: string): Promise<void> {
    await this.db.deleteFrom("loginAttempts").where("key", "=", key).execute();
  }
}

const SENTINEL_ID = "\u0000session-id";
const SENTINEL_NOW = "\u0000now";
type SessionRow = Awaited<ReturnType<ReturnType<AuthRepository["sessionQuery"]>["executeTakeFirstOrThrow"]>>;
const sessionQueries = new WeakMap<Executor, { compiled: CompiledQuery; idAt: number; nowAt: number }>();

function toSessionContext(row: SessionRow): SessionContext {
  return {
    session: { id: row.sessionId, expiresAt: row.sessionExpiresAt },
      user: { id: row.userId, email: row.userEmail, name: row.userName, locale: row.userLocale },
      member: {
        workspaceId: row.mWorkspaceId, id: row.mId, userId: row.mUserId, name: row.mName, role: row.mRole, title: row.mTitle,
        departmentId: row.mDepartmentId, status: row.mStatus, hoursPerDay: row.mHoursPerDay, workweek: row.mWorkweek,
        version: row.mVersion, createdAt: row.mCreatedAt, updatedAt: row.mUpdatedAt,
      },
      workspace: {
        id: row.wId, name: row.wName, timeZone: row.wTimeZone, currency: row.wCurrency, locale: row.wLocale,
        workweek: row.wWorkweek, hoursPerDay: row.wHoursPerDay, orgTemplate: row.wOrgTemplate, isDemo: row.wIsDemo,
        version: row.wVersion, createdAt: row.wCreatedAt, updatedAt: row.wUpdatedAt,
      },
    };
}
