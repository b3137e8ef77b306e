// logistics 消息代码的中文文本（"people" 部分）：键与 logistics-people.en.ts 完全一致（类型检查保证）。
import type { LOGISTICS_PEOPLE_EN } from "./logistics-people.en.js";

export const LOGISTICS_PEOPLE_ZH: Record<keyof typeof LOGISTICS_PEOPLE_EN, string> = {
  "logistics.people.load_date_range": "请选择 {from} 至 {to} 之间的日期。",
  "logistics.people.settings_stale":
    "打包设置已被他人修改（当前版本 {currentVersion}），请刷新后重试。",
  "logistics.people.field.parcels_quantity":
    "打包件数是计数：按它计提成时，基数须为件数（quantity）。",
  "logistics.people.src.parcels_member":
    "{name} 打包的包裹 {from}…{to}：{parcels} 件（扫描发货与标记已打包的包裹）",
  "logistics.people.src.parcels_department":
    "{department} 成员打包的包裹 {from}…{to}：{parcels} 件",
  "logistics.people.src.parcels_all": "全员打包的包裹 {from}…{to}：{parcels} 件",
  "logistics.people.src.wrong_parcels": "扫描拦截的错发包裹，{name} {from}…{to}：{count} 件",
  "audit.logistics.parcel_seconds_set": "{actor} 将每件打包时间设为 {seconds} 秒",
  "audit.logistics.parcel_seconds_learned": "{actor} 将每件打包时间改为按扫描记录自动学习",
  "unit.parcel": "件",
  "unit.parcel.value": "{value:num} 件",
};
