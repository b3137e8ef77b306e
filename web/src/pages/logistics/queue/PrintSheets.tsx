// The printed paper of a batch: the pick list (A4), the packing slips (A4, or one 100×150 mm label
// per parcel) with the parcel id's barcode, and the hand-over manifest per carrier with signature
// lines. The @page rule is set for the layout chosen. The slips are plain DOM (slip-sheet.ts).
import { useLayoutEffect, useRef } from "react";
import { useI18n } from "../../../i18n";
import type { Manifest, PickList, Slips } from "./api";
import { slipsFragment } from "./slip-sheet";
import { shortTime } from "./time";
import "./print.css";

export type PrintDoc = "pick" | "slips" | "labels" | "manifest";

export const pageRule = (doc: PrintDoc) =>
  doc === "labels"
    ? "@page { size: 100mm 150mm; margin: 0; }"
    : "@page { size: A4; margin: 10mm; }";

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

/**
 * The slips of a batch, on A4 or one per 100×150 mm label: built as plain DOM in one pass when the
 * data arrives (slip-sheet.ts), before the browser paints, so the sheet is whole when it says ready.
 */
export function SlipSheets({ data, label }: { data: Slips; label: boolean }) {
  const { t } = useI18n();
  const sheet = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = sheet.current;
    if (!el) return;
    el.replaceChildren(slipsFragment(el.ownerDocument, data.slips, label, t));
  }, [data, label, t]);
  return (
    <div
      ref={sheet}
      className={`dc-sheet ${label ? "dc-label" : "dc-a4"}`}
      data-testid={label ? "print-labels" : "print-slips"}
    />
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
