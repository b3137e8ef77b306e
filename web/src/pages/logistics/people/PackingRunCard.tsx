// A 物流 member's packing run on Today: the parcels that are theirs today (or that day), the hours
// that takes and has been reserved in their day, how many are packed, and a warning when it does
// not fit in the hours their duties leave.
import { Alert, Card, Flex, Progress, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { PackingRun, SecondsSource } from "./packingApi";

export const sourceKey = (s: SecondsSource) => `logistics.people.source.${s}` as const;

export function PackingRunCard({ run }: { run: PackingRun }) {
  const { t } = useI18n();
  const pct = run.parcels ? Math.round((run.packedParcels / run.parcels) * 100) : 0;
  return (
    <Card size="small" title={t("logistics.people.run.title")} data-testid="packing-run">
      <Flex gap={12} align="center" wrap>
        <Progress type="circle" size={56} percent={pct} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong data-testid="packing-run-summary">
            {t("logistics.people.run.summary", { parcels: run.parcels, hours: run.hours })}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t("logistics.people.run.packed", { packed: run.packedParcels, parcels: run.parcels })}
            {" · "}
            {t("logistics.people.run.team", { team: run.teamParcels })}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("logistics.people.run.pace", {
              seconds: run.secondsPerParcel,
              source: t(sourceKey(run.secondsSource)),
            })}
          </Typography.Text>
        </div>
      </Flex>
      {run.shortHours > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="packing-run-short"
          title={t("logistics.people.run.short", { hours: run.shortHours })}
        />
      ) : null}
    </Card>
  );
}
