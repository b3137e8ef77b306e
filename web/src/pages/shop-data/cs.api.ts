// The customer-service performance endpoints (客服绩效): import, accounts, the month's summary.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../api/client";
import { goalKeys } from "../../api/goals";
import type { Body, Item, Query, Reply } from "../../api/contract";
import type { Problem } from "../../api/types";

const V1 = "/api/v1";

export type CsSummary = Reply<"getCsMetricsSummary">;
/** Rates and times as the server's decimal text: conversion in percent ("63.33"), times in seconds ("13.7"). */
export type CsMetrics = CsSummary["total"];
export type CsMemberMetrics = CsSummary["members"][number];
export type CsAccount = Item<"listCsAccounts">;
export type CsImport = Reply<"createCsImport">;
/** A refused import: every problem with its row and column, and the accounts that need a member first. */
export type CsProblem = NonNullable<Problem["problems"]>[number];
type Month = Query<"getCsMetricsSummary">;

export const csKeys = {
  all: ["cs"] as const,
  summary: (f: Month) => ["cs", "summary", f] as const,
  accounts: ["cs", "accounts"] as const,
  imports: ["cs", "imports"] as const,
};

export const useCsSummary = (f: Month) =>
  useQuery({
    queryKey: csKeys.summary(f),
    queryFn: () => api.get<CsSummary>(`${V1}/cs-metrics/summary${qs(f)}`),
    placeholderData: (prev) => prev,
  });
export const useCsAccounts = () =>
  useQuery({
    queryKey: csKeys.accounts,
    queryFn: () => api.get<Reply<"listCsAccounts">>(`${V1}/cs-accounts`),
  });
export const useCsImports = () =>
  useQuery({
    queryKey: csKeys.imports,
    queryFn: () => api.get<Reply<"listCsImports">>(`${V1}/cs-imports?limit=5`),
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
    mutationFn: (accounts: Body<"putCsAccounts">["accounts"]) =>
      api.put<Reply<"putCsAccounts">>(`${V1}/cs-accounts`, { accounts }),
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
            (data as Problem | undefined) ?? {
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
