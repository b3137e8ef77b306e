// Plans, schedules, Today, daily reports, notes, notifications and the calendar feed: the shapes
// of the API's JSON (as /api/openapi.json describes them) and TanStack Query hooks over them.
import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { TeamResult } from "../../../src/core/engine/types";
import type { Message } from "../i18n/messages";
import type { Body, Item, Reply } from "./contract";
import type { Locale, Page } from "./types";

const V1 = "/api/v1";

export type PlanDetail = Reply<"getPlanById">;
export type PlanSummary = Item<"listPlans">;
export type PlanKind = PlanSummary["kind"];
export type PlanStatus = PlanSummary["status"];
export type PlanTask = PlanDetail["tasks"][number];
export type TaskStatus = PlanTask["status"];
export type Dependency = PlanTask["dependsOn"][number];
export type DepType = Dependency["type"];
/**
 * GET /plans/{id}/schedule sends the engine's result format v1 as stored (the route declares it as
 * any JSON): its type is the engine's own (src/core/engine/types.ts), plus the scheduler's warnings
 * as messages (`notices`, absent on older schedules; `warnings` stay English, for files and logs).
 */
export type Schedule = TeamResult & { notices?: Message[] };
export type ScheduledTask = Schedule["tasks"][number];
export type PlanTemplate = Item<"listPlanTemplates">;
/** A change to a task (PATCH /tasks/{id} without its version). */
export type TaskInput = Omit<Body<"patchTask">, "version">;
/** A task change's answer; `schedule.finish` is null when the plan has nothing scheduled. */
export type TaskResult = Reply<"patchTask">;
export type Workload = Reply<"getWorkload">;

export type Today = Reply<"getToday">;
export type TodayTask = Today["tasks"][number];
export type Duty = Item<"listDuties">;
export type DayItem = Today["items"][number];
export type Agenda = Reply<"getAgenda">;

export type Report = Reply<"getReportByMemberIdAndDate">;
/**
 * A report's draft (older stored drafts lack `unplanned[].done`); `metrics[].message` is the label
 * to render, `label` its text in the language asked for.
 */
export type ReportDraft = Report["draft"];
export type ReportComment = Report["comments"][number];
export type ReportStatus = Reply<"getReportsStatus">;
export type ReportInput = Body<"putReport">;

export type Note = Item<"listNotes">;
export type NoteTarget = Note["targetType"];
/** `message`/`lines`: the title and the body's lines as messages; `title`/`body`: their text in the language asked for. */
export type Notification = Item<"listNotifications">;
export type CalendarFeed = Reply<"getMeCalendarFeed">;

export const planKeys = {
  plans: ["plans"] as const,
  plan: (id: string) => ["plans", "detail", id] as const,
  schedule: (id: string) => ["plans", "schedule", id] as const,
  templates: (locale: Locale) => ["plan-templates", locale] as const,
  workload: ["workload"] as const,
  today: ["today"] as const,
  agenda: ["agenda"] as const,
  duties: ["duties"] as const,
  reports: ["reports"] as const,
  notes: ["notes"] as const,
  notifications: ["notifications"] as const,
  feed: ["calendar-feed"] as const,
};

function useInvalidate() {
  const qc = useQueryClient();
  return (...ks: QueryKey[]) => Promise.all(ks.map((k) => qc.invalidateQueries({ queryKey: k })));
}

export const usePlans = () =>
  useQuery({
    queryKey: planKeys.plans,
    queryFn: () => api.get<Page<PlanSummary>>(`${V1}/plans${qs({ limit: 200 })}`),
  });
export const usePlan = (id: string) =>
  useQuery({
    queryKey: planKeys.plan(id),
    queryFn: () => api.get<PlanDetail>(`${V1}/plans/${id}`),
  });
export const useSchedule = (id: string) =>
  useQuery({
    queryKey: planKeys.schedule(id),
    queryFn: () => api.get<Schedule>(`${V1}/plans/${id}/schedule`),
  });
export const usePlanTemplates = (locale: Locale) =>
  useQuery({
    queryKey: planKeys.templates(locale),
    queryFn: () => api.get<Page<PlanTemplate>>(`${V1}/plan-templates${qs({ locale })}`),
  });
export const useWorkload = (from: string, to: string, planId?: string) =>
  useQuery({
    queryKey: [...planKeys.workload, from, to, planId],
    queryFn: () => api.get<Workload>(`${V1}/workload${qs({ from, to, planId })}`),
  });

