// Importing a shop's export files: drop them or choose them (several at once, or a whole folder of
// exports up to the documented total), pick the format (detected from the headers, a platform's,
// or a saved column mapping), read the preview, commit. A refused file or preview is said on the
// card in the reader's language.
import { FolderOpenOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Progress, Select, Tag, Upload } from "antd";
import { useMemo } from "react";
import { LIMITS } from "../../../../src/core/limits";
import { useI18n } from "../../i18n";
import type { Mapping } from "./api";
import { ImportPreview } from "./ImportPreview";
import { platformLabel } from "./labels";
import type { ImportSession } from "./useImportSession";

const BUILT_IN = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;
const ACCEPT = ".csv,.xlsx,.txt";

/** antd calls this once per file with the whole choice: the choice is sent once, as one batch. */
const batch =
  (uploadAll: (files: File[]) => void) =>
  (file: File, list: File[]): typeof Upload.LIST_IGNORE => {
    if (file === list[0]) uploadAll(list);
    return Upload.LIST_IGNORE;
  };

export function ImportCard({ session, mappings }: { session: ImportSession; mappings: Mapping[] }) {
  const { t, locale } = useI18n();
  const { uploads, progress, refused, preview, format } = session;
  const formats = useMemo(
    () => [
      { value: "auto", label: t("shop.import.auto") },
      ...BUILT_IN.map((p) => ({ value: p, label: platformLabel(t, p) })),
      ...mappings.map((m) => ({
        value: `mapping:${m.name}`,
        label: `${t("shop.mapping.title")}: ${m.name}`,
      })),
    ],
    [mappings, locale],
  );

  return (
    <Card
      size="small"
      title={t("shop.import.title")}
      extra={
        uploads.length ? (
          <Button size="small" onClick={session.reset}>
            {t("shop.import.clear")}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Upload.Dragger
          multiple
          showUploadList={false}
          accept={ACCEPT}
          data-testid="upload"
          beforeUpload={batch(session.uploadAll)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p style={{ padding: "0 12px" }}>
            {t("shop.import.hint", { maxMb: LIMITS.importUploadTotalMaxBytes / 1048576 })}
          </p>
        </Upload.Dragger>
        <Upload
          directory
          showUploadList={false}
          accept={ACCEPT}
          data-testid="upload-folder"
          beforeUpload={batch(session.uploadAll)}
        >
          <Button size="small" icon={<FolderOpenOutlined />}>
            {t("shop.import.folder")}
          </Button>
        </Upload>
        {refused ? (
          <Alert
            type="error"
            showIcon
            closable
            onClose={session.dismissRefusal}
            data-testid="upload-refused"
            style={{ wordBreak: "break-word" }}
            message={t("shop.import.refused", { file: refused.file })}
            description={refused.text}
          />
        ) : null}
        {progress ? (
          <Progress
            percent={progress.percent}
            size="small"
            format={() =>
              t("shop.import.uploading", {
                file: progress.file,
                done: progress.done,
                count: progress.count,
              })
            }
          />
        ) : null}
        {uploads.length ? (
          <Flex wrap gap={8} align="center">
            {uploads.map((u) => (
              <Tag key={u.id}>
                {u.fileName} · {(u.size / 1024).toFixed(1)} KB
              </Tag>
            ))}
            <Select
              style={{ minWidth: 200 }}
              value={format}
              options={formats}
              aria-label={t("shop.import.format")}
              onChange={session.runPreview}
            />
            <Button loading={session.previewing} onClick={() => session.runPreview(format)}>
              {t("shop.import.preview")}
            </Button>
            <Button
              type="primary"
              data-testid="commit"
              disabled={!preview || preview.errors.length > 0}
              loading={session.committing}
              onClick={session.commit}
            >
              {t("shop.import.commit")}
            </Button>
          </Flex>
        ) : null}
        {preview ? <ImportPreview preview={preview} /> : null}
      </Flex>
    </Card>
  );
}
