// Plans, schedules, Today, daily reports, notes, notifications and the calendar feed: the shapes
// of the API's JSON (as /api/openapi.json describes them) and TanStack Query hooks over them.
import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { api, qs } from "./client";
import type { Locale, Page } from "./types";
import type { Message } from "../i18n/messages";

const V1 = "/api/v1";

export type PlanKind = "campaign" | "project";
export type PlanStatus = "draft" | "active" | "done" | "archived";
export type TaskStatus = "todo" | "in_progress" | "done";
export type DepType = "FS" | "SS" | "FF" | "SF";

export interface PlanSummary {
  id: string;
  name: string;
  kind: PlanKind;
  description: string | null;
  ownerMemberId: string;
  status: PlanStatus;
  startDate: string | null;
  launchDate: string | null;
  baselineAt: string | null;
  version: number;
  createdAt: string;
  finish: string | null;
  taskCount: number;
  doneCount: number;
  lateCount: number;
  unscheduledCount: number;
}
export interface Dependency {
  taskId: string;
  type: DepType;
  lagDays: number;
}
export interface PlanTask {
  id: string;
  planId: string;
  parentId: string | null;
  sortOrder: number;
  name: string;
  effortHours: number;
  skillId: string | null;
  minLevel: number | null;
  assigneeMemberId: string | null;
  priority: number;
  earliestStart: string | null;
  deadline: string | null;
  milestone: boolean;
  status: TaskStatus;
  remainingHours: number | null;
  loggedHours: number;
  actualStart: string | null;
  dependsOn: Dependency[];
  version: number;
}
export interface PlanDetail {
  plan: PlanSummary;
  tasks: PlanTask[];
  baseline: Record<string, { start: string; finish: string }> | null;
}
export interface ScheduledTask {
  id: string;
  assignee: string | null;
  start: string;
  finish: string;
  totalFloatDays: number;
  critical: boolean;
  late: boolean;
  lateDays: number;
  summary: boolean;
}
export interface Schedule {
  format: string;
  mode: string;
  finish: string;
  tasks: ScheduledTask[];
  criticalPath: string[];
  allocations: { member: string; date: string; task: string; hours: number }[];
  unscheduled: {
    task: string;
    reason: string;
    code?: string;
    params?: Record<string, string | number>;
  }[];
  /** English, for files and logs. */
  warnings: string[];
  /** The warnings as messages to render in the reader's language (absent on older schedules). */
  notices?: Message[];
}
export interface PlanTemplate {
  id: string;
  name: string;
  kind: PlanKind;
  builtin: boolean;
  taskCount: number;
}
export interface TaskInput {
  name?: string;
  effortHours?: number;
  summary?: boolean;
  parentId?: string | null;
  skillId?: string | null;
  minLevel?: number | null;
  assigneeMemberId?: string | null;
  priority?: number;
  earliestStart?: string | null;
  deadline?: string | null;
  milestone?: boolean;
  dependsOn?: Dependency[];
  sortOrder?: number;
  status?: TaskStatus;
  remainingHours?: number | null;
}
export interface TaskResult {
  task: PlanTask;
  schedule: { finish: string; late: number; unscheduled: number; ms: number };
}
export interface Workload {
  days: string[];
  members: {
    memberId: string;
    name: string;
    cells: { date: string; capacity: number; duties: number; hours: number }[];
  }[];
}

export interface TodayTask {
  taskId: string;
  planId: string;
  planName: string;
  name: string;
  hours: number;
  loggedHours: number;
  status: string;
  remainingHours: number | null;
  deadline: string | null;
  late: boolean;
  version: number;
}
export interface Duty {
  id: string;
  memberId: string;
  title: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
}
export interface DayItem {
  id: string;
  title: string;
  kind: "inbox" | "unplanned";
  date: string | null;
  estimateHours: number | null;
  loggedHours: number;
  done: boolean;
  version: number;
}
export interface Today {
  date: string;
  memberId: string;
  memberName: string;
  workday: boolean;
  capacityHours: number;
  plannedHours: number;
  loggedHours: number;
  tasks: TodayTask[];
  duties: Duty[];
  items: DayItem[];
  inbox: DayItem[];
}
export interface Agenda {
  from: string;
  to: string;
  members: {
    id: string;
    name: string;
    departmentId: string | null;
    allocations: {
      memberId: string;
      date: string;
      taskId: string;
      hours: number;
      planId: string;
      name: string;
      status: string;
    }[];
  }[];
}

