// A batch's paper on its own sheet over the page (?print=pick|slips|labels|manifest): fetched, laid
// out for A4 or 100×150 mm labels, and printed with the browser's print dialog. When everything is
// drawn the sheet says so (data-ready, and a performance mark the print benchmark waits for).
import { Button, Spin } from "antd";
import { useEffect } from "react";
import { createPortal } from "react-dom";
import { useI18n } from "../../../i18n";
import { useManifest, usePickList, useSlips } from "./api";
import { ManifestSheet, PickSheet, SlipSheets, pageRule, type PrintDoc } from "./PrintSheets";

export function BatchPrint({
  batchId,
  doc,
  onClose,
}: {
  batchId: string;
  doc: PrintDoc;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const pick = usePickList(batchId, doc === "pick");
  const slips = useSlips(batchId, doc === "slips" || doc === "labels");
  const manifest = useManifest({ batchId }, doc === "manifest");
  const ready = doc === "pick" ? pick.data : doc === "manifest" ? manifest.data : slips.data;
  useEffect(() => {
    if (!ready) return;
    performance.mark("batch-print-ready");
    // The first frame painted with the sheet in it (what the print benchmark reports).
    requestAnimationFrame(() => setTimeout(() => performance.mark("batch-print-painted")));
  }, [ready]);
  return createPortal(
    <div
      className="dc-print-portal dc-print-open"
      data-testid="batch-print"
      data-ready={ready ? "1" : "0"}
    >
      <style>{pageRule(doc)}</style>
      <div className="dc-print-bar">
        <Button
          type="primary"
          onClick={() => window.print()}
          disabled={!ready}
          data-testid="print-now"
        >
          {t("logistics.queue.batch.print")}
        </Button>
        <Button onClick={onClose}>{t("logistics.queue.batch.back")}</Button>
      </div>
      {!ready ? (
        <Spin />
      ) : doc === "pick" ? (
        <PickSheet data={pick.data!} />
      ) : doc === "manifest" ? (
        <ManifestSheet data={manifest.data!} />
      ) : (
        <SlipSheets data={slips.data!} label={doc === "labels"} />
      )}
    </div>,
    document.body,
  );
}
