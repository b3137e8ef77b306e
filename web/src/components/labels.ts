import type { Role } from "../api/types";
import type { Translate } from "../i18n";
import type { MessageKey } from "../i18n/en";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const roleLabel = (t: Translate, r: Role) => t(`role.${r}` as MessageKey);
export const weekdayLabel = (t: Translate, d: number) => t(`weekday.${d}` as MessageKey);
export const roleColor: Record<Role, string> = { owner: "gold", lead: "blue", member: "default" };
export const weekdayOptions = (t: Translate) =>
  WEEKDAYS.map((d) => ({ value: d, label: weekdayLabel(t, d) }));
export const roleOptions = (t: Translate, roles: readonly Role[] = ["member", "lead", "owner"]) =>
  roles.map((r) => ({ value: r, label: roleLabel(t, r) }));
export const formatDateTime = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
