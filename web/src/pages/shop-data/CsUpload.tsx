// Importing a 客服绩效 export: the file goes up whole; a refusal lists every problem with its row and
// column, and when it names accounts nobody is linked to, they can be linked here and the same file
// sent again.
import { InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Select, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { errorText, useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useCsImport, useLinkAccounts, type CsImport, type CsProblem } from "./cs.api";
import { noteLine, problemLine } from "./importMessages";

export interface MemberOption {
  value: string;
  label: string;
}

export function CsUpload({ members }: { members: MemberOption[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const onError = useApiErrors();
  const importM = useCsImport();
  const link = useLinkAccounts();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<CsImport | null>(null);
  const [refusal, setRefusal] = useState<{
    file: string;
    problems: CsProblem[];
    unlinked: string[];
  } | null>(null);
  const [failure, setFailure] = useState<{ file: string; text: string } | null>(null);
  const i18n = useI18n();
  const [choice, setChoice] = useState<Record<string, string>>({});

  const send = (f: File) => {
    setFile(f);
    setDone(null);
    setRefusal(null);
    setFailure(null);
    importM.mutate(f, {
      onSuccess: (r) => {
        setDone(r);
        setChoice({});
        void message.success(
          t("cs.upload.done", {
            file: r.fileName,
            days: r.days,
            from: r.from,
            to: r.to,
            replaced: r.replaced,
          }),
        );
      },
      onError: (e) => {
        const p = e instanceof ApiError ? e.problem : null;
        if (p?.problems?.length)
          setRefusal({ file: f.name, problems: p.problems, unlinked: p.unlinkedAccounts ?? [] });
        // Any other refusal of the file (too large, …) is said on the page too, in the reader's language.
        else setFailure({ file: f.name, text: errorText(e, i18n.t, i18n.locale) });
      },
    });
  };
  const linkAndRetry = () => {
    if (!refusal || !file) return;
    link.mutate(
      refusal.unlinked.map((account) => ({ account, memberId: choice[account]! })),
      { onSuccess: () => send(file), onError: (e) => onError(e) },
    );
  };
  const ready = refusal !== null && refusal.unlinked.every((a) => choice[a]);
  const wholeFile =
    refusal !== null &&
    refusal.problems.length === 1 &&
    !refusal.problems[0]!.column &&
    refusal.unlinked.length === 0;

  return (
    <Card size="small" title={t("cs.upload.title")} data-testid="cs-upload">
      <Flex vertical gap={12}>
        <Upload.Dragger
          accept=".csv,.xlsx,.txt"
          showUploadList={false}
          multiple={false}
          data-testid="cs-upload-input"
          disabled={importM.isPending}
          beforeUpload={(f) => {
            send(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text" style={{ padding: "0 8px" }}>
            {t("cs.upload.hint")}
          </p>
        </Upload.Dragger>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("cs.upload.columns")}
        </Typography.Text>
        {done ? (
          <Alert
            type="success"
            showIcon
            data-testid="cs-upload-done"
            message={t("cs.upload.done", {
              file: done.fileName,
              days: done.days,
              from: done.from,
              to: done.to,
              replaced: done.replaced,
            })}
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
        {failure ? (
          <Alert
            type="error"
            showIcon
            data-testid="cs-upload-failed"
            style={{ wordBreak: "break-word" }}
            message={t("cs.upload.refused", { file: failure.file })}
            description={failure.text}
          />
        ) : null}
        {refusal ? (
          <Alert
            type="error"
            showIcon
            data-testid="cs-upload-problems"
            style={{ wordBreak: "break-word" }}
            message={t("cs.upload.refused", { file: refusal.file })}
            description={
              // A whole file refused (unreadable, past a limit) reads as one sentence, not a one-row table.
              wholeFile ? (
                problemLine(refusal.problems[0]!, locale)
              ) : (
                <Flex vertical gap={8} style={{ minWidth: 0 }}>
                  <Table<CsProblem>
                    size="small"
                    rowKey={(p, i) => `${p.row}:${p.column}:${i}`}
                    pagination={
                      refusal.problems.length > 10 ? { pageSize: 10, size: "small" } : false
                    }
                    dataSource={refusal.problems}
                    scroll={{ x: 420 }}
                    columns={[
                      { title: t("cs.upload.row"), dataIndex: "row", width: 56 },
                      {
                        title: t("cs.upload.column"),
                        dataIndex: "column",
                        width: 120,
                        render: (c: string) => c || "—",
                      },
                      {
                        title: t("cs.upload.problem"),
                        dataIndex: "message",
                        render: (_: string, p: CsProblem) => problemLine(p, locale),
                      },
                    ]}
                  />
                  {refusal.unlinked.length ? (
                    <Flex vertical gap={8} data-testid="cs-link-unlinked">
                      <Typography.Text>{t("cs.upload.link")}</Typography.Text>
                      {refusal.unlinked.map((a) => (
                        <Flex key={a} wrap gap={8} align="center">
                          <Typography.Text code style={{ flex: "1 1 160px", minWidth: 0 }}>
                            {a}
                          </Typography.Text>
                          <Select
                            style={{ flex: "1 1 180px", minWidth: 0 }}
                            showSearch={{ optionFilterProp: "label" }}
                            placeholder={t("cs.upload.chooseMember")}
                            options={members}
                            value={choice[a]}
                            onChange={(v: string) => setChoice((c) => ({ ...c, [a]: v }))}
                            aria-label={a}
                            data-testid={`cs-link-${a}`}
                          />
                        </Flex>
                      ))}
                      <Button
                        type="primary"
                        disabled={!ready}
                        loading={link.isPending || importM.isPending}
                        onClick={linkAndRetry}
                        data-testid="cs-link-retry"
                        style={{ alignSelf: "flex-start" }}
                      >
                        {t("cs.upload.linkAndRetry")}
                      </Button>
                    </Flex>
                  ) : null}
                </Flex>
              )
            }
          />
        ) : null}
      </Flex>
    </Card>
  );
}
