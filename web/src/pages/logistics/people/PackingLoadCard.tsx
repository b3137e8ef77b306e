// The lead's card: a day's packing load (default: the next day someone of 物流 works) — the parcels
// expected and where they come from, each member's duties, plan tasks and packing against their
// hours, and who is short. Mounted on the queue (待发货) for the owner and the 物流 leads.
import { SettingOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Input, Statistic, Typography } from "antd";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { useMe } from "../../../me";
import { PackingMembers } from "./PackingMembers";
import { PackingSettingsModal } from "./PackingSettingsModal";
import { sourceKey } from "./PackingRunCard";
import { usePackingLoad, usePackingSettings } from "./packingApi";

export function PackingLoadCard() {
  const { t } = useI18n();
  const { can } = useMe();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const load = usePackingLoad(date);
  const manage = can("logistics.manage");
  const settings = usePackingSettings(manage);
  const d = load.data;
  const short = d?.members.filter((m) => m.shortHours > 0) ?? [];
  return (
    <Card
      size="small"
      title={t("logistics.people.load.title")}
      loading={load.isLoading}
      data-testid="packing-load"
      extra={
        manage && settings.data ? (
          <Button
            size="small"
            icon={<SettingOutlined />}
            onClick={() => setEditing(true)}
            data-testid="packing-settings-open"
          >
            {t("logistics.people.settings.open")}
          </Button>
        ) : null
      }
    >
      {d ? (
        <Flex vertical gap={12}>
          <Flex gap={16} wrap align="end">
            <label>
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {t("logistics.people.load.day")}
              </Typography.Text>
              <Input
                type="date"
                value={d.date}
                min={d.today}
                onChange={(e) => setDate(e.target.value || undefined)}
                style={{ width: 160 }}
                data-testid="packing-load-date"
              />
            </label>
            <Statistic title={t("logistics.people.load.parcels")} value={d.parcels} />
            <Statistic title={t("logistics.people.load.hours")} value={d.packingHours} suffix="h" />
            <Statistic
              title={t("logistics.people.load.shortTotal")}
              value={d.shortHours}
              suffix="h"
              valueStyle={d.shortHours > 0 ? { color: "#cf1322" } : undefined}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("logistics.people.load.breakdown", {
              waiting: d.queueParcels,
              inflow: d.inflowPerDay,
              carried: d.carriedOverParcels,
              seconds: d.secondsPerParcel,
              source: t(sourceKey(d.secondsSource)),
            })}
          </Typography.Text>
          {d.waitingParcels > 0 ? (
            <Alert
              type="info"
              showIcon
              title={t("logistics.people.load.nobody", { parcels: d.waitingParcels })}
            />
          ) : short.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="packing-load-short"
              title={t("logistics.people.load.someShort", {
                count: short.length,
                hours: d.shortHours,
              })}
            />
          ) : (
            <Alert type="success" showIcon title={t("logistics.people.load.allFine")} />
          )}
          <PackingMembers members={d.members} />
        </Flex>
      ) : null}
      {settings.data ? (
        <PackingSettingsModal
          open={editing}
          onClose={() => setEditing(false)}
          settings={settings.data}
        />
      ) : null}
    </Card>
  );
}
