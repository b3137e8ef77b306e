// The workspace a shop-data command works on, and its owner acting as "system".
import type { Actor } from "../../core/actor.js";
import { fail } from "../../core/errors.js";
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
  if (all.length === 0) throw fail("invalid", "cli.workspace.none");
  if (target.length !== 1) {
    const list = all.map((w) => `  ${w.id}  ${w.name}`).join("\n");
    throw workspace
      ? fail(
          "invalid",
          target.length === 0 ? "cli.workspace.not_found" : "cli.workspace.ambiguous",
          {
            name: workspace,
            list,
          },
        )
      : fail("invalid", "cli.workspace.several", { list });
  }
  const ws = target[0]!;
  const owner = await new MemberRepository(database.db).firstActiveOwner(ws.id);
  if (!owner) throw fail("invalid", "cli.workspace.no_owner", { name: ws.name });
  return {
    userId: owner.userId,
    memberId: owner.id,
    workspaceId: ws.id,
    role: "owner",
    departmentId: null,
    via: "system",
  };
}
