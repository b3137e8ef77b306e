// logistics 消息代码的中文文本（"scan" 部分）：键与 logistics-scan.en.ts 完全一致（类型检查保证）。
import type { LOGISTICS_SCAN_EN } from "./logistics-scan.en.js";

export const LOGISTICS_SCAN_ZH: Record<keyof typeof LOGISTICS_SCAN_EN, string> = {
  "scan.entity.parcel": "包裹",
  "scan.code_empty": "没有扫到内容。",
  "scan.carrier_unknown": "没有代码为 {carrier} 的启用中的快递公司。",
  "scan.slip_ok": "订单 {orders}（收件人 {recipient}）：请扫描运单号。",
  "scan.slip_ok_expect": "订单 {orders}（收件人 {recipient}）：请扫描它的运单 {waybill}。",
  "scan.unknown": "未知条码：{code} 不是本工作区的包裹或订单。请勿打包！",
  "scan.order_in_shops": "订单号 {order} 在 {count} 个店铺中都有：请扫描发货单上的包裹条码。",
  "scan.order_in_parcels": "订单 {order} 拆成了 {count} 个包裹：请扫描发货单上的包裹条码。",
  "scan.order_refunded":
    "已退款：订单 {order} 已全额退款（{refund:fen} 元）。请勿发货，把包裹放到一边！",
  "scan.order_cancelled": "已取消：订单 {order} 已取消。请勿发货，把包裹放到一边！",
  "scan.order_unpaid": "未付款：订单 {order} 尚未付款。请勿发货，把包裹放到一边！",
  "scan.order_shipped":
    "已发货：订单 {order} 在平台上已发货（{carrier} {waybill}）。请勿重复发货！",
  "scan.order_shipped_plain": "已发货：订单 {order} 在平台上已发货。请勿重复发货！",
  "scan.parcel_cancelled": "包裹已取消：订单 {orders} 的包裹已取消。请勿发货，放到一边！",
  "scan.parcel_shipped":
    "已发货：订单 {orders} 的包裹已用运单 {waybill} 发出，{at} 由 {packer} 打包。请勿重复发货！",
  "scan.parcel_changed": "已打包：订单 {orders} 的包裹刚刚被别人打包或修改。请重新扫描发货单。",
  "scan.waybill_is_own_slip": "{code} 是这个包裹的发货单：请扫描快递面单上的运单号。",
  "scan.waybill_is_slip":
    "包裹错了：{code} 是另一个包裹（订单 {orders}）的发货单。请核对手上的箱子！",
  "scan.waybill_invalid": "{code} 不是运单号（7–40 位字母、数字或短横线）：请扫描快递面单。",
  "scan.waybill_used":
    "包裹错了：运单 {waybill} 已属于订单 {orders} 的包裹，不是订单 {mine} 的。请核对面单！",
  "scan.waybill_taken":
    "运单 {waybill} 已用于订单 {orders} 的包裹：一个运单号只能对应一个包裹。请核对为订单 {mine} 输入的单号。",
  "scan.waybill_expected":
    "包裹错了：订单 {orders} 的运单是 {expected}，扫到的却是 {waybill}。请核对面单！",
  "scan.carrier_needed": "运单 {waybill}：无法从单号判断快递公司。请选择快递公司后重新扫描。",
  "scan.shipped": "已发货：订单 {orders}，{carrier} {waybill}。",
  "scan.shipped_weight": "已发货：订单 {orders}，{carrier} {waybill}，{kg} 千克。",
  "scan.return_received":
    "退货已签收：运单 {waybill}，售后单 {cases}（订单 {orders}）。客服现在可以退款。",
  "scan.return_received_inspect":
    "退货已签收：运单 {waybill}，售后单 {cases}（订单 {orders}）。请先验货，再退款。",
  "scan.return_already": "运单 {waybill} 已签收过（售后单 {cases}），未做更改。",
  "scan.return_unknown":
    "不是退货：运单 {waybill} 不属于本工作区的任何售后单。请把包裹放到一边，并联系客服！",
  "scan.return_is_outgoing":
    "不是退货：运单 {waybill} 是我们发出的订单 {orders} 的包裹，不是退货。请放到一边，并联系客服！",
  "scan.return_case_finished":
    "售后已结束：运单 {waybill} 是售后单 {case} 的退货，该售后单状态为“{state}”。请勿签收，联系客服！",
  "scan.return_case_not_returning":
    "未同意退货：运单 {waybill} 属于售后单 {case}（{type}），该类型不退回商品。请勿签收，联系客服！",
  "audit.logistics.waybill_duplicate_cleared":
    "{actor} 移除了订单 {orders} 的包裹上的运单 {waybill}：订单 {keptOrders} 的包裹先用了这个单号（一个运单号只能对应一个包裹）",
  "audit.logistics.waybill_typed":
    "{actor} 为订单 {orders} 的包裹手工录入了运单 {carrier} {waybill}",
  "tracking.too_many_files": "一次最多导入 {max} 个运单文件。",
  "tracking.cli.imported":
    "已为 {shop} 导入 {rows} 行运单：新建 {created} 个包裹，更新 {updated} 个，未变 {unchanged} 个。",
  "tracking.cli.would_import":
    "检查完成：{shop} 的 {rows} 行运单将新建 {created} 个包裹，更新 {updated} 个，未变 {unchanged} 个（试运行：未保存）。",
  "writeback.cli.bad_date": "{flag} 须为 {min} 至 {max} 之间的日期 YYYY-MM-DD（收到“{value}”）。",
  "writeback.cli.scope": "请指定 --batch ID，或 --from 日期（及 --to 日期），二选一。",
  "writeback.cli.wrote":
    "已把 {lines} 个订单的 {platform} 回传文件（{format}）写入 {out}；回传文件 {id}。",
  "tracking.mapping_not_found": "没有名为“{name}”的运单映射。",
  "tracking.mapping_column_missing": "映射读取列 {column}，但文件中没有这一列。",
  "tracking.mapping_carrier_unknown": "映射中的快递公司 {carrier} 不是本工作区启用中的快递公司。",
  "tracking.cell.not_waybill": "{column}：“{value}”不是运单号（7–40 位字母、数字或短横线）。",
  "tracking.cell.carrier_unknown": "{column}：没有叫“{value}”的快递公司。",
  "tracking.cell.carrier_needed":
    "{column}：无法从单号判断运单 {waybill} 的快递公司；请增加快递公司列，或保存带快递公司的映射。",
  "tracking.cell.not_weight": "{column}：“{value}”不是重量（千克如 0.52，或克如 520g）。",
  "tracking.cell.weight_range":
    "{column}：{value} 不是包裹重量（须大于 0 且不超过 {maxKg} 千克）。",
  "tracking.row.waybill_twice": "{column}：运单 {waybill} 已在第 {first} 行用于订单 {order}。",
  "tracking.row.order_twice":
    "{column}：订单 {order} 在第 {first} 行已有运单 {waybill}；拆成多个包裹的订单请在打包台录入各包裹的运单。",
  "tracking.row.waybill_in_file":
    "{column}：运单 {waybill} 也出现在 {file} 第 {first} 行，属于订单 {order}。",
  "tracking.row.order_in_file":
    "{column}：订单 {order} 在 {file} 第 {first} 行的运单是 {waybill}。",
  "tracking.warning.in_other_file":
    "第 {row} 行：订单 {order} 的同一运单也在 {file} 第 {first} 行；取本行的快递公司和重量。",
  "tracking.warning.repeated_row": "第 {row} 行与第 {first} 行重复，只读一次。",
  "tracking.warning.unused_columns": "未读取的列：{columns}。",
  "tracking.warning.platform_other":
    "第 {row} 行：平台显示订单 {order} 已用 {platform} 发货，文件中是 {waybill}。两者一致之前，回传核对会列出它。",
  "tracking.order_unknown": "{column}：订单 {order} 不是本店铺的订单（请先导入店铺订单）。",
  "tracking.order_split":
    "{column}：订单 {order} 拆成了 {count} 个包裹：请在打包台为每个包裹录入运单。",
  "tracking.order_refunded": "{column}：订单 {order} 已全额退款，不能发货。请删除该行。",
  "tracking.order_cancelled": "{column}：订单 {order} 已取消，不能发货。请删除该行。",
  "tracking.order_unpaid": "{column}：订单 {order} 未付款，不能发货。请删除该行。",
  "tracking.waybill_used": "{column}：运单 {waybill} 已属于另一个包裹，不属于订单 {order}。",
  "tracking.parcel_scanned_other":
    "{column}：订单 {order} 在打包台用运单 {scanned} 打包，不是 {waybill}。",
  "tracking.mapping.bad_header": "请按文件中的写法填写列名（1–100 个字符）。",
  "tracking.mapping.bad_unit": "重量单位为 kg 或 g。",
  "tracking.mapping.bad_name": "映射名称需 1–{max} 个字符。",
  "tracking.mapping.taken": "已有名为“{name}”的映射或模板。",
  "writeback.entity.file": "回传文件",
  "writeback.template.bad_format": "文件格式为 csv-gbk、csv-utf8、csv-utf8-bom 或 xlsx。",
  "writeback.template.bad_platform": "平台为 taobao、jd、pdd、douyin、shopify 或 woocommerce。",
  "writeback.template.shop_required": "请选择模板所属的店铺。",
  "writeback.scope_required": "请指定波次，或开始和结束日期（二选一）。",
  "writeback.batch_not_found": "没有波次 {batch}。",
  "writeback.range_reversed": "结束日期（{to}）早于开始日期（{from}）。",
  "writeback.nothing": "{shop} 在{scope}没有带运单号的已发货包裹：没有可回传的内容。",
  "writeback.scope.batch": "波次 {batch} 中",
  "writeback.scope.range": " {from} 至 {to} ",
  "writeback.check.not_shipped":
    "订单 {order}：我们回传了 {sentCarrier} {waybill}，平台仍显示未发货。",
  "writeback.check.other_waybill": "订单 {order}：我们回传了 {waybill}，平台显示 {platform}。",
  "writeback.check.other_carrier":
    "订单 {order}：我们回传的快递公司是 {sentCarrier}，平台显示 {carrier}。",
  "writeback.check.cancelled": "订单 {order}：我们回传了 {waybill}，平台显示订单已取消。",
  "writeback.check.refunded": "订单 {order}：我们回传了 {waybill}，平台显示订单已退款。",
  "audit.logistics.tracking_import":
    "{actor} 为 {shop} 从 {files} 导入了运单：{rows} 行，新建 {created} 个包裹，更新 {updated} 个",
  "audit.logistics.mapping_tracking_saved": "{actor} 保存了运单映射 {name}",
  "audit.logistics.mapping_writeback_saved": "{actor} 保存了回传模板 {name}",
  "audit.logistics.mapping_deleted": "{actor} 删除了物流映射 {name}",
  "audit.logistics.writeback":
    "{actor} 为 {shop} 生成了 {platform} 回传文件 {file}（{lines} 个订单）",
};