/** Everything a schedule change can move. */
const scheduleKeys: QueryKey[] = [
  planKeys.plans,
  planKeys.workload,
  planKeys.today,
  planKeys.agenda,
  planKeys.reports,
];

export function usePlanMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(...scheduleKeys);
  return {
    create: useMutation({
      mutationFn: (b: Body<"createPlan">) => api.post<Reply<"createPlan">>(`${V1}/plans`, b),
      onSettled,
    }),
    fromTemplate: useMutation({
      mutationFn: (b: Body<"postPlansFromTemplate">) =>
        api.post<Reply<"postPlansFromTemplate">>(`${V1}/plans/from-template`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchPlan"> & { id: string }) =>
        api.patch<Reply<"patchPlan">>(`${V1}/plans/${id}`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/plans/${id}`), onSettled }),
    baseline: useMutation({
      mutationFn: (id: string) => api.post<Reply<"postPlanBaseline">>(`${V1}/plans/${id}/baseline`),
      onSettled,
    }),
    saveAsTemplate: useMutation({
      mutationFn: ({ id, name }: Body<"postPlanSaveAsTemplate"> & { id: string }) =>
        api.post<Reply<"postPlanSaveAsTemplate">>(`${V1}/plans/${id}/save-as-template`, { name }),
      onSettled: () => inv(["plan-templates"]),
    }),
  };
}

export function useTaskMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(...scheduleKeys);
  return {
    create: useMutation({
      mutationFn: ({ planId, ...b }: Body<"createPlanTask"> & { planId: string }) =>
        api.post<TaskResult>(`${V1}/plans/${planId}/tasks`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchTask"> & { id: string }) =>
        api.patch<TaskResult>(`${V1}/tasks/${id}`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/tasks/${id}`), onSettled }),
  };
}

export const useToday = (date?: string, memberId?: string) =>
  useQuery({
    queryKey: [...planKeys.today, date ?? "", memberId ?? ""],
    queryFn: () => api.get<Today>(`${V1}/today${qs({ date, memberId })}`),
  });
export const useAgenda = (
  from: string,
  to: string,
  filter: { memberId?: string; departmentId?: string },
  enabled = true,
) =>
  useQuery({
    queryKey: [...planKeys.agenda, from, to, filter],
    queryFn: () => api.get<Agenda>(`${V1}/agenda${qs({ from, to, ...filter })}`),
    enabled,
  });
export const useDuties = (memberId?: string) =>
  useQuery({
    queryKey: [...planKeys.duties, memberId ?? ""],
    queryFn: () => api.get<Page<Duty>>(`${V1}/duties${qs({ memberId })}`),
  });

export function useDayMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(...scheduleKeys, planKeys.duties);
  return {
    checkOff: useMutation({
      mutationFn: ({ taskId, ...b }: Body<"postTodayTaskCheckOff"> & { taskId: string }) =>
        api.post<Reply<"postTodayTaskCheckOff">>(`${V1}/today/tasks/${taskId}/check-off`, b),
      onSettled,
    }),
    remaining: useMutation({
      mutationFn: ({
        taskId,
        remainingHours,
      }: Pick<Body<"postTodayTaskRemaining">, "remainingHours"> & { taskId: string }) =>
        api.post<Reply<"postTodayTaskRemaining">>(`${V1}/today/tasks/${taskId}/remaining`, {
          remainingHours,
        }),
      onSettled,
    }),
    log: useMutation({
      mutationFn: (b: Body<"createWorkLog">) =>
        api.post<Reply<"createWorkLog">>(`${V1}/work-logs`, b),
      onSettled,
    }),
    addItem: useMutation({
      mutationFn: (b: Body<"createItem">) => api.post<Reply<"createItem">>(`${V1}/items`, b),
      onSettled,
    }),
    updateItem: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchItem"> & { id: string }) =>
        api.patch<Reply<"patchItem">>(`${V1}/items/${id}`, b),
      onSettled,
    }),
    removeItem: useMutation({
      mutationFn: (id: string) => api.del(`${V1}/items/${id}`),
      onSettled,
    }),
    addDuty: useMutation({
      mutationFn: (b: Body<"createDuty">) => api.post<Reply<"createDuty">>(`${V1}/duties`, b),
      onSettled,
    }),
    removeDuty: useMutation({
      mutationFn: (id: string) => api.del(`${V1}/duties/${id}`),
      onSettled,
    }),
  };
}

