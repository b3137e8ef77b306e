// Carriers, rate cards and quotes (docs/LOGISTICS.md, part rates): the API's shapes from the
// generated contract and TanStack Query hooks over them. Money and weights are the server's decimal
// texts; the browser shows them and never recomputes them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError, qs } from "../../../api/client";
import type { Body, Item, Query, Reply } from "../../../api/contract";
import type { Problem } from "../../../api/types";

const V1 = "/api/v1";

export type Carrier = Item<"listCarriers">;
export type CarrierPatch = Body<"updateCarrier">;
export type NewCarrier = Body<"createCarrier">;
export type RateCardSummary = Item<"listRateCards">;
export type ImportedCard = Reply<"importRateCard">;
export type ImportOptions = Omit<Query<"importRateCard">, "fileName" | "carrier">;
export type QuoteQuery = Query<"quoteParcel">;
export type QuoteResult = Reply<"quoteParcel">;
/** A refused card: every problem with its row and column, in the problem body. */
export type CardProblem = NonNullable<Problem["problems"]>[number];

export const rateKeys = {
  carriers: ["logistics", "carriers"] as const,
  cards: ["logistics", "rate-cards"] as const,
  quote: (q: QuoteQuery) => ["logistics", "quote", q] as const,
};

export const useCarriers = () =>
  useQuery({
    queryKey: rateKeys.carriers,
    queryFn: () => api.get<Reply<"listCarriers">>(`${V1}/logistics/carriers`),
  });

export const useRateCards = () =>
  useQuery({
    queryKey: rateKeys.cards,
    queryFn: () => api.get<Reply<"listRateCards">>(`${V1}/logistics/rate-cards`),
  });

export const useQuote = (q: QuoteQuery | null) =>
  useQuery({
    queryKey: rateKeys.quote(q ?? ({} as QuoteQuery)),
    enabled: q !== null,
    queryFn: () => api.get<QuoteResult>(`${V1}/logistics/quotes${qs(q ?? {})}`),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["logistics"] });
}

export function useUpdateCarrier() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CarrierPatch }) =>
      api.patch<Reply<"updateCarrier">>(`${V1}/logistics/carriers/${id}`, patch),
    onSettled: () => refresh(),
  });
}

export function useCreateCarrier() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewCarrier) =>
      api.post<Reply<"createCarrier">>(`${V1}/logistics/carriers`, body),
    onSettled: () => refresh(),
  });
}

/** Deletes a card version; the carrier's parcels are re-costed on the cards that remain. */
export function useDeleteCard() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      api.del<Reply<"deleteRateCard">>(`${V1}/logistics/rate-cards/${id}`),
    onSettled: () => refresh(),
  });
}

/** Sends the card file as the raw body; a refusal arrives as an ApiError whose problem lists rows and columns. */
function sendCard({
  file,
  carrier,
  options,
}: {
  file: File;
  carrier: string;
  options: ImportOptions;
}): Promise<ImportedCard> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      "POST",
      `${V1}/logistics/rate-cards${qs({ ...options, carrier, fileName: file.name })}`,
    );
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", document.documentElement.lang || "zh-CN");
    xhr.onerror = () =>
      reject(new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" }));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as ImportedCard);
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

export function useImportCard() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: sendCard, onSuccess: () => void refresh() });
}

/** Where a card downloads as a file (the session cookie goes along). */
export const exportHref = (id: string, format: "csv" | "xlsx" | "json") =>
  `${V1}/logistics/rate-cards/${id}/export?format=${format}`;
