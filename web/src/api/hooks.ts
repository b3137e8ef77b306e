// TanStack Query hooks over the API. Mutations invalidate what they change.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { api, ApiError, qs } from "./client";
import type { Body, Query, Reply } from "./contract";
import type {
  ApiToken,
  AuditEntry,
  CalendarDay,
  CreatedApiToken,
  CreatedInvitation,
  Department,
  Instance,
  Invitation,
  InvitationLookup,
  Locale,
  Me,
  Member,
  MemberDetail,
  MemberPatch,
  NewMember,
  OrgTemplateSummary,
  Page,
  Skill,
  SkillLevel,
  Workspace,
  WorkspaceCalendar,
} from "./types";

const V1 = "/api/v1";

export const keys = {
  me: ["me"] as const,
  instance: ["instance"] as const,
  departments: ["departments"] as const,
  skills: ["skills"] as const,
  members: ["members"] as const,
  member: (id: string) => ["members", "detail", id] as const,
  calendar: (year: number) => ["calendar", year] as const,
  invitations: ["invitations"] as const,
  audit: ["audit"] as const,
  tokens: ["tokens"] as const,
};

/** The signed-in person, or null when signed out (401). Signed-in pages read `useMe()` from me.tsx. */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await api.get<Me>(`${V1}/me`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export const useInstance = () =>
  useQuery({ queryKey: keys.instance, queryFn: () => api.get<Instance>(`${V1}/instance`) });

function useInvalidate() {
  const qc = useQueryClient();
  return (...ks: QueryKey[]) => Promise.all(ks.map((k) => qc.invalidateQueries({ queryKey: k })));
}

export function useSignedInChange() {
  const qc = useQueryClient();
  // Everything cached belonged to the previous session.
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    await qc.invalidateQueries({ queryKey: keys.me });
  };
}

export type SignupInput = Body<"postAuthSignup">;
export const useSignup = () =>
  useMutation({
    mutationFn: (b: SignupInput) => api.post<Reply<"postAuthSignup">>(`${V1}/auth/signup`, b),
  });
export const useLogin = () =>
  useMutation({
    mutationFn: (b: Body<"postAuthLogin">) =>
      api.post<Reply<"postAuthLogin">>(`${V1}/auth/login`, b),
  });
/** Sign out of this browser; `everywhere` first ends every other session of the account too. */
export const useLogout = () =>
  useMutation({
    mutationFn: async (everywhere: boolean) => {
      if (everywhere) await api.post<SignedOut>(`${V1}/auth/logout-all`);
      return api.post<Reply<"postAuthLogout">>(`${V1}/auth/logout`);
    },
  });
export type SignedOut = Reply<"postAuthLogoutAll">;
/** Ends the account's other sessions (this one stays), and its API tokens when asked. */
export const useLogoutOthers = () =>
  useMutation({
    mutationFn: (revokeApiTokens: boolean) =>
      api.post<SignedOut>(`${V1}/auth/logout-all`, { revokeApiTokens }),
  });
export const useOpenDemo = () =>
  useMutation({
    mutationFn: () => api.post<Reply<"postDemo">>(`${V1}/demo`),
  });

export function useUpdateMe() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: Body<"patchMe">) => api.patch<Reply<"patchMe">>(`${V1}/me`, b),
    onSuccess: () => inv(keys.me),
  });
}
export const useChangePassword = () =>
  useMutation({
    mutationFn: (b: Body<"postMePassword">) =>
      api.post<Reply<"postMePassword">>(`${V1}/me/password`, b),
  });

export const useOrgTemplates = (locale: Locale) =>
  useQuery({
    queryKey: ["org-templates", locale],
    queryFn: () => api.get<Page<OrgTemplateSummary>>(`${V1}/org-templates${qs({ locale })}`),
  });
export function useApplyTemplate() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: Body<"postWorkspaceApplyTemplate">) =>
      api.post<Reply<"postWorkspaceApplyTemplate">>(`${V1}/workspace/apply-template`, b),
    onSuccess: () => inv(keys.me, keys.departments, keys.skills),
  });
}

export type WorkspacePatch = Body<"patchWorkspace">;
export function useUpdateWorkspace() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (b: WorkspacePatch) => api.patch<Workspace>(`${V1}/workspace`, b),
    onSettled: () => inv(keys.me),
  });
}

export const useCalendar = (year: number) =>
  useQuery({
    queryKey: keys.calendar(year),
    queryFn: () => api.get<WorkspaceCalendar>(`${V1}/workspace/calendar${qs({ year })}`),
  });
