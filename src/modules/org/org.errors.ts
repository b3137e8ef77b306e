// The org area's refusals as message codes (core/messages/org.*.ts): a not-found and a stale
// write name what they are about as a nested message; a field error carries its code.
import { fail, fieldError, type DomainError } from "../../core/errors.js";
import { msg, type MessageCode, type MessageParams } from "../../core/messages/index.js";

export type OrgEntity =
  | "department"
  | "member"
  | "leave"
  | "skill"
  | "invitation"
  | "user"
  | "workspace"
  | "settings"
  | "calendar_day"
  | "api_token";

export const notFoundIn = (what: OrgEntity): DomainError =>
  fail("not_found", "org.not_found", { what: msg(`org.entity.${what}`) });

export const staleIn = (what: OrgEntity, current: number): DomainError =>
  fail(
    "conflict",
    "org.stale_version",
    { what: msg(`org.entity.${what}`), current },
    { extra: { currentVersion: current } },
  );

/** A refused field: 400 with the code on the field and as the detail. */
export const badField = (field: string, code: MessageCode, params?: MessageParams): DomainError =>
  fail("invalid", code, params, { fields: [fieldError(field, code, params)] });
