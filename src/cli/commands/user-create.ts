// `dayclear user create`: the owner of a new workspace, or a member of an existing one. What it
// says (and refuses) is a catalog message in the CLI's language (--lang, else LC_ALL/LANG).
import { randomBytes } from "node:crypto";
import { systemClock, type Actor } from "../../core/actor.js";
import { DomainError, fail } from "../../core/errors.js";
import { msg, renderMessage, type Message } from "../../core/messages/index.js";
import { AuthService } from "../../modules/auth/auth.service.js";
import { MemberRepository } from "../../modules/org/member.repository.js";
import { MemberService } from "../../modules/org/member.service.js";
import { WorkspaceRepository } from "../../modules/workspaces/workspace.repository.js";
import { cliErrorText, cliLocale } from "../locale.js";
import { openMigrated } from "./open-db.js";

export async function userCreate(o: {
  db?: string;
  email: string;
  name: string;
  password?: string;
  workspace?: string;
  role: "owner" | "lead" | "member";
  lang?: string;
}): Promise<number> {
  const locale = cliLocale(o.lang);
  const say = (m: Message) => console.log(renderMessage(locale, m));
  const { database } = await openMigrated(o);
  const deps = { db: database.db, clock: systemClock };
  const password = o.password ?? randomBytes(9).toString("base64url");
  try {
    const existing = o.workspace
      ? await new WorkspaceRepository(database.db).findByIdOrName(o.workspace)
      : [];
    if (existing.length > 1)
      throw fail("invalid", "cli.workspace.ambiguous", {
        name: o.workspace!,
        list: existing.map((w) => `  ${w.id}  ${w.name}`).join("\n"),
      });
    const target = existing[0];
    if (target) {
      const owner = await new MemberRepository(database.db).firstActiveOwner(target.id);
      if (!owner) throw fail("invalid", "cli.workspace.no_owner", { name: target.name });
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
      say(
        msg("cli.user.added", {
          email: o.email,
          workspace: target.name,
          role: msg(`org.role.${o.role}`),
        }),
      );
    } else {
      // A new workspace: named as asked, else after its owner in the reader's language.
      const workspace =
        o.workspace ?? renderMessage(locale, msg("cli.user.default_workspace", { name: o.name }));
      await new AuthService(deps).signup({
        workspaceName: workspace,
        name: o.name,
        email: o.email,
        password,
      });
      say(msg("cli.user.created", { workspace, email: o.email }));
    }
    if (!o.password) say(msg("cli.user.password", { password }));
    return 0;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`dayclear: ${cliErrorText(e, locale)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
