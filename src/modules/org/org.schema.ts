import { Type, type Static } from "typebox";
import { LIMITS } from "../../core/limits.js";
import { DEPARTMENT_FUNCTIONS } from "../../core/org/rights.js";
import {
  Email,
  HoursPerDay,
  Id,
  Instant,
  IsoDate,
  Name,
  Password,
  RoleSchema,
  Version,
  Workweek,
} from "../shared/common.schema.js";

const Title = Type.String({ maxLength: LIMITS.titleMax });
const Level = Type.Integer({ minimum: LIMITS.skillLevelMin, maximum: LIMITS.skillLevelMax });
const strict = { additionalProperties: false } as const;
/** What a department may do (core/org/rights.ts); none takes the parent's. Only the owner sets it. */
const DepartmentFunction = Type.Enum(DEPARTMENT_FUNCTIONS, {
  description: "What the department may do; none takes the parent department's. Owner only.",
});

export const DepartmentSchema = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  leadMemberId: Type.Union([Id, Type.Null()]),
  function: DepartmentFunction,
  leadName: Type.Union([Type.String(), Type.Null()]),
  sortOrder: Type.Integer(),
  memberCount: Type.Integer(),
  version: Type.Integer(),
});
export type DepartmentDto = Static<typeof DepartmentSchema>;
export const CreateDepartmentBody = Type.Object(
  {
    name: Name,
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    leadMemberId: Type.Optional(Type.Union([Id, Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    function: Type.Optional(DepartmentFunction),
  },
  strict,
);
export const UpdateDepartmentBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    leadMemberId: Type.Optional(Type.Union([Id, Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    function: Type.Optional(DepartmentFunction),
  },
  strict,
);

export const SkillSchema = Type.Object({
  id: Id,
  name: Type.String(),
  departmentId: Type.Union([Id, Type.Null()]),
});
export type SkillDto = Static<typeof SkillSchema>;
export const CreateSkillBody = Type.Object(
  { name: Name, departmentId: Type.Optional(Type.Union([Id, Type.Null()])) },
  strict,
);
export const UpdateSkillBody = Type.Object(
  { name: Type.Optional(Name), departmentId: Type.Optional(Type.Union([Id, Type.Null()])) },
  strict,
);

export const MemberSkillSchema = Type.Object({
  skillId: Id,
  name: Type.String(),
  level: Type.Integer(),
});
export const LeaveSchema = Type.Object({
  id: Id,
  startDate: IsoDate,
  endDate: IsoDate,
  kind: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type LeaveDto = Static<typeof LeaveSchema>;
export const MemberSchema = Type.Object({
  id: Id,
  name: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  title: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Id, Type.Null()]),
  status: Type.Union([Type.Literal("active"), Type.Literal("inactive")]),
  hoursPerDay: Type.Union([Type.Number(), Type.Null()]),
  workweek: Type.Union([Workweek, Type.Null()]),
  skills: Type.Array(MemberSkillSchema),
  version: Type.Integer(),
  createdAt: Instant,
});
export type MemberDto = Static<typeof MemberSchema>;
export const MemberDetailSchema = Type.Intersect([
  MemberSchema,
  Type.Object({ leaves: Type.Array(LeaveSchema) }),
]);

const SkillLevelInput = Type.Object({ skillId: Id, level: Level }, strict);
export const CreateMemberBody = Type.Object(
  {
    name: Name,
    email: Email,
    password: Password,
    role: Type.Optional(RoleSchema),
    title: Type.Optional(Type.Union([Title, Type.Null()])),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    hoursPerDay: Type.Optional(Type.Union([HoursPerDay, Type.Null()])),
    workweek: Type.Optional(Type.Union([Workweek, Type.Null()])),
    skills: Type.Optional(Type.Array(SkillLevelInput, { maxItems: 100 })),
  },
  strict,
);
export type CreateMemberInput = Static<typeof CreateMemberBody>;
export const UpdateMemberBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    role: Type.Optional(RoleSchema),
    title: Type.Optional(Type.Union([Title, Type.Null()])),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    hoursPerDay: Type.Optional(Type.Union([HoursPerDay, Type.Null()])),
    workweek: Type.Optional(Type.Union([Workweek, Type.Null()])),
  },
  strict,
);
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;
export const SetSkillsBody = Type.Object(
  { skills: Type.Array(SkillLevelInput, { maxItems: 100 }) },
  strict,
);
export const MemberListQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
    departmentId: Type.Optional(Id),
    status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("inactive")])),
  },
  strict,
);
export const CreateLeaveBody = Type.Object(
  {
    startDate: IsoDate,
    endDate: IsoDate,
    kind: Type.Optional(
      Type.Union([
        Type.Literal("leave"),
        Type.Literal("sick"),
        Type.Literal("personal"),
        Type.Literal("other"),
      ]),
    ),
    note: Type.Optional(Type.Union([Type.String({ maxLength: LIMITS.noteMax }), Type.Null()])),
  },
  strict,
);
export const LeaveParams = Type.Object({ id: Id, leaveId: Id }, strict);

export const InvitationSchema = Type.Object({
  id: Id,
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  departmentId: Type.Union([Id, Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Instant,
  acceptedAt: Type.Union([Instant, Type.Null()]),
  createdAt: Instant,
});
export const CreateInvitationBody = Type.Object(
  {
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    role: Type.Optional(RoleSchema),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    title: Type.Optional(Type.Union([Title, Type.Null()])),
  },
  strict,
);
export const CreatedInvitationSchema = Type.Intersect([
  InvitationSchema,
  Type.Object({
    token: Type.String(),
    path: Type.String({ description: "Open this path on the app's origin to accept" }),
  }),
]);
export const InvitationLookupSchema = Type.Object({
  workspaceName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  expiresAt: Instant,
});
export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }) },
  strict,
);
export const AcceptInvitationBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    password: Type.Optional(Password),
  },
  {
    ...strict,
    description:
      "Signed in: only the token (no password: an existing account joins by being signed in). Signed out: name, email and password of the new account.",
  },
);
