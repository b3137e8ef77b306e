// The demo shop for service tests: creates it (without its pay history unless asked) and gives
// each of its people as an actor by name, as their own session would.
import type { Actor } from "../../src/core/actor.js";
import type { Database } from "../../src/db/database.js";
import type { Services } from "../../src/server/services.js";

export async function demoActors(
  s: Services,
  database: Database,
  opts: { history?: boolean } = { history: false },
): Promise<{ workspaceId: string; actor: (name: string) => Actor }> {
  const login = await s.demo.ensure(opts);
  const members = await database.db
    .selectFrom("members")
    .selectAll()
    .where("workspaceId", "=", login.workspaceId)
    .execute();
  const actor = (name: string): Actor => {
    const m = members.find((x) => x.name === name);
    if (!m) throw new Error(`the demo has no member named ${name}`);
    return {
      userId: m.userId ?? "",
      memberId: m.id,
      workspaceId: m.workspaceId,
      role: m.role,
      departmentId: m.departmentId,
      via: "session",
    };
  };
  return { workspaceId: login.workspaceId, actor };
}
