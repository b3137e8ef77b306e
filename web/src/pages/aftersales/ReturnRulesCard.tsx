// The returns rule on 售后设置: returned goods are inspected before they are refunded, or not. Read by
// everyone; switched by the owner and the customer-service leads (aftersales.manage, as the server),
// with the version read (409 when someone changed it since: the page says so and reads it again).
import { App, Card, Flex, Switch, Typography } from "antd";
import { usePutReturnRules, useReturnRules } from "../../api/aftersales-care";
import { useApiErrors } from "../../components/errors";
import { useI18n } from "../../i18n";

export function ReturnRulesCard({ manage }: { manage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const rules = useReturnRules();
  const put = usePutReturnRules();
  return (
    <Card
      size="small"
      title={t("aftersales.returns.title")}
      loading={rules.isPending}
      data-testid="return-rules-card"
    >
      <Flex gap={12} align="center" wrap>
        <Switch
          checked={rules.data?.inspectBeforeRefund ?? false}
          disabled={!manage}
          loading={put.isPending}
          onChange={(on) =>
            put.mutate(
              { inspectBeforeRefund: on, version: rules.data?.version ?? 0 },
              {
                onSuccess: () => void message.success(t("aftersales.saved")),
                onError: (e) => {
                  showError(e);
                  void rules.refetch();
                },
              },
            )
          }
          data-testid="return-rules-inspect"
        />
        <Typography.Text>{t("aftersales.returns.inspect")}</Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: "8px 0 0" }}>
        {t("aftersales.returns.help")}
      </Typography.Paragraph>
    </Card>
  );
}
