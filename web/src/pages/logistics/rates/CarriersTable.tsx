// The workspace's carriers: code, name, the platforms it ships for, today's card, on/off; the owner
// and the leads holding the logistics function add one or edit one (codes per system, aliases,
// platforms).
// Clicking a row picks the carrier whose cards show below.
import { Button, Card, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { platformLabel } from "../../shop-data/labels";
import { CarrierModal } from "./CarrierModal";
import type { Carrier } from "./ratesApi";

export function CarriersTable({
  carriers,
  loading,
  manage,
  selected,
  onSelect,
}: {
  carriers: Carrier[];
  loading: boolean;
  manage: boolean;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Carrier | "new" | null>(null);
  return (
    <Card
      size="small"
      title={t("logistics.rates.carriers")}
      data-testid="rates-carriers"
      extra={
        manage ? (
          <Button size="small" data-testid="carrier-add" onClick={() => setEditing("new")}>
            {t("logistics.rates.addCarrier")}
          </Button>
        ) : null
      }
    >
      <Table<Carrier>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={carriers}
        pagination={false}
        scroll={{ x: 560 }}
        onRow={(c) => ({
          onClick: () => onSelect(c.id),
          style: { cursor: "pointer" },
          "data-testid": `carrier-${c.code}`,
        })}
        rowClassName={(c) => (c.id === selected ? "ant-table-row-selected" : "")}
        columns={[
          {
            title: t("logistics.rates.code"),
            dataIndex: "code",
            width: 80,
            render: (code: string, c) => (
              <Typography.Text strong delete={!c.active}>
                {code}
              </Typography.Text>
            ),
          },
          { title: t("logistics.rates.name"), dataIndex: "name", width: 130 },
          {
            title: t("logistics.rates.platforms"),
            dataIndex: "platforms",
            render: (ps: string[] | null) =>
              ps
                ? ps.map((p) => <Tag key={p}>{platformLabel(t, p)}</Tag>)
                : t("logistics.rates.anyPlatform"),
          },
          {
            title: t("logistics.rates.currentCard"),
            dataIndex: "currentCard",
            width: 130,
            render: (cc: Carrier["currentCard"], c) =>
              !c.active ? (
                <Tag>{t("logistics.rates.off")}</Tag>
              ) : cc ? (
                t("logistics.rates.cardFrom", { date: cc.validFrom })
              ) : (
                <Typography.Text type="secondary">{t("logistics.rates.noCard")}</Typography.Text>
              ),
          },
          ...(manage
            ? [
                {
                  key: "edit",
                  width: 70,
                  render: (_: unknown, c: Carrier) => (
                    <Button
                      size="small"
                      data-testid={`carrier-edit-${c.code}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        setEditing(c);
                      }}
                    >
                      {t("logistics.rates.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CarrierModal carrier={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
