// Small pieces shared by the pay pages: the first day of a month, a field-error list, the refusal.
import { Alert, Result, type FormInstance } from "antd";
import { ApiError } from "../../api/client";
import { errorText } from "../../components/errors";
import type { Locale } from "../../api/types";
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
export function setFieldErrors(form: FormInstance, err: unknown, locale: Locale): boolean {
  if (!(err instanceof ApiError) || !err.fieldErrors.length) return false;
  form.setFields(
    err.fieldErrors.map((e) => ({
      name: namePath(e.field),
      errors: [localizeMessage(locale, e.message)],
    })),
  );
  return true;
}

// The server words its refusals in English; the ones a shop meets most are said in Chinese too.
const ZH: [RegExp, string][] = [
  [
    /^There is no shop data for (\S+): import the month's orders first$/,
    "$1 没有店铺数据：请先导入当月的订单",
  ],
  [
    /^(\S+) is inside a locked pay period \(locked through (\S+)\); choose a later date$/,
    "$1 落在已锁定的工资月份内（已锁定至 $2），请选择更晚的日期",
  ],
  [/^overlaps band (\d+) \(which ends at (\S+)\)$/, "与第 $1 档重叠（第 $1 档止于 $2）"],
  [
    /^leaves a gap after band (\d+) \(which ends at (\S+)\)$/,
    "与第 $1 档之间有空档（第 $1 档止于 $2）",
  ],
  [/^must not be negative$/, "不能为负数"],
  [/^must not be zero$/, "不能为零"],
  [/^must be above from$/, "必须大于起点"],
  [/^the first band starts at 0$/, "第一档必须从 0 开始"],
  [/^only the last band may be open-ended$/, "只有最后一档可以不设上限"],
  [/^the last band must be open-ended \(to: null\)$/, "最后一档不设上限（留空）"],
  [/^weights must add up to 100 \(they add up to (\S+)\)$/, "权重之和必须为 100（现在是 $1）"],
  [/^percentages must add up to 100 \(they add up to (\S+)\)$/, "比例之和必须为 100（现在是 $1）"],
  [/^must be a percentage with at most 4 decimals$/, "必须是最多 4 位小数的百分比"],
  [/^must be an amount as text, e.g. "12.50"$/, "必须是金额，例如 12.50"],
];
export function localizeMessage(locale: Locale, message: string): string {
  if (locale !== "zh-CN") return message;
  for (const [re, zh] of ZH) if (re.test(message)) return message.replace(re, zh);
  return message;
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
      title={list.length ? t("pay.errors.title", { count: list.length }) : errorText(error, t)}
      description={
        list.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18, wordBreak: "break-word" }}>
            {list.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code>: {localizeMessage(locale, e.message)}
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
  const { t } = useI18n();
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
        subTitle={errorText(error, t)}
        data-testid="not-found"
      />
    );
  return <Alert type="error" showIcon title={errorText(error, t)} />;
}
