// Turns API errors into what a person sees: field errors on the form, the server's detail otherwise.
import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { ApiError } from "../api/client";
import type { Locale } from "../api/types";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/en";
import { messageText } from "../i18n/messages";

/** What a person reads for an API error: the catalog's text for its code, else by status. */
export function errorText(err: unknown, t: (k: MessageKey) => string, locale?: Locale): string {
  if (!(err instanceof ApiError)) return t("error.generic");
  const coded = locale ? messageText(locale, err.problem.code, err.problem.params) : undefined;
  if (coded) return coded;
  switch (err.status) {
    case 0:
      return t("error.network");
    case 409:
      return err.problem.detail
        ? `${t("error.conflict")} (${err.problem.detail})`
        : t("error.conflict");
    case 429:
      return t("error.throttled");
    case 403:
      return err.problem.detail || t("error.forbidden");
    case 404:
      return err.problem.detail || t("error.notFound");
    default:
      return err.problem.detail || t("error.generic");
  }
}

/** Returns a handler: maps `errors[].field` onto the form's fields, shows the rest as a message. */
export function useApiErrors() {
  const { message } = App.useApp();
  const { t, locale } = useI18n();
  return useCallback(
    (err: unknown, form?: FormInstance, fieldMap: Record<string, string> = {}) => {
      if (err instanceof ApiError && form && err.fieldErrors.length) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
        const unmatched: string[] = [];
        const fields = err.fieldErrors.flatMap((fe) => {
          const name = fieldMap[fe.field] ?? fe.field.split(".")[0] ?? fe.field;
          if (!known.has(name)) {
            unmatched.push(`${fe.field}: ${fe.message}`);
            return [];
          }
          return [{ name, errors: [messageText(locale, fe.code, fe.params) ?? fe.message] }];
        });
        form.setFields(fields);
        if (unmatched.length || !fields.length)
          void message.error(`${err.problem.detail} ${unmatched.join("; ")}`.trim());
        return;
      }
      void message.error(errorText(err, t, locale));
    },
    [message, t, locale],
  );
}
