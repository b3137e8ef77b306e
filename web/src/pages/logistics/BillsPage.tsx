// Carrier bills (对账单): import a carrier's bill and reconcile it against the computed costs — the
// import for the owner and logistics leads, the bills and their lines for everyone.
import { Alert, Flex, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { BillDetail } from "./cost/BillDetail";
import { BillImportCard } from "./cost/BillImportCard";
import { BillList } from "./cost/BillList";
import { useBills } from "./cost/costApi";

export function BillsPage() {
  const { t, locale } = useI18n();
  const manage = useMe().can("logistics.manage");
  const bills = useBills();
  const [chosen, setChosen] = useState<string | undefined>();
  const items = bills.data?.items ?? [];
  // The bill chosen, else the newest.
  const bill = items.find((b) => b.id === chosen) ?? items[0];
  return (
    <Flex vertical gap={12} data-testid="bills-page">
      <Flex vertical gap={4}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("logistics.cost.bills.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("logistics.cost.bills.intro")}</Typography.Text>
      </Flex>
      {manage ? <BillImportCard onImported={setChosen} /> : null}
      {bills.isError ? (
        <Alert type="error" showIcon message={errorText(bills.error, t, locale)} />
      ) : null}
      <BillList bills={items} loading={bills.isLoading} selected={bill?.id} onSelect={setChosen} />
      {bill ? (
        <BillDetail key={bill.id} bill={bill} onDeleted={() => setChosen(undefined)} />
      ) : null}
    </Flex>
  );
}
