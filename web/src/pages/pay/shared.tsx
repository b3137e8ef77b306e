// Small pieces shared by the pay pages: the first day of a month, a field-error list, the refusal.
import { Alert, Result, type FormInstance } from "antd";
import { ApiError } from "../../api/client";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";

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
export function setFieldErrors(form: FormInstance, err: unknown, prefix: (string | number)[] = []): boolean {
  if (!(err instanceof ApiError) || !err.fieldErrors.length) return false;
  form.setFields(err.fieldErrors.map((e) => ({ name: [...prefix, ...namePath(e.field)], errors: [e.message] })));
  return true;
}

/** Every field error of a refused request, each with its path (the server names them). */
export function FieldErrors({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const list = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert type="error" showIcon data-testid="field-errors" title={errorText(error, t)}
      description={list.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{list.map((e) => <li key={e.field}><code>{e.field}</code>: {e.message}</li>)}</ul> : null} />
  );
}

/** A refused or missing page: 403 says plainly that it is not allowed. */
export function Refused({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) return <Result status="403" title={t("pay.notAllowed")} subTitle={t("pay.notAllowedHint")} data-testid="not-allowed" />;
  if (status === 404) return <Result status="404" title={t("error.notFound")} subTitle={errorText(error, t)} data-testid="not-found" />;
  return <Alert type="error" showIcon title={errorText(error, t)} />;
}
