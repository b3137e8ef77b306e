// One import in progress on the orders & imports page: the files uploaded so far (several upload
// at once, each adds itself to the list, and the preview follows the list), the format chosen, the
// newest preview, and a refusal (an unreadable file, a closed pay month …) kept on the page in the
// reader's language rather than in a toast. Everything starts over when the shop changes.
import { App } from "antd";
import { useEffect, useRef, useState } from "react";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { uploadFile, useCommit, usePreview, type Preview, type Upload } from "./api";

export interface ImportSession {
  uploads: Upload[];
  progress: { file: string; percent: number } | null;
  refused: { file: string; text: string } | null;
  dismissRefusal: () => void;
  format: string;
  preview: Preview | null;
  previewing: boolean;
  committing: boolean;
  /** Sends a file; the preview follows once it is in. */
  upload: (file: File) => void;
  /** Previews the uploaded files again, in this format (and keeps it as the chosen one). */
  runPreview: (format: string) => void;
  commit: () => void;
  reset: () => void;
}

export function useImportSession(shopId: string | undefined): ImportSession {
  const i18n = useI18n();
  const { message } = App.useApp();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [progress, setProgress] = useState<ImportSession["progress"]>(null);
  const [refused, setRefused] = useState<ImportSession["refused"]>(null);
  const [format, setFormat] = useState("auto");
  const [preview, setPreview] = useState<Preview | null>(null);
  const previewM = usePreview();
  const commitM = useCommit();
  const refuse = (file: string, e: unknown) =>
    setRefused({ file, text: errorText(e, i18n.t, i18n.locale) });

  // Only the newest preview is shown: an earlier one (fewer files) may answer later.
  const previewSeq = useRef(0);
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;
  const formatRef = useRef(format);
  formatRef.current = format;

  const reset = () => {
    previewSeq.current++;
    setUploads([]);
    setPreview(null);
    setProgress(null);
    setRefused(null);
  };
  useEffect(reset, [shopId]);

  const runPreview = (fmt: string) => {
    setFormat(fmt);
    const ids = uploadsRef.current.map((u) => u.id);
    if (!shopId || !ids.length) return;
    const seq = ++previewSeq.current;
    const files = uploadsRef.current.map((u) => u.fileName).join(", ");
    previewM.mutate(
      { shopId, uploadIds: ids, format: fmt },
      {
        onSuccess: (p) => {
          if (seq === previewSeq.current) {
            setPreview(p);
            setRefused(null);
          }
        },
        onError: (e) => {
          if (seq === previewSeq.current) {
            setPreview(null);
            refuse(files, e);
          }
        },
      },
    );
  };
  useEffect(() => {
    if (uploads.length) runPreview(formatRef.current);
  }, [uploads]);

  // Files chosen together upload at once and finish in any order; the import keeps the order they
  // were chosen in (its history names them so), not the order their uploads ended.
  const chosen = useRef({ count: 0, at: new Map<string, number>() });
  const upload = (f: File) => {
    if (!shopId) return;
    chosen.current.at.set(f.name, ++chosen.current.count);
    setProgress({ file: f.name, percent: 0 });
    setRefused(null);
    uploadFile(shopId, f, (percent) => setProgress({ file: f.name, percent }))
      .then((u) => {
        setProgress(null);
        const at = (x: Upload) => chosen.current.at.get(x.fileName) ?? 0;
        setUploads((prev) =>
          [...prev.filter((x) => x.fileName !== u.fileName), u].sort((a, b) => at(a) - at(b)),
        );
      })
      // A refused file (unreadable, too large, past a limit) is said on the page, in the reader's language.
      .catch((e: unknown) => {
        setProgress(null);
        refuse(f.name, e);
      });
  };

  const commit = () => {
    if (!shopId) return;
    commitM.mutate(
      { shopId, uploadIds: uploads.map((u) => u.id), format },
      {
        onSuccess: (r) => {
          void message.success(
            i18n.t("shop.import.committed", {
              created: r.created,
              updated: r.updated,
              skipped: r.skipped,
            }),
          );
          reset();
        },
        onError: (e) => refuse(uploads.map((u) => u.fileName).join(", "), e),
      },
    );
  };

  return {
    uploads,
    progress,
    refused,
    dismissRefusal: () => setRefused(null),
    format,
    preview,
    previewing: previewM.isPending,
    committing: commitM.isPending,
    upload,
    runPreview,
    commit,
    reset,
  };
}
