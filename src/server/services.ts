import type { Clock } from "../core/actor.js";
import type { Database } from "../db/database.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { AuthService } from "../modules/auth/auth.service.js";
import { DemoService } from "../modules/demo/demo.service.js";
import { DepartmentService } from "../modules/org/department.service.js";
import { InvitationService } from "../modules/org/invitation.service.js";
import { MemberService } from "../modules/org/member.service.js";
import { SkillService } from "../modules/org/skill.service.js";
import { TokenService } from "../modules/tokens/tokens.service.js";
import { WorkspaceService } from "../modules/workspaces/workspace.service.js";

export function buildServices(database: Database, clock: Clock) {
  const deps = { db: database.db, clock };
  return {
    auth: new AuthService(deps),
    tokens: new TokenService(deps),
    workspaces: new WorkspaceService(deps),
    departments: new DepartmentService(deps),
    skills: new SkillService(deps),
    members: new MemberService(deps),
    invitations: new InvitationService(deps),
    audit: new AuditService(deps),
    demo: new DemoService(deps),
  };
}

export type Services = ReturnType<typeof buildServices>;
