// One import in progress on the orders & imports page: the files uploaded so far (a folder's worth
// at a time: the files chosen together upload a few at once, and the preview follows once they are
// all in), the format chosen, the newest preview, and a refusal (an unreadable file, too many
// megabytes together, a closed pay month …) kept on the page in the reader's language rather than
// in a toast. Everything starts over when the shop changes.
import { App } from "antd";
import { useEffect, useRef, useState } from "react";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { uploadFile, useCommit, usePreview, type Preview, type Upload } from "./api";
import { totalRefusal } from "./uploadBatch";

/** Files of one choice sent at once; the others wait their turn (a folder may hold dozens). */
const UPLOADS_AT_ONCE = 3;

export interface ImportSession {
  uploads: Upload[];
  /** The files being sent: the one shown, how many of the choice are in, and the bytes sent of all. */
  progress: { file: string; done: number; count: number; percent: number } | null;
  refused: { file: string; text: string } | null;
  dismissRefusal: () => void;
  format: string;
  preview: Preview | null;
  previewing: boolean;
  committing: boolean;
  /** Sends the files chosen together (a folder's worth); the preview follows once all are in. */
  uploadAll: (files: File[]) => void;
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

  // Files chosen together upload a few at once and finish in any order; the import keeps the order
  // they were chosen in (its history names them so), not the order their uploads ended. Their
  // total is checked before anything is sent: preview and commit read the staged files whole.
  const chosen = useRef({ count: 0, at: new Map<string, number>() });
  const uploadAll = (picked: File[]) => {
    if (!shopId || !picked.length) return;
    const tooMuch = totalRefusal(i18n.locale, picked, uploadsRef.current);
    if (tooMuch) {
      setRefused({ file: picked.map((f) => f.name).join(", "), text: tooMuch });
      return;
    }
    for (const f of picked) chosen.current.at.set(f.name, ++chosen.current.count);
    setRefused(null);
    const bytes = Math.max(
      1,
      picked.reduce((n, f) => n + f.size, 0),
    );
    const sent = new Map<File, number>();
    let finished = 0;
    const show = (file: string) =>
      setProgress({
        file,
        done: finished,
        count: picked.length,
        percent: Math.min(
          99,
          Math.floor(([...sent.values()].reduce((n, b) => n + b, 0) / bytes) * 100),
        ),
      });
    const arrived: Upload[] = [];
    const queue = [...picked];
    const next = async (): Promise<void> => {
      const f = queue.shift();
      if (!f) return;
      show(f.name);
      try {
        arrived.push(
          await uploadFile(shopId, f, (percent) => {
            sent.set(f, (f.size * percent) / 100);
            show(f.name);
          }),
        );
      } catch (e) {
        // A refused file (unreadable, too large, past a limit) is said on the page, in the
        // reader's language; the others of the choice still go in.
        refuse(f.name, e);
      }
      sent.set(f, f.size);
      finished++;
      show(f.name);
      return next();
    };
    void Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, picked.length) }, next)).then(
      () => {
        setProgress(null);
        if (!arrived.length) return;
        const at = (x: Upload) => chosen.current.at.get(x.fileName) ?? 0;
        const names = new Set(arrived.map((u) => u.fileName));
        setUploads((prev) =>
          [...prev.filter((x) => !names.has(x.fileName)), ...arrived].sort((a, b) => at(a) - at(b)),
        );
      },
    );
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
    uploadAll,
    runPreview,
    commit,
    reset,
  };
}
