import { Type } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { Email, Id, LocaleSchema, Name, Password, RoleSchema } from "../shared/common.schema.js";
import { WorkspaceSchema } from "../workspaces/workspace.schema.js";

const strict = { additionalProperties: false } as const;

export const SignupBody = Type.Object(
  {
    workspaceName: Type.String({ minLength: 1, maxLength: LIMITS.workspaceNameMax }),
    name: Name,
    email: Email,
    password: Password,
    locale: Type.Optional(LocaleSchema),
    template: Type.Optional(
      Type.Union([Type.Literal("ecommerce"), Type.Literal("brand"), Type.Literal("empty")]),
    ),
  },
  strict,
);

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: LIMITS.emailMax }),
    password: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }),
    workspaceId: Type.Optional(Id),
  },
  strict,
);

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Id,
    email: Type.String(),
    name: Type.String(),
    locale: Type.Union([LocaleSchema, Type.Null()]),
  }),
  member: Type.Object({
    id: Id,
    name: Type.String(),
    role: RoleSchema,
    title: Type.Union([Type.String(), Type.Null()]),
    departmentId: Type.Union([Id, Type.Null()]),
    version: Type.Integer(),
  }),
  workspace: WorkspaceSchema,
  via: Type.Union([Type.Literal("session"), Type.Literal("token"), Type.Literal("system")]),
});

export const UpdateMeBody = Type.Object(
  { name: Type.Optional(Name), locale: Type.Optional(Type.Union([LocaleSchema, Type.Null()])) },
  strict,
);
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }),
    newPassword: Password,
  },
  strict,
);
export const SwitchWorkspaceBody = Type.Object({ workspaceId: Id }, strict);
export const MembershipSchema = Type.Object({
  workspaceId: Id,
  memberId: Id,
  workspaceName: Type.String(),
});
export const LogoutAllBody = Type.Object(
  {
    revokeApiTokens: Type.Optional(
      Type.Boolean({
        description: "Also revoke every API token of this account, in all its workspaces",
      }),
    ),
  },
  strict,
);
export const SignedOutSchema = Type.Object({
  sessionsEnded: Type.Integer(),
  apiTokensRevoked: Type.Integer(),
});
