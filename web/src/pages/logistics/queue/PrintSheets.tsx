// The printed paper of a batch: the pick list (A4), the packing slips (A4, or one 100×150 mm label
// per parcel) with the parcel id's barcode, and the hand-over manifest per carrier with signature
// lines. The @page rule is set for the layout chosen.
import type { ReactNode } from "react";
import { useI18n } from "../../../i18n";
import type { Manifest, PickList, Slip, Slips } from "./api";
import { Barcode } from "./Barcode";
import { shortTime } from "./time";
import "./print.css";

export type PrintDoc = "pick" | "slips" | "labels" | "manifest";

export const pageRule = (doc: PrintDoc) =>
  doc === "labels"
    ? "@page { size: 100mm 150mm; margin: 0; }"
    : "@page { size: A4; margin: 10mm; }";

/**
 * The ship-to address as the platform gives it: an order's address is the whole of it (province,
 * city and district included — SHOP-DATA's import keeps it so), the parts only where there is none.
 */
const place = (s: {
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
}) => s.address ?? [s.province, s.city, s.district].filter(Boolean).join(" ");

export function PickSheet({ data }: { data: PickList }) {
  const { t } = useI18n();
  return (
    <div className="dc-sheet dc-a4" data-testid="print-pick">
      <h1>{t("logistics.queue.pick.title", { number: data.batch.number })}</h1>
      <p className="dc-muted">
        {t("logistics.queue.pick.total", { parcels: data.parcels, pieces: data.pieces })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t("logistics.queue.pick.location")}</th>
            <th>{t("logistics.queue.pick.sku")}</th>
            <th>{t("logistics.queue.pick.item")}</th>
            <th className="dc-num">{t("logistics.queue.pick.quantity")}</th>
            <th className="dc-num">{t("logistics.queue.pick.parcels")}</th>
            <th>{t("logistics.queue.pick.picked")}</th>
          </tr>
        </thead>
        <tbody>
          {data.lines.map((l, i) => (
            <tr key={`${l.sku ?? l.title}-${i}`}>
              <td>{l.location ?? ""}</td>
              <td>{l.sku ?? ""}</td>
              <td>
                {l.title}
                {l.variant ? ` · ${l.variant}` : ""}
              </td>
              <td className="dc-num">
                <b>{l.quantity}</b>
              </td>
              <td className="dc-num">{l.parcels}</td>
              <td style={{ width: "14mm" }} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SlipBody({ slip, label }: { slip: Slip; label: boolean }) {
  const { t } = useI18n();
  const memos = slip.orders.flatMap((o) => [
    ...(o.buyerMemo ? [`${t("logistics.queue.slip.buyerMemo")}：${o.buyerMemo}`] : []),
    ...(o.sellerMemo ? [`${t("logistics.queue.slip.sellerMemo")}：${o.sellerMemo}`] : []),
  ]);
  const head: ReactNode = (
    <>
      <div>
        <div className="dc-muted">
          {t("logistics.queue.slip.title")} · {slip.shopName}
        </div>
        <div className="dc-to">
          {t("logistics.queue.slip.to")}：{slip.recipient ?? ""} {slip.phone ?? ""}
        </div>
        <div>{place(slip)}</div>
        <div className="dc-muted">
          {t("logistics.queue.slip.orders")}：{slip.orders.map((o) => o.platformOrderId).join("、")}
        </div>
      </div>
      <Barcode value={slip.parcelId} height={label ? 48 : 40} width={label ? 1.1 : 1.2} />
    </>
  );
  return (
    <div className="dc-slip" data-testid="print-slip">
      {label ? head : <div className="dc-slip-head">{head}</div>}
      <table>
        <tbody>
          {slip.items.map((i) => (
            <tr key={`${i.orderId}-${i.lineNo}`}>
              <td>
                {i.title}
                {i.variant ? ` · ${i.variant}` : ""}
                {i.gift && <span className="dc-gift">{t("logistics.queue.slip.gift")}</span>}
              </td>
              <td>{i.sku ?? ""}</td>
              <td className="dc-num">×{i.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dc-muted">
        {t("logistics.queue.slip.pieces", { pieces: slip.pieces })}
        {slip.gifts > 0 ? ` · ${t("logistics.queue.slip.gifts", { count: slip.gifts })}` : ""}
        {slip.partOfSplit ? ` · ${t("logistics.queue.slip.split")}` : ""}
      </div>
      {memos.length > 0 && <div className="dc-memo">{memos.join("；")}</div>}
    </div>
  );
}

export function SlipSheets({ data, label }: { data: Slips; label: boolean }) {
  return (
    <div
      className={`dc-sheet ${label ? "dc-label" : "dc-a4"}`}
      data-testid={label ? "print-labels" : "print-slips"}
    >
      {data.slips.map((s) => (
        <SlipBody key={s.parcelId} slip={s} label={label} />
      ))}
    </div>
  );
}

const kg = (g: number) => (g / 1000).toFixed(2);

export function ManifestSheet({ data }: { data: Manifest }) {
  const { t } = useI18n();
  const of = data.batch
    ? t("logistics.queue.manifest.ofBatch", { number: data.batch.number })
    : t("logistics.queue.manifest.ofDay", { date: data.date ?? "" });
  if (data.carriers.length === 0)
    return (
      <div className="dc-sheet dc-a4" data-testid="print-manifest">
        <h1>
          {t("logistics.queue.manifest.title")} · {of}
        </h1>
        <p>{t("logistics.queue.manifest.empty")}</p>
      </div>
    );
  return (
    <div className="dc-sheet dc-a4" data-testid="print-manifest">
      {data.carriers.map((c) => (
        <section key={c.carrierId ?? "none"} className="dc-manifest-carrier">
          <h1>
            {t("logistics.queue.manifest.title")} ·{" "}
            {c.name
              ? t("logistics.queue.manifest.carrier", { carrier: `${c.name} (${c.code ?? ""})` })
              : t("logistics.queue.manifest.noCarrier")}
          </h1>
          <p className="dc-muted">
            {of} · {t("logistics.queue.printed.at", { at: shortTime(data.generatedAt) })}
          </p>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t("logistics.queue.manifest.waybill")}</th>
                <th>{t("logistics.queue.manifest.orders")}</th>
                <th>{t("logistics.queue.manifest.destination")}</th>
                <th className="dc-num">{t("logistics.queue.manifest.weight")}</th>
              </tr>
            </thead>
            <tbody>
              {c.parcels.map((p, i) => (
                <tr key={p.parcelId}>
                  <td className="dc-num">{i + 1}</td>
                  <td>{p.waybillNo ?? ""}</td>
                  <td>{p.platformOrderIds.join("、")}</td>
                  <td>
                    {p.province ?? ""} {p.recipient ?? ""}
                  </td>
                  <td className="dc-num">{p.weightG === null ? "" : kg(p.weightG)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <b>{t("logistics.queue.manifest.total", { count: c.count, kg: kg(c.weightG) })}</b>
            {c.unweighed > 0
              ? ` · ${t("logistics.queue.manifest.unweighed", { count: c.unweighed })}`
              : ""}
          </p>
          <div className="dc-sign">
            <div>{t("logistics.queue.manifest.handedBy")}</div>
            <div>{t("logistics.queue.manifest.receivedBy")}</div>
            <div>{t("logistics.queue.manifest.time")}</div>
          </div>
        </section>
      ))}
    </div>
  );
}