export interface ReportDraft {
  done: { title: string; planName: string | null; hours: number }[];
  notDone: {
    taskId: string;
    title: string;
    planName: string | null;
    plannedHours: number;
    loggedHours: number;
    remainingHours: number | null;
    reason: string | null;
  }[];
  unplanned: { title: string; hours: number }[];
  plannedHours: number;
  actualHours: number;
  tomorrow: {
    date: string | null;
    items: { title: string; planName: string | null; hours: number }[];
  };
  /** The role's numbers; `message` is the label to render, `label` its text in the language asked for. */
  metrics: { key: string; message: Message; label: string; value: string | number }[];
}
export interface ReportComment {
  id: string;
  authorMemberId: string;
  authorName: string;
  body: string;
  createdAt: string;
}
export interface Report {
  id: string | null;
  memberId: string;
  memberName: string;
  date: string;
  status: "none" | "draft" | "submitted";
  draft: ReportDraft | null;
  blockers: string | null;
  helpNeeded: string | null;
  note: string | null;
  submittedAt: string | null;
  acknowledgedBy: string | null;
  version: number;
  comments: ReportComment[];
}
export interface ReportStatus {
  date: string;
  submitted: number;
  total: number;
  items: {
    memberId: string;
    name: string;
    departmentId: string | null;
    status: "none" | "draft" | "submitted";
    submittedAt: string | null;
    acknowledged: boolean;
  }[];
}
export interface ReportInput {
  version?: number;
  blockers?: string;
  helpNeeded?: string;
  note?: string;
  reasons?: Record<string, string>;
  submit?: boolean;
}

