import { randomBytes } from "node:crypto";
import { systemClock, type Actor } from "../../core/actor.js";
import { AuthService } from "../../modules/auth/auth.service.js";
import { MemberRepository } from "../../modules/org/member.repository.js";
import { MemberService } from "../../modules/org/member.service.js";
import { WorkspaceRepository } from "../../modules/workspaces/workspace.repository.js";
import { openMigrated } from "./open-db.js";

export async function userCreate(o: {
  db?: string;
  email: string;
  name: string;
  password?: string;
  workspace?: string;
  role: "owner" | "lead" | "member";
}): Promise<void> {
  const { database } = await openMigrated(o);
  const deps = { db: database.db, clock: systemClock };
  const password = o.password ?? randomBytes(9).toString("base64url");
  try {
    const existing = o.workspace
      ? await new WorkspaceRepository(database.db).findByIdOrName(o.workspace)
      : [];
    if (existing.length > 1)
      throw new Error(
        `Several workspaces are named "${o.workspace}"; pass the id instead: ${existing.map((w) => w.id).join(", ")}`,
      );
    const target = existing[0];
    if (target) {
      const owner = await new MemberRepository(database.db).firstActiveOwner(target.id);
      if (!owner) throw new Error(`Workspace ${target.name} has no active owner`);
      const actor: Actor = {
        userId: owner.userId,
        memberId: owner.id,
        workspaceId: target.id,
        role: "owner",
        departmentId: null,
        via: "system",
      };
      await new MemberService(deps).create(actor, {
        name: o.name,
        email: o.email,
        password,
        role: o.role,
      });
      console.log(`Added ${o.email} to ${target.name} as ${o.role}.`);
    } else {
      await new AuthService(deps).signup({
        workspaceName: o.workspace ?? `${o.name}'s shop`,
        name: o.name,
        email: o.email,
        password,
      });
      console.log(
        `Created workspace "${o.workspace ?? `${o.name}'s shop`}" with owner ${o.email}.`,
      );
    }
    if (!o.password) console.log(`Initial password: ${password}`);
  } finally {
    await database.close();
  }
}
