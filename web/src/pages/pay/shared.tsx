// Small pieces shared by the pay pages: the first day of a month, messages in the page's language,
// what the signed-in person may do, a field-error list, the refusal.
import { Alert, Result, type FormInstance } from "antd";
import { useCallback } from "react";
import { ApiError } from "../../api/client";
import type { PayPlanDefinition } from "../../api/pay";
import type { Locale } from "../../api/types";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { messageText, renderMessage, type Message } from "../../i18n/messages";
import { useMe } from "../../me";
import { inputKeyLabel } from "../../../../src/core/pay/keys";
import { planText } from "../../../../src/core/pay/labels";
import type { PayAction } from "../../../../src/core/pay/policy";
import type { PolicyTarget } from "../../../../src/core/policy";

/** A message (a statement's formula, a source, a label) in the page's language. */
export function useMessageText(): (m: Message) => string {
  const { locale } = useI18n();
  return useCallback((m: Message) => renderMessage(locale, m), [locale]);
}

/** A plan's text (a rule's label, the description) in the page's language: a template's reads in either. */
export function usePlanText(): (text: string) => string {
  const { locale } = useI18n();
  return useCallback((text: string) => renderMessage(locale, planText(text)), [locale]);
}

/** What a run's input key ("commission.images") is called, from the plans (else the templates). */
export function useInputKeyLabel(plans: readonly PayPlanDefinition[]): (key: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: string) => renderMessage(locale, inputKeyLabel(key, plans)),
    [locale, plans],
  );
}

/** The pay rules for the signed-in person: the server's table (core/pay/policy.ts through core/can.ts). */
export function usePayRights(): (action: PayAction, target?: PolicyTarget) => boolean {
  return useMe().can;
}

export function monthStart(offsetMonths = 0, now = new Date()): string {
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offsetMonths, 1));
  return d.toISOString().slice(0, 10);
}
export const lastMonth = (now = new Date()) => monthStart(-1, now).slice(0, 7);

/** A path such as `definition.commissions.0.tiers.bands.1.from` as a form name path. */
export function namePath(field: string): (string | number)[] {
  return field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each of the server's field errors on the form field of the same path (the pay forms mirror
 * the request body); returns false when the error carries none, so the caller shows it otherwise.
 */
export function setFieldErrors(form: FormInstance, err: unknown, locale: Locale): boolean {
  if (!(err instanceof ApiError) || !err.fieldErrors.length) return false;
  form.setFields(
    err.fieldErrors.map((e) => ({
      name: namePath(e.field),
      errors: [messageText(locale, e.code, e.params) ?? e.message],
    })),
  );
  return true;
}

/** Every field error of a refused request, each with its path (the server names them). */
export function FieldErrors({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  const list = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid="field-errors"
      title={
        list.length ? t("pay.errors.title", { count: list.length }) : errorText(error, t, locale)
      }
      description={
        list.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18, wordBreak: "break-word" }}>
            {list.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code>: {messageText(locale, e.code, e.params) ?? e.message}
              </li>
            ))}
          </ul>
        ) : null
      }
    />
  );
}

/** A refused or missing page: 403 says plainly that it is not allowed. */
export function Refused({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403)
    return (
      <Result
        status="403"
        title={t("pay.notAllowed")}
        subTitle={t("pay.notAllowedHint")}
        data-testid="not-allowed"
      />
    );
  if (status === 404)
    return (
      <Result
        status="404"
        title={t("error.notFound")}
        subTitle={errorText(error, t, locale)}
        data-testid="not-found"
      />
    );
  return <Alert type="error" showIcon title={errorText(error, t, locale)} />;
}