export function useCalendarMutations(year: number) {
  const inv = useInvalidate();
  const onSuccess = () => inv(keys.calendar(year));
  return {
    put: useMutation({
      mutationFn: (d: CalendarDay) =>
        api.put<Reply<"putWorkspaceCalendarDay">>(`${V1}/workspace/calendar/days/${d.date}`, {
          kind: d.kind,
          name: d.name,
        }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (date: string) => api.del(`${V1}/workspace/calendar/days/${date}`),
      onSuccess,
    }),
    reset: useMutation({
      mutationFn: () =>
        api.post<Reply<"postWorkspaceCalendarReset">>(`${V1}/workspace/calendar/reset`, {
          years: [year],
        }),
      onSuccess,
    }),
  };
}

export const useDepartments = (enabled = true) =>
  useQuery({
    queryKey: keys.departments,
    queryFn: () => api.get<Page<Department>>(`${V1}/departments`),
    enabled,
  });
export type DepartmentInput = Omit<Body<"patchDepartment">, "version">;
export function useDepartmentMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(keys.departments, keys.members, keys.me);
  return {
    create: useMutation({
      mutationFn: (b: Body<"createDepartment">) =>
        api.post<Reply<"createDepartment">>(`${V1}/departments`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchDepartment"> & { id: string }) =>
        api.patch<Reply<"patchDepartment">>(`${V1}/departments/${id}`, b),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.del(`${V1}/departments/${id}`),
      onSettled,
    }),
  };
}

export const useSkills = () =>
  useQuery({ queryKey: keys.skills, queryFn: () => api.get<Page<Skill>>(`${V1}/skills`) });
export function useSkillMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(keys.skills, keys.members);
  return {
    create: useMutation({
      mutationFn: (b: Body<"createSkill">) => api.post<Reply<"createSkill">>(`${V1}/skills`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/skills/${id}`), onSettled }),
  };
}

export function useMembers(filter: Pick<Query<"listMembers">, "departmentId" | "status">) {
  return useInfiniteQuery({
    queryKey: [...keys.members, "list", filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<Member>>(`${V1}/members${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
/** Every active member, for pickers (department leads). */
export function useAllMembers() {
  return useQuery({
    queryKey: [...keys.members, "all"],
    queryFn: async () => {
      const all: Member[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Member> = await api.get<Page<Member>>(
          `${V1}/members${qs({ status: "active", limit: 200, cursor })}`,
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
}
export const useMember = (id: string) =>
  useQuery({
    queryKey: keys.member(id),
    queryFn: () => api.get<MemberDetail>(`${V1}/members/${id}`),
  });
export function useMemberMutations(id?: string) {
  const inv = useInvalidate();
  const onSettled = () => inv(keys.members, keys.departments, keys.me);
  const m = <S extends string>(path: S) => `${V1}/members/${id ?? ""}${path}` as const;
  return {
    create: useMutation({
      mutationFn: (b: NewMember) => api.post<MemberDetail>(`${V1}/members`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: (b: MemberPatch) => api.patch<MemberDetail>(m(""), b),
      onSettled,
    }),
    setSkills: useMutation({
      mutationFn: (skills: SkillLevel[]) => api.put<MemberDetail>(m("/skills"), { skills }),
      onSettled,
    }),
    deactivate: useMutation({
      mutationFn: () => api.post<MemberDetail>(m("/deactivate")),
      onSettled,
    }),
    reactivate: useMutation({
      mutationFn: () => api.post<MemberDetail>(m("/reactivate")),
      onSettled,
    }),
    addLeave: useMutation({
      mutationFn: (b: Body<"createMemberLeave">) =>
        api.post<Reply<"createMemberLeave">>(m("/leaves"), b),
      onSettled,
    }),
    removeLeave: useMutation({
      mutationFn: (leaveId: string) => api.del(m(`/leaves/${leaveId}`)),
      onSettled,
    }),
  };
}

export const useInvitations = (enabled: boolean) =>
  useQuery({
    queryKey: keys.invitations,
    queryFn: () => api.get<Page<Invitation>>(`${V1}/invitations`),
    enabled,
  });
export function useInvitationMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(keys.invitations);
  return {
    create: useMutation({
      mutationFn: (b: Body<"createInvitation">) =>
        api.post<CreatedInvitation>(`${V1}/invitations`, b),
      onSettled,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api.del(`${V1}/invitations/${id}`),
      onSettled,
    }),
  };
}
export const useInvitationLookup = (token: string) =>
  useQuery({
    queryKey: ["invitation", token],
    queryFn: () =>
      api.get<InvitationLookup>(`${V1}/invitations/lookup/${encodeURIComponent(token)}`),
    retry: false,
  });
// Signed in: the token alone (the account joins); signed out: a new account's name, email and password.
export const useAcceptInvitation = () =>
  useMutation({
    mutationFn: (b: Body<"postInvitationsAccept">) =>
      api.post<Reply<"postInvitationsAccept">>(`${V1}/invitations/accept`, b),
  });

export function useAudit() {
  return useInfiniteQuery({
    queryKey: keys.audit,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>(`${V1}/audit${qs({ limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useTokens = () =>
  useQuery({ queryKey: keys.tokens, queryFn: () => api.get<Page<ApiToken>>(`${V1}/tokens`) });
export function useTokenMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(keys.tokens);
  return {
    create: useMutation({
      mutationFn: (name: string) => api.post<CreatedApiToken>(`${V1}/tokens`, { name }),
      onSettled,
    }),
    revoke: useMutation({ mutationFn: (id: string) => api.del(`${V1}/tokens/${id}`), onSettled }),
  };
}
