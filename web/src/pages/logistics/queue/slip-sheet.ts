// The packing slips of a batch as plain DOM, built in one pass: a 2,000-parcel batch is some 60,000
// elements, which React took seconds to create (a component, hooks and a barcode per slip); built
// here they take a small part of that. Text goes in as text nodes (a buyer's memo is never HTML).
// Each slip: shop, recipient, phone, address, the orders' numbers, the parcel id's Code128
// barcode, the items (gifts marked), pieces and gifts counted, "part of a split order", the memos.
import type { Translate } from "../../../i18n";
import type { Slip } from "./api";
import { barcodeSvg } from "./barcode";

/**
 * The ship-to address as the platform gives it: an order's address is the whole of it (province,
 * city and district included — SHOP-DATA's import keeps it so), the parts only where there is none.
 */
export const place = (s: {
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
}) => s.address ?? [s.province, s.city, s.district].filter(Boolean).join(" ");

type Child = Node | string | null | false;

function el(doc: Document, tag: string, cls: string | null, ...children: Child[]): HTMLElement {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  for (const c of children) if (c !== null && c !== false && c !== "") e.append(c);
  return e;
}

function slipElement(doc: Document, slip: Slip, label: boolean, t: Translate): HTMLElement {
  const memos = slip.orders.flatMap((o) => [
    ...(o.buyerMemo ? [`${t("logistics.queue.slip.buyerMemo")}：${o.buyerMemo}`] : []),
    ...(o.sellerMemo ? [`${t("logistics.queue.slip.sellerMemo")}：${o.sellerMemo}`] : []),
  ]);
  const who = el(
    doc,
    "div",
    null,
    el(doc, "div", "dc-muted", `${t("logistics.queue.slip.title")} · ${slip.shopName}`),
    el(
      doc,
      "div",
      "dc-to",
      `${t("logistics.queue.slip.to")}：${slip.recipient ?? ""} ${slip.phone ?? ""}`,
    ),
    el(doc, "div", null, place(slip)),
    el(
      doc,
      "div",
      "dc-muted",
      `${t("logistics.queue.slip.orders")}：${slip.orders.map((o) => o.platformOrderId).join("、")}`,
    ),
  );
  const barcode = barcodeSvg(doc, slip.parcelId, label ? { height: 48, width: 1.1 } : {});
  const rows = slip.items.map((i) =>
    el(
      doc,
      "tr",
      null,
      el(
        doc,
        "td",
        null,
        `${i.title}${i.variant ? ` · ${i.variant}` : ""}`,
        i.gift && el(doc, "span", "dc-gift", t("logistics.queue.slip.gift")),
      ),
      el(doc, "td", null, i.sku ?? ""),
      el(doc, "td", "dc-num", `×${i.quantity}`),
    ),
  );
  const counts =
    t("logistics.queue.slip.pieces", { pieces: slip.pieces }) +
    (slip.gifts > 0 ? ` · ${t("logistics.queue.slip.gifts", { count: slip.gifts })}` : "") +
    (slip.partOfSplit ? ` · ${t("logistics.queue.slip.split")}` : "");
  const e = el(
    doc,
    "div",
    "dc-slip",
    ...(label ? [who, barcode] : [el(doc, "div", "dc-slip-head", who, barcode)]),
    el(doc, "table", null, el(doc, "tbody", null, ...rows)),
    el(doc, "div", "dc-muted", counts),
    memos.length > 0 && el(doc, "div", "dc-memo", memos.join("；")),
  );
  e.dataset.testid = "print-slip";
  return e;
}

/** Every slip of the batch, in order, as one fragment to put in the sheet. */
export function slipsFragment(
  doc: Document,
  slips: readonly Slip[],
  label: boolean,
  t: Translate,
): DocumentFragment {
  const out = doc.createDocumentFragment();
  for (const s of slips) out.append(slipElement(doc, s, label, t));
  return out;
}
