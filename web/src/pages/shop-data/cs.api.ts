// The customer-service performance endpoints (客服绩效): import, accounts, the month's summary.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../api/client";
import { goalKeys } from "../../api/goals";
import { usePermissions } from "../../components/permissions";
import type { Me, Page, Problem } from "../../api/types";
import type { ImportNote } from "./api";

const V1 = "/api/v1";

/** Rates and times as the server's decimal text: conversion in percent ("63.33"), times in seconds ("13.7"). */
export interface CsMetrics {
  days: number;
  inquirers: number;
  paying: number;
  conversion: string | null;
  firstResponse: string | null;
  averageResponse: string | null;
  consultations: number;
  received: number;
  sales: string;
}
export interface CsMemberMetrics extends CsMetrics {
  memberId: string;
  name: string;
  departmentId: string | null;
  accounts: string[];
}
export interface CsSummary {
  from: string;
  to: string;
  total: CsMetrics;
  members: CsMemberMetrics[];
  departments: (CsMetrics & { departmentId: string; name: string })[];
}
export interface CsAccount {
  account: string;
  memberId: string | null;
  memberName: string | null;
  days: number;
  firstDate: string | null;
  lastDate: string | null;
}
export interface CsImport {
  id: string;
  fileName: string;
  encoding: string;
  days: number;
  replaced: number;
  created: number;
  accounts: number;
  from: string;
  to: string;
  warnings: ImportNote[];
  createdAt: string;
}
export interface CsProblem {
  file?: string;
  row: number;
  column: string;
  code: string;
  params: Record<string, unknown>;
  /** The server's text, in the language the request asked for. */
  message: string;
}
/** A refused import: every problem, and the accounts that need a member first. */
export type CsRefusal = Problem & { problems?: CsProblem[]; unlinkedAccounts?: string[] };

export const csKeys = {
  all: ["cs"] as const,
  summary: (f: { from: string; to: string }) => ["cs", "summary", f] as const,
  accounts: ["cs", "accounts"] as const,
  imports: ["cs", "imports"] as const,
};

export const useCsSummary = (f: { from: string; to: string }) =>
  useQuery({
    queryKey: csKeys.summary(f),
    queryFn: () => api.get<CsSummary>(`${V1}/cs-metrics/summary${qs(f)}`),
    placeholderData: (prev) => prev,
  });
export const useCsAccounts = () =>
  useQuery({
    queryKey: csKeys.accounts,
    queryFn: () => api.get<Page<CsAccount>>(`${V1}/cs-accounts`),
  });
export const useCsImports = () =>
  useQuery({
    queryKey: csKeys.imports,
    queryFn: () => api.get<Page<CsImport>>(`${V1}/cs-imports?limit=5`),
  });

/** CS numbers feed goals and pay scorecards: they move together. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [csKeys.all, goalKeys.all, ["pay"]].map((k) => qc.invalidateQueries({ queryKey: k })),
    );
}

export function useLinkAccounts() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (accounts: { account: string; memberId: string | null }[]) =>
      api.put<Page<CsAccount> & { movedDays: number }>(`${V1}/cs-accounts`, { accounts }),
    onSettled: () => refresh(),
  });
}

/** Sends the file as the raw body (as the order upload does); a refusal arrives as an ApiError whose problem lists rows and columns. */
function sendFile(file: File): Promise<CsImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${V1}/cs-imports?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as CsImport);
      else
        reject(
          new ApiError(
            (data as CsRefusal | undefined) ?? {
              type: "about:blank",
              title: xhr.statusText,
              status: xhr.status,
              detail: "",
            },
          ),
        );
    };
    xhr.send(file);
  });
}

export function useCsImport() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: sendFile, onSuccess: () => void refresh() });
}

/** The owner and the customer_service leads import files and link accounts (the server's cs.import and cs.accounts rights, core/org/rights.ts). */
export function useCanManageCs(me: Me): boolean {
  const { can } = usePermissions(me);
  return can("cs.import") && can("cs.accounts");
}
