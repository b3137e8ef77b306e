// A carrier's rate cards by valid-from day: until when each applies, its zones and bands, the
// provinces it leaves out, its settings, and downloads as CSV, XLSX or JSON. Managers import a new
// card below the list, and delete a card (the previous one applies again; parcels are re-costed).
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Typography } from "antd";
import { useApiErrors } from "../../../components/errors";
import { useI18n } from "../../../i18n";
import { CardImport } from "./CardImport";
import { exportHref, useDeleteCard, type Carrier, type RateCardSummary } from "./ratesApi";

function SettingsLine({ s }: { s: RateCardSummary["settings"] }) {
  const { t } = useI18n();
  const volumetric =
    s.volumetric === "half"
      ? `${t("logistics.rates.volHalf")} ${s.volumetricPct ?? ""}%`
      : s.volumetric === "full"
        ? t("logistics.rates.volFull")
        : t("logistics.rates.volNone");
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t("logistics.rates.settingsLine", {
        divisor: s.divisor ?? "—",
        volumetric,
        step: s.stepRounding,
        minimum: s.minimumCharge,
        remote: s.remoteSurcharge,
        provinces: s.remoteProvinces.length ? ` (${s.remoteProvinces.join("、")})` : "",
        insurance: s.insuranceRate,
      })}
    </Typography.Text>
  );
}

export function CarrierCards({
  carrier,
  cards,
  manage,
}: {
  carrier: Carrier;
  cards: RateCardSummary[];
  manage: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const remove = useDeleteCard();
  const own = cards.filter((c) => c.carrier.id === carrier.id).reverse();
  const deleteColumn = {
    key: "delete",
    width: 70,
    render: (_: unknown, c: RateCardSummary) => (
      <Popconfirm
        title={t("logistics.rates.deleteCardConfirm", { date: c.validFrom, name: carrier.name })}
        okButtonProps={{ danger: true }}
        onConfirm={() =>
          remove
            .mutateAsync(c.id)
            .then(
              (r) => void message.success(t("logistics.rates.cardDeleted", { count: r.recosted })),
            )
            .catch((e: unknown) => showError(e))
        }
      >
        <Button size="small" danger data-testid={`card-delete-${c.validFrom}`}>
          {t("logistics.rates.deleteCard")}
        </Button>
      </Popconfirm>
    ),
  };
  return (
    <Card
      size="small"
      title={t("logistics.rates.cardsOf", { name: carrier.name })}
      data-testid="rates-cards"
    >
      <Flex vertical gap={12}>
        {own.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("logistics.rates.noCards")} />
        ) : (
          <Table<RateCardSummary>
            size="small"
            rowKey="id"
            dataSource={own}
            pagination={false}
            scroll={{ x: 560 }}
            expandable={{ expandedRowRender: (c) => <SettingsLine s={c.settings} /> }}
            columns={[
              { title: t("logistics.rates.validFrom"), dataIndex: "validFrom", width: 110 },
              {
                title: t("logistics.rates.validTo"),
                dataIndex: "validTo",
                width: 120,
                render: (d: string | null) => d ?? t("logistics.rates.openEnded"),
              },
              {
                title: t("logistics.rates.zonesBands"),
                key: "zb",
                width: 100,
                render: (_: unknown, c) => `${c.zones} / ${c.bands}`,
              },
              {
                title: t("logistics.rates.notCovered"),
                dataIndex: "notCovered",
                render: (ps: string[]) =>
                  ps.length ? ps.join("、") : t("logistics.rates.allCovered"),
              },
              {
                title: t("logistics.rates.export"),
                key: "export",
                width: 150,
                render: (_: unknown, c) => (
                  <Space size={8}>
                    {(["csv", "xlsx", "json"] as const).map((f) => (
                      <a
                        key={f}
                        href={exportHref(c.id, f)}
                        data-testid={`card-export-${f}`}
                        download
                      >
                        {f.toUpperCase()}
                      </a>
                    ))}
                  </Space>
                ),
              },
              ...(manage ? [deleteColumn] : []),
            ]}
          />
        )}
        {manage ? <CardImport carrier={carrier} /> : null}
      </Flex>
    </Card>
  );
}