export type NoteTarget = "day" | "task" | "plan";
export interface Note {
  id: string;
  authorMemberId: string;
  authorName: string;
  targetType: NoteTarget;
  targetId: string;
  title: string | null;
  body: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface Notification {
  id: string;
  kind: string;
  /** The title as a message ({code, params}); `title` is its text in the language asked for. */
  message: Message;
  /** The body's lines as messages; `body` is their text, a line each. */
  lines: Message[];
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
export interface CalendarFeed {
  active: boolean;
  createdAt: string | null;
  path?: string;
}

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
      mutationFn: (b: {
        name: string;
        kind?: PlanKind;
        startDate?: string;
        launchDate?: string;
        ownerMemberId?: string;
      }) => api.post<PlanSummary>(`${V1}/plans`, b),
      onSettled,
    }),
    fromTemplate: useMutation({
      mutationFn: (b: {
        templateId: string;
        launchDate: string;
        name?: string;
        startDate?: string;
        locale?: Locale;
      }) => api.post<PlanDetail>(`${V1}/plans/from-template`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({
        id,
        ...b
      }: {
        id: string;
        version: number;
        name?: string;
        status?: PlanStatus;
        launchDate?: string | null;
        startDate?: string | null;
      }) => api.patch<PlanSummary>(`${V1}/plans/${id}`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/plans/${id}`), onSettled }),
    baseline: useMutation({
      mutationFn: (id: string) => api.post<unknown>(`${V1}/plans/${id}/baseline`),
      onSettled,
    }),
    saveAsTemplate: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) =>
        api.post<unknown>(`${V1}/plans/${id}/save-as-template`, { name }),
      onSettled: () => inv(["plan-templates"]),
    }),
  };
}

export function useTaskMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(...scheduleKeys);
  return {
    create: useMutation({
      mutationFn: ({ planId, ...b }: TaskInput & { planId: string; name: string }) =>
        api.post<TaskResult>(`${V1}/plans/${planId}/tasks`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: TaskInput & { id: string; version: number }) =>
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
      mutationFn: ({ taskId, ...b }: { taskId: string; hours?: number; note?: string }) =>
        api.post<Today>(`${V1}/today/tasks/${taskId}/check-off`, b),
      onSettled,
    }),
    remaining: useMutation({
      mutationFn: ({ taskId, remainingHours }: { taskId: string; remainingHours: number }) =>
        api.post<Today>(`${V1}/today/tasks/${taskId}/remaining`, { remainingHours }),
      onSettled,
    }),
    log: useMutation({
      mutationFn: (b: {
        taskId?: string;
        itemId?: string;
        hours: number;
        date?: string;
        note?: string;
      }) => api.post<Today>(`${V1}/work-logs`, b),
      onSettled,
    }),
    addItem: useMutation({
      mutationFn: (b: {
        title: string;
        kind?: "inbox" | "unplanned";
        date?: string;
        estimateHours?: number;
        loggedHours?: number;
        done?: boolean;
      }) => api.post<Today>(`${V1}/items`, b),
      onSettled,
    }),
    updateItem: useMutation({
      mutationFn: ({
        id,
        ...b
      }: {
        id: string;
        version: number;
        title?: string;
        date?: string;
        done?: boolean;
      }) => api.patch<Today>(`${V1}/items/${id}`, b),
      onSettled,
    }),
    removeItem: useMutation({
      mutationFn: (id: string) => api.del(`${V1}/items/${id}`),
      onSettled,
    }),
    addDuty: useMutation({
      mutationFn: (b: {
        memberId?: string;
        title: string;
        weekdays: number[];
        startTime: string;
        endTime: string;
      }) => api.post<Duty>(`${V1}/duties`, b),
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
export interface ReportHistoryItem {
  id: string;
  date: string;
  status: "none" | "draft" | "submitted";
  submittedAt: string | null;
  acknowledgedBy: string | null;
  blockers: string | null;
  helpNeeded: string | null;
}
export const useReportHistory = (memberId: string, from: string, to: string) =>
  useQuery({
    queryKey: [...planKeys.reports, "history", memberId, from, to],
    queryFn: () => api.get<Page<ReportHistoryItem>>(`${V1}/reports/${memberId}${qs({ from, to })}`),
    enabled: !!memberId,
  });

export function useReportMutations(memberId: string, date: string) {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.reports, planKeys.notifications);
  const path = `${V1}/reports/${memberId}/${date}`;
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
    mutationFn: (memberId: string) => api.post<unknown>(`${V1}/members/${memberId}/nudge`),
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
      mutationFn: (b: { targetType: NoteTarget; targetId: string; title?: string; body: string }) =>
        api.post<Note>(`${V1}/notes`, b),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...b }: { id: string; version: number; title?: string; body?: string }) =>
        api.patch<Note>(`${V1}/notes/${id}`, b),
      onSettled,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`${V1}/notes/${id}`), onSettled }),
  };
}

export const useNotifications = () =>
  useQuery({
    queryKey: planKeys.notifications,
    queryFn: () =>
      api.get<Page<Notification> & { unread: number }>(`${V1}/notifications${qs({ limit: 30 })}`),
  });
export function useNotificationMutations() {
  const inv = useInvalidate();
  const onSettled = () => inv(planKeys.notifications);
  return {
    read: useMutation({
      mutationFn: (id: string) => api.post<unknown>(`${V1}/notifications/${id}/read`),
      onSettled,
    }),
    readAll: useMutation({
      mutationFn: () => api.post<unknown>(`${V1}/notifications/read-all`),
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
      mutationFn: () => api.post<CalendarFeed>(`${V1}/me/calendar-feed`),
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
    default:
      return [];
  }
}
