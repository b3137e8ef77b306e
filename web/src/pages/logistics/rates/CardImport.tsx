// Importing a rate card for the carrier: the day it applies from and, for a spreadsheet (which holds
// no settings), the volumetric divisor and mode and the weight rounding; then the file. A refused
// file lists every problem with its row and column in the page's language and nothing is stored.
import { InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  DatePicker,
  Flex,
  Grid,
  InputNumber,
  Select,
  Table,
  Typography,
  Upload,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState, type ReactNode } from "react";
import { ApiError } from "../../../api/client";
import { errorText } from "../../../components/errors";
import { useI18n } from "../../../i18n";
import { problemLine } from "../../shop-data/importMessages";
import {
  useImportCard,
  type Carrier,
  type CardProblem,
  type ImportedCard,
  type ImportOptions,
} from "./ratesApi";
import { RecostProgress } from "./RecostProgress";

type Divisor = "file" | "none" | 6000 | 8000 | 12000;
type Vol = "file" | "none" | "full" | "half";

export function CardImport({ carrier }: { carrier: Carrier }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const importCard = useImportCard();
  const phone = !Grid.useBreakpoint().md;
  const [validFrom, setValidFrom] = useState<Dayjs | null>(null);
  const [divisor, setDivisor] = useState<Divisor>("file");
  const [vol, setVol] = useState<Vol>("file");
  const [pct, setPct] = useState<number | null>(50);
  const [step, setStep] = useState<"file" | "1" | "0.5">("file");
  const [done, setDone] = useState<ImportedCard | null>(null);
  const [refusal, setRefusal] = useState<{ file: string; problems: CardProblem[] } | null>(null);
  const [failure, setFailure] = useState<{ file: string; text: string } | null>(null);

  const send = (file: File) => {
    setDone(null);
    setRefusal(null);
    setFailure(null);
    const options: ImportOptions = {
      ...(validFrom ? { validFrom: validFrom.format("YYYY-MM-DD") } : {}),
      ...(divisor !== "file" ? { divisor } : {}),
      ...(vol !== "file" ? { volumetric: vol === "half" ? `half:${pct ?? 50}` : vol } : {}),
      ...(step !== "file" ? { stepRounding: step } : {}),
    };
    importCard.mutate(
      { file, carrier: carrier.id, options },
      {
        onSuccess: (r) => setDone(r),
        onError: (e) => {
          const p = e instanceof ApiError ? e.problem : null;
          if (p?.problems?.length) setRefusal({ file: file.name, problems: p.problems });
          else setFailure({ file: file.name, text: errorText(e, i18n.t, i18n.locale) });
        },
      },
    );
  };
  const field = (label: string, child: ReactNode) => (
    <Flex vertical gap={4} style={{ flex: "1 1 140px", minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {child}
    </Flex>
  );
  return (
    <Flex vertical gap={8} data-testid="card-import">
      <Typography.Text strong>{t("logistics.rates.import")}</Typography.Text>
      <Flex wrap gap={8}>
        {field(
          t("logistics.rates.validFrom"),
          <DatePicker
            value={validFrom}
            onChange={setValidFrom}
            placeholder={t("logistics.rates.today")}
            style={{ width: "100%" }}
            data-testid="card-valid-from"
          />,
        )}
        {field(
          t("logistics.rates.divisor"),
          <Select<Divisor>
            value={divisor}
            onChange={setDivisor}
            data-testid="card-divisor"
            options={[
              { value: "file", label: t("logistics.rates.divisorFile") },
              { value: "none", label: t("logistics.rates.divisorNone") },
              { value: 6000, label: "6000" },
              { value: 8000, label: "8000" },
              { value: 12000, label: "12000" },
            ]}
          />,
        )}
        {field(
          t("logistics.rates.volumetric"),
          <Flex gap={4}>
            <Select<Vol>
              value={vol}
              onChange={setVol}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="card-volumetric"
              options={[
                { value: "file", label: t("logistics.rates.asFile") },
                { value: "none", label: t("logistics.rates.volNone") },
                { value: "full", label: t("logistics.rates.volFull") },
                { value: "half", label: t("logistics.rates.volHalf") },
              ]}
            />
            {vol === "half" ? (
              <InputNumber
                min={1}
                max={100}
                value={pct}
                onChange={setPct}
                suffix="%"
                style={{ width: 80 }}
                aria-label={t("logistics.rates.volPct")}
              />
            ) : null}
          </Flex>,
        )}
        {field(
          t("logistics.rates.stepRounding"),
          <Select
            value={step}
            onChange={setStep}
            data-testid="card-step"
            options={[
              { value: "file", label: t("logistics.rates.asFile") },
              { value: "1", label: "1 kg" },
              { value: "0.5", label: "0.5 kg" },
            ]}
          />,
        )}
      </Flex>
      <Upload.Dragger
        accept=".csv,.xlsx,.json,.txt"
        showUploadList={false}
        multiple={false}
        disabled={importCard.isPending}
        data-testid="card-upload"
        beforeUpload={(f) => {
          send(f);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text" style={{ padding: "0 8px" }}>
          {t("logistics.rates.importHint")}
        </p>
      </Upload.Dragger>
      {importCard.isPending && <RecostProgress carrierId={carrier.id} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("logistics.rates.importColumns")}
      </Typography.Text>
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="card-imported"
          message={t("logistics.rates.imported", {
            carrier: done.card.carrier.name,
            from: done.card.validFrom,
            zones: done.card.zones,
            bands: done.card.bands,
            recosted: done.recosted,
          })}
          description={
            <>
              {done.replaced ? <div>{t("logistics.rates.replacedNote")}</div> : null}
              {done.card.notCovered.length ? (
                <div>
                  {t("logistics.rates.notCovered")}: {done.card.notCovered.join("、")}
                </div>
              ) : null}
            </>
          }
        />
      ) : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          data-testid="card-failed"
          style={{ wordBreak: "break-word" }}
          message={t("logistics.rates.refused", { file: failure.file })}
          description={failure.text}
        />
      ) : null}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="card-problems"
          style={{ wordBreak: "break-word" }}
          message={t("logistics.rates.refused", { file: refusal.file })}
          description={
            phone ? (
              // On a phone each problem is a line: its row and column, then what is wrong.
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="card-problem-list">
                {refusal.problems.map((p, i) => (
                  <li key={i}>
                    <Typography.Text strong>
                      {t("logistics.rates.row")} {p.row}
                      {p.column ? ` · ${p.column}` : ""}
                    </Typography.Text>
                    : {problemLine(p, locale)}
                  </li>
                ))}
              </ul>
            ) : (
              <Table<CardProblem>
                size="small"
                rowKey={(p) => `${p.row}:${p.column}:${p.code}:${JSON.stringify(p.params)}`}
                pagination={refusal.problems.length > 10 ? { pageSize: 10, size: "small" } : false}
                dataSource={refusal.problems}
                scroll={{ x: 420 }}
                columns={[
                  { title: t("logistics.rates.row"), dataIndex: "row", width: 56 },
                  {
                    title: t("logistics.rates.column"),
                    dataIndex: "column",
                    width: 120,
                    render: (c: string) => c || "—",
                  },
                  {
                    title: t("logistics.rates.problem"),
                    dataIndex: "message",
                    render: (_: string, p: CardProblem) => problemLine(p, locale),
                  },
                ]}
              />
            )
          }
        />
      ) : null}
    </Flex>
  );
}
