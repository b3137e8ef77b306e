// What a bill import came to: what it found (and its notes), or why nothing was imported — a whole
// file refused in one sentence, else every problem with its row and column, in the page's language.
import { Alert, Table } from "antd";
import { useI18n } from "../../../i18n";
import { noteLine, problemLine } from "../../shop-data/importMessages";
import type { BillProblem, ImportedBill } from "./costApi";
import { yuan } from "./format";

export function BillImportResult({
  done,
  failure,
  refusal,
}: {
  done: ImportedBill | null;
  failure: { file: string; text: string } | null;
  refusal: { file: string; problems: BillProblem[] } | null;
}) {
  const { t, locale } = useI18n();
  const wholeFile = refusal?.problems.length === 1 && !refusal.problems[0]!.column;
  return (
    <>
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="bill-import-done"
          message={t("logistics.cost.import.done", {
            file: done.fileName,
            lines: done.totals.lines,
            billed: yuan(done.totals.billed),
            over: yuan(done.totals.overcharged),
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
          data-testid="bill-import-failed"
          style={{ wordBreak: "break-word" }}
          message={t("logistics.cost.import.refused", { file: failure.file })}
          description={failure.text}
        />
      ) : null}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="bill-import-problems"
          style={{ wordBreak: "break-word" }}
          message={t("logistics.cost.import.refused", { file: refusal.file })}
          description={
            wholeFile ? (
              problemLine(refusal.problems[0]!, locale)
            ) : (
              <Table<BillProblem>
                size="small"
                rowKey={(p) => `${p.row}:${p.column}:${p.code}`}
                pagination={refusal.problems.length > 10 ? { pageSize: 10, size: "small" } : false}
                dataSource={refusal.problems}
                scroll={{ x: 420 }}
                columns={[
                  { title: t("logistics.cost.import.row"), dataIndex: "row", width: 56 },
                  {
                    title: t("logistics.cost.import.column"),
                    dataIndex: "column",
                    width: 120,
                    render: (c: string) => c || "—",
                  },
                  {
                    title: t("logistics.cost.import.problem"),
                    dataIndex: "message",
                    render: (_: string, p: BillProblem) => problemLine(p, locale),
                  },
                ]}
              />
            )
          }
        />
      ) : null}
    </>
  );
}
