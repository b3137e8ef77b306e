import type { Executor } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared.js";
import type { Member, User, Workspace } from "../../db/schema.js";

/** Who is calling: the credential (a session, or an API token with no expiry), user, member and workspace. */
export interface SessionContext {
  session: { id: string; expiresAt: string | null };
  user: Pick<User, "id" | "email" | "name" | "locale">;
  member: Member;
  workspace: Workspace;
}

export class AuthRepository {
  constructor(private readonly db: Executor) {}

  findUserByEmail(email: string) {
    return this.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
  }

  findUserById(id: string) {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async createUser(user: User): Promise<void> {
    await this.db
      .insertInto("users")
      .values({ ...user, email: user.email.toLowerCase() })
      .execute();
  }

  async updateUser(
    id: string,
    patch: Partial<Pick<User, "name" | "locale" | "passwordHash">>,
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable("users")
      .set({ ...patch, updatedAt: now })
      .where("id", "=", id)
      .execute();
  }

  /** Sets one password for every given account (the demo's shared password). */
  async setPasswordHashOf(emails: readonly string[], passwordHash: string, now: string) {
    if (emails.length === 0) return;
    await this.db
      .updateTable("users")
      .set({ passwordHash, updatedAt: now })
      .where("email", "in", [...emails])
      .execute();
  }

  async createSession(s: {
    id: string;
    userId: string;
    workspaceId: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db.insertInto("sessions").values(s).execute();
  }

  /**
   * One query resolves a session to its user, member and workspace; an inactive member has none.
   * It runs on every request, so it is compiled once per database (preparedQuery).
   */
  async findSession(id: string, now: string): Promise<SessionContext | undefined> {
    const row = await findSessionRow(this.db, { id, now });
    return row && toSessionContext(row);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  /** Ends the user's sessions, all but `keepId` when given. */
  async deleteSessionsOfUser(userId: string, keepId?: string): Promise<number> {
    let q = this.db.deleteFrom("sessions").where("userId", "=", userId);
    if (keepId) q = q.where("id", "!=", keepId);
    const r = await q.executeTakeFirst();
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

  /**
   * Counts one attempt under `key` in a single statement and returns the count in the window: a
   * window older than `windowCutoff` starts again at 1. One statement, so parallel attempts each
   * see their own count on both databases (no read-then-write race).
   */
  async countAttempt(
    key: string,
    now: string,
    windowCutoff: string,
  ): Promise<{ failures: number; windowStart: string }> {
    return this.db
      .insertInto("loginAttempts")
      .values({ key, failures: 1, windowStart: now })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => {
          const expired = eb("loginAttempts.windowStart", "<=", windowCutoff);
          return {
            failures: eb
              .case()
              .when(expired)
              .then(1)
              .else(eb("loginAttempts.failures", "+", 1))
              .end(),
            windowStart: eb
              .case()
              .when(expired)
              .then(now)
              .else(eb.ref("loginAttempts.windowStart"))
              .end(),
          };
        }),
      )
      .returning(["failures", "windowStart"])
      .executeTakeFirstOrThrow();
  }

  /** Takes back one counted attempt (it succeeded). */
  async uncountAttempt(key: string): Promise<void> {
    await this.db
      .updateTable("loginAttempts")
      .set((eb) => ({ failures: eb("failures", "-", 1) }))
      .where("key", "=", key)
      .where("failures", ">", 0)
      .execute();
  }

  async clearLoginAttempts(key: string): Promise<void> {
    await this.db.deleteFrom("loginAttempts").where("key", "=", key).execute();
  }
}

/** The user, member and workspace columns of a request's caller (sessions and API tokens alike). */
export const CALLER_COLUMNS = [
  "u.id as userId",
  "u.email as userEmail",
  "u.name as userName",
  "u.locale as userLocale",
  "m.workspaceId as mWorkspaceId",
  "m.id as mId",
  "m.userId as mUserId",
  "m.name as mName",
  "m.role as mRole",
  "m.title as mTitle",
  "m.departmentId as mDepartmentId",
  "m.status as mStatus",
  "m.hoursPerDay as mHoursPerDay",
  "m.workweek as mWorkweek",
  "m.version as mVersion",
  "m.createdAt as mCreatedAt",
  "m.updatedAt as mUpdatedAt",
  "w.id as wId",
  "w.name as wName",
  "w.timeZone as wTimeZone",
  "w.currency as wCurrency",
  "w.locale as wLocale",
  "w.workweek as wWorkweek",
  "w.hoursPerDay as wHoursPerDay",
  "w.orgTemplate as wOrgTemplate",
  "w.isDemo as wIsDemo",
  "w.version as wVersion",
  "w.createdAt as wCreatedAt",
  "w.updatedAt as wUpdatedAt",
] as const;

const findSessionRow = preparedQuery(["id", "now"], (db, p) =>
  db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.userId")
    .innerJoin("members as m", (j) =>
      j.onRef("m.workspaceId", "=", "s.workspaceId").onRef("m.userId", "=", "s.userId"),
    )
    .innerJoin("workspaces as w", "w.id", "s.workspaceId")
    .where("s.id", "=", p.id)
    .where("s.expiresAt", ">", p.now)
    .where("m.status", "=", "active")
    .select(["s.id as sessionId", "s.expiresAt as sessionExpiresAt", ...CALLER_COLUMNS]),
);

type CallerRow = NonNullable<Awaited<ReturnType<typeof findSessionRow>>>;

/** A caller row (with the id and expiry of the credential it came by) as the request's context. */
export function toSessionContext(
  row: Omit<CallerRow, "sessionExpiresAt"> & { sessionExpiresAt: string | null },
): SessionContext {
  return {
    session: { id: row.sessionId, expiresAt: row.sessionExpiresAt },
    user: { id: row.userId, email: row.userEmail, name: row.userName, locale: row.userLocale },
    member: {
      workspaceId: row.mWorkspaceId,
      id: row.mId,
      userId: row.mUserId,
      name: row.mName,
      role: row.mRole,
      title: row.mTitle,
      departmentId: row.mDepartmentId,
      status: row.mStatus,
      hoursPerDay: row.mHoursPerDay,
      workweek: row.mWorkweek,
      version: row.mVersion,
      createdAt: row.mCreatedAt,
      updatedAt: row.mUpdatedAt,
    },
    workspace: {
      id: row.wId,
      name: row.wName,
      timeZone: row.wTimeZone,
      currency: row.wCurrency,
      locale: row.wLocale,
      workweek: row.wWorkweek,
      hoursPerDay: row.wHoursPerDay,
      orgTemplate: row.wOrgTemplate,
      isDemo: row.wIsDemo,
      version: row.wVersion,
      createdAt: row.wCreatedAt,
      updatedAt: row.wUpdatedAt,
    },
  };
}
