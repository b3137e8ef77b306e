// Domain errors thrown by services; the server maps each kind to one HTTP status and one
// problem-details shape, so services never speak HTTP.
export interface FieldError {
  field: string;
  message: string;
}

export type DomainErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_many_requests";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalid = (message: string, fields: FieldError[] = []) => new DomainError("invalid", message, fields);
export const invalidField = (field: string, message: string) => new DomainError("invalid", message, [{ field, message }]);
export const unauthorized = (message = "Not signed in") => new DomainError("unauthorized", message);
export const forbidden = (message = "Not allowed") => new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new DomainError("conflict", message, [], extra);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError("too_many_requests", message, [], { retryAfterSeconds });

/** A stale write: the caller's version is not the stored one. */
export const staleVersion = (what: string, current: number) =>
  conflict(`${what} was changed by someone else (current version ${current}); reload and try again`, { currentVersion: current });