export const useReport = (memberId: string, date: string) =>
  useQuery({
    queryKey: [...planKeys.reports, "one", memberId, date],
    queryFn: () => api.get<Report>(`${V1}/reports/${memberId}/${date}`),
    enabled: !!memberId && !!date,
  });
export const useReportStatus = (
  date: string | undefined,
  departmentId: string | undefined,
  enabled: boolean,
) =>
  useQuery({
    queryKey: [...planKeys.reports, "status", date ?? "", departmentId ?? ""],
    queryFn: () => api.get<ReportStatus>(`${V1}/reports/status${qs({ date, departmentId })}`),
    enabled,
  });
export type ReportHistoryItem = Item<"getReportByMemberId">;
export const useReportHistory = (memberId: string, from: string, to: string) =>
  useQuery({
    queryKey: [...planKeys.reports, "history", memberId, from, to],
    queryFn: () =>
      api.get<Reply<"getReportByMemberId">>(`${V1}/reports/${memberId}${qs({ from, to })}`),
    enabled: !!memberId,
  });

export function useReportMutations(memberId: string, date: string) {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.reports, planKeys.notifications);
  const path = `${V1}/reports/${memberId}/${date}` as const;
  return {
    save: useMutation({ mutationFn: (b: ReportInput) => api.put<Report>(path, b), onSettled }),
    comment: useMutation({
      mutationFn: (body: string) => api.post<Report>(`${path}/comments`, { body }),
      onSettled,
    }),
    acknowledge: useMutation({
      mutationFn: () => api.post<Report>(`${path}/acknowledge`),
      onSettled,
    }),
  };
}
export const useNudge = () =>
  useMutation({
    mutationFn: (memberId: string) =>
      api.post<Reply<"postMemberNudge">>(`${V1}/members/${memberId}/nudge`),
  });

export const useNotes = (filter: { targetType?: NoteTarget; targetId?: string; q?: string }) =>
  useQuery({
    queryKey: [...planKeys.notes, filter],
    queryFn: () => api.get<Page<Note>>(`${V1}/notes${qs({ ...filter, limit: 100 })}`),
  });
export function useNoteMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.notes);
  return {
    create: useMutation({
      mutationFn: (b: Body<"createNote">) => api.post<Reply<"createNote">>(`${V1}/notes`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: Body<"patchNote"> & { id: string }) =>
        api.patch<Reply<"patchNote">>(`${V1}/notes/${id}`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/notes/${id}`), onSettled }),
  };
}

export const useNotifications = () =>
  useQuery({
    queryKey: planKeys.notifications,
    queryFn: () => api.get<Reply<"listNotifications">>(`${V1}/notifications${qs({ limit: 30 })}`),
  });
export function useNotificationMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.notifications);
  return {
    read: useMutation({
      mutationFn: (id: string) =>
        api.post<Reply<"postNotificationRead">>(`${V1}/notifications/${id}/read`),
      onSettled,
    }),
    readAll: useMutation({
      mutationFn: () => api.post<Reply<"postNotificationsReadAll">>(`${V1}/notifications/read-all`),
      onSettled,
    }),
  };
}

export const useCalendarFeed = () =>
  useQuery({
    queryKey: planKeys.feed,
    queryFn: () => api.get<CalendarFeed>(`${V1}/me/calendar-feed`),
  });
export function useCalendarFeedMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.feed);
  return {
    create: useMutation({
      mutationFn: () => api.post<Reply<"postMeCalendarFeed">>(`${V1}/me/calendar-feed`),
      onSettled,
    }),
    revoke: useMutation({ mutationFn: () => api.del(`${V1}/me/calendar-feed`), onSettled }),
  };
}

/** Which queries each live event makes stale. */
export function invalidationsFor(eventType: string): QueryKey[] {
  switch (eventType) {
    case "schedule.changed":
      return [["plans"], planKeys.workload, planKeys.today, planKeys.agenda, planKeys.reports];
    case "notification":
      return [planKeys.notifications, planKeys.reports];
    case "report.submitted":
      return [planKeys.reports];
    case "day.changed":
      return [planKeys.today, planKeys.agenda, planKeys.reports, ["plans"]];
    // After-sales: a case opened, imported, moved or given to someone; a follow-up due or done; a
    // clock at risk or breached — the case list, the case page and the agent's Today refresh.
    case "aftersales.cases.changed":
    case "aftersales.followups.changed":
    case "aftersales.sla.alert":
      return [["aftersales"], planKeys.today];
    default:
      return [];
  }
}
