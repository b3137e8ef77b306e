// The workspace a shop-data command works on, and its owner acting as "system".
import type { Actor } from "../../core/actor.js";
import type { Database } from "../../db/database.js";
import { ShopContextRepository } from "../../modules/orders/shop-context.repository.js";
import { MemberRepository } from "../../modules/org/member.repository.js";

export async function workspaceActor(
  database: Database,
  workspace: string | undefined,
): Promise<Actor> {
  const repo = new ShopContextRepository(database.db);
  const all = await repo.workspaces();
  let target = all;
  if (workspace) target = all.filter((w) => w.id === workspace || w.name === workspace);
  if (target.length !== 1) {
    const list =
      all.map((w) => `  ${w.id}  ${w.name}`).join("\n") ||
      "  (none — create one with `dayclear user create` or `dayclear demo`)";
    const why = workspace
      ? target.length === 0
        ? `No workspace is named "${workspace}"`
        : `Several workspaces are named "${workspace}"`
      : "The database has several workspaces";
    throw new Error(`${why}; pass --workspace NAME-OR-ID. Workspaces:\n${list}`);
  }
  const ws = target[0]!;
  const owner = await new MemberRepository(database.db).firstActiveOwner(ws.id);
  if (!owner) throw new Error(`Workspace ${ws.name} has no active owner`);
  return {
    userId: owner.userId,
    memberId: owner.id,
    workspaceId: ws.id,
    role: "owner",
    departmentId: null,
    via: "system",
  };
}
