// While a rate card is imported, the re-cost of the carrier's parcels as the server reports it
// (live event rates.recost.progress, sent to the importer only): "正在重新计费 120,000 / 1,000,000 个包裹".
import { Flex, Progress, Typography } from "antd";
import { useEffect, useState } from "react";
import { liveEventName } from "../../../components/plans/useLiveUpdates";
import { useI18n } from "../../../i18n";

interface RecostEvent {
  carrierId: string;
  done: number;
  total: number;
}

export function RecostProgress({ carrierId }: { carrierId: string }) {
  const { t, locale } = useI18n();
  const [p, setP] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<RecostEvent>).detail;
      if (d?.carrierId === carrierId && d.total > 0) setP({ done: d.done, total: d.total });
    };
    const name = liveEventName("rates.recost.progress");
    window.addEventListener(name, on);
    return () => window.removeEventListener(name, on);
  }, [carrierId]);
  if (!p) return null;
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <Flex vertical gap={2} data-testid="card-recost-progress">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("logistics.rates.recosting", { done: n(p.done), total: n(p.total) })}
      </Typography.Text>
      <Progress percent={Math.floor((p.done * 100) / p.total)} size="small" />
    </Flex>
  );
}
