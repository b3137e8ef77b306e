// The shop's daily visitors (they make the conversion rate): the last two weeks, and for those who
// manage the shop a day's count to type in (a file of 日期, 访客数 imports them too).
import { App, Button, Card, Flex, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useApiErrors } from "../../components/errors";
import { addDays } from "../../components/plans/dates";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { workspaceDate } from "../../signedIn";
import { useSetVisitors, useVisitors } from "./api";

export function VisitorsCard({ shopId, canEdit }: { shopId: string; canEdit: boolean }) {
  const { t } = useI18n();
  // The shop's days are the workspace's days (as on the dashboard).
  const to = workspaceDate(useMe().workspace.timeZone);
  const from = addDays(to, -13);
  const list = useVisitors(shopId, from, to);
  const save = useSetVisitors();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [date, setDate] = useState(to);
  const [count, setCount] = useState("");
  return (
    <Card size="small" title={t("shop.visitors.title")} data-testid="visitors-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t("shop.visitors.hint")}</Typography.Text>
        {canEdit ? (
          <Flex wrap gap={8}>
            <Input
              type="date"
              style={{ width: 170 }}
              aria-label={t("shop.visitors.date")}
              value={date}
              max={to}
              onChange={(e) => setDate(e.target.value)}
            />
            <Input
              type="number"
              min={0}
              style={{ width: 140 }}
              placeholder={t("shop.visitors.count")}
              aria-label={t("shop.visitors.count")}
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
            <Button
              disabled={!date || count === "" || Number(count) < 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { shopId, date, visitors: Math.round(Number(count)) },
                  {
                    onSuccess: () => {
                      void message.success(t("shop.visitors.saved"));
                      setCount("");
                    },
                    onError: (e) => onError(e),
                  },
                )
              }
            >
              {t("common.save")}
            </Button>
          </Flex>
        ) : null}
        <Flex wrap gap={4}>
          {(list.data?.items ?? []).map((v) => (
            <Tag key={v.date}>
              {v.date.slice(5)}: {v.visitors.toLocaleString()}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}
