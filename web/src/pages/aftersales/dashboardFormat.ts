// How the after-sales dashboard writes its figures: rates as percent, fen as yuan, handling times in
// the unit people read them in.
import type { useI18n } from "../../i18n";
import { money } from "./labels";

export const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
export const yuan = (fen: number) => money(fen, "CNY");
export type T = ReturnType<typeof useI18n>["t"];
/** Minutes as people read a handling time: minutes under two hours, hours under two days, else days. */
export const duration = (t: T, minutes: number | null) =>
  minutes === null
    ? "—"
    : minutes < 120
      ? t("aftersales.dash.minutes", { minutes: minutes.toFixed(0) })
      : minutes < 2880
        ? t("aftersales.dash.hours", { hours: (minutes / 60).toFixed(1) })
        : t("aftersales.dash.days", { days: (minutes / 1440).toFixed(1) });
