// English texts of logistics message codes, part "scan" (spread into LOGISTICS_EN in logistics.en.ts):
// the pack station (scan.*), imported waybills (tracking.*), write-back files (writeback.*).
export const LOGISTICS_SCAN_EN = {
  "scan.entity.parcel": "The parcel",
  "scan.code_empty": "Nothing was scanned.",
  "scan.carrier_unknown": "No active carrier has the code {carrier}.",
  "scan.slip_ok": "Order {orders} to {recipient}: now scan the waybill.",
  "scan.slip_ok_expect": "Order {orders} to {recipient}: now scan its waybill {waybill}.",
  "scan.unknown":
    "UNKNOWN CODE: {code} is no parcel and no order of this workspace. Do not pack it.",
  "scan.order_in_shops":
    "Order number {order} exists in {count} shops: scan the parcel's own barcode on the slip.",
  "scan.order_in_parcels":
    "Order {order} is split into {count} parcels: scan the parcel's own barcode on the slip.",
  "scan.order_refunded":
    "REFUNDED: order {order} was refunded in full ({refund:fen}). DO NOT SHIP — put the parcel aside.",
  "scan.order_cancelled":
    "CANCELLED: order {order} was cancelled. DO NOT SHIP — put the parcel aside.",
  "scan.order_unpaid": "NOT PAID: order {order} is not paid. DO NOT SHIP — put the parcel aside.",
  "scan.order_shipped":
    "ALREADY SHIPPED: order {order} is shipped on the platform ({carrier} {waybill}). DO NOT SHIP it twice.",
  "scan.order_shipped_plain":
    "ALREADY SHIPPED: order {order} is shipped on the platform. DO NOT SHIP it twice.",
  "scan.parcel_cancelled":
    "CANCELLED PARCEL: the parcel of order {orders} was cancelled. DO NOT SHIP — put it aside.",
  "scan.parcel_shipped":
    "ALREADY SHIPPED: the parcel of order {orders} left with waybill {waybill}, packed {at} by {packer}. DO NOT SHIP it twice.",
  "scan.parcel_changed":
    "ALREADY PACKED: the parcel of order {orders} was packed or changed a moment ago by someone else. Scan its slip again.",
  "scan.waybill_is_own_slip": "{code} is this parcel's slip: now scan the waybill label.",
  "scan.waybill_is_slip":
    "WRONG PARCEL: {code} is the slip of another parcel (order {orders}). Check which box you are holding.",
  "scan.waybill_invalid":
    "{code} is not a waybill number (7–40 letters, digits and dashes): scan the waybill label.",
  "scan.waybill_used":
    "WRONG PARCEL: waybill {waybill} already belongs to the parcel of order {orders}, not to order {mine}. Check the label.",
  "scan.waybill_taken":
    "Waybill {waybill} is already on the parcel of order {orders}: one waybill, one parcel. Check the number typed for order {mine}.",
  "scan.waybill_expected":
    "WRONG PARCEL: order {orders} has waybill {expected}, but {waybill} was scanned. Check the label.",
  "scan.carrier_needed":
    "Waybill {waybill}: the carrier cannot be told from the number. Choose the carrier and scan again.",
  "scan.shipped": "Shipped: order {orders} with {carrier} {waybill}.",
  "scan.shipped_weight": "Shipped: order {orders} with {carrier} {waybill}, {kg} kg.",
  "scan.return_received":
    "Return received: waybill {waybill}, case {cases} (order {orders}). Customer service can now refund it.",
  "scan.return_received_inspect":
    "Return received: waybill {waybill}, case {cases} (order {orders}). Inspect the goods before the refund.",
  "scan.return_already": "Waybill {waybill} was received already (case {cases}). Nothing changed.",
  "scan.return_unknown":
    "NOT A RETURN: waybill {waybill} belongs to no after-sales case of this workspace. Put the parcel aside and ask customer service.",
  "scan.return_is_outgoing":
    "NOT A RETURN: waybill {waybill} is our own outgoing parcel of order {orders}, not a return. Put it aside and ask customer service.",
  "scan.return_case_finished":
    "CASE ENDED: waybill {waybill} is the return of case {case}, which is “{state}”. Do not take it in — ask customer service.",
  "scan.return_case_not_returning":
    "NO RETURN AGREED: waybill {waybill} belongs to case {case} ({type}), which takes no goods back. Do not take it in — ask customer service.",
  "audit.logistics.waybill_duplicate_cleared":
    "{actor} removed waybill {waybill} from the parcel of order {orders}: the parcel of order {keptOrders} had it first (one waybill, one parcel)",
  "audit.logistics.waybill_typed":
    "{actor} typed waybill {carrier} {waybill} for the parcel of order {orders}",
  "tracking.too_many_files": "At most {max} tracking files at once.",
  "tracking.cli.imported":
    "Imported {rows} waybill row(s) for {shop}: {created} parcel(s) made, {updated} updated, {unchanged} unchanged.",
  "tracking.cli.would_import":
    "Checked: {rows} waybill row(s) for {shop} would make {created} parcel(s), update {updated}, leave {unchanged} unchanged (dry run: nothing stored).",
  "writeback.cli.bad_date": "{flag} is a date YYYY-MM-DD from {min} to {max} (got “{value}”).",
  "writeback.cli.scope": "Give either --batch ID, or --from DATE (and --to DATE).",
  "writeback.cli.wrote":
    "Wrote {lines} order(s) for {platform} ({format}) to {out}; write-back file {id}.",
  "tracking.mapping_not_found": "There is no saved tracking mapping named “{name}”.",
  "tracking.mapping_column_missing":
    "The mapping reads the column {column}, which this file does not have.",
  "tracking.mapping_carrier_unknown":
    "The mapping's carrier {carrier} is not an active carrier of this workspace.",
  "tracking.cell.not_waybill":
    "{column}: “{value}” is not a waybill number (7–40 letters, digits and dashes).",
  "tracking.cell.carrier_unknown": "{column}: no carrier is called “{value}”.",
  "tracking.cell.carrier_needed":
    "{column}: the carrier of waybill {waybill} cannot be told from the number; add a carrier column or save a mapping with the carrier.",
  "tracking.cell.not_weight":
    "{column}: “{value}” is not a weight (kilograms like 0.52, or grams like 520g).",
  "tracking.cell.weight_range":
    "{column}: {value} is not a parcel's weight (more than 0 and at most {maxKg} kg).",
  "tracking.row.waybill_twice":
    "{column}: waybill {waybill} is already in row {first}, for order {order}.",
  "tracking.row.order_twice":
    "{column}: order {order} already has waybill {waybill} in row {first}; an order split into several parcels takes its waybills at the pack station.",
  "tracking.row.waybill_in_file":
    "{column}: waybill {waybill} is also in {file} row {first}, for order {order}.",
  "tracking.row.order_in_file":
    "{column}: order {order} has waybill {waybill} in {file} row {first}.",
  "tracking.warning.in_other_file":
    "Row {row}: order {order} with the same waybill is in {file} row {first} too; this row's carrier and weight are taken.",
  "tracking.warning.repeated_row": "Row {row} repeats row {first}; read once.",
  "tracking.warning.unused_columns": "Columns not read: {columns}.",
  "tracking.warning.platform_other":
    "Row {row}: the platform shows order {order} shipped with {platform}; the file says {waybill}. The write-back check will list it until they agree.",
  "tracking.order_unknown":
    "{column}: order {order} is not an order of this shop (import the shop's orders first).",
  "tracking.order_split":
    "{column}: order {order} is split into {count} parcels: give each its waybill at the pack station.",
  "tracking.order_refunded":
    "{column}: order {order} was refunded in full: it must not ship. Remove the row.",
  "tracking.order_cancelled":
    "{column}: order {order} was cancelled: it must not ship. Remove the row.",
  "tracking.order_unpaid": "{column}: order {order} is not paid: it must not ship. Remove the row.",
  "tracking.waybill_used":
    "{column}: waybill {waybill} already belongs to another parcel, not to order {order}.",
  "tracking.parcel_scanned_other":
    "{column}: order {order} was packed at the pack station with waybill {scanned}, not {waybill}.",
  "tracking.mapping.bad_header": "Write the column's header as the file has it (1–100 characters).",
  "tracking.mapping.bad_unit": "The weight unit is kg or g.",
  "tracking.mapping.bad_name": "Give the mapping a name of 1–{max} characters.",
  "tracking.mapping.taken": "A mapping or template “{name}” exists already.",
  "writeback.entity.file": "The write-back file",
  "writeback.template.bad_format": "The file format is csv-gbk, csv-utf8, csv-utf8-bom or xlsx.",
  "writeback.template.bad_platform":
    "The platform is taobao, jd, pdd, douyin, shopify or woocommerce.",
  "writeback.template.shop_required": "Choose the shop the template is for.",
  "writeback.scope_required": "Give either a batch or a first and last day.",
  "writeback.batch_not_found": "There is no batch {batch}.",
  "writeback.range_reversed": "The last day ({to}) is before the first ({from}).",
  "writeback.nothing":
    "{shop} has no shipped parcel with a waybill in {scope}: there is nothing to write back.",
  "writeback.scope.batch": "batch {batch}",
  "writeback.scope.range": "{from} – {to}",
  "writeback.check.not_shipped":
    "Order {order}: we sent {sentCarrier} {waybill}; the platform still shows it unshipped.",
  "writeback.check.other_waybill":
    "Order {order}: we sent {waybill}; the platform shows {platform}.",
  "writeback.check.other_carrier":
    "Order {order}: we sent carrier {sentCarrier}; the platform shows {carrier}.",
  "writeback.check.cancelled":
    "Order {order}: we sent {waybill}; the platform shows the order cancelled.",
  "writeback.check.refunded":
    "Order {order}: we sent {waybill}; the platform shows the order refunded.",
  "audit.logistics.tracking_import":
    "{actor} imported waybills for {shop} from {files}: {rows} rows, {created} parcels made, {updated} updated",
  "audit.logistics.mapping_tracking_saved": "{actor} saved the tracking mapping {name}",
  "audit.logistics.mapping_writeback_saved": "{actor} saved the write-back template {name}",
  "audit.logistics.mapping_deleted": "{actor} deleted the logistics mapping {name}",
  "audit.logistics.writeback":
    "{actor} made the {platform} write-back file {file} for {shop} ({lines} orders)",
} as const satisfies Record<string, string>;
