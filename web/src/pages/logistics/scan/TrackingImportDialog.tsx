// Importing waybill numbers from the e-waybill software's or a carrier's export: the shop, the file
// (CSV in GBK or UTF-8, or XLSX), a saved mapping for another layout, a dry run. A refused file
// lists every problem with its row and column in the page's language; nothing was stored.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Form, Select, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../../api/client";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { noteLine, problemLine } from "../../shop-data/importMessages";
import { useShops } from "../../shop-data/api";
import {
  useImportTracking,
  useTrackingMappings,
  type FileProblem,
  type TrackingSummary,
} from "./scanApi";
import { TrackingMappingDialog } from "./TrackingMappingDialog";

interface Values {
  shop: string;
  mapping?: string;
  dryRun?: boolean;
}

export function TrackingImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const shops = useShops();
  const mappings = useTrackingMappings();
  const importTracking = useImportTracking();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<FileProblem[] | null>(null);
  const [done, setDone] = useState<TrackingSummary | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);
  const close = () => {
    setFile(null);
    setProblems(null);
    setDone(null);
    onClose();
  };
  const shopItems = shops.data?.items ?? [];
  return (
    <>
      <FormModal<Values, TrackingSummary>
        open={open}
        title={t("logistics.scan.import.title")}
        onClose={close}
        keepOpen
        initialValues={{
          shop: shopItems.length === 1 ? shopItems[0]!.id : undefined,
          dryRun: false,
        }}
        okText={t("logistics.scan.import.ok")}
        okDisabled={!file}
        testId="tracking-dialog"
        okTestId="tracking-ok"
        width={720}
        onSubmit={(v) => {
          setProblems(null);
          setDone(null);
          return importTracking.mutateAsync({
            file: file!,
            options: { shop: v.shop, mapping: v.mapping, dryRun: v.dryRun },
          });
        }}
        onSuccess={(r) => setDone(r)}
        onError={(e) => {
          const p = e instanceof ApiError ? e.problem : null;
          if (!p?.problems?.length) return false;
          setProblems(p.problems);
          return true;
        }}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t("logistics.scan.import.help")}
        </Typography.Paragraph>
        <Form.Item name="shop" label={t("logistics.scan.shop")} rules={[{ required: true }]}>
          <Select
            options={shopItems.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="tracking-shop"
          />
        </Form.Item>
        <Form.Item label={t("logistics.scan.import.mapping")}>
          <div style={{ display: "flex", gap: 8 }}>
            <Form.Item name="mapping" noStyle>
              <Select
                allowClear
                placeholder={t("logistics.scan.import.mappingNone")}
                options={(mappings.data?.items ?? []).map((m) => ({
                  value: m.name,
                  label: m.name,
                }))}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="tracking-mapping"
              />
            </Form.Item>
            <Button onClick={() => setMappingOpen(true)} data-testid="tracking-mapping-new">
              {t("logistics.scan.mapping.new")}
            </Button>
          </div>
        </Form.Item>
        <Form.Item label={t("logistics.scan.import.file")} required>
          <Upload.Dragger
            accept=".csv,.xlsx,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setProblems(null);
              setDone(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: "1", name: file.name, status: "done" }] : []}
            data-testid="tracking-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("logistics.scan.import.choose")}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="dryRun" valuePropName="checked">
          <Checkbox>{t("logistics.scan.import.dryRun")}</Checkbox>
        </Form.Item>
        {done ? (
          <Alert
            type="success"
            showIcon
            data-testid="tracking-done"
            message={t(
              done.dryRun ? "logistics.scan.import.checked" : "logistics.scan.import.done",
              {
                rows: done.rows,
                created: done.parcelsCreated,
                updated: done.updated,
                unchanged: done.unchanged,
              },
            )}
            description={
              done.warnings.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {done.warnings.map((w, i) => (
                    <li key={i}>{noteLine(w, locale)}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        {problems ? (
          <>
            <Alert
              type="error"
              showIcon
              message={t("logistics.scan.import.refused", { count: problems.length })}
            />
            <Table<FileProblem>
              size="small"
              rowKey={(p) => `${p.file}:${p.row}:${p.column}:${p.code}`}
              dataSource={problems}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              scroll={{ x: true }}
              data-testid="tracking-problems"
              columns={[
                { title: t("logistics.scan.import.row"), dataIndex: "row", width: 64 },
                { title: t("logistics.scan.import.column"), dataIndex: "column", width: 110 },
                {
                  title: t("logistics.scan.import.problem"),
                  key: "problem",
                  render: (_: unknown, p: FileProblem) => problemLine(p, locale),
                },
              ]}
            />
          </>
        ) : null}
      </FormModal>
      <TrackingMappingDialog open={mappingOpen} onClose={() => setMappingOpen(false)} />
    </>
  );
}
