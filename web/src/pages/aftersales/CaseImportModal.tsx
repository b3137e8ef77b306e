// Importing a platform's after-sales export: the shop, the format (the shop's platform, a platform,
// or a saved mapping) and the file; Check runs a dry run and shows what it would do, or every
// problem with its row and column (all or nothing: nothing is stored while there is one); Import
// stores it. The problems read in the page's language (the shared catalogs, importMessages.ts).
import { Alert, App, Button, Flex, Form, List, Modal, Select, Tag, Typography, Upload } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { Reply } from "../../api/contract";
import {
  importProblems,
  useImportCases,
  type CaseImport,
  type ImportProblem,
} from "../../api/aftersales";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import type { Shop } from "../shop-data/api";
import { noteLine, problemLine } from "../shop-data/importMessages";
import { PLATFORMS, platformLabel } from "../shop-data/labels";

const useMappings = (enabled: boolean) =>
  useQuery({
    queryKey: ["aftersales", "mappings"],
    enabled,
    queryFn: () => api.get<Reply<"listAftersalesMappings">>("/api/v1/aftersales/mappings"),
  });

const counts = (r: CaseImport) => ({
  rows: r.rows,
  cases: r.cases,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
});

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t, locale } = useI18n();
  return (
    <List
      size="small"
      data-testid="case-import-problems"
      dataSource={problems.slice(0, 200)}
      pagination={problems.length > 10 ? { pageSize: 10, size: "small" } : false}
      renderItem={(e) => (
        <List.Item style={{ paddingInline: 0 }} data-testid="case-import-problem">
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex wrap gap={4}>
              {e.file ? <Tag>{e.file}</Tag> : null}
              <Tag color="red" data-testid="problem-row">
                {t("aftersales.import.row")} {e.row}
              </Tag>
              {e.column ? (
                <Tag color="orange" data-testid="problem-column">
                  {t("aftersales.import.column")} {e.column}
                </Tag>
              ) : null}
            </Flex>
            <Typography.Text style={{ wordBreak: "break-word" }}>
              {problemLine(e, locale)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

export function CaseImportModal({
  open,
  onClose,
  shops,
}: {
  open: boolean;
  onClose: () => void;
  shops: Shop[];
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [shop, setShop] = useState<string | undefined>();
  const [format, setFormat] = useState("auto");
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<CaseImport | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const run = useImportCases();
  const mappings = useMappings(open);

  useEffect(() => {
    if (!open) return;
    setShop((s) => s ?? shops[0]?.id);
  }, [open, shops]);
  // Anything changed: the check is to be run again.
  useEffect(() => {
    setPlan(null);
    setProblems([]);
    setRefusal(null);
  }, [shop, format, file]);
  const close = () => {
    setFile(null);
    onClose();
  };

  const send = (dryRun: boolean) => {
    if (!shop || !file) return;
    setRefusal(null);
    run.mutate(
      { shop, file, format, dryRun, locale },
      {
        onSuccess: (r) => {
          setProblems([]);
          if (dryRun) setPlan(r);
          else {
            void message.success(t("aftersales.import.done", counts(r)));
            close();
          }
        },
        onError: (e) => {
          setPlan(null);
          const list = importProblems(e);
          setProblems(list);
          if (!list.length) setRefusal(errorText(e, t, locale));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("aftersales.import.title")}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close} data-testid="case-import-cancel">
          {t("common.cancel")}
        </Button>,
        <Button
          key="check"
          onClick={() => send(true)}
          disabled={!shop || !file}
          loading={run.isPending && run.variables?.dryRun}
          data-testid="case-import-check"
        >
          {t("aftersales.import.check")}
        </Button>,
        <Button
          key="commit"
          type="primary"
          onClick={() => send(false)}
          disabled={!plan}
          loading={run.isPending && !run.variables?.dryRun}
          data-testid="case-import-commit"
        >
          {t("aftersales.import.commit")}
        </Button>,
      ]}
    >
      <Form layout="vertical" data-testid="case-import-form">
        <Form.Item label={t("aftersales.import.shop")} required>
          <Select
            value={shop}
            onChange={setShop}
            options={shops.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="case-import-shop"
          />
        </Form.Item>
        <Form.Item label={t("aftersales.import.format")}>
          <Select
            value={format}
            onChange={setFormat}
            options={[
              { value: "auto", label: t("aftersales.import.format.auto") },
              ...PLATFORMS.filter((p) => p !== "custom").map((p) => ({
                value: p,
                label: platformLabel(t, p),
              })),
              ...(mappings.data?.items ?? []).map((m) => ({
                value: `mapping:${m.name}`,
                label: t("aftersales.import.format.mapping", { name: m.name }),
              })),
            ]}
            data-testid="case-import-format"
          />
        </Form.Item>
        <Form.Item label={t("aftersales.import.file")} required>
          <Upload
            accept=".csv,.xlsx,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: "1", name: file.name, status: "done" }] : []}
          >
            <Button data-testid="case-import-choose">{t("aftersales.import.choose")}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {plan && (
        <Alert
          type="success"
          showIcon
          data-testid="case-import-plan"
          message={t("aftersales.import.plan", counts(plan))}
          description={
            plan.warnings.length ? (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {plan.warnings.slice(0, 10).map((w, i) => (
                  <li key={i}>{noteLine(w, locale)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="case-import-refused"
          message={t("aftersales.import.refused", { count: problems.length })}
          description={<ImportProblems problems={problems} />}
        />
      )}
      {refusal && <Alert type="error" showIcon message={refusal} data-testid="case-import-error" />}
    </Modal>
  );
}
