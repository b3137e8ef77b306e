// Carriers and their rate cards: the carriers table (codes per system, edited by managers), the
// picked carrier's cards (import with refusals by row and column, export), and the quote /
// cheapest-carrier tool (docs/LOGISTICS.md, part rates).
import { Flex, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { CarrierCards } from "./rates/CarrierCards";
import { CarriersTable } from "./rates/CarriersTable";
import { QuoteTool } from "./rates/QuoteTool";
import { useCarriers, useRateCards } from "./rates/ratesApi";

export function RatesPage() {
  const { t } = useI18n();
  const manage = useMe().can("logistics.manage");
  const carriers = useCarriers();
  const cards = useRateCards();
  const items = carriers.data?.items ?? [];
  const [picked, setPicked] = useState<string | undefined>();
  const selected = items.find((c) => c.id === picked) ?? items[0];
  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }} data-testid="rates-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("nav.logistics.rates")}
      </Typography.Title>
      <QuoteTool carriers={items.filter((c) => c.active)} />
      <CarriersTable
        carriers={items}
        loading={carriers.isLoading}
        manage={manage}
        selected={selected?.id}
        onSelect={setPicked}
      />
      {selected ? (
        <CarrierCards carrier={selected} cards={cards.data?.items ?? []} manage={manage} />
      ) : null}
    </Flex>
  );
}
