// Importing a carrier bill: the carrier, the month, the weight tolerance and (for another layout) a
// saved column mapping, then the file. A refused file lists every problem with its row and column,
// in the page's language; an imported one says what it found and opens in the list below.
import { DeleteOutlined, InboxOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Typography,
  Upload,
} from "antd";
import { useState, type ReactNode } from "react";
import { ApiError } from "../../../api/client";
import { errorText } from "../../../components/errors";
import { useI18n } from "../../../i18n";
import {
  useBillMappings,
  useCarriers,
  useDeleteBillMapping,
  useImportBill,
  type BillProblem,
  type ImportedBill,
} from "./costApi";
import { BillMappingModal } from "./BillMappingModal";
import { BillImportResult } from "./BillImportResult";

export function BillImportCard({ onImported }: { onImported: (id: string) => void }) {
  const { t, locale } = useI18n();
  const carriers = useCarriers();
  const mappings = useBillMappings();
  const importBill = useImportBill();
  const deleteMapping = useDeleteBillMapping();
  const [carrierId, setCarrierId] = useState<string | undefined>();
  const [period, setPeriod] = useState("");
  const [toleranceG, setToleranceG] = useState<number | null>(100);
  const [mapping, setMapping] = useState<string | undefined>();
  const [mappingOpen, setMappingOpen] = useState(false);
  const [done, setDone] = useState<ImportedBill | null>(null);
  const [refusal, setRefusal] = useState<{ file: string; problems: BillProblem[] } | null>(null);
  const [failure, setFailure] = useState<{ file: string; text: string } | null>(null);

  const send = (file: File) => {
    setDone(null);
    setRefusal(null);
    setFailure(null);
    if (!carrierId) {
      setFailure({ file: file.name, text: t("logistics.cost.import.needCarrier") });
      return;
    }
    importBill.mutate(
      {
        file,
        query: {
          carrierId,
          ...(period && { period }),
          ...(toleranceG !== null && { toleranceG }),
          ...(mapping && { mapping }),
        },
      },
      {
        onSuccess: (bill) => {
          setDone(bill);
          onImported(bill.id);
        },
        onError: (e) => {
          const problems = e instanceof ApiError ? e.problem.problems : undefined;
          if (problems?.length) setRefusal({ file: file.name, problems });
          else setFailure({ file: file.name, text: errorText(e, t, locale) });
        },
      },
    );
  };
  const chosenMapping = mappings.data?.items.find((m) => m.name === mapping);

  return (
    <Card size="small" title={t("logistics.cost.import.title")} data-testid="bill-import">
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="flex-end">
          <Field label={t("logistics.cost.import.carrier")} grow>
            <Select
              style={{ width: "100%" }}
              value={carrierId}
              onChange={setCarrierId}
              placeholder={t("logistics.cost.import.chooseCarrier")}
              loading={carriers.isLoading}
              data-testid="bill-carrier"
              showSearch={{ optionFilterProp: "label" }}
              options={(carriers.data?.items ?? [])
                .filter((c) => c.active)
                .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
            />
          </Field>
          <Field label={t("logistics.cost.import.period")}>
            <Input
              type="month"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              data-testid="bill-period"
            />
          </Field>
          <Field label={t("logistics.cost.import.tolerance")}>
            <InputNumber
              min={0}
              max={100000}
              step={50}
              precision={0}
              value={toleranceG}
              onChange={setToleranceG}
              style={{ width: "100%" }}
              title={t("logistics.cost.import.toleranceHelp")}
            />
          </Field>
          <Field label={t("logistics.cost.import.mapping")} grow>
            <Flex gap={4}>
              <Select
                style={{ flex: 1, minWidth: 0 }}
                value={mapping ?? ""}
                onChange={(v) => setMapping(v || undefined)}
                data-testid="bill-mapping"
                options={[
                  { value: "", label: t("logistics.cost.import.mappingAuto") },
                  ...(mappings.data?.items ?? []).map((m) => ({ value: m.name, label: m.name })),
                ]}
              />
              <Button
                icon={<PlusOutlined />}
                onClick={() => setMappingOpen(true)}
                aria-label={t("logistics.cost.import.newMapping")}
                title={t("logistics.cost.import.newMapping")}
              />
              {chosenMapping ? (
                <Popconfirm
                  title={t("logistics.cost.import.deleteMapping")}
                  onConfirm={() =>
                    deleteMapping.mutate(chosenMapping.id, {
                      onSuccess: () => setMapping(undefined),
                    })
                  }
                >
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("logistics.cost.import.deleteMapping")}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          </Field>
        </Flex>
        <Upload.Dragger
          accept=".csv,.xlsx,.txt"
          showUploadList={false}
          multiple={false}
          disabled={importBill.isPending}
          data-testid="bill-upload"
          beforeUpload={(f) => {
            send(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text" style={{ padding: "0 8px" }}>
            {t("logistics.cost.import.hint")}
          </p>
        </Upload.Dragger>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("logistics.cost.import.columns")}
        </Typography.Text>
        <BillImportResult done={done} failure={failure} refusal={refusal} />
      </Flex>
      <BillMappingModal
        open={mappingOpen}
        onClose={() => setMappingOpen(false)}
        onSaved={(name) => setMapping(name)}
      />
    </Card>
  );
}

function Field({ label, grow, children }: { label: string; grow?: boolean; children: ReactNode }) {
  return (
    <Flex vertical gap={2} style={{ flex: grow ? "1 1 200px" : "1 1 140px", minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}
