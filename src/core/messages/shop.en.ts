// English texts of the shop area's message codes (see index.ts): shops, order imports and the
// customer-service import. Keys: "shop.…", "cs.…" and the uploads' "upload.…". Import problems
// name the file's own headers and values as parameters ({column}, {value}); formats and platforms
// are nested messages (shop.format.*, shop.platform.*), so each language names them its own way.
export const SHOP_EN = {
  // Uploads: a whole file refused (empty, unreadable, too large …).
  "upload.empty": "{file} is empty.",
  "upload.encoding":
    "{file} cannot be read as text in UTF-8 or GBK/GB18030: it may be damaged or not a spreadsheet. Save it again as CSV (UTF-8 or GBK) or XLSX.",
  "upload.unreadable":
    "{file} cannot be read: it is damaged, cut short or not a spreadsheet. Open it in Excel and save it again as XLSX or CSV.",
  "upload.not_workbook":
    "{file} is a zip file but not an Excel workbook (XLSX). Upload the XLSX or CSV export itself.",
  "upload.no_sheet": "{file} has no sheets.",
  "upload.old_xls": "{file} is an old .xls (Excel 97) file; save it as .xlsx or CSV.",
  "upload.too_large": "{file} is larger than {maxMb} MB; split the export by date range.",
  "upload.too_many_files": "At most {max} files per import.",
  "upload.total_too_large":
    "The files come to {totalMb} MB, more than {maxMb} MB in one import; import them in several parts (by date range), or from the command line (dayclear import orders), which has no such limit.",
  "upload.unpacked_too_large":
    "{file} unpacks to more than {maxMb} MB (an XLSX is a compressed file); split the export by date range or save it as CSV.",
  "upload.too_many_rows": "{file} has more than {max} rows; split the export by date range.",
  "upload.too_many_columns": "{file}: row {row} has more than {max} columns.",
  "upload.too_many_cells":
    "{file} has more than {max} cells (reached at row {row}); split the export by date range.",
  "upload.cell_too_long": "{file}: a cell in row {row} is longer than {max} characters.",
  "upload.body_required":
    "Send the file as the request body with content-type: application/octet-stream.",

  // Reading CSV text.
  "shop.csv.unclosed_quote":
    "Not valid CSV at row {row} (line {line}): a quoted field is never closed (broken quotes).",
  "shop.csv.stray_quote":
    "Not valid CSV at row {row} (line {line}): a quote inside a field is not escaped (broken quotes).",
  "shop.csv.invalid": "Not valid CSV at row {row} ({reason}).",

  // Recognising the file.
  "shop.import.mapping_unknown": "This shop has no saved column mapping named “{mapping}”.",
  "shop.import.mapping_column_missing":
    "Column “{column}” of the mapping “{mapping}” is not in the file.",
  "shop.import.format_column_missing": "The {format} file lacks its required column {column}.",
  "shop.import.format_columns_missing":
    "The {format} file lacks its required column {column} (and also: {others}).",
  "shop.import.unrecognised":
    "The file is not recognised from its headers (Taobao, JD, Pinduoduo, Douyin, Shopify, WooCommerce, refunds or visitors); build a column mapping for it.",
  "shop.import.other_format":
    "This looks like a {detected} file, not {chosen}; choose {platform} as the format, or detection from the headers.",
  "shop.import.not_format":
    "This is not a {expected} file: its headers do not match (expected {headers}).",
  "shop.import.platforms_differ":
    "The files come from different platforms ({platforms}); import each shop's files separately.",
  "shop.import.shop_platform":
    "These are {platform} files, but the shop “{shop}” is a {shopPlatform} shop.",
  "shop.import.items_need_orders":
    "An item report (宝贝报表) needs the order report (订单报表) of the same period in the same import.",
  "shop.import.stream_not_orders":
    "A {format} file this large is not read in one go; split it by date range.",
  "shop.import.refused":
    "The import was refused; nothing was stored. {count} problem(s); the first: {first}",
  "shop.import.problem_row": "Row {row}: {problem}",
  "shop.import.problem_row_column": "Row {row}, column {column}: {problem}",
  "shop.import.problem_file_row": "{file} row {row}: {problem}",
  "shop.import.problem_file_row_column": "{file} row {row}, column {column}: {problem}",

  // Rows and cells.
  "shop.file.no_rows": "The file has a header but no rows.",
  "shop.column.required": "The required column {column} is missing.",
  "shop.row.duplicate": "Row {row} repeats row {first} exactly (a duplicate row).",
  "shop.cell.empty": "{column} is empty.",
  "shop.cell.not_amount": "{column}: “{value}” is not an amount.",
  "shop.cell.amount_signs": "{column}: “{value}” has more than one sign.",
  "shop.cell.amount_decimals": "{column}: “{value}” has more than two decimals.",
  "shop.cell.amount_too_large": "{column}: “{value}” is too large.",
  "shop.cell.not_whole_number": "{column}: “{value}” is not a whole number.",
  "shop.cell.not_datetime": "{column}: “{value}” is not a date and time.",
  "shop.cell.invalid_datetime": "{column}: “{value}” is not a valid date and time.",
  "shop.cell.invalid_date": "{column}: “{value}” is not a valid date.",
  "shop.cell.bad_offset": "{column}: “{value}” is not a UTC offset.",
  "shop.cell.packed_item": "{column}: the quantity or total in “{value}” cannot be read.",
  "shop.visitors.date_twice": "{date} appears twice.",
  "shop.order.total_empty": "{column} is empty for order {order}.",
  "shop.order.twice": "Order {order} appears twice (first at row {first}).",
  "shop.order.apart":
    "Order {order} appears again at row {row}, apart from its earlier rows; keep an order's rows together.",
  "shop.order.id_other_name":
    "Order id {order} is {name} here but {otherName} in {file}: the files look like exports of several stores, whose ids collide. Import each store into its own shop.",
  "shop.order.id_stored_other_name":
    "Order id {order} is {name} here but the shop holds it as {otherName}: the file looks like another store's export. Import each store into its own shop.",
  "shop.refund.twice": "Refund {refund} appears twice.",

  // Warnings: the import goes ahead, the reader is told.
  "shop.warning.total_differs":
    "Order {order}: {column} differs between its rows ({values}); the first is used.",
  "shop.warning.unknown_status_paid": "Order {order}: unknown status “{status}”, read as paid.",
  "shop.warning.unknown_status_unpaid": "Order {order}: unknown status “{status}”, read as unpaid.",
  "shop.warning.item_order_missing":
    "Item report: order {order} is not in the order report; its lines are ignored.",
  "shop.warning.at_file": "{file}: {warning}",
  "shop.warning.orders_merged":
    "{orders} orders are in more than one file ({copies} extra copies): each is imported once, in its latest state.",
  "shop.warning.several_stores":
    "{names} order numbers (e.g. {example}) stand for different orders (different order ids): the files look like exports of several stores. They are imported as different orders; to keep each store's figures apart, import each store into its own shop.",
  "shop.warning.currencies_differ":
    "The orders are in several currencies ({currencies}): the files look like exports of several stores. Amounts of different currencies are not added up correctly in one shop; import each store into its own shop.",

  // Formats and platforms, named inside other messages.
  "shop.format.taobao-orders": "Taobao/Tmall order report (订单报表)",
  "shop.format.taobao-items": "Taobao/Tmall item report (宝贝报表)",
  "shop.format.taobao-refunds": "Taobao/Tmall refund report",
  "shop.format.jd-orders": "JD orders",
  "shop.format.pdd-orders": "Pinduoduo orders",
  "shop.format.pdd-refunds": "Pinduoduo after-sales",
  "shop.format.douyin-orders": "Douyin shop orders",
  "shop.format.shopify-orders": "Shopify orders export",
  "shop.format.woocommerce-items": "WooCommerce (one row per line item)",
  "shop.format.woocommerce-packed": "WooCommerce (line_item_N columns)",
  "shop.format.visitors": "visitors per day",
  "shop.format.mapping": "column mapping “{mapping}”",
  "shop.platform.taobao": "Taobao/Tmall",
  "shop.platform.jd": "JD",
  "shop.platform.pdd": "Pinduoduo",
  "shop.platform.douyin": "Douyin",
  "shop.platform.shopify": "Shopify",
  "shop.platform.woocommerce": "WooCommerce",
  "shop.platform.custom": "other (column mapping)",

  // Shops, mappings, visitors, attribution, KPIs: refusals of requests.
  "shop.entity.shop": "The shop",
  "shop.entity.mapping": "The column mapping",
  "shop.entity.upload": "The uploaded file",
  "shop.entity.import": "The import",
  "shop.entity.order": "The order",
  "shop.entity.rule": "The attribution rule",
  "shop.not_found": "{what} was not found (or belongs to another workspace).",
  "shop.stale": "{what} was changed by someone else (now version {current}); reload and try again.",
  "shop.name_taken": "A shop named “{name}” exists.",
  "shop.mapping_name_taken": "This shop has a column mapping named “{name}”.",
  "shop.mapping.unknown_field": "Not a field a mapping knows; the fields are: {fields}.",
  "shop.mapping.field_required": "Required: a mapping names the column of this field.",
  "shop.visitors.date_listed_twice": "This date is listed twice.",
  "shop.no_such_shop": "No such shop in this workspace: {ids}.",
  "shop.no_such_member": "No such member in this workspace.",
  "shop.currencies_differ":
    "The shops chosen keep different currencies ({currencies}); choose shops of one currency.",
  "shop.rule.shop_required": "A shop rule needs the shop whose orders it attributes.",
  "shop.rule.pattern_required": "Enter the text to look for.",
  "shop.import.rolled_back": "This import was already rolled back.",
  "shop.import.later_imports":
    "Later imports changed the same orders; roll them back first ({imports}).",

  // The CLI (`dayclear import orders`).
  "shop.cli.bad_format":
    "--format must be auto, taobao, jd, pdd, douyin, shopify, woocommerce or mapping:NAME (got “{format}”).",
  "shop.cli.refused": "Refused: nothing was stored. {count} problem(s):",
  "shop.cli.more": "… and {count} more",
  "shop.cli.would_import":
    "Would import {orders} orders ({lineItems} line items) into “{shop}”: {created} new, {updated} updated, {skipped} unchanged; {refunds} refunds; {visitorDays} visitor days.",
  "shop.cli.imported":
    "Imported {orders} orders ({lineItems} line items) into “{shop}”: {created} new, {updated} updated, {skipped} unchanged; {refunds} refunds; {visitorDays} visitor days.",
  "shop.cli.note": "note: {warning}",
  "shop.cli.import_id": "Import {id} (roll back from the web app's import history).",

  // Customer service (客服绩效 imports, chat accounts).
  "cs.account_unlinked":
    "The chat account “{account}” is not linked to a member; link it on the Chat accounts tab first.",
  "cs.cell.not_people": "{column}: “{value}” is not a whole number of people.",
  "cs.cell.not_seconds": "{column}: “{value}” is not a time in seconds (e.g. 12.5 or 1分05秒).",
  "cs.cell.negative": "{column}: must not be negative.",
  "cs.cell.paying_more": "{paying} ({payingCount}) is more than {inquirers} ({inquirersCount}).",
  "cs.row.account_day_twice": "{account} on {date} is also on row {first}.",
  "cs.warning.total_row": "Row {row} is a total row ({label}); skipped.",
  "cs.warning.unused_columns": "Columns not used: {columns}.",
  "cs.account_empty": "Enter the chat account.",
  "cs.account_listed_twice": "“{account}” is listed twice.",
  "cs.bad_cursor": "This is not a cursor this list gave out.",
  "kpi.def.gmv":
    "GMV = sum of buyer-paid amounts of paid orders (refunds not netted), by payment date",
  "kpi.def.netGmv": "Net GMV = GMV − refunded amounts",
  "kpi.def.paidOrders": "Paid orders = orders with a payment time (including those refunded later)",
  "kpi.def.aov": "AOV = GMV ÷ paid orders",
  "kpi.def.itemsPerOrder": "Items per order = items in paid orders ÷ paid orders",
  "kpi.def.refundRate": "Refund rate = paid orders with a refund ÷ paid orders",
  "kpi.def.refundAmountRate": "Refund amount rate = refunded amount ÷ GMV",
  "kpi.def.conversion":
    "Conversion = paying buyers ÷ visitors (summed per day; needs visitor counts)",
  "kpi.def.repurchaseRate":
    "Repurchase rate = customers with ≥ 2 paid orders in the range ÷ paying customers in the range",
  "kpi.def.newCustomers": "New customers = customers whose first paid order falls in the range",
  "kpi.def.returningCustomers":
    "Returning customers = paying customers in the range whose first paid order was before it",
} as const satisfies Record<string, string>;
