// A small typed fetch client: JSON in and out, same-origin cookies, problem details as ApiError.
// `api.get/post/put/patch/del` take only a path the server declares for that method (from the
// generated `paths`), so a misspelt or removed route fails the type check.
import type { paths } from "./schema.js";
import type { FieldError, Problem } from "./types.js";

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}

/** The reader's language, sent as Accept-Language so the server's `detail` reads in it. */
let readerLocale = "zh-CN";
export function setRequestLocale(locale: string): void {
  readerLocale = locale;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { accept: "application/json", "accept-language": readerLocale },
  };
  if (body !== undefined) {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, detail: "" });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    throw new ApiError(
      isProblem(data)
        ? data
        : { type: "about:blank", title: res.statusText, status: res.status, detail: "" },
    );
  }
  return data as T;
}

/** A path template as the strings it matches: "/api/v1/plans/{id}" → `/api/v1/plans/${string}`. */
type Filled<P extends string> = P extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${Filled<Tail>}`
  : P;
/** The paths the server declares for a method, with or without a query string. */
export type ApiPath<M extends "get" | "post" | "put" | "patch" | "delete"> = {
  [P in keyof paths]: undefined extends paths[P][M] ? never : Filled<P> | `${Filled<P>}?${string}`;
}[keyof paths];

export const api = {
  get: <T>(path: ApiPath<"get">) => request<T>("GET", path),
  post: <T>(path: ApiPath<"post">, body: unknown = {}) => request<T>("POST", path, body),
  put: <T>(path: ApiPath<"put">, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: ApiPath<"patch">, body: unknown) => request<T>("PATCH", path, body),
  del: <T = void>(path: ApiPath<"delete">) => request<T>("DELETE", path),
};

/** A query string: empty, or "?" and the parameters that have a value. */
export function qs(params: Record<string, string | number | undefined | null>): "" | `?${string}` {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
