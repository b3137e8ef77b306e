// How a plan's progress tab writes its figures: hours to one decimal, ratios to two, "—" where a
// measure is undefined, and a ratio's traffic light (green ≥ 1.0, amber ≥ 0.9, red below).
import { Tag } from "antd";
import type { Evm } from "../../api/progress";
import type { Translate } from "../../i18n";

export const DASH = "—";
export const hours = (h: number | null) => (h === null ? DASH : h.toFixed(1));
export const ratio = (r: number | null) => (r === null ? DASH : r.toFixed(2));
const LIGHT_COLOR = { green: "success", amber: "warning", red: "error" } as const;
type Light = Evm["lights"]["spi"];

export function LightTag({ light, t }: { light: Light; t: Translate }) {
  if (!light) return <Tag>{DASH}</Tag>;
  return <Tag color={LIGHT_COLOR[light]}>{t(`progress.light.${light}`)}</Tag>;
}
